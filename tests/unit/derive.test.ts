import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/data/partial-date.ts';
import { STATE_BITS } from '../../src/style/link-style.ts';
import { changedFeatures, derive, pairBadges, pairFeature } from '../../src/view/derive.ts';
import { syncLinks, syncPairs } from '../../src/map/sync.ts';
import { approxKm } from '../../src/geo/hubs.ts';
import { buildMatrix, countOf } from '../../src/view/matrix.ts';

const { shown: SHOWN, recent: RECENT, sel: SELECTED, dim: DIMMED } = STATE_BITS;
import type { TimeFilter } from '../../src/time/in-force.ts';
import { ANCHORS, createCooperation, createDataset, deriveModelOf } from './fixtures.ts';

/** The hub-to-anchor segments of an overview spoke feature (a group of spokes). */
function spokeParts(f: ReturnType<typeof deriveModelOf>['overview']['features']['features'][0]) {
  return f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [];
}

/** The overview's spoke feature (its group of spokes) from a cooperation's hub to a region. */
function overviewSpokeOf(model: ReturnType<typeof deriveModelOf>, coop: string, region: string) {
  const f = model.overview.features.features.find((x) => {
    const p = x.properties as { cooperation?: string; shape?: string };
    return (
      p.cooperation === coop &&
      p.shape === 'spoke' &&
      spokeParts(x).some((part) => part[1]!.join() === ANCHORS.get(region)!.join())
    );
  });
  return (f!.properties as { fid: number }).fid;
}

function scene() {
  const d = createDataset();
  d.cooperations = [
    createCooperation({
      id: 'be-bb-2013',
      signed: '2013-11',
      partners: [{ region: 'DE-BE' }, { region: 'DE-BB' }],
      projects: [],
    }),
    createCooperation({
      id: 'be-sn-2020',
      signed: '2020-06-01',
      partners: [{ region: 'DE-BE' }, { region: 'DE-SN' }],
      projects: [],
    }),
    createCooperation({
      id: 'hub-2017',
      signed: '2017-07-31',
      topics: ['user-accounts'],
      partners: [
        { region: 'DE' },
        { region: 'DE-TH' },
        { region: 'DE-SN' },
        { region: 'DE-BB', joined: '2020-12-09' },
      ],
      projects: [],
    }),
    createCooperation({
      id: 'ended-2010',
      signed: '2010',
      ended: '2012',
      partners: [{ region: 'DE-TH' }, { region: 'DE-SN' }],
      projects: [],
    }),
  ];
  return deriveModelOf(d);
}
const none = { topics: new Set<never>(), kinds: new Set<never>() };
const at = (y: number, m: number, d: number): TimeFilter => ({
  mode: 'inforce',
  date: dayNumber(y, m, d),
  from: 0,
});

