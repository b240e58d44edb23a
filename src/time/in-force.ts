/**
 * Time semantics. All dates are day numbers (see data/partial-date.ts); a partial
 * date counts from the first day of its period. Intervals are half-open: a
 * cooperation is in force on [from, until).
 */
import type { Cooperation, Partner } from '../data/atlas.ts';
import { parsePartialDate } from '../data/partial-date.ts';

/** The timeline starts on 1 January 2006 (and ends today, computed at run time). */
export const TIMELINE_START = parsePartialDate('2006-01-01')!.start;

/** The time modes, in the order the timeline offers them. */
export const TIME_MODES = ['inforce', 'signed', 'cumulative', 'diff'] as const;
export type TimeMode = (typeof TIME_MODES)[number];

/** Modes with two dates (a range to signed, two dates to compare for diff). */
export const isRangeMode = (mode: TimeMode): boolean => mode === 'signed' || mode === 'diff';

export interface TimeFilter {
  mode: TimeMode;
  /** The handle (inforce, cumulative), the range end (signed) or the later date (diff). */
  date: number;
  /** Range start (signed) or the earlier date (diff); unused otherwise. */
  from: number;
}

/** What happened to a cooperation between two dates (diff mode), by whether it was in force. */
export type Change = 'added' | 'ended' | 'continued';

/** Added: in force at `to`, not at `from`; ended: the reverse; continued: at both; else null. */
export function changeBetween(c: Cooperation, from: number, to: number): Change | null {
  const before = isInForce(c, from);
  const after = isInForce(c, to);
  if (before && after) return 'continued';
  if (after) return 'added';
  if (before) return 'ended';
  return null;
}

/**
 * The day a shown cooperation is drawn at: its partners and shape as of that day. The date,
 * except for what ended in diff mode, which is drawn as it was at the earlier date.
 */
export function drawnAt(c: Cooperation, f: TimeFilter): number {
  return f.mode === 'diff' && !isInForce(c, f.date) ? f.from : f.date;
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
    case 'diff':
      return changeBetween(c, f.from, f.date) !== null;
  }
}

/**
 * Whether a partner of a shown cooperation takes part on the day it is drawn at: founders
 * always, a later accession from its joined date on.
 */
export function isPartnerActive(p: Partner, day: number): boolean {
  return p.joined === null || p.joined.start <= day;
}

/** Partners taking part under a filter (of a cooperation the filter shows). */
export function activePartners(c: Cooperation, f: TimeFilter): Partner[] {
  const day = drawnAt(c, f);
  return c.partners.filter((p) => isPartnerActive(p, day));
}

/** Signed within the 12 months before (and including) the day: emphasised on the map. */
export function isRecent(c: Cooperation, day: number, recentFrom: number): boolean {
  return c.signed.start <= day && c.signed.start > recentFrom;
}
