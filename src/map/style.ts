/**
 * Our own offline MapLibre style: no tiles, no glyphs, no sprites. Sources are the state
 * polygons, city points and the precomputed link geometry; every dynamic look (shown,
 * selected, emphasised, dimmed) is driven by feature-state, so changes only repaint.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { TOPICS } from '../data/model.ts';
import type { AtlasModel } from '../model/atlas-model.ts';
import {
  compile,
  HUB_OPACITY,
  HUB_RADIUS,
  HUB_STROKE_WIDTH,
  LINE_OPACITY,
  LINE_WIDTH,
  PRESENT_FACTOR,
} from '../style/link-style.ts';
import {
  MAP_COLOURS,
  TOPIC_DASH,
  topicColours,
  type MapColours,
  type Theme,
} from '../style/palette.ts';

/**
 * One GeoJSON source holds everything (states, city-state dots, places, links, hubs): the
 * worker tiles it in one go, so the map needs fewer full repaints before its first idle.
 * Layers pick their features by the `L` property; feature-state ids are the `fid` property.
 */
export const SOURCE = 'atlas';

/** Feature ids: links and hubs keep their fid (0 … n); regions get their own ranges. */
export const FID = {
  state: (i: number) => 1_000_000 + i,
  cityState: (i: number) => 2_000_000 + i,
  place: (i: number) => 3_000_000 + i,
};

/** City-states keep a minimum visible (and clickable) size when zoomed out. */
export const CITY_STATES = ['DE-BE', 'DE-HH', 'DE-HB'];
export const LAYER = {
  stateFill: 'state-fill',
  stateBorder: 'state-border',
  stateSelected: 'state-selected',
  lines: 'link-lines',
  /** Every dot: hubs and single-region markers (`L` hub), cities (`place`), city-states. */
  points: 'points',
} as const;

/** The kinds of dot in the points layer, bottom to top. */
export const POINT_KINDS = ['city-state', 'hub', 'place'] as const;

const fs = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];

/*
 * Shader programs. MapLibre compiles one WebGL program per layer type and per set of paint
 * properties that vary by feature, and the first frame that draws a layer pays for its compile.
 * Under software WebGL (SwiftShader, what headless Chromium and many VMs and remote desktops
 * get) each program cost ~30 ms of that first frame, spent blocking the main thread, and each
 * further layer of a type another ~15 ms. So all dots (city-states, hubs, cities) are one circle
 * layer whose paint picks by the feature's kind, and layers of one type vary the same
 * properties (both state outlines vary their opacity). A unit test checks that each type
 * compiles to one program.
 */

/** A value per kind of dot (the `L` property of the points layer). */
function byKind(v: {
  'city-state': unknown;
  hub: unknown;
  place: unknown;
}): ExpressionSpecification {
  return ['match', ['get', 'L'], 'city-state', v['city-state'], 'place', v.place, v.hub] as never;
}

function topicColour(theme: Theme): ExpressionSpecification {
  const colours = topicColours(theme);
  const pairs = TOPICS.flatMap((t) => [t, colours[t]]);
  return ['match', ['get', 'topic'], ...pairs, '#777777'] as unknown as ExpressionSpecification;
}

/** The topic's line pattern (a second cue besides colour). */
function topicDash(): ExpressionSpecification {
  const pairs = TOPICS.flatMap((t) => [t, ['literal', TOPIC_DASH[t] ?? [1, 0]]]);
  return [
    'match',
    ['get', 'topic'],
    ...pairs,
    ['literal', [1, 0]],
  ] as unknown as ExpressionSpecification;
}

/** A region's fill: selected, tinted by how many cooperations it shares with the selection, or plain. */
function regionFill(c: MapColours): ExpressionSpecification {
  const tint: ExpressionSpecification = ['number', ['feature-state', 'tint'], 0];
  return [
    'case',
    fs('selected'),
    c.selectedFill,
    ['>=', tint, 3],
    c.tint[2],
    ['==', tint, 2],
    c.tint[1],
    ['==', tint, 1],
    c.tint[0],
    c.land,
  ];
}

/** Paint properties that depend on the theme (set again on a theme switch). */
export function themedPaint(theme: Theme): Record<string, Record<string, unknown>> {
  const c = MAP_COLOURS[theme];
  const colour = topicColour(theme);
  return {
    background: { 'background-color': c.sea },
    [LAYER.stateFill]: {
      'fill-color': regionFill(c),
    },
    [LAYER.stateBorder]: { 'line-color': c.border },
    [LAYER.stateSelected]: { 'line-color': c.selectedBorder },
    [LAYER.lines]: {
      'line-color': ['case', fs('ended'), c.ended, colour],
    },
    [LAYER.points]: {
      'circle-color': byKind({
        'city-state': regionFill(c),
        hub: ['case', ['==', ['get', 'shape'], 'local'], colour, c.hubFill],
        place: c.city,
      }),
      'circle-stroke-color': byKind({
        'city-state': ['case', fs('selected'), c.selectedBorder, c.border],
        hub: ['case', fs('ended'), c.ended, ['==', ['get', 'shape'], 'local'], c.hubFill, colour],
        place: c.land,
      }),
    },
  };
}

