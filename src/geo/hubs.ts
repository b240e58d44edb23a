/**
 * Where the hubs of multi-party cooperations sit: at the centroid of their partners, moved apart
 * where hubs of similar partner sets would pile up on one spot (the alliances of most Länder all
 * have their centroid in Saxony-Anhalt). Pure and deterministic; a grid keeps it fast for
 * thousands of hubs.
 */
import type { Position } from './links.ts';

export interface HubRequest {
  key: string;
  center: Position;
  /** Number of partner regions: larger alliances keep their centroid first. */
  size: number;
}

const KM_PER_DEG_LAT = 110.57;
const round = (n: number): number => Math.round(n * 1e5) / 1e5;

/** Distance in km on a local equirectangular approximation (good to ~1 % within Germany). */
export function approxKm(a: Position, b: Position): number {
  const kx = 111.32 * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * KM_PER_DEG_LAT);
}

function offset(p: Position, km: number, degrees: number): Position {
  const rad = (degrees * Math.PI) / 180;
  const kx = 111.32 * Math.cos((p[1] * Math.PI) / 180);
  return [p[0] + (Math.sin(rad) * km) / kx, p[1] + (Math.cos(rad) * km) / KM_PER_DEG_LAT];
}

/**
 * Greedy placement: hubs are placed by size (then by key); each takes its centroid if no placed
 * hub (nor a `fixed` point) lies within `minKm`, else the first free spot on rings of growing
 * radius around it (12 spots a ring, up to 8 rings), else the least crowded spot it tried.
 */
export function placeHubs(
  requests: readonly HubRequest[],
  minKm = 26,
  fixed: readonly Position[] = [],
): Map<string, Position> {
  const cell = minKm / KM_PER_DEG_LAT;
  const grid = new Map<string, Position[]>();
  const keyOf = (p: Position) => `${Math.floor(p[0] / cell)},${Math.floor(p[1] / cell)}`;
  const add = (p: Position) => {
    const k = keyOf(p);
    const list = grid.get(k) ?? [];
    list.push(p);
    grid.set(k, list);
  };
  /** The distance to the nearest placed point, looked up in the 5 × 5 cells around. */
  const gap = (p: Position): number => {
    const cx = Math.floor(p[0] / cell);
    const cy = Math.floor(p[1] / cell);
    let best = Infinity;
    for (let dx = -2; dx <= 2; dx++)
      for (let dy = -2; dy <= 2; dy++)
        for (const q of grid.get(`${cx + dx},${cy + dy}`) ?? [])
          best = Math.min(best, approxKm(p, q));
    return best;
  };
  for (const p of fixed) add(p);
  const order = [...requests].sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : 1));
  const out = new Map<string, Position>();
  for (const r of order) {
    let best = r.center;
    let bestGap = gap(best);
    for (let ring = 1; ring <= 8 && bestGap < minKm; ring++)
      for (let k = 0; k < 12 && bestGap < minKm; k++) {
        const p = offset(r.center, ring * minKm * 0.9, k * 30 + (ring % 2) * 15);
        const g = gap(p);
        if (g > bestGap) {
          best = p;
          bestGap = g;
        }
      }
    const at: Position = [round(best[0]), round(best[1])];
    add(at);
    out.set(r.key, at);
  }
  return out;
}
