/**
 * Link geometry: arcs between two partners, parallel arcs for several cooperations of
 * one pair, hubs with spokes for three or more partners, and a marker for a cooperation
 * whose partners all sit in one region. Pure (Turf only) and computed once per dataset.
 */
import bearing from '@turf/bearing';
import destination from '@turf/destination';
import distance from '@turf/distance';
import midpoint from '@turf/midpoint';
import { point } from '@turf/helpers';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { Atlas, Cooperation } from '../data/atlas.ts';
import type { Topic } from '../data/model.ts';

export type Position = [number, number];

export interface LineProps {
  /** Numeric feature id (also the GeoJSON id), for feature-state. */
  fid: number;
  cooperation: string;
  shape: 'arc' | 'spoke';
  topic: Topic;
  /** Partners of many regions: drawn quietly unless selected. */
  large: boolean;
}
export interface PointProps {
  fid: number;
  cooperation: string;
  shape: 'hub' | 'local';
  topic: Topic;
  /** Number of partner regions (hub) or partners (local). */
  size: number;
  large: boolean;
}

export interface LinkPart {
  fid: number;
  /** Partner regions that must take part for this part to show. */
  requires: string[];
}

export interface LinkGeometry {
  lines: FeatureCollection<LineString, LineProps>;
  points: FeatureCollection<Point, PointProps>;
  /** For each cooperation: its line parts and point parts. */
  parts: Map<string, { lines: LinkPart[]; points: LinkPart[] }>;
  /** Two-region cooperations by unordered pair key "a|b": their arcs and the badge point. */
  pairs: Map<string, { cooperations: string[]; fids: number[]; label: Position }>;
}

/** Regions of many partners (e.g. all Länder) are drawn quietly. */
export const LARGE_ALLIANCE = 8;

const round = (n: number): number => Math.round(n * 1e5) / 1e5;

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * Bow height (km) of the k-th arc between two points: proportional to the distance, but
 * never so flat that a short neighbour link (Berlin–Brandenburg) disappears; arcs of one pair
 * alternate sides and grow outwards: +1, −1, +2, −2 … times the base.
 */
export function arcOffset(lengthKm: number, index: number): number {
  const base = Math.min(70, Math.max(9, lengthKm * 0.16));
  const step = Math.floor(index / 2) + 1;
  const side = index % 2 === 0 ? 1 : -1;
  return side * base * (1 + (step - 1) * 0.75);
}

/**
 * A curved line from a to b whose apex lies `offsetKm` to the left of the chord (negative:
 * right). Quadratic Bézier through a control point at twice the apex offset. The first and
 * last points are exactly a and b.
 */
export function arc(a: Position, b: Position, offsetKm: number, samples = 24): Position[] {
  if (a[0] === b[0] && a[1] === b[1]) return [a, b];
  const mid = midpoint(point(a), point(b));
  const heading = bearing(point(a), point(b));
  const control = destination(mid, Math.abs(offsetKm) * 2, heading + (offsetKm >= 0 ? -90 : 90))
    .geometry.coordinates as Position;
  const out: Position[] = [a];
  for (let i = 1; i < samples; i++) {
    const t = i / samples;
    const u = 1 - t;
    out.push([
      round(u * u * a[0] + 2 * u * t * control[0] + t * t * b[0]),
      round(u * u * a[1] + 2 * u * t * control[1] + t * t * b[1]),
    ]);
  }
  out.push(b);
  return out;
}

export function centroid(points: Position[]): Position {
  const n = points.length || 1;
  const sum = points.reduce<Position>((s, p) => [s[0] + p[0], s[1] + p[1]], [0, 0]);
  return [round(sum[0] / n), round(sum[1] / n)];
}

/**
 * Hubs of cooperations with the same partner set would sit on one spot; the k-th one is
 * moved around a small circle (growing per round) so each stays visible and clickable.
 */
export function spreadHub(center: Position, index: number): Position {
  if (index === 0) return center;
  const ring = Math.floor((index - 1) / 6) + 1;
  const angle = ((index - 1) % 6) * 60 + ring * 30;
  return destination(point(center), ring * 22, angle).geometry.coordinates.map(round) as Position;
}