describe('derive', () => {
  it('shows the cooperations in force, newest first', () => {
    const model = scene();
    const d = derive(model, at(2021, 1, 1), none, null);
    expect(d.visible.map((c) => c.id)).toEqual(['be-sn-2020', 'hub-2017', 'be-bb-2013']);
  });

  it('shows the spoke of a later partner only from its joined date, in the selection and in the overview', () => {
    const model = scene();
    const { geometry } = model;
    const spokes = geometry.parts.get('hub-2017')!.lines;
    const bbSpoke = spokes.find((p) => p.requires[0] === 'DE-BB')!.fid;
    const sn = { type: 'region', id: 'DE-SN' } as const;
    expect(derive(model, at(2020, 12, 8), none, sn).featureState[bbSpoke]).toBe(0);
    expect(derive(model, at(2020, 12, 9), none, sn).featureState[bbSpoke]! & SHOWN).toBe(SHOWN);
    const overviewSpoke = overviewSpokeOf(model, 'hub-2017', 'DE-BB');
    // The founders' spokes are one feature (they always look alike); the later partner's apart.
    const founders = overviewSpokeOf(model, 'hub-2017', 'DE-TH');
    expect(overviewSpokeOf(model, 'hub-2017', 'DE-SN')).toBe(founders);
    expect(overviewSpokeOf(model, 'hub-2017', 'DE')).toBe(founders);
    expect(overviewSpoke).not.toBe(founders);
    expect(derive(model, at(2020, 12, 8), none, null).overviewState[founders]! & SHOWN).toBe(SHOWN);
    expect(derive(model, at(2020, 12, 8), none, null).overviewState[overviewSpoke]).toBe(0);
    expect(derive(model, at(2020, 12, 9), none, null).overviewState[overviewSpoke]! & SHOWN).toBe(
      SHOWN,
    );
  });

  it('emphasises cooperations signed in the 12 months before the date', () => {
    const model = scene();
    const { geometry } = model;
    const fid = geometry.parts.get('be-sn-2020')!.lines[0]!.fid;
    const be = { type: 'region', id: 'DE-BE' } as const;
    expect(derive(model, at(2021, 5, 31), none, be).featureState[fid]! & RECENT).toBe(RECENT);
    expect(derive(model, at(2021, 6, 2), none, be).featureState[fid]! & RECENT).toBe(0);
  });

  it('selects a region: its cooperations, its partners with counts, the rest dimmed', () => {
    const model = scene();
    const { geometry } = model;
    const d = derive(model, at(2021, 1, 1), none, { type: 'region', id: 'DE-BB' });
    expect(d.selected.map((c) => c.id)).toEqual(['hub-2017', 'be-bb-2013']);
    expect(Object.fromEntries(d.partnerCounts)).toEqual({
      'DE-BE': 1,
      DE: 1,
      'DE-TH': 1,
      'DE-SN': 1,
    });
    const other = geometry.parts.get('be-sn-2020')!.lines[0]!.fid;
    expect(d.featureState[other]! & DIMMED).toBe(DIMMED);
    const own = geometry.parts.get('be-bb-2013')!.lines[0]!.fid;
    expect(d.featureState[own]! & SELECTED).toBe(SELECTED);
  });

  it('does not count a partner before it joined', () => {
    const model = scene();
    const d = derive(model, at(2019, 1, 1), none, { type: 'region', id: 'DE-BB' });
    expect(d.selected.map((c) => c.id)).toEqual(['be-bb-2013']);
  });

  it('filters by topic', () => {
    const model = scene();
    const d = derive(
      model,
      at(2021, 1, 1),
      { topics: new Set(['user-accounts'] as const), kinds: new Set() },
      null,
    );
    expect(d.visible.map((c) => c.id)).toEqual(['hub-2017']);
  });

  it('reports only the features whose state changed', () => {
    const model = scene();
    const a = derive(model, at(2020, 12, 8), none, null).overviewState;
    const b = derive(model, at(2020, 12, 9), none, null).overviewState;
    expect(changedFeatures(a, b)).toEqual([overviewSpokeOf(model, 'hub-2017', 'DE-BB')]);
    expect(changedFeatures(b, b)).toEqual([]);
  });

  it('finds exactly the differing elements, word by word or not, at any length and offset', () => {
    // The definition: index i differs when the two values differ, a missing value reading as 0.
    const naive = (a: ArrayLike<number> | null, b: ArrayLike<number>) =>
      Array.from({ length: Math.max(a?.length ?? 0, b.length) }, (_, i) => i).filter(
        (i) => (a?.[i] ?? 0) !== (b[i] ?? 0),
      );
    const values = (max: number) => fc.array(fc.integer({ min: 0, max }), { maxLength: 40 });
    // Mostly equal arrays (as two dates are), with an offset into a bigger buffer now and then.
    const pair = (max: number) =>
      fc.tuple(values(max), fc.array(fc.tuple(fc.nat(39), fc.integer({ min: 0, max }))), fc.nat(3));
    fc.assert(
      fc.property(pair(255), fc.boolean(), ([a, edits, offset], fresh) => {
        const prev = Uint8Array.from([...Array<number>(offset).fill(9), ...a]).subarray(offset);
        const next = Uint8Array.from(a);
        for (const [i, v] of edits) if (i < next.length) next[i] = v;
        expect(changedFeatures(fresh ? null : prev, next)).toEqual(
          naive(fresh ? null : prev, next),
        );
        expect(changedFeatures(next, prev.subarray(0, prev.length >> 1))).toEqual(
          naive(next, prev.subarray(0, prev.length >> 1)),
        );
      }),
    );
    fc.assert(
      fc.property(pair(65535), ([a, edits]) => {
        const prev = Uint16Array.from(a);
        const next = Uint16Array.from(a);
        for (const [i, v] of edits) if (i < next.length) next[i] = v;
        expect(changedFeatures(prev, next)).toEqual(naive(prev, next));
      }),
    );
  });

  it('sets each pair line whose count changed at either level once, with both counts', () => {
    const counts = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(counts, counts, counts, counts, (f0, n0, f1, n1) => {
        const applied = { far: Uint16Array.from(f0), near: Uint16Array.from(n0) };
        const next = { far: Uint16Array.from(f1), near: Uint16Array.from(n1) };
        const set: [number, Record<string, boolean | number>][] = [];
        syncPairs({ setFeatureState: (fid, state) => set.push([fid, state]) }, applied, next);
        const expected = f1
          .map((_, i) => i)
          .filter((i) => f0[i] !== f1[i] || n0[i] !== n1[i])
          .map((i) => [i, { far: f1[i], near: n1[i] }]);
        expect(set).toEqual(expected);
      }),
    );
  });

  it('sets only the non-zero states on a fresh source (unset reads as 0), then every change', () => {
    expect(changedFeatures(null, Uint8Array.of(0, 3, 0, 1))).toEqual([1, 3]);
    expect(changedFeatures(Uint8Array.of(0, 3, 0, 1), Uint8Array.of(0, 0, 2, 1))).toEqual([1, 2]);
    // Arrays of different lengths (the overview has no detail states): missing reads as 0.
    expect(changedFeatures(Uint8Array.of(0, 3, 0, 1), new Uint8Array(0))).toEqual([1, 3]);
    expect(changedFeatures(new Uint8Array(0), Uint8Array.of(0, 0, 2))).toEqual([2]);
    const model = scene();
    const state = derive(model, at(2020, 12, 9), none, null).overviewState;
    const set: number[] = [];
    syncLinks({ setFeatureState: (id) => set.push(id) }, null, state);
    expect(set.length).toBeGreaterThan(0);
    expect(set).toEqual([...state.keys()].filter((i) => state[i] !== 0));
  });
});

