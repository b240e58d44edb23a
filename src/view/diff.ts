/**
 * Diff mode: what changed between two dates. A cooperation is added (in force at the later
 * date, not at the earlier), ended (the reverse) or continued (in force at both); a Land (or the
 * Bund) gains a membership when it takes part in a cooperation at the later date but did not at
 * the earlier one (a new cooperation, or an accession to one that continued). Pure.
 */
import type { Cooperation } from '../data/atlas.ts';
import { phaseAt, type OverviewGeometry } from '../geo/overview.ts';
import { changeBetween, isInForce, type Change } from '../time/in-force.ts';

export interface Diff {
  from: number;
  to: number;
  /** Newest first, as the shown list. */
  added: Cooperation[];
  ended: Cooperation[];
  continued: Cooperation[];
  /** Per Land (and the Bund) with at least one: memberships gained, most first, then by id. */
  gains: { region: string; count: number }[];
}

/** The change of each shown cooperation (a map by id, for the views that mark them). */
export function changesOf(diff: Diff): Map<string, Change> {
  const out = new Map<string, Change>();
  for (const c of diff.added) out.set(c.id, 'added');
  for (const c of diff.ended) out.set(c.id, 'ended');
  for (const c of diff.continued) out.set(c.id, 'continued');
  return out;
}

/** The diff of the shown cooperations (already filtered by topic and kind) between two dates. */
export function diffOf(
  overview: Pick<OverviewGeometry, 'phases'>,
  shown: readonly Cooperation[],
  from: number,
  to: number,
): Diff {
  const diff: Diff = { from, to, added: [], ended: [], continued: [], gains: [] };
  const gains = new Map<string, number>();
  for (const c of shown) {
    const change = changeBetween(c, from, to);
    if (change === null) continue;
    diff[change].push(c);
    if (change === 'ended') continue;
    const phases = overview.phases[c.index]!;
    const before = new Set(isInForce(c, from) ? phaseAt(phases, from).lands : []);
    for (const land of phaseAt(phases, to).lands)
      if (!before.has(land)) gains.set(land, (gains.get(land) ?? 0) + 1);
  }
  diff.gains = [...gains]
    .map(([region, count]) => ({ region, count }))
    .sort((a, b) => b.count - a.count || a.region.localeCompare(b.region));
  return diff;
}

/** The regions with the most gains (all of them on a tie); none when nobody gained. */
export function topGainers(diff: Pick<Diff, 'gains'>): { regions: string[]; count: number } {
  const count = diff.gains[0]?.count ?? 0;
  return { regions: diff.gains.filter((g) => g.count === count).map((g) => g.region), count };
}
