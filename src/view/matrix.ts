/**
 * The Länder matrix: the Bund and the 16 Länder, and for each two of them the number of shown
 * cooperations in which both take part (a city, district or organisation counts for its Land;
 * a partner from its joined date on); the diagonal is a region's own number. Pure.
 */
import type { Cooperation } from '../data/atlas.ts';
import { phaseAt } from '../geo/overview.ts';
import type { AtlasModel } from '../model/atlas-model.ts';
import { changeBetween, type TimeFilter } from '../time/in-force.ts';

export type MatrixOrder = 'geo' | 'activity' | 'cluster';
export const MATRIX_ORDERS: readonly MatrixOrder[] = ['geo', 'activity', 'cluster'];

export interface Matrix {
  /** Row and column regions in the fixed geographic order (the Bund first, then north → south). */
  regions: string[];
  /** counts[i * n + j] for regions i and j; symmetric. In diff mode: at the later date. */
  counts: Int32Array;
  /** Diff mode: of those, how many were added, and how many ended (not counted above). */
  change: { added: Int32Array; ended: Int32Array } | null;
  /** The smallest positive and the largest count off the diagonal (for the colour scale). */
  minPair: number;
  maxPair: number;
}

/** The Bund, then the Länder from north to south (by the latitude of their anchor). */
export function geographicOrder(model: Pick<AtlasModel, 'atlas' | 'anchors'>): string[] {
  const states = [...model.atlas.regions.values()].filter((r) => r.kind === 'state');
  const lat = (id: string) => model.anchors.get(id)?.[1] ?? 0;
  return ['DE', ...states.map((r) => r.id).sort((a, b) => lat(b) - lat(a) || (a < b ? -1 : 1))];
}

/**
 * The matrix of the shown cooperations at the date (the later date in diff mode, with what was
 * added and what ended counted apart). Without `nationwide`, the cooperations in which every
 * Land takes part are left out, so the regional structure shows.
 */
export function buildMatrix(
  model: Pick<AtlasModel, 'atlas' | 'anchors' | 'overview'>,
  visible: readonly Cooperation[],
  time: Pick<TimeFilter, 'mode' | 'date' | 'from'>,
  nationwide: boolean,
): Matrix {
  const regions = geographicOrder(model);
  const n = regions.length;
  const index = new Map(regions.map((r, i) => [r, i]));
  const counts = new Int32Array(n * n);
  const change =
    time.mode === 'diff' ? { added: new Int32Array(n * n), ended: new Int32Array(n * n) } : null;
  for (const c of visible) {
    const kind = change ? changeBetween(c, time.from, time.date) : null;
    // What ended is counted as it was at the earlier date.
    const phase = phaseAt(
      model.overview.phases[c.index]!,
      kind === 'ended' ? time.from : time.date,
    );
    if (!nationwide && phase.far.kind === 'nationwide') continue;
    const at = phase.lands.map((r) => index.get(r)).filter((i): i is number => i !== undefined);
    const add = (target: Int32Array) => {
      for (const i of at) for (const j of at) target[i * n + j]!++;
    };
    if (kind === 'ended') add(change!.ended);
    else {
      add(counts);
      if (kind === 'added') add(change!.added);
    }
  }
  let maxPair = 0;
  let minPair = Infinity;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const v = counts[i * n + j]!;
      if (i === j || v === 0) continue;
      maxPair = Math.max(maxPair, v);
      minPair = Math.min(minPair, v);
    }
  return { regions, counts, change, minPair: Number.isFinite(minPair) ? minPair : 0, maxPair };
}

export const countOf = (m: Matrix, i: number, j: number): number =>
  m.counts[i * m.regions.length + j] ?? 0;

/** By activity: the regions with the most cooperations first (ties in geographic order). */
export function activityOrder(m: Matrix): number[] {
  return m.regions.map((_, i) => i).sort((a, b) => countOf(m, b, b) - countOf(m, a, a) || a - b);
}

/**
 * The order of rows and columns (indices into the regions) where it needs no work: geographic
 * (the regions' own order) or by activity; null for the clustered order (view/seriate.ts).
 */
export function syncOrder(m: Matrix, order: MatrixOrder): number[] | null {
  if (order === 'activity') return activityOrder(m);
  if (order === 'cluster') return null;
  return m.regions.map((_, i) => i);
}

/**
 * Distances for the clustered order: two regions are close when they share many of their
 * cooperations (1 − cosine similarity of their rows, the diagonal left out).
 */
export function matrixDistances(m: Matrix): number[][] {
  const n = m.regions.length;
  const row = (i: number) => Array.from({ length: n }, (_, j) => (i === j ? 0 : countOf(m, i, j)));
  const rows = m.regions.map((_, i) => row(i));
  const norm = rows.map((r) => Math.hypot(...r));
  return rows.map((a, i) =>
    rows.map((b, j) => {
      if (i === j) return 0;
      if (norm[i] === 0 || norm[j] === 0) return 1;
      const dot = a.reduce((s, x, k) => s + x * b[k]!, 0);
      return 1 - dot / (norm[i]! * norm[j]!);
    }),
  );
}