describe('the overview and the detail geometry', () => {
  it('derives the overview without building the detail geometry; a selection builds it', () => {
    const model = scene();
    let built = 0;
    const lazy = {
      atlas: model.atlas,
      overview: model.overview,
      landOf: model.landOf,
      get geometry() {
        built++;
        return model.geometry;
      },
    };
    const overview = derive(lazy, at(2020, 12, 9), none, null);
    expect(built).toBe(0);
    expect(overview.featureState.length).toBe(0);
    const selected = derive(lazy, at(2020, 12, 9), none, { type: 'region', id: 'DE-BE' });
    expect(built).toBeGreaterThan(0);
    expect(selected.featureState.some((bits) => (bits & SHOWN) !== 0)).toBe(true);
  });
});

describe('nationwide alliances in a selection', () => {
  it('keep only the selected region’s spoke bright and do not tint every Land', () => {
    const d = createDataset();
    const all = ['DE', 'DE-BE', 'DE-BB', 'DE-SN', 'DE-TH'];
    d.regions.push(
      ...['HB', 'HH', 'NI', 'SH'].map((abbr, i) => ({
        id: `DE-${abbr}`,
        kind: 'state' as const,
        ags: String(i + 1).padStart(2, '0'),
        name: { de: abbr, en: abbr },
      })),
    );
    const anchors = new Map(ANCHORS);
    ['DE-HB', 'DE-HH', 'DE-NI', 'DE-SH'].forEach((id, i) => anchors.set(id, [8 + i, 53.5]));
    const everyone = [...all, 'DE-HB', 'DE-HH', 'DE-NI', 'DE-SH'];
    d.cooperations = [
      createCooperation({
        id: 'national-2010',
        signed: '2010',
        partners: everyone.map((region) => ({ region })),
        projects: [],
      }),
      createCooperation({
        id: 'be-bb-2013',
        signed: '2013-11',
        partners: [{ region: 'DE-BE' }, { region: 'DE-BB' }],
        projects: [],
      }),
    ];
    const model = deriveModelOf(d, anchors);
    const { geometry } = model;
    const r = derive(model, at(2021, 1, 1), none, { type: 'region', id: 'DE-BB' });
    const spokes = geometry.parts.get('national-2010')!.lines;
    const own = spokes.find((p) => p.requires[0] === 'DE-BB')!.fid;
    const other = spokes.find((p) => p.requires[0] === 'DE-NI')!.fid;
    expect(r.featureState[own]! & SELECTED).toBe(SELECTED);
    expect(r.featureState[other]! & (SELECTED | DIMMED)).toBe(DIMMED);
    expect(r.partnerCounts.get('DE-NI')).toBe(1);
    expect(Object.fromEntries(r.partnerTint)).toEqual({ 'DE-BE': 3 });
  });
});

