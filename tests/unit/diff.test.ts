/** Diff mode: the change of each cooperation, the gains per Land, the sentence, the matrix. */
import { describe, expect, it } from 'vitest';
import type { Cooperation } from '../../src/data/atlas.ts';
import { dayNumber, parseDay } from '../../src/data/partial-date.ts';
import { STATE_BITS } from '../../src/style/link-style.ts';
import { changeBetween, type TimeFilter } from '../../src/time/in-force.ts';
import { setMode } from '../../src/view/actions.ts';
import { derive } from '../../src/view/derive.ts';
import { diffSentence } from '../../src/view/diff-sentence.ts';
import { changesOf, type Diff } from '../../src/view/diff.ts';
import { buildMatrix, countOf } from '../../src/view/matrix.ts';
import { formatViewQuery, parseViewQuery } from '../../src/view/url.ts';
import { defaultView } from '../../src/view/view-state.ts';
import { ANCHORS, createCooperation, createDataset, deriveModelOf } from './fixtures.ts';

const none = { topics: new Set<never>(), kinds: new Set<never>() };
const day = (iso: string) => parseDay(iso)!;
const diffFilter = (from: string, to: string): TimeFilter => ({
  mode: 'diff',
  from: day(from),
  date: day(to),
});

/** Before 2019: a (ends 2020), b (Sachsen joins 2021); after: c (2020). */
function scene() {
  const d = createDataset();
  d.cooperations = [
    createCooperation({
      id: 'a',
      signed: '2015-01-01',
      ended: '2020-06-30',
      partners: [{ region: 'DE-BE' }, { region: 'DE-BB' }],
      projects: [],
    }),
    createCooperation({
      id: 'b',
      signed: '2016-01-01',
      partners: [{ region: 'DE-BE' }, { region: 'DE-BB' }, { region: '14612000', joined: '2021' }],
      projects: [],
    }),
    createCooperation({
      id: 'c',
      signed: '2020-03-01',
      effective: '2020-04-01',
      partners: [{ region: 'DE' }, { region: 'DE-TH' }],
      projects: [],
    }),
  ];
  return { ...deriveModelOf(d), anchors: ANCHORS };
}

describe('diff between two dates', () => {
  const model = scene();
  const d = derive(model, diffFilter('2019-01-01', '2023-01-01'), none, null);

  it('splits what is shown into added, ended and continued', () => {
    expect(d.diff!.added.map((c) => c.id)).toEqual(['c']);
    expect(d.diff!.ended.map((c) => c.id)).toEqual(['a']);
    expect(d.diff!.continued.map((c) => c.id)).toEqual(['b']);
    expect(d.visible.map((c) => c.id).sort()).toEqual(['a', 'b', 'c']);
    expect([...changesOf(d.diff!)]).toEqual(
      expect.arrayContaining([
        ['a', 'ended'],
        ['b', 'continued'],
        ['c', 'added'],
      ]),
    );
  });

  it('counts the memberships each Land gained: new cooperations and accessions', () => {
    // c brings the Bund and Thüringen; Dresden's accession to b counts for Sachsen.
    expect(d.diff!.gains).toEqual([
      { region: 'DE', count: 1 },
      { region: 'DE-SN', count: 1 },
      { region: 'DE-TH', count: 1 },
    ]);
  });

  it('draws each cooperation for itself, in three styles', () => {
    expect(d.overview).toBe(false);
    const bitsOf = (id: string) => {
      const parts = model.geometry.parts.get(id)!;
      return d.featureState[parts.lines[0]!.fid]!;
    };
    expect(bitsOf('c') & STATE_BITS.recent).toBeTruthy();
    expect(bitsOf('a') & STATE_BITS.ended).toBeTruthy();
    expect(bitsOf('b') & STATE_BITS.kept).toBeTruthy();
    for (const id of ['a', 'b', 'c']) expect(bitsOf(id) & STATE_BITS.dim).toBe(0);
  });

  it('dims what a selection does not touch, and keeps the change styles of the rest', () => {
    const th = derive(model, diffFilter('2019-01-01', '2023-01-01'), none, {
      type: 'region',
      id: 'DE-TH',
    });
    const lineOf = (id: string) => th.featureState[model.geometry.parts.get(id)!.lines[0]!.fid]!;
    expect(lineOf('c') & STATE_BITS.recent).toBeTruthy();
    expect(lineOf('c') & STATE_BITS.dim).toBe(0);
    expect(lineOf('a') & STATE_BITS.dim).toBeTruthy();
    expect(th.selected.map((c) => c.id)).toEqual(['c']);
  });

  it('classifies by being in force, with effective dates and ends (half-open)', () => {
    const c = model.atlas.cooperationById.get('c')!;
    expect(changeBetween(c, day('2020-03-15'), day('2020-04-01'))).toBe('added');
    expect(changeBetween(c, day('2020-03-15'), day('2020-03-31'))).toBeNull();
    const a = model.atlas.cooperationById.get('a')!;
    expect(changeBetween(a, day('2020-06-29'), day('2020-06-30'))).toBe('ended');
  });

  it('the matrix counts the later date, with added and ended apart', () => {
    const m = buildMatrix(model, d.visible, diffFilter('2019-01-01', '2023-01-01'), true);
    const ij = (a: string, b: string) => [m.regions.indexOf(a), m.regions.indexOf(b)] as const;
    const cell = (a: string, b: string) => {
      const [i, j] = ij(a, b);
      const k = i * m.regions.length + j;
      return [countOf(m, i, j), m.change!.added[k], m.change!.ended[k]];
    };
    expect(cell('DE-BE', 'DE-BB')).toEqual([1, 0, 1]); // b continues, a ended
    expect(cell('DE', 'DE-TH')).toEqual([1, 1, 0]); // c is new
    expect(cell('DE-BE', 'DE-SN')).toEqual([1, 0, 0]); // Dresden joined b: b continues
  });
});

