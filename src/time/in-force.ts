/**
 * Time semantics. All dates are day numbers (see data/partial-date.ts); a partial
 * date counts from the first day of its period. Intervals are half-open: a
 * cooperation is in force on [from, until).
 */
import type { Cooperation, Partner } from '../data/atlas.ts';

export type TimeMode = 'inforce' | 'signed' | 'cumulative';

export interface TimeFilter {
  mode: TimeMode;
  /** The handle (inforce, cumulative) or the range end (signed). */
  date: number;
  /** Range start (signed mode only). */
  from: number;
}

/** In force at the day: in effect (effective, else signed) on or before it and not yet ended. */
export function isInForce(c: Cooperation, day: number): boolean {
  return c.from <= day && (c.until === null || day < c.until);
}

/** Signed within [from, to] (both inclusive, by the first day of the signing period). */
export function isSignedWithin(c: Cooperation, from: number, to: number): boolean {
  return c.signed.start >= from && c.signed.start <= to;
}

/** Signed (or in effect) on or before the day, ended ones included. */
export function isSignedBy(c: Cooperation, day: number): boolean {
  return Math.min(c.signed.start, c.from) <= day;
}

export function isEndedBy(c: Cooperation, day: number): boolean {
  return c.until !== null && c.until <= day;
}

/** Whether a cooperation is shown under a time filter. */
export function isShown(c: Cooperation, f: TimeFilter): boolean {
  switch (f.mode) {
    case 'inforce':
      return isInForce(c, f.date);
    case 'signed':
      return isSignedWithin(c, f.from, f.date);
    case 'cumulative':
      return isSignedBy(c, f.date);
  }
}

/** The day up to which partners count under a filter (their joined dates). */
export function referenceDay(f: TimeFilter): number {
  return f.date;
}

/** Whether a partner takes part at the filter's reference day (a later accession appears from joined). */
export function isPartnerActive(c: Cooperation, p: Partner, f: TimeFilter): boolean {
  if (f.mode === 'signed') return true;
  return p.from <= referenceDay(f);
}

/** Partners taking part under a filter. */
export function activePartners(c: Cooperation, f: TimeFilter): Partner[] {
  return c.partners.filter((p) => isPartnerActive(c, p, f));
}

/** Ids of the cooperations in force at a day. */
export function inForceIds(cooperations: readonly Cooperation[], day: number): string[] {
  return cooperations.filter((c) => isInForce(c, day)).map((c) => c.id);
}

/** Signed within the 12 months before (and including) the day: emphasised on the map. */
export function isRecent(c: Cooperation, day: number, recentFrom: number): boolean {
  return c.signed.start <= day && c.signed.start > recentFrom;
}