/**
 * Builds every link feature of a dataset. `anchors` gives a point per region id; `hubAt` the
 * place of a cooperation's hub where one was worked out (geo/hubs.ts), else its centroid.
 */
export function buildLinkGeometry(
  atlas: Pick<Atlas, 'cooperations'>,
  anchors: ReadonlyMap<string, Position>,
  hubAt: ReadonlyMap<string, Position> = new Map(),
): LinkGeometry {
  const lines: Feature<LineString, LineProps>[] = [];
  const points: Feature<Point, PointProps>[] = [];
  const parts = new Map<string, { lines: LinkPart[]; points: LinkPart[] }>();
  const pairs = new Map<string, { cooperations: string[]; fids: number[]; label: Position }>();
  const hubSlots = new Map<string, number>();
  let fid = 0;

  const anchor = (region: string, c: Cooperation): Position => {
    const p = anchors.get(region);
    if (!p) throw new Error(`no anchor point for region "${region}" (cooperation ${c.id})`);
    return p;
  };

  // Arcs of one pair get their rank in signing order (cooperations arrive sorted).
  const pairRank = new Map<string, number>();
  for (const c of atlas.cooperations) {
    const topic = c.topics[0] ?? 'governance';
    const large = c.regions.length >= LARGE_ALLIANCE;
    const entry = { lines: [] as LinkPart[], points: [] as LinkPart[] };
    parts.set(c.id, entry);
    if (c.regions.length === 1) {
      const region = c.regions[0]!;
      const id = fid++;
      points.push({
        type: 'Feature',
        id,
        properties: {
          fid: id,
          cooperation: c.id,
          shape: 'local',
          topic,
          size: c.partners.length,
          large,
        },
        geometry: { type: 'Point', coordinates: anchor(region, c) },
      });
      entry.points.push({ fid: id, requires: [region] });
    } else if (c.regions.length === 2) {
      const [ra, rb] = [...c.regions].sort() as [string, string];
      const key = pairKey(ra, rb);
      const rank = pairRank.get(key) ?? 0;
      pairRank.set(key, rank + 1);
      const a = anchor(ra, c);
      const b = anchor(rb, c);
      const offset = arcOffset(distance(point(a), point(b)), rank);
      const id = fid++;
      lines.push({
        type: 'Feature',
        id,
        properties: { fid: id, cooperation: c.id, shape: 'arc', topic, large },
        geometry: { type: 'LineString', coordinates: arc(a, b, offset) },
      });
      entry.lines.push({ fid: id, requires: [ra, rb] });
      // The pair's count badge sits on the chord, between the arcs that alternate sides.
      const pair = pairs.get(key) ?? {
        cooperations: [],
        fids: [],
        label: midpoint(point(a), point(b)).geometry.coordinates.map(round) as Position,
      };
      pair.cooperations.push(c.id);
      pair.fids.push(id);
      pairs.set(key, pair);
    } else {
      const ends = c.regions.map((r) => anchor(r, c));
      const setKey = [...c.regions].sort().join(',');
      const slot = hubSlots.get(setKey) ?? 0;
      hubSlots.set(setKey, slot + 1);
      const hub = hubAt.get(c.id) ?? spreadHub(centroid(ends), slot);
      const hubId = fid++;
      points.push({
        type: 'Feature',
        id: hubId,
        properties: {
          fid: hubId,
          cooperation: c.id,
          shape: 'hub',
          topic,
          size: c.regions.length,
          large,
        },
        geometry: { type: 'Point', coordinates: hub },
      });
      entry.points.push({ fid: hubId, requires: [] });
      c.regions.forEach((region, i) => {
        const id = fid++;
        lines.push({
          type: 'Feature',
          id,
          properties: { fid: id, cooperation: c.id, shape: 'spoke', topic, large },
          geometry: { type: 'LineString', coordinates: [hub, ends[i]!] },
        });
        entry.lines.push({ fid: id, requires: [region] });
      });
    }
  }
  return {
    lines: { type: 'FeatureCollection', features: lines },
    points: { type: 'FeatureCollection', features: points },
    parts,
    pairs,
  };
}
