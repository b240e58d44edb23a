/**
 * The per-dataset model, computed once when the data arrives: the joined atlas, the map
 * geometry with feature ids, anchors, link geometry, the search index and the timeline's events
 * and curve. Everything above reads it; nothing changes it. Pure.
 */
import { buildAtlas, type Atlas } from '../data/atlas.ts';
import type { RawDataset } from '../data/model.ts';
import { buildAnchors } from '../geo/anchors.ts';
import { buildLinkGeometry, type LinkGeometry, type Position } from '../geo/links.ts';
import { buildOverview, landMap, type OverviewGeometry } from '../geo/overview.ts';
import type { GeoSources } from '../geo/sources.ts';
import { buildEvents, inForceCurve, type StepCurve, type TimelineEvent } from '../time/events.ts';
import { TIMELINE_START } from '../time/in-force.ts';
import { buildSearchIndex, type SearchEntry } from './search.ts';

export interface LoadedData extends GeoSources {
  raw: RawDataset;
}

export interface AtlasModel {
  data: LoadedData;
  atlas: Atlas;
  anchors: Map<string, Position>;
  /** Every single cooperation's arcs and hubs: the drawing of a selection. */
  geometry: LinkGeometry;
  /** Pair lines, hubs and the plans per membership phase: the drawing with nothing selected. */
  overview: OverviewGeometry;
  /** The Land each region counts for (itself for a Land, 'DE' for the Bund). */
  landOf: Map<string, string>;
  /** Built on first use (the first search), not at start-up. */
  readonly searchIndex: SearchEntry[];
  /** Signings, accessions and ends between 2006 and today, in time order. */
  events: TimelineEvent[];
  /** Clicker steps: one per cooperation and day (accessions on one day are one step). */
  steps: TimelineEvent[];
  /** How many cooperations are in force over time. */
  curve: StepCurve;
  /** Data year of the geometry, for the attribution. */
  geoYear: string;
  /** Today (Europe/Berlin) as a day number: the end of the timeline. */
  today: number;
}

/** Numeric feature ids (promoted to feature-state ids) for the state and city layers. */
function withFids(data: LoadedData): LoadedData {
  const number = <T extends { properties: object }>(features: T[]): T[] =>
    features.map((f, i) => ({ ...f, properties: { ...f.properties, fid: i } }));
  return {
    ...data,
    states: { ...data.states, features: number(data.states.features) },
    places: { ...data.places, features: number(data.places.features) },
  };
}

export function createAtlasModel(loaded: LoadedData, today: number): AtlasModel {
  const data = withFids(loaded);
  const atlas = buildAtlas(data.raw);
  const anchors = buildAnchors(data);
  const events = buildEvents(atlas.cooperations).filter(
    (e) => e.day >= TIMELINE_START && e.day <= today,
  );
  const steps = events.filter(
    (e, i) =>
      i === 0 || e.day !== events[i - 1]!.day || e.cooperation !== events[i - 1]!.cooperation,
  );
  const attribution = data.states.attribution ?? '';
  const overview = buildOverview(atlas, anchors);
  let searchIndex: SearchEntry[] | null = null;
  let geometry: LinkGeometry | null = null;
  return {
    data,
    atlas,
    anchors,
    // Every single cooperation's arcs and hubs: built when first asked for (a selection, a
    // hover, the detail source, an export), not for the overview of the first screen.
    get geometry() {
      return (geometry ??= buildLinkGeometry(atlas, anchors, overview.hubAt));
    },
    overview,
    landOf: landMap(atlas),
    get searchIndex() {
      return (searchIndex ??= buildSearchIndex(atlas));
    },
    events,
    steps,
    curve: inForceCurve(atlas.cooperations),
    geoYear: /(\d{4})/.exec(attribution)?.[1] ?? '',
    today,
  };
}

/** The two regions of a pair id ("DE-BY,DE-HE"), or null when it is not one. */
export function pairOf(model: Pick<AtlasModel, 'atlas'>, id: string): [string, string] | null {
  const parts = id.split(',');
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  if (a === b || !model.atlas.regions.has(a) || !model.atlas.regions.has(b)) return null;
  return [a, b];
}

/** Whether an id names a region, a cooperation or a pair of regions of the dataset. */
export function isKnownId(model: Pick<AtlasModel, 'atlas'>, id: string): boolean {
  return (
    model.atlas.regions.has(id) || model.atlas.cooperationById.has(id) || pairOf(model, id) !== null
  );
}

/** A pair id in its one written form: the two region ids in sorted order, joined by a comma. */
export function pairId(a: string, b: string): string {
  return a < b ? `${a},${b}` : `${b},${a}`;
}
