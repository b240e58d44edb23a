/**
 * The paint of the map's layers: colours by theme, sizes by projector mode, and the overview's
 * two zoom levels, all compiled from the palette and the one table of drawing rules
 * (style/link-style.ts) into MapLibre expressions over feature-state.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { TOPICS } from '../data/model.ts';
import {
  compile,
  compileRamp,
  HUB_OPACITY,
  HUB_RADIUS,
  HUB_STROKE_WIDTH,
  LINE_OPACITY,
  LINE_WIDTH,
  NEAR_ZOOM,
  PAIR_HOVER_EXTRA,
  PAIR_OPACITY,
  PAIR_WIDTH,
  PLACE_LOOK,
  PLACE_STYLE,
  PRESENT_FACTOR,
  stateFlag,
  stateValue,
  type PlaceLook,
} from '../style/link-style.ts';
import {
  MAP_COLOURS,
  TOPIC_DASH,
  topicColours,
  type MapColours,
  type Theme,
} from '../style/palette.ts';
import { LAYER } from './layers.ts';

export const fs = stateFlag;
export const L = (value: string): ExpressionSpecification => ['==', ['get', 'L'], value];
/** A feature drawn at one zoom level only (the overview's far or near hubs). */
const onlyAt = (level: 'far' | 'near'): ExpressionSpecification => ['==', ['get', 'Z'], level];

/*
 * Shader programs. MapLibre compiles one WebGL program per layer type and per set of paint
 * properties that vary by feature, and the first frame that draws a layer pays for its compile
 * (~30 ms each under software WebGL, what headless Chromium and many VMs get). So all dots of a
 * source are one circle layer whose paint picks by the feature's kind, and the line layers vary
 * the same properties. A unit test checks the number of programs.
 */

/** A value per kind of dot (the `L` property of the points layer). */
function byKind(v: {
  'city-state': unknown;
  hub: unknown;
  place: unknown;
}): ExpressionSpecification {
  return ['match', ['get', 'L'], 'city-state', v['city-state'], 'place', v.place, v.hub] as never;
}

/** A place's value by its look at a level (the feature-state `far` or `near`, view/places.ts). */
function placeBy(
  level: 'far' | 'near',
  value: (look: PlaceLook) => number,
): ExpressionSpecification {
  const looks = Object.values(PLACE_LOOK) as PlaceLook[];
  return [
    'match',
    ['number', stateValue(level), PLACE_LOOK.hidden],
    ...looks.flatMap((look) => [look, value(look)]),
    value(PLACE_LOOK.hidden),
  ] as never;
}

/** One value below the near zoom, another from it on (the overview's two levels). */
const byZoom = (far: unknown, near: unknown): ExpressionSpecification =>
  ['step', ['zoom'], far, NEAR_ZOOM, near] as never;

function topicColour(theme: Theme): ExpressionSpecification {
  const colours = topicColours(theme);
  const pairs = TOPICS.flatMap((t) => [t, colours[t]]);
  return ['match', ['get', 'topic'], ...pairs, '#777777'] as unknown as ExpressionSpecification;
}

/** The topic's line pattern (a second cue besides colour); pair lines have none. */
export function topicDash(): ExpressionSpecification {
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
  const tint: ExpressionSpecification = ['number', stateValue('tint'), 0];
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
  const linkColour = ['case', fs('ended'), c.ended, colour];
  const hubStroke = [
    'case',
    fs('ended'),
    c.ended,
    ['==', ['get', 'shape'], 'local'],
    c.hubFill,
    colour,
  ];
  return {
    background: { 'background-color': c.sea },
    [LAYER.stateFill]: { 'fill-color': regionFill(c) },
    [LAYER.stateBorder]: { 'line-color': c.border },
    [LAYER.stateSelected]: { 'line-color': c.selectedBorder },
    [LAYER.overviewLines]: { 'line-color': ['case', L('pair'), c.pair, linkColour] },
    [LAYER.lines]: { 'line-color': linkColour },
    [LAYER.points]: {
      'circle-color': byKind({ 'city-state': regionFill(c), hub: c.hubFill, place: c.city }),
      'circle-stroke-color': byKind({
        'city-state': ['case', fs('selected'), c.selectedBorder, c.border],
        hub: hubStroke,
        place: c.land,
      }),
    },
    [LAYER.detailPoints]: {
      'circle-color': ['case', ['==', ['get', 'shape'], 'local'], colour, c.hubFill],
      'circle-stroke-color': hubStroke,
    },
  };
}

