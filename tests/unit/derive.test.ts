import { describe, expect, it } from 'vitest';
import { buildAtlas } from '../../src/data/atlas.ts';
import { dayNumber } from '../../src/data/partial-date.ts';
import { buildLinkGeometry } from '../../src/geo/links.ts';
import { STATE_BITS } from '../../src/style/link-style.ts';
import { changedFeatures, derive } from '../../src/view/derive.ts';

const { shown: SHOWN, recent: RECENT, sel: SELECTED, dim: DIMMED } = STATE_BITS;
import type { TimeFilter } from '../../src/time/in-force.ts';
import { ANCHORS, createCooperation, createDataset } from './fixtures.ts';

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
  const atlas = buildAtlas(d);
  return { atlas, geometry: buildLinkGeometry(atlas, ANCHORS) };
}
const none = { topics: new Set<never>(), kinds: new Set<never>() };
const at = (y: number, m: number, d: number): TimeFilter => ({
  mode: 'inforce',
  date: dayNumber(y, m, d),
  from: 0,
});

describe('derive', () => {
  it('shows the cooperations in force, newest first', () => {
    const { atlas, geometry } = scene();
    const d = derive(atlas, geometry, at(2021, 1, 1), none, null);
    expect(d.visible.map((c) => c.id)).toEqual(['be-sn-2020', 'hub-2017', 'be-bb-2013']);
  });

  it('shows the spoke of a later partner only from its joined date', () => {
    const { atlas, geometry } = scene();
    const spokes = geometry.parts.get('hub-2017')!.lines;
    const bbSpoke = spokes.find((p) => p.requires[0] === 'DE-BB')!.fid;
    expect(derive(atlas, geometry, at(2020, 12, 8), none, null).featureState[bbSpoke]).toBe(0);
    expect(
      derive(atlas, geometry, at(2020, 12, 9), none, null).featureState[bbSpoke]! & SHOWN,
    ).toBe(SHOWN);
  });

  it('emphasises cooperations signed in the 12 months before the date', () => {
    const { atlas, geometry } = scene();
    const fid = geometry.parts.get('be-sn-2020')!.lines[0]!.fid;
    expect(derive(atlas, geometry, at(2021, 5, 31), none, null).featureState[fid]! & RECENT).toBe(
      RECENT,
    );
    expect(derive(atlas, geometry, at(2021, 6, 2), none, null).featureState[fid]! & RECENT).toBe(0);
  });

  it('selects a region: its cooperations, its partners with counts, the rest dimmed', () => {
    const { atlas, geometry } = scene();
    const d = derive(atlas, geometry, at(2021, 1, 1), none, { type: 'region', id: 'DE-BB' });
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
    const { atlas, geometry } = scene();
    const d = derive(atlas, geometry, at(2019, 1, 1), none, { type: 'region', id: 'DE-BB' });
    expect(d.selected.map((c) => c.id)).toEqual(['be-bb-2013']);
  });

  it('filters by topic', () => {
    const { atlas, geometry } = scene();
    const d = derive(
      atlas,
      geometry,
      at(2021, 1, 1),
      { topics: new Set(['user-accounts'] as const), kinds: new Set() },
      null,
    );
    expect(d.visible.map((c) => c.id)).toEqual(['hub-2017']);
  });

  it('reports only the features whose state changed', () => {
    const { atlas, geometry } = scene();
    const a = derive(atlas, geometry, at(2020, 12, 8), none, null).featureState;
    const b = derive(atlas, geometry, at(2020, 12, 9), none, null).featureState;
    const bbSpoke = geometry.parts
      .get('hub-2017')!
      .lines.find((p) => p.requires[0] === 'DE-BB')!.fid;
    expect(changedFeatures(a, b)).toEqual([bbSpoke]);
    expect(changedFeatures(b, b)).toEqual([]);
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
    const atlas = buildAtlas(d);
    const geometry = buildLinkGeometry(atlas, anchors);
    const r = derive(atlas, geometry, at(2021, 1, 1), none, { type: 'region', id: 'DE-BB' });
    const spokes = geometry.parts.get('national-2010')!.lines;
    const own = spokes.find((p) => p.requires[0] === 'DE-BB')!.fid;
    const other = spokes.find((p) => p.requires[0] === 'DE-NI')!.fid;
    expect(r.featureState[own]! & SELECTED).toBe(SELECTED);
    expect(r.featureState[other]! & (SELECTED | DIMMED)).toBe(DIMMED);
    expect(r.partnerCounts.get('DE-NI')).toBe(1);
    expect(Object.fromEntries(r.partnerTint)).toEqual({ 'DE-BE': 3 });
  });
});

describe('pair badges', () => {
  it('count the arcs shown between two partners, from two on', async () => {
    const { pairBadges } = await import('../../src/view/derive.ts');
    const d = createDataset();
    d.cooperations = [1, 2, 3].map((i) =>
      createCooperation({
        id: `p${i}-2015`,
        signed: `201${i}`,
        partners: [{ region: 'DE-BE' }, { region: 'DE-BB' }],
        projects: [],
      }),
    );
    const atlas = buildAtlas(d);
    const geometry = buildLinkGeometry(atlas, ANCHORS);
    const at2012 = derive(atlas, geometry, at(2012, 6, 1), none, null);
    expect(pairBadges(geometry, at2012.featureState)).toEqual([
      { key: 'DE-BB|DE-BE', label: geometry.pairs.get('DE-BB|DE-BE')!.label, count: 2 },
    ]);
    expect(
      pairBadges(geometry, derive(atlas, geometry, at(2011, 6, 1), none, null).featureState),
    ).toEqual([]);
    const label = geometry.pairs.get('DE-BB|DE-BE')!.label;
    expect(label[1]).toBeCloseTo((52.52 + 51.93) / 2, 1);
  });
});
