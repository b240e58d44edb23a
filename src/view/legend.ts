/**
 * Which legend rows a view needs, decided once for the panel's legend and the exports' legend:
 * a row for every kind of symbol the view shows, and the topics with their counts. Pure.
 */
import { TOPICS, type Topic } from '../data/model.ts';
import type { AtlasModel } from '../model/atlas-model.ts';
import type { TimeMode } from '../time/in-force.ts';
import { STATE_BITS } from '../style/link-style.ts';
import type { Derived } from './derive.ts';

export type LegendRow =
  | 'link'
  | 'hub'
  | 'local'
  | 'recent'
  | 'ended'
  | 'city'
  | 'bund'
  | 'selectedRegion'
  | 'selectedCooperation'
  | 'tint';

export interface LegendSpec {
  mode: TimeMode;
  rows: LegendRow[];
  /** The topics of the shown cooperations (by their first topic), in legend order, with counts. */
  topics: { topic: Topic; n: number }[];
}

export function legendFor(
  model: Pick<AtlasModel, 'geometry' | 'atlas'>,
  view: { mode: TimeMode; select: string | null },
  derived: Derived,
): LegendSpec {
  const shapes = new Set<string>();
  let ended = false;
  let recent = false;
  const note = (shape: string, bits: number) => {
    if ((bits & STATE_BITS.shown) === 0) return;
    shapes.add(shape);
    if (bits & STATE_BITS.ended) ended = true;
    if (bits & STATE_BITS.recent) recent = true;
  };
  for (const f of model.geometry.lines.features)
    note(f.properties.shape, derived.featureState[f.properties.fid] ?? 0);
  for (const f of model.geometry.points.features)
    note(f.properties.shape, derived.featureState[f.properties.fid] ?? 0);
  const rows: LegendRow[] = [];
  if (shapes.has('arc')) rows.push('link');
  if (shapes.has('hub')) rows.push('hub');
  if (shapes.has('local')) rows.push('local');
  if (recent) rows.push('recent');
  if (ended) rows.push('ended');
  const city = (id: string) => {
    const kind = model.atlas.regions.get(id)?.kind;
    return kind === 'municipality' || kind === 'district';
  };
  if ([...derived.activeRegions].some(city)) rows.push('city');
  rows.push('bund');
  const selected = view.select;
  if (selected && model.atlas.regions.has(selected)) rows.push('selectedRegion');
  if (selected && model.atlas.cooperationById.has(selected)) rows.push('selectedCooperation');
  if (derived.partnerTint.size > 0) rows.push('tint');
  const counts = new Map<Topic, number>();
  for (const c of derived.visible) {
    const t = c.topics[0] ?? 'governance';
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return {
    mode: view.mode,
    rows,
    topics: TOPICS.filter((t) => counts.has(t)).map((t) => ({ topic: t, n: counts.get(t)! })),
  };
}
