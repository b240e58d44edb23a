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

/** The 12 directions of a ring (every 30°, turned by 15° on odd rings): [sin, cos]. */
const DIRECTIONS = [0, 15].map((turn) =>
  Array.from({ length: 12 }, (_, k) => {
    const rad = ((k * 30 + turn) * Math.PI) / 180;
    return [Math.sin(rad), Math.cos(rad)] as const;
  }),
);

/**
 * Greedy placement: hubs are placed by size (then by key); each takes its centroid if no placed
 * hub (nor a `fixed` point) lies within `minKm`, else the first free spot on rings of growing
 * radius around it (12 spots a ring, up to 8 rings). Where every spot is taken (thousands of
 * hubs in one region) it keeps its centroid.
 */
export function placeHubs(
  requests: readonly HubRequest[],
  minKm = 26,
  fixed: readonly Position[] = [],
): Map<string, Position> {
  const cell = minKm / KM_PER_DEG_LAT;
  const grid = new Map<number, Position[]>();
  const cellKey = (cx: number, cy: number) => cx * 100_003 + cy;
  const keyOf = (p: Position) => cellKey(Math.floor(p[0] / cell), Math.floor(p[1] / cell));
  const add = (p: Position) => {
    const k = keyOf(p);
    const list = grid.get(k) ?? [];
    list.push(p);
    grid.set(k, list);
  };
  /**
   * Whether a placed point lies within minKm. A cell is minKm high, so one row up and down is
   * enough; it is narrower than minKm east–west (a degree of longitude is shorter), so as many
   * columns as minKm spans there (2 in Germany).
   */
  const taken = (p: Position): boolean => {
    const cx = Math.floor(p[0] / cell);
    const cy = Math.floor(p[1] / cell);
    const lat = Math.min(89, Math.abs(p[1]) + cell);
    /** km per degree of longitude, at most as many as anywhere between p and a point in reach */
    const kxLow = 111.32 * Math.cos((lat * Math.PI) / 180);
    const span = Math.ceil(KM_PER_DEG_LAT / kxLow);
    for (let dx = -span; dx <= span; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const list = grid.get(cellKey(cx + dx, cy + dy));
        if (list)
          for (const q of list)
            // Cheap bounds first (each is at most the distance), the distance only within them.
            if (
              Math.abs(p[1] - q[1]) * KM_PER_DEG_LAT < minKm &&
              Math.abs(p[0] - q[0]) * kxLow < minKm &&
              approxKm(p, q) < minKm
            )
              return true;
      }
    return false;
  };
  /** Cells around which every spot was taken: later hubs there keep their centroid at once. */
  const full = new Set<number>();
  for (const p of fixed) add(p);
  const order = [...requests].sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : 1));
  const out = new Map<string, Position>();
  for (const r of order) {
    let best = r.center;
    const home = keyOf(best);
    search: if (!full.has(home) && taken(best)) {
      const [x, y] = r.center;
      const kx = 111.32 * Math.cos((y * Math.PI) / 180);
      for (let ring = 1; ring <= 8; ring++)
        for (const [sin, cos] of DIRECTIONS[ring % 2]!) {
          const km = ring * minKm * 0.9;
          const p: Position = [x + (sin * km) / kx, y + (cos * km) / KM_PER_DEG_LAT];
          if (!taken(p)) {
            best = p;
            break search;
          }
        }
      full.add(home);
    }
    const at: Position = [round(best[0]), round(best[1])];
    add(at);
    out.set(r.key, at);
  }
  return out;
}
