/**
 * The map of the export: the states, links, hubs and cities the map shows, projected with
 * d3-geo (conic conformal for Germany) and drawn by the shared rules of style/link-style.ts.
 * Pure.
 */
import { geoConicConformal } from 'd3-geo';
import type {
  Feature,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position as GeoPosition,
} from 'geojson';
import type { AtlasModel } from '../../model/atlas-model.ts';
import { BUND_ANCHOR, GERMANY_BOUNDS } from '../../geo/anchors.ts';
import {
  drawRank,
  evaluate,
  flagsOf,
  HUB_OPACITY,
  HUB_RADIUS,
  HUB_STROKE_WIDTH,
  LINE_OPACITY,
  LINE_WIDTH,
  PAIR_OPACITY,
  PAIR_WIDTH,
  PLACE_LOOK,
  PLACE_STYLE,
  rampAt,
  type Flags,
} from '../../style/link-style.ts';
import { placeLook } from '../../view/places.ts';
import type { Level } from '../../geo/overview.ts';
import { TOPIC_DASH, type MapColours } from '../../style/palette.ts';
import type { Topic } from '../../data/model.ts';
import type { Derived } from '../../view/derive.ts';
import type { Lang } from '../../data/model.ts';
import { regionName } from '../../i18n/text.ts';
import { sanitizeFilePart } from '../../view/file-name.ts';
import type { Box } from '../../view/labels.ts';
import { el, num, pathData, titleEl } from './markup.ts';

export type XY = [number, number];

/** Whether visible bounds show clearly less than Germany (then the export follows them). */
export function isZoomedIn(bounds: [number, number, number, number] | undefined): boolean {
  if (!bounds) return false;
  const [w, s, e, n] = bounds;
  const [gw, gs, ge, gn] = GERMANY_BOUNDS;
  const area = Math.max(0, e - w) * Math.max(0, n - s);
  return area > 0 && area < (ge - gw) * (gn - gs) * 0.6;
}

export function forEachRing(
  geometry: Polygon | MultiPolygon,
  fn: (ring: GeoPosition[]) => void,
): void {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) for (const ring of polygon) fn(ring);
}

/** The topic's line pattern as SVG attributes (a second cue besides colour). */
export function dashOf(topic: Topic, width: number): Record<string, string> {
  const dash = TOPIC_DASH[topic];
  return dash ? { 'stroke-dasharray': dash.map((d) => num(d * width)).join(' ') } : {};
}

export interface MapLayerInput {
  model: AtlasModel;
  derived: Derived;
  select: string | null;
  lang: Lang;
  colours: MapColours;
  topicColours: Record<Topic, string>;
  box: Box;
  /** The map's visible bounds, when zoomed in. */
  bounds: [number, number, number, number] | undefined;
  /** Which level of the overview to draw (the map's zoom decides). */
  level: Level;
  u: number;
  w: number;
  /** Prefix of the element ids (several maps on one page, the storyboard's). */
  idPrefix?: string;
}

export interface MapLayer {
  project: (p: GeoPosition) => XY | null;
  zoomed: boolean;
  states: string[];
  links: string[];
  hubs: string[];
  places: string[];
  /** Cities on the map whose name should be written (the selection and its partners). */
  cityLabels: { id: string; xy: XY; name: string; selected: boolean }[];
}