describe('the diff sentence', () => {
  const model = scene();
  const coop = model.atlas.cooperations[0]!;
  const many = (n: number): Cooperation[] => Array.from({ length: n }, () => coop);
  const base = { from: dayNumber(2019, 1, 1), to: dayNumber(2023, 1, 1), gains: [] };
  const say = (over: Partial<Diff>, lang: 'de' | 'en') =>
    diffSentence({ ...base, added: [], ended: [], ...over }, lang, model.atlas.regions);

  it('says "no change" when nothing changed', () => {
    expect(say({}, 'de')).toBe('Zwischen 1. Januar 2019 und 1. Januar 2023: keine Veränderung.');
    expect(say({}, 'en')).toBe('Between 1 January 2019 and 1 January 2023: no change.');
  });

  it('uses the right number and plural for 0, 1 and many', () => {
    expect(say({ added: many(1) }, 'de')).toBe(
      'Zwischen 1. Januar 2019 und 1. Januar 2023: 1 neue Kooperation und keine beendeten.',
    );
    expect(say({ ended: many(1) }, 'de')).toBe(
      'Zwischen 1. Januar 2019 und 1. Januar 2023: keine neuen Kooperationen und 1 beendete.',
    );
    expect(say({ added: many(14), ended: many(3) }, 'de')).toBe(
      'Zwischen 1. Januar 2019 und 1. Januar 2023: 14 neue Kooperationen und 3 beendete.',
    );
    expect(say({ added: many(1) }, 'en')).toBe(
      'Between 1 January 2019 and 1 January 2023: 1 new cooperation and none ended.',
    );
    expect(say({ ended: many(2) }, 'en')).toBe(
      'Between 1 January 2019 and 1 January 2023: no new cooperations and 2 ended.',
    );
    expect(say({ added: many(1200), ended: many(1) }, 'en')).toContain(
      '1,200 new cooperations and 1 ended',
    );
    expect(say({ added: many(1200), ended: many(1) }, 'de')).toContain(
      '1.200 neue Kooperationen und 1 beendete',
    );
  });

  it('names the Land with the most new memberships, ties together', () => {
    const one = { added: many(14), ended: many(3), gains: [{ region: 'DE-SN', count: 5 }] };
    expect(say(one, 'de')).toBe(
      'Zwischen 1. Januar 2019 und 1. Januar 2023: 14 neue Kooperationen und 3 beendete; die meisten neuen Beteiligungen: Sachsen (+5).',
    );
    expect(say(one, 'en')).toBe(
      'Between 1 January 2019 and 1 January 2023: 14 new cooperations and 3 ended; most new memberships: Saxony (+5).',
    );
    const tie = {
      added: many(2),
      gains: [
        { region: 'DE-SN', count: 2 },
        { region: 'DE', count: 2 },
        { region: 'DE-TH', count: 1 },
      ],
    };
    expect(say(tie, 'de')).toContain('Sachsen und Bund (je +2)');
    expect(say(tie, 'en')).toContain('Saxony and Federal Government (+2 each)');
    const five = {
      added: many(1),
      gains: ['DE', 'DE-BB', 'DE-BE', 'DE-SN', 'DE-TH'].map((region) => ({ region, count: 1 })),
    };
    expect(say(five, 'de')).toContain('Bund, Brandenburg, Berlin und 2 weitere (je +1)');
    expect(say(five, 'en')).toContain(
      'Federal Government, Brandenburg, Berlin and 2 more (+1 each)',
    );
  });
});

describe('diff mode in the URL and the mode switch', () => {
  const today = dayNumber(2026, 12, 2);
  const ctx = { today, isSelectable: () => true };

  it('reads and writes mode=diff with from and to, in order', () => {
    const { view, notices } = parseViewQuery('mode=diff&from=2023-01-01&to=2019-01-01', ctx);
    expect(notices).toEqual([]);
    expect(view.mode).toBe('diff');
    expect([view.from, view.date]).toEqual([dayNumber(2019, 1, 1), dayNumber(2023, 1, 1)]);
    expect(formatViewQuery(view, today)).toBe('mode=diff&from=2019-01-01&to=2023-01-01');
    expect(parseViewQuery(formatViewQuery(view, today), ctx).view).toEqual(view);
  });

  it('entering diff takes five years before the date; between range modes the range stays', () => {
    const b = { start: dayNumber(2006, 1, 1), end: today };
    const v = { ...defaultView(today), date: dayNumber(2023, 1, 1) };
    expect(setMode(v, 'diff', b)).toEqual({ mode: 'diff', from: dayNumber(2018, 1, 1) });
    const signed = { ...v, mode: 'signed' as const, from: dayNumber(2022, 1, 1) };
    expect(setMode(signed, 'diff', b)).toEqual({ mode: 'diff' });
    expect(setMode({ ...v, date: dayNumber(2008, 1, 1) }, 'diff', b).from).toBe(b.start);
  });
});