export interface StyleOptions {
  theme: Theme;
  /** Projector theme: thicker links. */
  present: boolean;
}

/** Paint properties that depend on the projector mode (thicker links and markers). */
export function sizePaint(present: boolean): Record<string, Record<string, unknown>> {
  const w = present ? PRESENT_FACTOR : 1;
  const placeRadius = [
    'case',
    fs('selected'),
    6 * w,
    ['boolean', ['feature-state', 'active'], false],
    4 * w,
    2.5 * w,
  ];
  const radius = (cityState: number) =>
    byKind({ 'city-state': cityState, hub: compile(HUB_RADIUS, w), place: placeRadius });
  return {
    [LAYER.lines]: { 'line-width': compile(LINE_WIDTH, w) },
    [LAYER.points]: {
      // City-states keep a dot (and a click target) below zoom 6.5, where their polygons get
      // too small to see; hubs and cities keep one size at every zoom.
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        4,
        radius(8),
        5.5,
        radius(7),
        6.5,
        radius(0),
      ],
      'circle-stroke-width': byKind({
        'city-state': ['case', fs('selected'), 2.5, 1],
        hub: compile(HUB_STROKE_WIDTH, w),
        place: 1.5,
      }),
    },
    [LAYER.stateBorder]: { 'line-width': present ? 1.2 : 0.8 },
  };
}

export function buildStyle(
  model: AtlasModel,
  { theme, present }: StyleOptions,
): StyleSpecification {
  const themed = themedPaint(theme);
  const sized = sizePaint(present);
  const paint = (layer: string, extra: Record<string, unknown> = {}): never =>
    ({ ...themed[layer], ...sized[layer], ...extra }) as never;
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: paint('background') },
    {
      id: LAYER.stateFill,
      type: 'fill',
      source: SOURCE,
      filter: ['==', ['get', 'L'], 'state'],
      // The outline layer draws every edge, antialiased: the fill's own outline pass (and its
      // shader program) would be drawn over anyway.
      paint: paint(LAYER.stateFill, { 'fill-opacity': 1, 'fill-antialias': false }),
    },
    {
      id: LAYER.stateBorder,
      type: 'line',
      source: SOURCE,
      filter: ['==', ['get', 'L'], 'state'],
      // The selected state's outline is drawn by the next layer instead.
      paint: paint(LAYER.stateBorder, { 'line-opacity': ['case', fs('selected'), 0, 1] }),
    },
    {
      id: LAYER.stateSelected,
      type: 'line',
      source: SOURCE,
      filter: ['==', ['get', 'L'], 'state'],
      paint: paint(LAYER.stateSelected, {
        'line-width': 2.5,
        'line-opacity': ['case', fs('selected'), 1, 0],
      }),
    },
    {
      id: LAYER.lines,
      type: 'line',
      source: SOURCE,
      filter: ['==', ['get', 'L'], 'link'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
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
      paint: paint(LAYER.points, {
        'circle-opacity': byKind({
          'city-state': 1,
          hub: compile(HUB_OPACITY),
          place: ['case', ['boolean', ['feature-state', 'active'], false], 1, 0.45],
        }),
        'circle-stroke-opacity': byKind({
          'city-state': 1,
          hub: compile(HUB_OPACITY),
          place: 1,
        }),
      }),
    },
  ];
  return {
    version: 8,
    name: 'Kooperationsatlas',
    transition: { duration: 0, delay: 0 },
    sources: {
      [SOURCE]: {
        type: 'geojson',
        data: atlasFeatures(model) as never,
        promoteId: 'fid',
        // Lines clip at tile edges and circles are drawn whole from their own tile, so a 32 px
        // margin (MapLibre's default is 128) is enough, and the worker cuts and the GPU draws
        // fewer duplicate features: measured ~100 ms sooner to the first full frame.
        buffer: 32,
      },
    },
    layers,
  };
}

/** All features of the map in one collection, each tagged with its layer `L` and its `fid`. */
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
  for (const f of model.geometry.lines.features)
    features.push({
      type: 'Feature',
      properties: { ...f.properties, L: 'link' },
      geometry: f.geometry,
    });
  for (const f of model.geometry.points.features)
    features.push({
      type: 'Feature',
      properties: { ...f.properties, L: 'hub' },
      geometry: f.geometry,
    });
  return { type: 'FeatureCollection', features };
}
