/**
 * Our own offline MapLibre style: no tiles, no glyphs, no sprites. Three GeoJSON sources: `atlas`
 * (states, city-state dots, places, and the overview's pair lines and hubs zoomed out),
 * `atlas-near` (what the overview draws only zoomed in) and `detail` (every single cooperation's
 * arcs and hubs, drawn when something is selected); the last two are filled after the first
 * frame. Every dynamic look is driven by feature-state (map/paint.ts), so changes only repaint.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { AtlasModel } from '../model/atlas-model.ts';
import type { Derived } from '../view/derive.ts';
import { regionStates, type RegionState } from './sync.ts';
import {
  compile,
  featureStateOf,
  HUB_OPACITY,
  LINE_OPACITY,
  NEAR_FILL_ZOOM,
  startKey,
} from '../style/link-style.ts';
import {
  CITY_STATES,
  DETAIL,
  FID,
  HOVER,
  LAYER,
  NEAR,
  POINT_KINDS,
  SOURCE,
  TWIN,
} from './layers.ts';
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
  later: Uint8Array = nearFids(model),
  start: FirstView | null = null,
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
    // The same lines of the near level only: drawn from zoom NEAR_ZOOM, where the far ones fade.
    {
      id: LAYER.nearLines,
      type: 'line',
      source: NEAR,
      minzoom: NEAR_FILL_ZOOM,
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
    // The near level's hubs, under the city dots as the points layer's own hubs are.
    {
      id: LAYER.nearPoints,
      type: 'circle',
      source: NEAR,
      minzoom: NEAR_FILL_ZOOM,
      filter: L('hub'),
      paint: paint(LAYER.points),
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
  // The hover source's layers are their twins' copies (the same paint, so the same programs),
  // drawn on top of everything.
  for (const [id, of] of Object.entries(TWIN)) {
    const layer = layers.find((l) => l.id === of);
    if (layer && 'source' in layer && layer.source === DETAIL)
      layers.push({ ...layer, id, source: HOVER } as LayerSpecification);
  }
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
      [SOURCE]: geojson(atlasFeatures(model, later, start)),
      [NEAR]: geojson({ type: 'FeatureCollection', features: [] }),
      [DETAIL]: geojson({ type: 'FeatureCollection', features: [] }),
      [HOVER]: geojson({ type: 'FeatureCollection', features: [] }),
    },
    // The overview draws nothing of the detail (every state reads 0): its layers start hidden,
    // and map/fill.ts shows them while a view or a hover needs them. Hidden, they cost no draw
    // calls, no tiles and no shader programs on the overview's frames.
    layers: layers.map((l) =>
      'source' in l && l.source === DETAIL
        ? ({ ...l, layout: { ...l.layout, visibility: 'none' } } as LayerSpecification)
        : l,
    ),
  };
}

/**
 * States, city-state dots, places and the overview features not left for later, each tagged with
 * its layer `L` and its `fid`.
 */
export function atlasFeatures(
  model: AtlasModel,
  later: Uint8Array = nearFids(model),
  start: FirstView | null = null,
): {
  type: 'FeatureCollection';
  features: unknown[];
} {
  const features: unknown[] = [];
  model.data.states.features.forEach((f, i) => {
    features.push({
      type: 'Feature',
      properties: withRegionStart({ ...f.properties, L: 'state' }, FID.state(i), start),
      geometry: f.geometry,
    });
    if (CITY_STATES.includes(f.properties.id))
      features.push({
        type: 'Feature',
        properties: withRegionStart({ ...f.properties, L: 'city-state' }, FID.cityState(i), start),
        geometry: { type: 'Point', coordinates: f.properties.anchor },
      });
  });
  model.data.places.features.forEach((f, i) =>
    features.push({
      type: 'Feature',
      properties: withRegionStart({ ...f.properties, L: 'place' }, FID.place(i), start),
      geometry: f.geometry,
    }),
  );
  for (const f of model.overview.features.features)
    if (!later[(f.properties as { fid: number }).fid]) features.push(withStart(f, start));
  return { type: 'FeatureCollection', features };
}

/** The overview's features left for later (the NEAR source's data). */
export function nearFeatures(
  model: AtlasModel,
  later: Uint8Array = nearFids(model),
  start: FirstView | null = null,
): {
  type: 'FeatureCollection';
  features: unknown[];
} {
  return {
    type: 'FeatureCollection',
    features: model.overview.features.features
      .filter((f) => later[(f.properties as { fid: number }).fid])
      .map((f) => withStart(f, start)),
  };
}

/**
 * An overview feature with the start view's look in its properties (`shown0`, `far0`, …; read
 * by link-style's stateValue where no feature-state is set): the first frame then needs no
 * feature-state, which MapLibre would otherwise apply to every tile as it arrives (~100 ms at
 * 10 000 cooperations here). Features the start view does not draw stay as they are.
 */
