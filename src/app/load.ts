/**
 * Loads the dataset and the geometry (emitted by Vite as static assets next to the app,
 * so a failed load can be retried) and joins them into what the app needs.
 */
import regionsUrl from '@data/regions.json?url';
import organisationsUrl from '@data/organisations.json?url';
import cooperationsUrl from '@data/cooperations.json?url';
import statesUrl from '@data/geo/states.geojson?url';
import placesUrl from '@data/geo/places.geojson?url';
import type { RawDataset } from '../data/model.ts';
import type { GeoSources } from '../geo/sources.ts';
import type { LoadedData } from '../model/atlas-model.ts';

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export async function loadData(): Promise<LoadedData> {
  const [regions, organisations, cooperations, states, places] = await Promise.all([
    getJson<{ regions: RawDataset['regions'] }>(regionsUrl),
    getJson<{ organisations: RawDataset['organisations'] }>(organisationsUrl),
    getJson<Pick<RawDataset, 'version' | 'cooperations'>>(cooperationsUrl),
    getJson<GeoSources['states']>(statesUrl),
    getJson<GeoSources['places']>(placesUrl),
  ]);
  return {
    raw: {
      version: cooperations.version,
      regions: regions.regions,
      organisations: organisations.organisations,
      cooperations: cooperations.cooperations,
    },
    states,
    places,
  };
}
