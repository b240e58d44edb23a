/** What is under the pointer: a hub, a city, a link, a city-state, a Land — the most specific wins. */
import type * as maplibregl from 'maplibre-gl';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import { STATE_BITS } from '../style/link-style.ts';
import { LAYER } from './style.ts';

const INTERACTIVE = [LAYER.points, LAYER.lines, LAYER.stateFill];

/** What a feature is: a hub or marker, a city, a link, a city-state, a Land. */
export function kindOf(f: MapGeoJSONFeature): string {
  return f.layer.id === LAYER.points ? String((f.properties as { L?: unknown }).L) : f.layer.id;
}
/** Which of several features under the pointer wins (the smaller, the more specific). */
const PICK_ORDER = ['hub', 'place', LAYER.lines, 'city-state', LAYER.stateFill];

/** Links and hubs: their feature-state bits say whether they are shown. */
export const isLink = (f: MapGeoJSONFeature): boolean =>
  f.layer.id === LAYER.lines || kindOf(f) === 'hub';

/** The id a feature selects: its cooperation (links, hubs) or its region. */
export function targetOf(f: MapGeoJSONFeature): string | null {
  const p = f.properties as Record<string, unknown>;
  if (isLink(f)) return String(p['cooperation']);
  return typeof p['id'] === 'string' ? p['id'] : null;
}

/**
 * The feature at a point (within 5 px), of those that are drawn: hidden or dimmed links do not
 * count. Among links the one nearest the pointer wins.
 */
export function pick(
  map: maplibregl.Map,
  point: maplibregl.Point,
  stateOf: (fid: number) => number,
): MapGeoJSONFeature | null {
  const box: [maplibregl.PointLike, maplibregl.PointLike] = [
    [point.x - 5, point.y - 5],
    [point.x + 5, point.y + 5],
  ];
  const drawn = (f: MapGeoJSONFeature) => {
    if (!isLink(f)) return true;
    const bits = stateOf(Number(f.id));
    return (bits & STATE_BITS.shown) !== 0 && (bits & STATE_BITS.dim) === 0;
  };
  const live = map.queryRenderedFeatures(box, { layers: INTERACTIVE }).filter(drawn);
  live.sort((a, b) => PICK_ORDER.indexOf(kindOf(a)) - PICK_ORDER.indexOf(kindOf(b)));
  if (live[0]?.layer.id === LAYER.lines) {
    const exact = map.queryRenderedFeatures(point, { layers: [LAYER.lines] }).filter(drawn);
    if (exact[0]) return exact[0];
  }
  return live[0] ?? null;
}