function withStart<F extends { properties: unknown }>(f: F, start: FirstView | null): F {
  if (!start) return f;
  const fid = (f.properties as { fid: number }).fid;
  const bits = start.overviewState[fid] ?? 0;
  const far = start.pairCounts.far[fid] ?? 0;
  const near = start.pairCounts.near[fid] ?? 0;
  if (!bits && !far && !near) return f;
  const state: Record<string, boolean | number> = {};
  for (const [flag, on] of Object.entries(featureStateOf(bits))) if (on) state[flag] = on;
  if (far) state['far'] = far;
  if (near) state['near'] = near;
  return { ...f, properties: { ...(f.properties as object), ...carried(state) } };
}

/** A state as a feature carries it (`shown0`, `far0`, …: read where no feature-state is set). */
function carried(state: Record<string, boolean | number>): Record<string, boolean | number> {
  const out: Record<string, boolean | number> = {};
  for (const [key, value] of Object.entries(state)) out[startKey(key)] = value;
  return out;
}

/**
 * The overview as the start view draws it: what decides which features the first frame needs.
 * `regions`: the start view's look of the states, city-state dots and places (map/sync.ts),
 * carried by those features so that the first tiles need no feature-state either.
 */
export type FirstView = Pick<Derived, 'overviewState' | 'pairCounts'> & {
  regions?: ReadonlyMap<number, RegionState>;
};

/** The start view's look of the overview and of the region features (`selected`: see sync.ts). */
export function firstView(
  model: Pick<AtlasModel, 'data'>,
  derived: Derived,
  selected: ReadonlySet<string>,
): Required<FirstView> {
  return {
    overviewState: derived.overviewState,
    pairCounts: derived.pairCounts,
    regions: regionStates(model, derived, selected),
  };
}

/** A region feature's properties with its start look (`selected0`, `tint0`, `far0`, …). */
const withRegionStart = (properties: object, fid: number, start: FirstView | null) => {
  const look = start?.regions?.get(fid);
  return { ...properties, fid, ...(look ? carried(look.state) : {}) };
};

/**
 * Which overview features (by fid) are left for the NEAR source, filled after the first frame
 * (1): the near level's own, and what the start view does not draw zoomed out (lines and hubs of
 * other dates, of filtered-out topics, or all of them while something is selected). The first
 * source then holds just what the first frame draws; at 10 000 cooperations a third of the far
 * level waits.
 */
export function laterFids(model: Pick<AtlasModel, 'overview' | 'atlas'>, first: FirstView) {
  const out = Uint8Array.from(nearFids(model));
  for (let fid = 0; fid < out.length; fid++) if (!out[fid] && !drawnFar(first, fid)) out[fid] = 1;
  return out;
}

const drawnFar = (view: FirstView, fid: number): boolean =>
  view.pairCounts.far[fid]! > 0 || view.overviewState[fid]! > 0;

/** Whether a view draws zoomed out a feature that `later` left for the NEAR source. */
export function drawsLater(
  model: Pick<AtlasModel, 'overview' | 'atlas'>,
  later: Uint8Array,
  view: FirstView,
): boolean {
  const near = nearFids(model);
  for (let fid = 0; fid < later.length; fid++)
    if (later[fid] && !near[fid] && drawnFar(view, fid)) return true;
  return false;
}

const nearOf = new WeakMap<object, Uint8Array>();

/**
 * Which overview features (by fid) only the near level draws: its own hubs and spokes, and the
 * pair lines of a city or district (zoomed out, cities count for their Land, so only lines
 * between Länder and the Bund are drawn there). 1 = near only.
 */
export function nearFids(model: Pick<AtlasModel, 'overview' | 'atlas'>): Uint8Array {
  const known = nearOf.get(model.overview);
  if (known) return known;
  const out = new Uint8Array(model.overview.size);
  const isLand = (id: unknown) => {
    const kind = model.atlas.regions.get(String(id))?.kind;
    return kind === 'state' || kind === 'federal';
  };
  for (const f of model.overview.features.features) {
    const p = f.properties as { fid: number; Z?: string; L?: string; a?: unknown; b?: unknown };
    if (p.Z === 'near' || (p.L === 'pair' && !(isLand(p.a) && isLand(p.b)))) out[p.fid] = 1;
  }
  nearOf.set(model.overview, out);
  return out;
}

const byFidOf = new WeakMap<object, Map<number, unknown>>();

/** One cooperation's arcs, spokes, hubs and markers (the hover source's data). */
export function previewFeatures(
  model: AtlasModel,
  id: string,
): { type: 'FeatureCollection'; features: unknown[] } {
  const g = model.geometry;
  let byFid = byFidOf.get(g);
  if (!byFid) {
    byFid = new Map(
      [...g.lines.features, ...g.points.features].map((f) => [
        (f.properties as { fid: number }).fid,
        f,
      ]),
    );
    byFidOf.set(g, byFid);
  }
  const parts = g.parts.get(id);
  const fids = [...(parts?.lines ?? []), ...(parts?.points ?? [])].map((p) => p.fid);
  return { type: 'FeatureCollection', features: fids.map((fid) => byFid.get(fid)) };
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