export function mapLayer(input: MapLayerInput): MapLayer {
  const { model, derived, colours: c, box, u, w, lang } = input;
  const states = model.data.states.features;
  const zoomed = isZoomedIn(input.bounds);
  const fitPoints: GeoPosition[] = [];
  if (zoomed) {
    const [bw, bs, be, bn] = input.bounds!;
    fitPoints.push([bw, bs], [be, bs], [be, bn], [bw, bn]);
  } else {
    fitPoints.push(BUND_ANCHOR);
    for (const f of states) forEachRing(f.geometry, (ring) => fitPoints.push(...ring));
    for (const f of model.geometry.lines.features) fitPoints.push(...f.geometry.coordinates);
    for (const f of model.geometry.points.features) fitPoints.push(f.geometry.coordinates);
  }
  const pad = zoomed ? 0 : 34 * u;
  const projection = geoConicConformal()
    .parallels([48.67, 53.67])
    .rotate([-10.45, 0])
    .fitExtent(
      [
        [box.x0 + pad, box.y0 + pad],
        [box.x1 - pad, box.y1 - pad],
      ],
      { type: 'MultiPoint', coordinates: fitPoints },
    );
  const project = (p: GeoPosition): XY | null => {
    const xy = projection([p[0]!, p[1]!]);
    return xy ? [xy[0], xy[1]] : null;
  };
  const linePath = (coords: GeoPosition[], close = false, minStep = 0): string =>
    pathData(
      coords.map(project).filter((xy): xy is XY => xy !== null),
      close,
      minStep,
    );

  // States: the selected one last, so its outline is on top.
  const selectedRegion =
    input.select && model.atlas.regions.has(input.select) ? input.select : null;
  const stateParts = [...states]
    .sort(
      (a, b) =>
        Number(a.properties.id === selectedRegion) - Number(b.properties.id === selectedRegion),
    )
    .map((f) => {
      const id = f.properties.id;
      const tint = Math.min(derived.partnerTint.get(id) ?? 0, 3);
      const isSel = id === selectedRegion;
      let d = '';
      forEachRing(f.geometry, (ring) => {
        d += linePath(ring, true, 0.9 * u);
      });
      return el(
        'path',
        {
          id: `${input.idPrefix ?? ''}state-${sanitizeFilePart(id)}`,
          d,
          fill: isSel ? c.selectedFill : tint > 0 ? c.tint[tint - 1]! : c.land,
          stroke: isSel ? c.selectedBorder : c.border,
          'stroke-width': (isSel ? 2.5 : 0.8) * u,
        },
        titleEl(regionName(model.atlas.regions.get(id), lang, id)),
      );
    });

  // Links and hubs, by the same rules as the map, the emphasised ones drawn last: with nothing
  // selected the overview (pair lines, hubs of multi-party cooperations), else the detail.
  if (derived.overview) {
    const drawn = overviewParts(input, linePath, project);
    return {
      project,
      zoomed,
      states: stateParts,
      ...drawn,
      ...placesOf(input, project),
    };
  }
  const fs = derived.featureState;
  const coopTitle = (id: string): string => titleOf(input, id);
  const colourOf = (topic: Topic, flags: { ended?: boolean }) =>
    flags.ended ? c.ended : (input.topicColours[topic] ?? '#777777');
  const lines = model.geometry.lines.features
    .map((f) => ({ f, flags: flagsOf(fs[f.properties.fid] ?? 0, f.properties) }))
    .filter(({ flags }) => flags.shown)
    .sort((a, b) => drawRank(a.flags) - drawRank(b.flags));
  const links = lines.map(({ f, flags }) => linkPath(input, linePath, f, flags));
  const points = model.geometry.points.features
    .map((f) => ({ f, flags: flagsOf(fs[f.properties.fid] ?? 0, f.properties) }))
    .filter(({ flags }) => flags.shown)
    .sort((a, b) => drawRank(a.flags) - drawRank(b.flags));
  const hubs: string[] = [];
  for (const { f, flags } of points) {
    const p = f.properties;
    const xy = project(f.geometry.coordinates);
    if (!xy) continue;
    const colour = colourOf(p.topic, {});
    const opacity = evaluate(HUB_OPACITY, flags);
    hubs.push(
      el(
        'circle',
        {
          class: p.shape,
          'data-fid': String(p.fid),
          'data-cooperation': p.cooperation,
          cx: xy[0],
          cy: xy[1],
          r: evaluate(HUB_RADIUS, flags, w),
          fill: flags.local ? colour : c.hubFill,
          stroke: flags.ended ? c.ended : flags.local ? c.hubFill : colour,
          'stroke-width': evaluate(HUB_STROKE_WIDTH, flags, w),
          opacity: opacity === 1 ? undefined : String(opacity),
        },
        titleEl(coopTitle(p.cooperation)),
      ),
    );
  }

  return { project, zoomed, states: stateParts, links, hubs, ...placesOf(input, project) };
}

/** Cities and districts as the map draws them at the export's level (view/places.ts). */
function placesOf(
  input: MapLayerInput,
  project: (p: GeoPosition) => XY | null,
): Pick<MapLayer, 'places' | 'cityLabels'> {
  const { model, derived, colours: c, u, lang } = input;
  const places: string[] = [];
  const cityLabels: MapLayer['cityLabels'] = [];
  for (const f of model.data.places.features) {
    const id = f.properties.id;
    const selected = id === input.select;
    const look = placeLook(id, derived, input.level, selected);
    if (look === PLACE_LOOK.hidden) continue;
    const xy = project(f.geometry.coordinates);
    if (!xy) continue;
    const name = regionName(model.atlas.regions.get(id), lang, f.properties.name);
    places.push(
      el(
        'circle',
        {
          class: 'city',
          'data-region': id,
          cx: xy[0],
          cy: xy[1],
          r: PLACE_STYLE[look].radius * u,
          fill: c.city,
          stroke: c.land,
          'stroke-width': 1.5 * u,
          ...(PLACE_STYLE[look].opacity < 1 ? { opacity: PLACE_STYLE[look].opacity } : {}),
        },
        titleEl(name),
      ),
    );
    if (selected || derived.partnerCounts.has(id)) cityLabels.push({ id, xy, name, selected });
  }
  return { places, cityLabels };
}

