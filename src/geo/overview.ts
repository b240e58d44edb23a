/**
 * The overview: what the map draws when nothing is selected, computed once per dataset. It
 * answers "who works with whom, how much": one curved line per pair of partners (its width
 * grows with their number of cooperations), a hub with spokes per cooperation of three to
 * fifteen Länder, a count badge per region for cooperations within it, and one element for the
 * nationwide cooperations. Two levels: zoomed out ("far"), cities and districts count for their
 * Land; zoomed in ("near"), they stand for themselves. Pure.
 *
 * A cooperation's partners can grow (accessions), so its plan is kept per membership phase:
 * derive() only looks up the phase of the date and increments the counts it names.
 */
import distance from '@turf/distance';
import midpoint from '@turf/midpoint';
import { point } from '@turf/helpers';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import type { Atlas, Cooperation } from '../data/atlas.ts';
import type { Topic } from '../data/model.ts';
import { placeHubs } from './hubs.ts';
import { arc, centroid, LARGE_ALLIANCE, pairKey, type Position } from './links.ts';

export type Level = 'far' | 'near';

/** How a cooperation is drawn at a level, for one phase of its membership. */
export type Plan =
  | { kind: 'local'; region: string }
  | { kind: 'pair'; pair: number }
  | { kind: 'hub'; fids: number[] }
  | { kind: 'nationwide' };

export interface Phase {
  /** First day of the phase (founders: -Infinity; then each accession date). */
  from: number;
  far: Plan;
  near: Plan;
  /** The partner regions taking part in this phase. */
  regions: string[];
  /** The same, rolled up to their Länder (and the Bund). */
  lands: string[];
}

export interface OverviewPair {
  key: string;
  a: string;
  b: string;
  fid: number;
  /** Where a label or badge of the pair sits (the middle of its line). */
  label: Position;
}

export interface OverviewGeometry {
  /** Pair lines (LineString), hubs (Point) and their spokes (a MultiLineString per group). */
  features: FeatureCollection<LineString | MultiLineString | Point>;
  pairs: OverviewPair[];
  pairByKey: Map<string, OverviewPair>;
  /** Per cooperation (by its index in the atlas), its phases in time order. */
  phases: Phase[][];
  /** Hub positions of the raw partner sets, shared with the detail drawing of a selection. */
  hubAt: Map<string, Position>;
  /** Number of features (the feature-state id space of the overview source). */
  size: number;
}

/** The Land a region counts for (itself for a Land, 'DE' for the Bund). */
export function landMap(atlas: Pick<Atlas, 'regions'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of atlas.regions.values())
    out.set(r.id, r.kind === 'federal' ? 'DE' : r.kind === 'state' ? r.id : (r.state ?? r.id));
  return out;
}

/** Every Land must take part for a cooperation to count as nationwide. */
function isNationwide(lands: readonly string[], stateCount: number): boolean {
  return lands.length - (lands.includes('DE') ? 1 : 0) >= stateCount;
}

/**
 * A pair line bows gently (a tenth of its length, at most 45 km): enough to tell it from a
 * border, little enough that the long lines of the Bund do not swing around the country.
 */
export function pairBow(lengthKm: number): number {
  return Math.min(45, Math.max(8, lengthKm * 0.1));
}

/**
 * The distinct values, sorted. A sort and one pass, no Set: it runs for every cooperation at
 * start-up, while the code is still cold.
 */
function uniqSorted(xs: readonly string[]): string[] {
  const sorted = [...xs].sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  sorted.length = n;
  return sorted;
}

interface RawPhase {
  from: number;
  regions: string[];
  lands: string[];
  nationwide: boolean;
}

interface HubSpec {
  coop: Cooperation;
  level: Level | 'all';
  regions: string[];
  center: Position;
}