export interface StyleOptions {
  theme: Theme;
  /** Projector theme: thicker links. */
  present: boolean;
}

/** The overview's lines: pairs by their count at the level, spokes by the rules, gated by level. */
function overviewLine(
  pair: (level: 'far' | 'near') => unknown,
  rules: ExpressionSpecification,
): ExpressionSpecification {
  const at = (level: 'far' | 'near') => [
    'case',
    L('pair'),
    pair(level),
    onlyAt(level === 'far' ? 'near' : 'far'),
    0,
    rules,
  ];
  return byZoom(at('far'), at('near'));
}

/** Paint properties that depend on the projector mode (thicker links and markers). */
export function sizePaint(present: boolean): Record<string, Record<string, unknown>> {
  const w = present ? PRESENT_FACTOR : 1;
  const pairWidth = (level: 'far' | 'near') => [
    '+',
    compileRamp(PAIR_WIDTH, level, w),
    [
      'case',
      ['all', fs('hover'), ['>', ['number', stateValue(level), 0], 0]],
      PAIR_HOVER_EXTRA * w,
      0,
    ],
  ];
  // A place's radius by its look at the level (style/link-style.ts PLACE_STYLE).
  const placeRadius = (level: 'far' | 'near') =>
    placeBy(level, (look) => PLACE_STYLE[look].radius * w);
  // Hubs of one level have no size at the other; city-states keep a dot (and a click target)
  // below zoom 6.5, where their polygons get too small to see.
  const hubAt = (level: 'far' | 'near') => [
    'case',
    onlyAt(level === 'far' ? 'near' : 'far'),
    0,
    compile(HUB_RADIUS, w),
  ];
  const radius = (cityState: number, level: 'far' | 'near') =>
    byKind({ 'city-state': cityState, hub: hubAt(level), place: placeRadius(level) });
  return {
    [LAYER.overviewLines]: {
      'line-width': overviewLine(pairWidth, compile(LINE_WIDTH, w)),
    },
    [LAYER.lines]: { 'line-width': compile(LINE_WIDTH, w) },
    [LAYER.points]: {
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        4,
        radius(8, 'far'),
        5.5,
        radius(7, 'far'),
        NEAR_ZOOM - 0.1,
        radius(0, 'far'),
        NEAR_ZOOM,
        radius(0, 'near'),
      ],
      'circle-stroke-width': byKind({
        'city-state': ['case', fs('selected'), 2.5, 1],
        hub: compile(HUB_STROKE_WIDTH, w),
        place: 1.5,
      }),
    },
    [LAYER.detailPoints]: {
      'circle-radius': compile(HUB_RADIUS, w),
      'circle-stroke-width': compile(HUB_STROKE_WIDTH, w),
    },
    [LAYER.stateBorder]: { 'line-width': present ? 1.2 : 0.8 },
  };
}

/** Opacity of the overview's lines and hubs at both levels. */
export function overviewOpacity(): Record<string, Record<string, unknown>> {
  const pairOpacity = (level: 'far' | 'near') => [
    'case',
    ['<=', ['number', stateValue(level), 0], 0],
    0,
    fs('hover'),
    PAIR_OPACITY.hover,
    PAIR_OPACITY.shown,
  ];
  const hubOpacity = (level: 'far' | 'near') => [
    'case',
    onlyAt(level === 'far' ? 'near' : 'far'),
    0,
    compile(HUB_OPACITY),
  ];
  // Places: by their look at the level (zoomed out in the overview, cities count for their Land).
  const placeOpacity = (level: 'far' | 'near') =>
    placeBy(level, (look) => PLACE_STYLE[look].opacity);
  const points = (level: 'far' | 'near') =>
    byKind({ 'city-state': 1, hub: hubOpacity(level), place: placeOpacity(level) });
  const stroke = (level: 'far' | 'near') =>
    byKind({
      'city-state': 1,
      hub: hubOpacity(level),
      place: placeBy(level, (look) => (look === PLACE_LOOK.hidden ? 0 : 1)),
    });
  return {
    [LAYER.overviewLines]: {
      'line-opacity': overviewLine(pairOpacity, compile(LINE_OPACITY)),
    },
    [LAYER.points]: {
      'circle-opacity': byZoom(points('far'), points('near')),
      'circle-stroke-opacity': byZoom(stroke('far'), stroke('near')),
    },
  };
}
