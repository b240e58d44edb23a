/** Everything computed once per dataset: the joined atlas, anchors, link geometry, search index. */
import { buildAtlas, type Atlas } from '../data/atlas.ts';
import { buildAnchors } from '../geo/anchors.ts';
import { buildLinkGeometry, type LinkGeometry, type Position } from '../geo/links.ts';
import { buildSearchIndex, type SearchEntry } from '../view/search.ts';
import type { LoadedData } from './load.ts';

export interface Scene {
  data: LoadedData;
  atlas: Atlas;
  anchors: Map<string, Position>;
  geometry: LinkGeometry;
  searchIndex: SearchEntry[];
  /** Data year of the geometry, for the attribution. */
  geoYear: string;
  today: number;
}

/** Numeric feature ids (promoted to feature-state ids) for the state and city layers. */
function withFids(data: LoadedData): LoadedData {
  return {
    ...data,
    states: {
      ...data.states,
      features: data.states.features.map((f, i) => ({
        ...f,
        properties: { ...f.properties, fid: i },
      })),
    },
    places: {
      ...data.places,
      features: data.places.features.map((f, i) => ({
        ...f,
        properties: { ...f.properties, fid: i },
      })),
    },
  };
}

export function createScene(loaded: LoadedData, today: number): Scene {
  const data = withFids(loaded);
  const atlas = buildAtlas(data.raw);
  const anchors = buildAnchors(data);
  const geometry = buildLinkGeometry(atlas, anchors);
  const attribution = data.states.attribution ?? '';
  const geoYear = /(\d{4})/.exec(attribution)?.[1] ?? '';
  return { data, atlas, anchors, geometry, searchIndex: buildSearchIndex(atlas), geoYear, today };
}
