/**
 * What is under the pointer: a hub, a city, a link, a pair line, a city-state, a Land — the most
 * specific of what is drawn wins.
 */
import type * as maplibregl from 'maplibre-gl';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import { pairId } from '../model/atlas-model.ts';
import { LAYER, TWIN } from './layers.ts';

const INTERACTIVE = [
  LAYER.detailPoints,
  LAYER.points,
  LAYER.nearPoints,
  LAYER.lines,
  LAYER.overviewLines,
  LAYER.nearLines,
  LAYER.stateFill,
];

/** What a feature is: hub, place, city-state, link (an arc or spoke), pair, or a Land. */
export type PickKind = 'hub' | 'place' | 'city-state' | 'link' | 'pair' | 'state';

export function kindOf(f: MapGeoJSONFeature): PickKind {
  const L = (f.properties as { L?: unknown }).L;
  switch (TWIN[f.layer.id] ?? f.layer.id) {
    case LAYER.detailPoints:
      return 'hub';
    case LAYER.points:
      return L === 'place' ? 'place' : L === 'city-state' ? 'city-state' : 'hub';
    case LAYER.lines:
      return 'link';
    case LAYER.overviewLines:
      return L === 'pair' ? 'pair' : 'link';
    default:
      return 'state';
  }
}

/** Which of several features under the pointer wins (the smaller, the more specific). */
const PICK_ORDER: PickKind[] = ['hub', 'place', 'link', 'pair', 'city-state', 'state'];

/** The id a feature selects: its cooperation, its pair of regions, or its region. */
export function targetOf(f: MapGeoJSONFeature): string | null {
  const p = f.properties as Record<string, unknown>;
  const kind = kindOf(f);
  if (kind === 'pair') return pairId(String(p['a']), String(p['b']));
  if (kind === 'hub' || kind === 'link') return String(p['cooperation']);
  return typeof p['id'] === 'string' ? p['id'] : null;
}

/**
 * The feature at a point (within 5 px), of those that are drawn (`isDrawn` says whether a link,
 * pair or hub is visible now). Among lines the one nearest the pointer wins.
 */
export function pick(
  map: maplibregl.Map,
  point: maplibregl.Point,
  isDrawn: (f: MapGeoJSONFeature) => boolean,
): MapGeoJSONFeature | null {
  const box: [maplibregl.PointLike, maplibregl.PointLike] = [
    [point.x - 5, point.y - 5],
    [point.x + 5, point.y + 5],
  ];
  const layers = INTERACTIVE.filter((id) => map.getLayer(id));
  const live = map.queryRenderedFeatures(box, { layers }).filter(isDrawn);
  live.sort((a, b) => PICK_ORDER.indexOf(kindOf(a)) - PICK_ORDER.indexOf(kindOf(b)));
  const first = live[0];
  if (first && (kindOf(first) === 'link' || kindOf(first) === 'pair')) {
    const exact = map
      .queryRenderedFeatures(point, {
        layers: [LAYER.lines, LAYER.overviewLines, LAYER.nearLines].filter((id) =>
          map.getLayer(id),
        ),
      })
      .filter(isDrawn);
    if (exact[0]) return exact[0];
  }
  return first ?? null;
}
