/**
 * Our own offline MapLibre style: no tiles, no glyphs, no sprites. Two GeoJSON sources: `atlas`
 * (states, city-state dots, places, and the overview's pair lines and hubs) and `detail` (every
 * single cooperation's arcs and hubs, drawn when something is selected; filled after the first
 * frame). Every dynamic look is driven by feature-state (map/paint.ts), so changes only repaint.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { AtlasModel } from '../model/atlas-model.ts';
import { compile, HUB_OPACITY, LINE_OPACITY } from '../style/link-style.ts';
import { CITY_STATES, DETAIL, FID, LAYER, POINT_KINDS, SOURCE } from './layers.ts';
import {
  fs,
  L,
  overviewOpacity,
  sizePaint,
  themedPaint,
  topicDash,
  type StyleOptions,
} from './paint.ts';

export function buildStyle(
  model: AtlasModel,
  { theme, present }: StyleOptions,
): StyleSpecification {
  const themed = themedPaint(theme);
  const sized = sizePaint(present);
  const opacity = overviewOpacity();
  const paint = (layer: string, extra: Record<string, unknown> = {}): never =>
    ({ ...themed[layer], ...sized[layer], ...opacity[layer], ...extra }) as never;
  const stateLayer = { source: SOURCE, filter: L('state') };
  const lineLayout = { 'line-cap': 'round', 'line-join': 'round' } as const;
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: paint('background') },
    {
      id: LAYER.stateFill,
      type: 'fill',
      ...stateLayer,
      // The outline layer draws every edge, antialiased: the fill's own outline pass (and its
      // shader program) would be drawn over anyway.
      paint: paint(LAYER.stateFill, { 'fill-opacity': 1, 'fill-antialias': false }),
    },
    {
      id: LAYER.stateBorder,
      type: 'line',
      ...stateLayer,
      // The selected state's outline is drawn by the next layer instead.
      paint: paint(LAYER.stateBorder, { 'line-opacity': ['case', fs('selected'), 0, 1] }),
    },
    {
      id: LAYER.stateSelected,
      type: 'line',
      ...stateLayer,
      paint: paint(LAYER.stateSelected, {
        'line-width': 2.5,
        'line-opacity': ['case', fs('selected'), 1, 0],
      }),
    },
    {
      id: LAYER.overviewLines,
      type: 'line',
      source: SOURCE,
      filter: ['in', ['get', 'L'], ['literal', ['pair', 'link']]],
      layout: lineLayout,
      paint: paint(LAYER.overviewLines, { 'line-dasharray': topicDash() }),
    },
    {
      id: LAYER.lines,
      type: 'line',
      source: DETAIL,
      layout: lineLayout,
      paint: paint(LAYER.lines, {
        'line-dasharray': topicDash(),
        'line-opacity': compile(LINE_OPACITY),
      }),
    },
    {
      id: LAYER.points,
      type: 'circle',
      source: SOURCE,
      filter: ['in', ['get', 'L'], ['literal', [...POINT_KINDS]]],
      // Drawn in POINT_KINDS order: city-state dots under hubs, cities on top.
      layout: { 'circle-sort-key': ['index-of', ['get', 'L'], ['literal', [...POINT_KINDS]]] },
      paint: paint(LAYER.points),
    },
    {
      id: LAYER.detailPoints,
      type: 'circle',
      source: DETAIL,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: paint(LAYER.detailPoints, {
        'circle-opacity': compile(HUB_OPACITY),
        'circle-stroke-opacity': compile(HUB_OPACITY),
      }),
    },
  ];
  const geojson = (data: unknown) => ({
    type: 'geojson' as const,
    data: data as never,
    promoteId: 'fid',
    // Lines clip at tile edges and circles are drawn whole from their own tile, so a 32 px
    // margin (MapLibre's default is 128) is enough, and the worker cuts and the GPU draws
    // fewer duplicate features: measured ~100 ms sooner to the first full frame.
    buffer: 32,
  });
  return {
    version: 8,
    name: 'Kooperationsatlas',
    transition: { duration: 0, delay: 0 },
    sources: {
      [SOURCE]: geojson(atlasFeatures(model)),
      [DETAIL]: geojson({ type: 'FeatureCollection', features: [] }),
    },
    layers,
  };
}

/** States, city-state dots, places and the overview, each tagged with its layer `L` and its `fid`. */
export function atlasFeatures(model: AtlasModel): {
  type: 'FeatureCollection';
  features: unknown[];
} {
  const features: unknown[] = [];
  model.data.states.features.forEach((f, i) => {
    features.push({
      type: 'Feature',
      properties: { ...f.properties, L: 'state', fid: FID.state(i) },
      geometry: f.geometry,
    });
    if (CITY_STATES.includes(f.properties.id))
      features.push({
        type: 'Feature',
        properties: { ...f.properties, L: 'city-state', fid: FID.cityState(i) },
        geometry: { type: 'Point', coordinates: f.properties.anchor },
      });
  });
  model.data.places.features.forEach((f, i) =>
    features.push({
      type: 'Feature',
      properties: { ...f.properties, L: 'place', fid: FID.place(i) },
      geometry: f.geometry,
    }),
  );
  features.push(...model.overview.features.features);
  return { type: 'FeatureCollection', features };
}

/** Every single cooperation's arcs, spokes, hubs and markers (the detail source's data). */
export function detailFeatures(model: AtlasModel): {
  type: 'FeatureCollection';
  features: unknown[];
} {
  return {
    type: 'FeatureCollection',
    features: [...model.geometry.lines.features, ...model.geometry.points.features],
  };
}
