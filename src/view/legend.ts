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

/** Feature ids with their shapes, read once per dataset (the legend runs on every date change). */
interface FeatureList {
  fids: Uint32Array;
  /** Each feature's shape as a small number (see shapeCode). */
  codes: Uint8Array;
}
const SHAPE_CODES = new Map<string, number>();
/** A shape's number, given on first sight (at most 31 shapes). */
function shapeCode(shape: string): number {
  let code = SHAPE_CODES.get(shape);
  if (code === undefined) SHAPE_CODES.set(shape, (code = Math.min(SHAPE_CODES.size, 30)));
  return code;
}
type FeatureLists = Record<Level | 'detail', FeatureList>;
const listsOf = new WeakMap<object, FeatureLists>();

/**
 * The fids and shape codes of the features `keep` accepts, in one plain loop (this runs at
 * start-up, while the code is still cold: filters and mapped Uint32Array.from calls took 25 ms
 * at 10 000 cooperations).
 */
function listOf(
  features: readonly { properties: unknown }[],
  keep: (p: { Z?: string }) => boolean = () => true,
): FeatureList {
  const fids = new Uint32Array(features.length);
  const codes = new Uint8Array(features.length);
  let n = 0;
  for (const f of features) {
    const p = f.properties as { fid: number; shape?: string; Z?: string };
    if (!keep(p)) continue;
    fids[n] = p.fid;
    codes[n++] = shapeCode(String(p.shape));
  }
  return { fids: fids.subarray(0, n), codes: codes.subarray(0, n) };
}

/** A feature without a level (a pair line) belongs to both. */
function featureLists(model: Pick<AtlasModel, 'geometry' | 'overview'>): FeatureLists {
  const known = listsOf.get(model.overview);
  if (known) return known;
  const features = model.overview.features.features;
  let detail: FeatureList | null = null;
  const lists = {
    far: listOf(features, (p) => p.Z !== 'near'),
    near: listOf(features, (p) => p.Z !== 'far'),
    // Only a selection's legend reads it: the detail geometry is built on first use.
    get detail() {
      return (detail ??= listOf([
        ...model.geometry.lines.features,
        ...model.geometry.points.features,
      ]));
    },
  };
  listsOf.set(model.overview, lists);
  return lists;
}

export function legendFor(
  model: Pick<AtlasModel, 'geometry' | 'atlas' | 'overview'>,
  view: { mode: TimeMode; select: string | null },
  derived: Derived,
  level: Level = 'far',
): LegendSpec {
  let shown = 0;
  let bitsSeen = 0;
  /** Reads the state bits of the listed features: which shapes are shown, and how. */
  const scan = (list: FeatureList, state: Uint8Array) => {
    const { fids, codes } = list;
    for (let i = 0; i < fids.length; i++) {
      const bits = state[fids[i]!]!;
      if ((bits & STATE_BITS.shown) === 0) continue;
      shown |= 1 << codes[i]!;
      bitsSeen |= bits;
    }
  };
  const shapes = { has: (shape: string) => (shown & (1 << shapeCode(shape))) !== 0 };
  const rows: LegendRow[] = [];
  const lists = featureLists(model);
  if (derived.overview) {
    scan(lists[level], derived.overviewState);
    if (derived.pairCounts[level].some((n) => n > 0)) rows.push('pair');
    if (shapes.has('hub')) rows.push('hub');
    if (derived.local[level].size > 0) rows.push('localCount');
    if (derived.nationwide.length > 0) rows.push('nationwide');
  } else {
    scan(lists.detail, derived.featureState);
    if (shapes.has('arc')) rows.push('link');
    if (shapes.has('hub')) rows.push('hub');
    if (shapes.has('local')) rows.push('local');
  }
  // Diff mode reads the same bits as the change: new, continued, ended.
  if (view.mode === 'diff') {
    if (bitsSeen & STATE_BITS.recent) rows.push('added');
    if (bitsSeen & STATE_BITS.kept) rows.push('continued');
    if (bitsSeen & STATE_BITS.ended) rows.push('removed');
  } else {
    if (bitsSeen & STATE_BITS.recent) rows.push('recent');
    if (bitsSeen & STATE_BITS.ended) rows.push('ended');
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