describe('pair badges (selection view)', () => {
  it('count the arcs shown between two partners, from two on', () => {
    const d = createDataset();
    d.cooperations = [1, 2, 3].map((i) =>
      createCooperation({
        id: `p${i}-2015`,
        signed: `201${i}`,
        partners: [{ region: 'DE-BE' }, { region: 'DE-BB' }],
        projects: [],
      }),
    );
    const model = deriveModelOf(d);
    const { geometry } = model;
    const be = { type: 'region', id: 'DE-BE' } as const;
    const at2012 = derive(model, at(2012, 6, 1), none, be);
    expect(pairBadges(geometry, at2012.featureState)).toEqual([
      { key: 'DE-BB|DE-BE', label: geometry.pairs.get('DE-BB|DE-BE')!.label, count: 2 },
    ]);
    expect(pairBadges(geometry, derive(model, at(2011, 6, 1), none, be).featureState)).toEqual([]);
    const label = geometry.pairs.get('DE-BB|DE-BE')!.label;
    expect(label[1]).toBeCloseTo((52.52 + 51.93) / 2, 1);
  });
});

describe('the overview', () => {
  /** Three Länder, a city pair across two Länder, a city pair within one, and a nationwide one. */
  function overviewModel() {
    const d = createDataset();
    d.regions.push({
      id: '12054000',
      kind: 'municipality',
      ags: '12054000',
      name: { de: 'Potsdam', en: 'Potsdam' },
      state: 'DE-BB',
    });
    const anchors = new Map(ANCHORS).set('12054000', [13.06, 52.4]);
    d.cooperations = [
      createCooperation({
        id: 'be-bb-1',
        signed: '2013',
        partners: [{ region: 'DE-BE' }, { region: 'DE-BB' }],
        projects: [],
      }),
      createCooperation({
        id: 'be-bb-2',
        signed: '2015',
        partners: [{ region: 'DE-BB' }, { region: 'DE-BE' }],
        projects: [],
      }),
      createCooperation({
        id: 'cities-sn-bb',
        signed: '2016',
        partners: [{ region: '14612000' }, { region: '12054000' }],
        projects: [],
      }),
      createCooperation({
        id: 'cities-sn',
        signed: '2017',
        partners: [{ region: '14612000' }, { region: '14713000' }],
        projects: [],
      }),
      createCooperation({
        id: 'all-2018',
        signed: '2018',
        partners: ['DE', 'DE-BE', 'DE-BB', 'DE-SN', 'DE-TH'].map((region) => ({ region })),
        projects: [],
      }),
      createCooperation({
        id: 'three-2019',
        signed: '2019',
        partners: [{ region: 'DE-BE' }, { region: 'DE-SN' }, { region: '14713000' }],
        projects: [],
      }),
    ];
    return deriveModelOf(d, anchors);
  }
  const pairCount = (
    model: ReturnType<typeof overviewModel>,
    r: ReturnType<typeof derive>,
    a: string,
    b: string,
    level: 'far' | 'near',
  ) => r.pairCounts[level][pairFeature(model.overview, a, b)?.fid ?? -1] ?? 0;

  it('draws one line per pair of partners, whose count is the number they share', () => {
    const model = overviewModel();
    const r = derive(model, at(2020, 1, 1), none, null);
    expect(pairCount(model, r, 'DE-BE', 'DE-BB', 'far')).toBe(2);
    expect(pairCount(model, r, 'DE-BE', 'DE-BB', 'near')).toBe(2);
    // Zoomed out, the cities count for their Land: Dresden–Potsdam is a Sachsen–Brandenburg link.
    expect(pairCount(model, r, 'DE-SN', 'DE-BB', 'far')).toBe(1);
    expect(pairCount(model, r, '14612000', '12054000', 'far')).toBe(0);
    expect(pairCount(model, r, '14612000', '12054000', 'near')).toBe(1);
    expect(pairCount(model, r, 'DE-SN', 'DE-BB', 'near')).toBe(0);
  });

  it('rolls cooperations within one Land up into that Land’s count when zoomed out', () => {
    const r = derive(overviewModel(), at(2020, 1, 1), none, null);
    expect(Object.fromEntries(r.local.far)).toEqual({ 'DE-SN': 1 });
    expect(r.local.near.size).toBe(0);
  });

  it('lists the cooperations of every Land as nationwide instead of drawing them', () => {
    const model = overviewModel();
    const r = derive(model, at(2020, 1, 1), none, null);
    expect(r.nationwide.map((c) => c.id)).toEqual(['all-2018']);
    const hubs = model.overview.features.features.filter(
      (f) => (f.properties as { cooperation?: string }).cooperation === 'all-2018',
    );
    expect(hubs).toEqual([]);
  });

  it('keeps a multi-party cooperation a hub, rolled up when zoomed out, its cities when zoomed in', () => {
    const model = overviewModel();
    const r = derive(model, at(2020, 1, 1), none, null);
    const parts = model.overview.features.features.filter(
      (f) => (f.properties as { cooperation?: string }).cooperation === 'three-2019',
    );
    // Zoomed out it joins Berlin and Sachsen only (Leipzig counts for Sachsen): a pair line.
    expect(pairCount(model, r, 'DE-BE', 'DE-SN', 'far')).toBe(1);
    // Zoomed in: a hub with three spokes (the founders', one feature).
    const near = parts.filter((f) => (f.properties as { Z: string }).Z === 'near');
    expect(near.filter((f) => f.geometry.type === 'Point')).toHaveLength(1);
    expect(near.flatMap(spokeParts)).toHaveLength(3);
    expect(near).toHaveLength(2);
    for (const f of near)
      expect(r.overviewState[(f.properties as { fid: number }).fid]! & SHOWN).toBe(SHOWN);
  });

  it('selects a pair: exactly the shown cooperations of both, cities counting for their Land', () => {
    const model = overviewModel();
    const r = derive(model, at(2020, 1, 1), none, {
      type: 'pair',
      id: 'DE-BB,DE-SN',
      a: 'DE-BB',
      b: 'DE-SN',
    });
    expect(r.selected.map((c) => c.id)).toEqual(['all-2018', 'cities-sn-bb']);
    expect([...r.selectedRegions].sort()).toEqual(['DE-BB', 'DE-SN']);
  });

  it('places hubs of similar partner sets apart, none on top of another', () => {
    const d = createDataset();
    d.cooperations = [0, 1, 2, 3, 4].map((i) =>
      createCooperation({
        id: `h${i}`,
        signed: `201${i}`,
        partners: ['DE-BE', 'DE-BB', 'DE-SN', 'DE-TH', 'DE']
          .slice(i % 2, 4 + (i % 2))
          .map((region) => ({ region })),
        projects: [],
      }),
    );
    const model = deriveModelOf(d);
    const points = [...model.overview.hubAt.values()];
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++)
        expect(approxKm(points[i]!, points[j]!)).toBeGreaterThanOrEqual(20);
  });
});