export function buildOverview(
  atlas: Pick<Atlas, 'cooperations' | 'regions'>,
  anchors: ReadonlyMap<string, Position>,
): OverviewGeometry {
  const landOf = landMap(atlas);
  const stateCount = [...atlas.regions.values()].filter((r) => r.kind === 'state').length;
  const anchor = (region: string, c: Cooperation): Position => {
    const p = anchors.get(region);
    if (!p) throw new Error(`no anchor point for region "${region}" (cooperation ${c.id})`);
    return p;
  };

  // 1. Each cooperation's phases (by its index): founders, then one more per accession date.
  const phaseOf = (from: number, regions: string[]): RawPhase => {
    const lands = uniqSorted(regions.map((r) => landOf.get(r) ?? r));
    return { from, regions, lands, nationwide: isNationwide(lands, stateCount) };
  };
  const raw: RawPhase[][] = [];
  for (const c of atlas.cooperations) {
    const starts = [...new Set(c.partners.flatMap((p) => (p.joined ? [p.joined.start] : [])))].sort(
      (a, b) => a - b,
    );
    raw[c.index] = [-Infinity, ...starts].map((from) =>
      phaseOf(
        from,
        uniqSorted(
          c.partners.filter((p) => !p.joined || p.joined.start <= from).map((p) => p.region),
        ),
      ),
    );
  }

  // 2. The hubs: one per cooperation and level where its set has three or more regions. The
  // hub sits at the centroid of its fullest set, moved apart from other hubs; when the rolled
  // set equals the raw one, one hub serves both levels.
  const hubs: HubSpec[] = [];
  for (const c of atlas.cooperations) {
    const phases = raw[c.index]!;
    const last = phases[phases.length - 1]!;
    const multi = (level: Level) =>
      phases.some((p) => (level === 'far' ? p.lands : p.regions).length >= 3 && !p.nationwide);
    const same =
      last.regions.length === last.lands.length &&
      last.regions.every((r, i) => r === last.lands[i]);
    const centre = (set: string[]) => centroid(set.map((r) => anchor(r, c)));
    if (same) {
      if (multi('far'))
        hubs.push({ coop: c, level: 'all', regions: last.regions, center: centre(last.regions) });
    } else {
      if (multi('far'))
        hubs.push({ coop: c, level: 'far', regions: last.lands, center: centre(last.lands) });
      if (multi('near'))
        hubs.push({ coop: c, level: 'near', regions: last.regions, center: centre(last.regions) });
    }
  }
  // Every hub of a raw partner set (three or more regions, nationwide ones too) is placed
  // first: the detail drawing of a selection shows them all. Hubs of rolled-up sets that exist
  // only zoomed out are then placed around those.
  const rawHubs = atlas.cooperations
    .filter((c) => c.regions.length >= 3)
    .map((c) => ({
      key: c.id,
      center: centroid(c.regions.map((r) => anchor(r, c))),
      size: c.regions.length,
    }));
  const hubAt = placeHubs(rawHubs);
  const farOnly = placeHubs(
    hubs
      .filter((h) => h.level === 'far')
      .map((h) => ({ key: h.coop.id, center: h.center, size: h.regions.length })),
    26,
    [...hubAt.values()],
  );
  const positionOf = (h: HubSpec) => (h.level === 'far' ? farOnly : hubAt).get(h.coop.id)!;

  // 3. Features: pair lines first, then hubs and their spokes.
  const features: Feature<LineString | MultiLineString | Point>[] = [];
  const pairs: OverviewPair[] = [];
  const pairByKey = new Map<string, OverviewPair>();
  let fid = 0;
  const pairOf = (a: string, b: string, c: Cooperation): number => {
    const key = pairKey(a, b);
    let p = pairByKey.get(key);
    if (!p) {
      const [ra, rb] = a < b ? [a, b] : [b, a];
      const pa = anchor(ra, c);
      const pb = anchor(rb, c);
      p = {
        key,
        a: ra,
        b: rb,
        fid: fid++,
        label: midpoint(point(pa), point(pb)).geometry.coordinates as Position,
      };
      features.push({
        type: 'Feature',
        id: p.fid,
        properties: { L: 'pair', fid: p.fid, a: ra, b: rb },
        geometry: {
          type: 'LineString',
          coordinates: arc(pa, pb, pairBow(distance(point(pa), point(pb)))),
        },
      });
      pairs.push(p);
      pairByKey.set(key, p);
    }
    return p.fid;
  };
  // Pairs are made in a fixed order (by key), so feature ids do not depend on data order.
  const pairSets = new Map<string, [string, string, Cooperation]>();
  for (const c of atlas.cooperations)
    for (const p of raw[c.index]!) {
      if (p.lands.length === 2)
        pairSets.set(pairKey(p.lands[0]!, p.lands[1]!), [p.lands[0]!, p.lands[1]!, c]);
      if (p.regions.length === 2)
        pairSets.set(pairKey(p.regions[0]!, p.regions[1]!), [p.regions[0]!, p.regions[1]!, c]);
    }
  for (const key of [...pairSets.keys()].sort()) {
    const [a, b, c] = pairSets.get(key)!;
    pairOf(a, b, c);
  }

  /** Per hub: the point's fid and the fid of each member region's spoke group, by cooperation index. */
  type HubFids = { hub: number; spokes: Map<string, number> };
  const hubFids: Record<Level | 'all', (HubFids | undefined)[]> = { all: [], far: [], near: [] };
  for (const h of hubs) {
    const at = positionOf(h);
    const topic: Topic = h.coop.topics[0] ?? 'governance';
    const large = h.regions.length >= LARGE_ALLIANCE;
    const hub = fid++;
    features.push({
      type: 'Feature',
      id: hub,
      properties: {
        L: 'hub',
        fid: hub,
        Z: h.level,
        cooperation: h.coop.id,
        shape: 'hub',
        topic,
        size: h.regions.length,
        large,
      },
      geometry: { type: 'Point', coordinates: at },
    });
    // The spokes: one feature per group of partners that joined together (the founders, then
    // each accession date). A group's spokes always share their look, so one MultiLineString
    // draws them; at 10 000 cooperations ~9 800 spokes zoomed out became ~1 700 features, which
    // the map's worker cuts and the GPU draws before the first frame.
    const spokes = new Map<string, number>();
    for (const phase of raw[h.coop.index]!) {
      const joining = (h.level === 'far' ? phase.lands : phase.regions).filter(
        (r) => !spokes.has(r),
      );
      if (joining.length === 0) continue;
      const id = fid++;
      for (const region of joining) spokes.set(region, id);
      features.push({
        type: 'Feature',
        id,
        properties: {
          L: 'link',
          fid: id,
          Z: h.level,
          cooperation: h.coop.id,
          shape: 'spoke',
          topic,
          large,
        },
        geometry: {
          type: 'MultiLineString',
          coordinates: joining.map((region) => [at, anchor(region, h.coop)]),
        },
      });
    }
    hubFids[h.level][h.coop.index] = { hub, spokes };
  }

  // 4. The plans per phase and level.
  const phases: Phase[][] = [];
  for (const c of atlas.cooperations) {
    const planOf = (level: Level, set: string[], nationwide: boolean): Plan => {
      if (nationwide) return { kind: 'nationwide' };
      if (set.length === 1) return { kind: 'local', region: set[0]! };
      if (set.length === 2)
        return { kind: 'pair', pair: pairByKey.get(pairKey(set[0]!, set[1]!))!.fid };
      const h = hubFids.all[c.index] ?? hubFids[level][c.index]!;
      const fids = [h.hub];
      for (const r of set) {
        const group = h.spokes.get(r)!;
        if (!fids.includes(group)) fids.push(group);
      }
      return { kind: 'hub', fids };
    };
    phases[c.index] = raw[c.index]!.map((p) => {
      const far = planOf('far', p.lands, p.nationwide);
      const near = planOf('near', p.regions, p.nationwide);
      return { from: p.from, regions: p.regions, lands: p.lands, far, near };
    });
  }
  return {
    features: { type: 'FeatureCollection', features },
    pairs,
    pairByKey,
    phases,
    hubAt,
    size: fid,
  };
}

/** The phase of a cooperation's membership on a day (the last that started by then). */
export function phaseAt(phases: readonly Phase[], day: number): Phase {
  for (let i = phases.length - 1; i > 0; i--) if (phases[i]!.from <= day) return phases[i]!;
  return phases[0]!;
}
