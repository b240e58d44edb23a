/**
 * The per-dataset model, computed once when the data arrives: the joined atlas, the map
 * geometry with feature ids, anchors, link geometry, the search index and the timeline's events
 * and curve. Everything above reads it; nothing changes it. Pure.
 */
import { buildAtlas, type Atlas } from '../data/atlas.ts';
import type { RawDataset } from '../data/model.ts';
import { buildAnchors } from '../geo/anchors.ts';
import { buildLinkGeometry, type LinkGeometry, type Position } from '../geo/links.ts';
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
  geometry: LinkGeometry;
  searchIndex: SearchEntry[];
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
  return {
    data,
    atlas,
    anchors,
    geometry: buildLinkGeometry(atlas, anchors),
    searchIndex: buildSearchIndex(atlas),
    events,
    steps,
    curve: inForceCurve(atlas.cooperations),
    geoYear: /(\d{4})/.exec(attribution)?.[1] ?? '',
    today,
  };
}

/** Whether an id names a region or a cooperation of the dataset. */
export function isKnownId(model: Pick<AtlasModel, 'atlas'>, id: string): boolean {
  return model.atlas.regions.has(id) || model.atlas.cooperationById.has(id);
}