/** A cooperation's title in the view's language (its id where the dataset has no such record). */
const titleOf = (input: Pick<MapLayerInput, 'model' | 'lang'>, id: string): string =>
  input.model.atlas.cooperationById.get(id)?.title[input.lang] ?? id;

/**
 * One cooperation's arc or spoke, by the shared rules (the detail's and the overview's); the
 * overview's spokes of partners that joined together are one feature (a MultiLineString).
 */
function linkPath(
  input: MapLayerInput,
  linePath: (coords: GeoPosition[]) => string,
  f: Feature<LineString | MultiLineString>,
  flags: Flags,
): string {
  const p = f.properties as { fid: number; cooperation: string; topic: Topic; shape: string };
  const width = evaluate(LINE_WIDTH, flags, input.w);
  return el(
    'path',
    {
      class: `link ${p.shape}`,
      'data-fid': String(p.fid),
      'data-cooperation': p.cooperation,
      d:
        f.geometry.type === 'MultiLineString'
          ? f.geometry.coordinates.map((part) => linePath(part)).join('')
          : linePath(f.geometry.coordinates),
      stroke: flags.ended ? input.colours.ended : (input.topicColours[p.topic] ?? '#777777'),
      'stroke-width': width,
      // Opacities as the rules give them (num() would round 0.45 to one decimal).
      'stroke-opacity': String(evaluate(LINE_OPACITY, flags)),
      ...dashOf(p.topic, width),
    },
    titleEl(titleOf(input, p.cooperation)),
  );
}

/** The overview at a level: pair lines by their count, hubs and spokes by the shared rules. */
function overviewParts(
  input: MapLayerInput,
  linePath: (coords: GeoPosition[]) => string,
  project: (p: GeoPosition) => XY | null,
): Pick<MapLayer, 'links' | 'hubs'> {
  const { model, derived, colours: c, w, lang, level } = input;
  const other = level === 'far' ? 'near' : 'far';
  const name = (id: string) => regionName(model.atlas.regions.get(id), lang, id);
  const coopTitle = (id: string): string => titleOf(input, id);
  const pairs: { d: string; count: number; title: string; fid: number }[] = [];
  const lines: { f: Feature<LineString | MultiLineString>; flags: Flags }[] = [];
  const hubs: { f: Feature<Point>; flags: Flags }[] = [];
  for (const f of model.overview.features.features) {
    const p = f.properties as { L: string; fid: number; a?: string; b?: string; Z?: string };
    if (p.L === 'pair') {
      const count = derived.pairCounts[level][p.fid] ?? 0;
      if (count > 0)
        pairs.push({
          d: linePath((f.geometry as LineString).coordinates),
          count,
          fid: p.fid,
          title: `${name(p.a!)} – ${name(p.b!)}: ${count}`,
        });
      continue;
    }
    if (p.Z === other) continue;
    const flags = flagsOf(
      derived.overviewState[p.fid] ?? 0,
      p as { large?: boolean; shape?: string },
    );
    if (!flags.shown) continue;
    if (f.geometry.type === 'Point') hubs.push({ f: f as Feature<Point>, flags });
    else lines.push({ f: f as Feature<LineString | MultiLineString>, flags });
  }
  // Thin pairs under thick ones; spokes over pairs; emphasised last.
  pairs.sort((a, b) => a.count - b.count || a.fid - b.fid);
  lines.sort((a, b) => drawRank(a.flags) - drawRank(b.flags));
  const links = [
    ...pairs.map((p) =>
      el(
        'path',
        {
          class: 'pair',
          'data-fid': String(p.fid),
          'data-count': String(p.count),
          d: p.d,
          stroke: c.pair,
          'stroke-width': rampAt(PAIR_WIDTH, p.count, w),
          'stroke-opacity': String(PAIR_OPACITY.shown),
        },
        titleEl(p.title),
      ),
    ),
    ...lines.map(({ f, flags }) => linkPath(input, linePath, f, flags)),
  ];
  const hubParts = hubs.flatMap(({ f, flags }) => {
    const p = f.properties as { fid: number; cooperation: string; topic: Topic };
    const xy = project(f.geometry.coordinates);
    if (!xy) return [];
    const colour = input.topicColours[p.topic] ?? '#777777';
    return [
      el(
        'circle',
        {
          class: 'hub',
          'data-fid': String(p.fid),
          'data-cooperation': p.cooperation,
          cx: xy[0],
          cy: xy[1],
          r: evaluate(HUB_RADIUS, flags, w),
          fill: c.hubFill,
          stroke: flags.ended ? c.ended : colour,
          'stroke-width': evaluate(HUB_STROKE_WIDTH, flags, w),
        },
        titleEl(coopTitle(p.cooperation)),
      ),
    ];
  });
  return { links, hubs: hubParts };
}
