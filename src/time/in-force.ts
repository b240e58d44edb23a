/**
 * Time semantics. All dates are day numbers (see data/partial-date.ts); a partial
 * date counts from the first day of its period. Intervals are half-open: a
 * cooperation is in force on [from, until).
 */
import type { Cooperation, Partner } from '../data/atlas.ts';
import { parsePartialDate } from '../data/partial-date.ts';

/** The timeline starts on 1 January 2006 (and ends today, computed at run time). */
export const TIMELINE_START = parsePartialDate('2006-01-01')!.start;

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
  return c.inForceFrom <= day && (c.inForceUntil === null || day < c.inForceUntil);
}

/** Signed within [from, to] (both inclusive, by the first day of the signing period). */
export function isSignedWithin(c: Cooperation, from: number, to: number): boolean {
  return c.signed.start >= from && c.signed.start <= to;
}

/**
 * Signed on or before the day, ended ones included (cumulative mode: also what is signed but
 * not yet in effect, and nothing that is only backdated into the past).
 */
export function isSignedBy(c: Cooperation, day: number): boolean {
  return c.signed.start <= day;
}

export function isEndedBy(c: Cooperation, day: number): boolean {
  return c.inForceUntil !== null && c.inForceUntil <= day;
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

/**
 * Whether a partner of a shown cooperation takes part under a filter: founders always, a later
 * accession from its joined date on (up to the handle, or the end of the range).
 */
export function isPartnerActive(p: Partner, f: TimeFilter): boolean {
  return p.joined === null || p.joined.start <= f.date;
}

/** Partners taking part under a filter (of a cooperation the filter shows). */
export function activePartners(c: Cooperation, f: TimeFilter): Partner[] {
  return c.partners.filter((p) => isPartnerActive(p, f));
}

/** Signed within the 12 months before (and including) the day: emphasised on the map. */
export function isRecent(c: Cooperation, day: number, recentFrom: number): boolean {
  return c.signed.start <= day && c.signed.start > recentFrom;
}