describe('the matrix', () => {
  it('counts every pair of the Bund and the Länder, cities for their Land, the diagonal for each', () => {
    const d = createDataset();
    d.cooperations = [
      createCooperation({
        id: 'a',
        signed: '2013',
        partners: [{ region: 'DE-BE' }, { region: 'DE-BB' }],
        projects: [],
      }),
      createCooperation({
        id: 'b',
        signed: '2014',
        partners: [{ region: '14612000' }, { region: 'DE-BB' }],
        projects: [],
      }),
      createCooperation({
        id: 'c',
        signed: '2015',
        partners: [{ region: 'DE' }, { region: 'DE-BB' }, { region: 'DE-SN', joined: '2020' }],
        projects: [],
      }),
    ];
    const model = { ...deriveModelOf(d), anchors: ANCHORS };
    const count = (day: ReturnType<typeof at>, a: string, b: string) => {
      const m = buildMatrix(model, derive(model, day, none, null).visible, day, true);
      return countOf(m, m.regions.indexOf(a), m.regions.indexOf(b));
    };
    expect(count(at(2019, 1, 1), 'DE-BB', 'DE-SN')).toBe(1); // Dresden counts for Sachsen
    expect(count(at(2019, 1, 1), 'DE-BB', 'DE-BB')).toBe(3);
    expect(count(at(2019, 1, 1), 'DE', 'DE-SN')).toBe(0); // Sachsen joins c in 2020
    expect(count(at(2020, 6, 1), 'DE', 'DE-SN')).toBe(1);
    expect(count(at(2020, 6, 1), 'DE-SN', 'DE')).toBe(1);
  });
});
