/**
 * Which legend rows a view needs, decided once for the panel's legend and the exports' legend:
 * a row for every kind of symbol the view shows, and the topics with their counts. Pure.
 */
import { TOPICS, type Topic } from '../data/model.ts';
import type { AtlasModel } from '../model/atlas-model.ts';
import type { Level } from '../geo/overview.ts';
import type { TimeMode } from '../time/in-force.ts';
import { STATE_BITS } from '../style/link-style.ts';
import type { Derived } from './derive.ts';

export type LegendRow =
  | 'pair'
  | 'localCount'
  | 'nationwide'
  | 'link'
  | 'hub'
  | 'local'
  | 'recent'
  | 'ended'
  | 'added'
  | 'continued'
  | 'removed'
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
  model: Pick<AtlasModel, 'geometry' | 'atlas' | 'overview'>,
  view: { mode: TimeMode; select: string | null },
  derived: Derived,
  level: Level = 'far',
): LegendSpec {
  const shapes = new Set<string>();
  let ended = false;
  let recent = false;
  let kept = false;
  const note = (shape: unknown, bits: number) => {
    if ((bits & STATE_BITS.shown) === 0) return;
    shapes.add(String(shape));
    if (bits & STATE_BITS.ended) ended = true;
    if (bits & STATE_BITS.recent) recent = true;
    if (bits & STATE_BITS.kept) kept = true;
  };
  const rows: LegendRow[] = [];
  if (derived.overview) {
    for (const f of model.overview.features.features) {
      const p = f.properties as { fid: number; shape?: string; Z?: string };
      if (p.Z !== (level === 'far' ? 'near' : 'far'))
        note(p.shape, derived.overviewState[p.fid] ?? 0);
    }
    if (derived.pairCounts[level].some((n) => n > 0)) rows.push('pair');
    if (shapes.has('hub')) rows.push('hub');
    if (derived.local[level].size > 0) rows.push('localCount');
    if (derived.nationwide.length > 0) rows.push('nationwide');
  } else {
    for (const f of model.geometry.lines.features)
      note(f.properties.shape, derived.featureState[f.properties.fid] ?? 0);
    for (const f of model.geometry.points.features)
      note(f.properties.shape, derived.featureState[f.properties.fid] ?? 0);
    if (shapes.has('arc')) rows.push('link');
    if (shapes.has('hub')) rows.push('hub');
    if (shapes.has('local')) rows.push('local');
  }
  // Diff mode reads the same bits as the change: new, continued, ended.
  if (view.mode === 'diff') {
    if (recent) rows.push('added');
    if (kept) rows.push('continued');
    if (ended) rows.push('removed');
  } else {
    if (recent) rows.push('recent');
    if (ended) rows.push('ended');
  }
  const city = (id: string) => {
    const kind = model.atlas.regions.get(id)?.kind;
    return kind === 'municipality' || kind === 'district';
  };
  if ((!derived.overview || level === 'near') && [...derived.activeRegions].some(city))
    rows.push('city');
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
