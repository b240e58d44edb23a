import {
  expression,
  latest,
  validateStyleMin,
  type LayerSpecification,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { createAtlasModel } from '../../src/model/atlas-model.ts';
import { parseDay } from '../../src/data/partial-date.ts';
import { LAYER, NEAR, TWIN, SOURCE } from '../../src/map/layers.ts';
import {
  regionKeys,
  regionStates,
  restateMoved,
  selectedRegions,
  syncLinks,
  syncPairs,
  syncRegions,
} from '../../src/map/sync.ts';
import { MATRIX_RAMP } from '../../src/style/palette.ts';
import { sizePaint, themedPaint } from '../../src/map/paint.ts';
import {
  atlasFeatures,
  buildStyle,
  drawsLater,
  firstView,
  laterFids,
  nearFeatures,
  nearFids,
} from '../../src/map/style.ts';
import { createDeriver } from '../../src/view/selectors.ts';
import { defaultView } from '../../src/view/view-state.ts';
import {
  compile,
  evaluate,
  featureStateOf,
  flagsOf,
  HUB_OPACITY,
  HUB_RADIUS,
  HUB_STROKE_WIDTH,
  LINE_OPACITY,
  LINE_WIDTH,
  PRESENT_FACTOR,
  startKey,
} from '../../src/style/link-style.ts';
import { loadRealData } from './fixtures.ts';

const scene = createAtlasModel(loadRealData(), parseDay('2025-01-01')!);
const variants = [
  { theme: 'light', present: false },
  { theme: 'dark', present: false },
  { theme: 'light', present: true },
  { theme: 'dark', present: true },
] as const;

/**
 * What MapLibre keys a layer's shader program on: the layer type and, for each paint property
 * that can vary by feature, whether it does (a vertex attribute, with or without zoom) or not
 * (a uniform). Worked out with the style spec's own expression parser.
 */
function programKey(layer: LayerSpecification): string {
  const specs = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[
    `paint_${layer.type}`
  ]!;
  const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
  const parts = Object.entries(specs)
    .filter(([, spec]) => String(spec['property-type']).includes('data-driven'))
    .map(([name, spec]) => {
      const value = paint[name] ?? spec.default;
      if (value === undefined) return `${name}:unset`;
      const parsed = expression.createPropertyExpression(value, name, spec);
      if (parsed.result !== 'success') throw new Error(`${layer.id} ${name}: invalid`);
      const { kind } = parsed.value;
      return `${name}:${kind === 'source' || kind === 'composite' ? kind : 'uniform'}`;
    });
  return `${layer.type} ${parts.sort().join(' ')}`;
}

describe('map style', () => {
  it.each(variants)('is a valid MapLibre style ($theme, projector $present)', (options) => {
    expect(validateStyleMin(buildStyle(scene, options))).toEqual([]);
  });

  it.each(variants)(
    'compiles the first frame to one shader program per layer type ($theme, projector $present)',
    (options) => {
      // Each extra program costs ~30 ms of the first full frame under software WebGL. The first
      // frame draws the atlas source (the detail source is filled after it).
      const layers = buildStyle(scene, options).layers;
      const first = layers.filter((l) => !('source' in l) || l.source === 'atlas');
      const keys = (ids: string[]) =>
        new Set(layers.filter((l) => ids.includes(l.id)).map(programKey));
      // One circle layer draws every dot of the first frame.
      expect(first.filter((l) => l.type === 'circle').map((l) => l.id)).toEqual([LAYER.points]);
      expect(keys([LAYER.stateBorder, LAYER.stateSelected]).size).toBe(1);
      // background, fill, line, dashed line, circle.
      expect(new Set(first.map(programKey)).size).toBe(5);
      // The detail adds at most one program per type (a line and a circle layer).
      expect(new Set(layers.map(programKey)).size).toBeLessThanOrEqual(7);
    },
  );

  it('switches theme and projector mode without changing a program', () => {
    // MapView applies themedPaint/sizePaint with setPaintProperty on a switch: the programs of
    // the new look must be the ones already compiled.
    const base = buildStyle(scene, { theme: 'light', present: false }).layers;
    for (const { theme, present } of variants) {
      const patched = base.map((layer) => ({
        ...layer,
        paint: {
          ...(layer as { paint?: object }).paint,
          // The near level's layers take the paint of their twins (MapView does the same).
          ...themedPaint(theme)[TWIN[layer.id] ?? layer.id],
          ...sizePaint(present)[TWIN[layer.id] ?? layer.id],
        },
      })) as LayerSpecification[];
      expect(patched.map(programKey)).toEqual(base.map(programKey));
    }
  });
});

describe('the near level apart', () => {
  const fidOf = (f: unknown) => (f as { properties: { fid: number } }).properties.fid;
  const overviewFids = (fc: { features: unknown[] }) =>
    fc.features.map(fidOf).filter((fid) => fid < scene.overview.size);

  it('puts every overview feature in exactly one source', () => {
    const far = overviewFids(atlasFeatures(scene));
    const near = overviewFids(nearFeatures(scene));
    expect(far.length + near.length).toBe(scene.overview.features.features.length);
    expect(new Set([...far, ...near]).size).toBe(far.length + near.length);
    expect(near.length).toBeGreaterThan(0);
    expect(far.every((fid) => nearFids(scene)[fid] === 0)).toBe(true);
    expect(near.every((fid) => nearFids(scene)[fid] === 1)).toBe(true);
  });

  it('keeps in the first source everything the map draws zoomed out, at every date', () => {
    const derive = createDeriver(scene);
    const near = nearFids(scene);
    for (const date of ['2008-06-01', '2015-01-01', '2020-12-11', '2025-01-01']) {
      const d = derive({ ...defaultView(scene.today), date: parseDay(date)! });
      for (const f of scene.overview.features.features) {
        const { fid, Z } = f.properties as { fid: number; Z?: string };
        const drawnFar = d.pairCounts.far[fid]! > 0 || (Z !== 'near' && d.overviewState[fid]! > 0);
        if (drawnFar) expect(near[fid], `fid ${fid} at ${date}`).toBe(0);
      }
    }
  });
});

describe('the first source holds what the start view draws', () => {
  const derive = createDeriver(scene);
  const fidOf = (f: unknown) => (f as { properties: { fid: number } }).properties.fid;
  const at = (date: string) => derive({ ...defaultView(scene.today), date: parseDay(date)! });
  const drawnFar = (d: ReturnType<typeof at>, fid: number) =>
    d.pairCounts.far[fid]! > 0 || d.overviewState[fid]! > 0;

  it.each(['2010-01-01', '2018-06-01', '2025-01-01'])(
    'starting on %s: every overview feature in one source, the first one exactly what is drawn',
    (date) => {
      const start = at(date);
      const later = laterFids(scene, start);
      const first = atlasFeatures(scene, later)
        .features.map(fidOf)
        .filter((fid) => fid < scene.overview.size);
      const rest = nearFeatures(scene, later).features.map(fidOf);
      expect(first.length + rest.length).toBe(scene.overview.features.features.length);
      expect(new Set([...first, ...rest]).size).toBe(first.length + rest.length);
      const near = nearFids(scene);
      for (const fid of first) expect(drawnFar(start, fid) && !near[fid]).toBe(true);
      for (const fid of rest) expect(drawnFar(start, fid) && !near[fid]).toBe(false);
      expect(drawsLater(scene, later, start)).toBe(false);
    },
  );

  it('paints a feature carrying the start look as one given that look as feature-state', () => {
    const start = at('2018-06-01');
    const later = laterFids(scene, start);
    const style = buildStyle(scene, { theme: 'light', present: false }, later, start);
    const specs = latest as unknown as Record<string, Record<string, StylePropertySpecification>>;
    const plain = new Map(
      atlasFeatures(scene, later).features.map((f) => [fidOf(f), f as { properties: object }]),
    );
    const baked = atlasFeatures(scene, later, start).features.filter(
      (f) => fidOf(f) < scene.overview.size,
    ) as { properties: { fid: number; L: string }; geometry: { type: string } }[];
    expect(baked.length).toBeGreaterThan(0);
    let compared = 0;
    for (const id of [LAYER.overviewLines, LAYER.points]) {
      const layer = style.layers.find((l) => l.id === id) as {
        type: string;
        paint: Record<string, unknown>;
      };
      for (const [name, value] of Object.entries(layer.paint)) {
        const spec = specs[`paint_${layer.type}`]![name]!;
        const parsed = expression.createPropertyExpression(value as never, name, spec);
        if (parsed.result !== 'success') throw new Error(`${id} ${name}: invalid expression`);
        const run = parsed.value as { evaluate: (...a: unknown[]) => unknown };
        for (const f of baked) {
          const fid = f.properties.fid;
          const state = {
            ...featureStateOf(start.overviewState[fid]!),
            far: start.pairCounts.far[fid]!,
            near: start.pairCounts.near[fid]!,
          };
          const type = f.geometry.type === 'Point' ? 'Point' : 'LineString';
          for (const zoom of [5, 8]) {
            const a = run.evaluate({ zoom }, { type, properties: f.properties }, {});
            const b = run.evaluate(
              { zoom },
              { type, properties: plain.get(fid)!.properties },
              state,
            );
            expect(a, `${id} ${name} fid ${fid} z${zoom}`).toEqual(b);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('keeps every feature-state with its feature when the far level moves to the first source', () => {
    // What the map holds per source: fid → merged state, as MapLibre keeps it.
    const held = new Map<string, Map<number, Record<string, boolean | number>>>();
    const sinkTo = (source: (fid: number) => string) => ({
      setFeatureState: (fid: number, state: Record<string, boolean | number>) => {
        const map = held.get(source(fid)) ?? new Map();
        held.set(source(fid), map.set(fid, { ...map.get(fid), ...state }));
      },
    });
    const start = at('2010-01-01');
    const later = laterFids(scene, start);
    const near = nearFids(scene);
    // Scrubbed on before the first sign of use: states of left-out features go to NEAR.
    const now = at('2025-01-01');
    const before = sinkTo((fid) => (later[fid] ? NEAR : SOURCE));
    const overview = syncLinks(before, start.overviewState, now.overviewState);
    const pairs = syncPairs(before, start.pairCounts, now.pairCounts);
    const moved = [...later.keys()].filter((fid) => later[fid] && !near[fid]);
    expect(moved.length).toBeGreaterThan(0);
    restateMoved(
      sinkTo(() => SOURCE),
      moved,
      overview,
      pairs,
    );
    // Every far feature now drawn has its state in the first source, as derived.
    let checked = 0;
    for (const fid of moved) {
      const state = held.get(SOURCE)?.get(fid) ?? {};
      const bits = now.overviewState[fid]!;
      for (const [flag, on] of Object.entries(featureStateOf(bits)))
        if (on) expect(state[flag], `fid ${fid} ${flag}`).toBe(true);
      expect(state['far'] ?? 0, `fid ${fid} far`).toBe(now.pairCounts.far[fid]);
      if (bits || now.pairCounts.far[fid]) checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('carries the start look of the states and places, and sets only what changed since', () => {
    const view = (select: string | null, date: string) => ({
      ...defaultView(scene.today),
      select,
      date: parseDay(date)!,
    });
    const start = derive(view('DE-BY', '2020-01-01'));
    const first = firstView(scene, start, selectedRegions('DE-BY', start));
    const features = atlasFeatures(scene, laterFids(scene, first), first).features as {
      properties: Record<string, unknown>;
    }[];
    const bavaria = features.find(
      (f) => f.properties['L'] === 'state' && f.properties['id'] === 'DE-BY',
    );
    expect(bavaria?.properties[startKey('selected')]).toBe(true);
    // What the map holds: fid → merged state, as MapLibre keeps it.
    const held = new Map<number, Record<string, boolean | number>>();
    const sink = {
      setFeatureState: (fid: number, state: Record<string, boolean | number>) =>
        held.set(fid, { ...held.get(fid), ...state }),
    };
    // At the style's load, with the view unchanged, nothing is set.
    const applied = syncRegions(
      sink,
      scene,
      start,
      selectedRegions('DE-BY', start),
      regionKeys(first.regions),
    );
    expect(held.size).toBe(0);
    // Then a view without a selection: each region feature reads that view's look (its state
    // where one was set, else the one it carries), and only the changed ones were set.
    const now = derive(view(null, '2025-01-01'));
    syncRegions(sink, scene, now, selectedRegions(null, now), applied);
    expect(held.size).toBeGreaterThan(0);
    expect(held.size).toBeLessThan(first.regions.size);
    let checked = 0;
    for (const [fid, look] of regionStates(scene, now, new Set())) {
      const f = features.find((x) => x.properties['fid'] === fid)!;
      for (const [state, value] of Object.entries(look.state))
        expect(held.get(fid)?.[state] ?? f.properties[startKey(state)], `fid ${fid} ${state}`).toBe(
          value,
        );
      checked++;
    }
    expect(checked).toBe(first.regions.size);
  });

  it('knows when a later view draws what the start view left out', () => {
    const later = laterFids(scene, at('2010-01-01'));
    expect(drawsLater(scene, later, at('2025-01-01'))).toBe(true);
    // A selection draws the detail, none of the overview.
    const selected = derive({ ...defaultView(scene.today), select: 'DE-BY' });
    expect(drawsLater(scene, laterFids(scene, selected), at('2025-01-01'))).toBe(true);
  });
});

describe('one table of drawing rules', () => {
  const FLAGS = [
    'shown',
    'hover',
    'dim',
    'sel',
    'focus',
    'recent',
    'ended',
    'large',
    'local',
  ] as const;
  /** Every combination of the flags: 2^9 states. */
  const combos = Array.from({ length: 1 << FLAGS.length }, (_, n) =>
    Object.fromEntries(FLAGS.map((f, i) => [f, (n & (1 << i)) !== 0])),
  ) as Record<(typeof FLAGS)[number], boolean>[];

  it.each([
    ['line', 'line-width', 1, LINE_WIDTH],
    ['line', 'line-width', PRESENT_FACTOR, LINE_WIDTH],
    ['line', 'line-opacity', 1, LINE_OPACITY],
    ['circle', 'circle-radius', 1, HUB_RADIUS],
    ['circle', 'circle-stroke-width', PRESENT_FACTOR, HUB_STROKE_WIDTH],
    ['circle', 'circle-opacity', 1, HUB_OPACITY],
  ] as const)(
    '%s %s (× %s): the map expression gives what the export draws, in every state',
    (type, name, factor, rules) => {
      const specs = latest as unknown as Record<string, Record<string, StylePropertySpecification>>;
      const spec = specs[`paint_${type}`]![name]!;
      const parsed = expression.createPropertyExpression(compile(rules, factor), name, spec);
      if (parsed.result !== 'success') throw new Error('invalid expression');
      for (const f of combos) {
        const feature = {
          type: 'LineString',
          properties: { large: f.large, shape: f.local ? 'local' : 'hub' },
        } as never;
        const state = {
          shown: f.shown,
          hover: f.hover,
          dim: f.dim,
          sel: f.sel,
          focus: f.focus,
          recent: f.recent,
          ended: f.ended,
        };
        const onMap = (parsed.value as { evaluate: (...a: unknown[]) => number }).evaluate(
          { zoom: 5 },
          feature,
          state,
        );
        expect(onMap).toBeCloseTo(evaluate(rules, f, factor), 6);
      }
    },
  );

  it('reads the same flags from a state byte as the map gets as feature-state', () => {
    for (let bits = 0; bits < 64; bits++) {
      const flags = flagsOf(bits, { large: false });
      const state = featureStateOf(bits);
      for (const [k, v] of Object.entries(state)) expect(flags[k as keyof typeof flags]).toBe(v);
    }
  });
});

describe('the matrix ramp', () => {
  /** WCAG 2.1 contrast ratio of two #rrggbb colours. */
  const contrast = (a: string, b: string) => {
    const lum = (h: string) => {
      const [r, g, bl] = [1, 3, 5].map((i) => {
        const v = parseInt(h.slice(i, i + 2), 16) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
    return (x + 0.05) / (y + 0.05);
  };
  it.each(['light', 'dark'] as const)(
    'writes every count legibly (4.5:1) on its step (%s)',
    (theme) => {
      const { fill, text } = MATRIX_RAMP[theme];
      fill.forEach((f, i) =>
        expect(contrast(f, text[i]!), `${f} / ${text[i]}`).toBeGreaterThanOrEqual(4.5),
      );
    },
  );
});
