/**
 * The numbers editors quote about a selected Land (or the Bund): how many cooperations it takes
 * part in and with how many partners at the date, its closest partners, and its count since 2006
 * (for the sparkline). The same semantics as the panel's list: the region itself takes part
 * (from its joined date on), the topic and kind filters apply. Pure.
 */
import type { Atlas } from '../data/atlas.ts';
import { startOfYear } from '../data/partial-date.ts';
import { isPartnerActive, isShown, type TimeMode } from '../time/in-force.ts';
import { passesFilters, type Derived, type Filters } from './derive.ts';

/** How many closest partners the summary names. */
export const CLOSEST = 3;

export interface LandSummary {
  count: number;
  partners: number;
  /** The partners sharing the most cooperations, most first (ties by id). */
  closest: { region: string; count: number }[];
  /** The count on 1 January of every year since the start, and on the date. */
  series: { day: number; count: number }[];
}

/** The series reads the view's mode where it is a single date; ranges count what is in force. */
const seriesMode = (mode: TimeMode): 'inforce' | 'cumulative' =>
  mode === 'cumulative' ? 'cumulative' : 'inforce';

/** The partners sharing the most cooperations, most first (ties by id). */
export function closestPartners(
  partnerCounts: ReadonlyMap<string, number>,
  n: number,
): { region: string; count: number }[] {
  return [...partnerCounts]
    .map(([region, count]) => ({ region, count }))
    .sort((a, b) => b.count - a.count || (a.region < b.region ? -1 : 1))
    .slice(0, n);
}

export function landSummary(
  atlas: Pick<Atlas, 'cooperationsByRegion'>,
  region: string,
  derived: Pick<Derived, 'selected' | 'partnerCounts'>,
  view: { mode: TimeMode; date: number; start: number; filters: Filters },
): LandSummary {
  const closest = closestPartners(derived.partnerCounts, CLOSEST);
  const days: number[] = [];
  for (let d = startOfYear(view.start); d < view.date; d = startOfYear(d + 366)) days.push(d);
  days.push(view.date);
  const own = (atlas.cooperationsByRegion.get(region) ?? []).filter((c) =>
    passesFilters(c, view.filters),
  );
  const mode = seriesMode(view.mode);
  const series = days.map((day) => ({
    day,
    count: own.filter(
      (c) =>
        isShown(c, { mode, date: day, from: day }) &&
        c.partners.some((p) => p.region === region && isPartnerActive(p, day)),
    ).length,
  }));
  return {
    count: derived.selected.length,
    partners: derived.partnerCounts.size,
    closest,
    series,
  };
}
