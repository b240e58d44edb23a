/**
 * Property tests of the time semantics against a tiny reference written from DESIGN.md's words,
 * on ISO date strings (not day numbers), independently of src/time:
 *   - in force at D: (effective, else signed) on or before D, and ended absent or after D;
 *   - signed within [F, T]: signed between F and T;
 *   - cumulative at D: everything signed up to D (also what is signed but not yet in effect);
 *   - a partner appears from its joined date (founders from the start).
 * A partial date counts from the first day of its period.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CooperationRecord } from '../../src/data/model.ts';
import { formatDay, parseDay } from '../../src/data/partial-date.ts';
import { countAt, inForceCurve } from '../../src/time/events.ts';
import type { TimeMode } from '../../src/time/in-force.ts';
import { derive } from '../../src/view/derive.ts';
import { createDataset, deriveModelOf } from './fixtures.ts';

// ---- the reference --------------------------------------------------------------------------

const startOf = (d: string): string =>
  d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;

const refInForce = (c: CooperationRecord, day: string): boolean =>
  startOf(c.effective ?? c.signed) <= day && (!c.ended || day < startOf(c.ended));

function refShown(c: CooperationRecord, mode: TimeMode, from: string, date: string): boolean {
  switch (mode) {
    case 'inforce':
      return refInForce(c, date);
    case 'diff':
      return refInForce(c, from) || refInForce(c, date);
    case 'signed':
      return from <= startOf(c.signed) && startOf(c.signed) <= date;
    case 'cumulative':
      return startOf(c.signed) <= date;
  }
}

const refPartnerActive = (p: { joined?: string }, date: string): boolean =>
  !p.joined || startOf(p.joined) <= date;

// ---- generators -------------------------------------------------------------------------------

const REGIONS = ['DE', 'DE-BE', 'DE-BB', 'DE-SN', 'DE-TH', '14612000', '14713000'];

/** A partial date between 2006 and 2026 with year, month or day precision. */
const partialDate = fc
  .record({
    year: fc.integer({ min: 2006, max: 2026 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    precision: fc.constantFrom('year', 'month', 'day'),
  })
  .map(({ year, month, day, precision }) => {
    const mm = String(month).padStart(2, '0');
    const dd = String(day).padStart(2, '0');
    return precision === 'year'
      ? `${year}`
      : precision === 'month'
        ? `${year}-${mm}`
        : `${year}-${mm}-${dd}`;
  });

const after = (a: string, b: string): string => (startOf(b) >= startOf(a) ? b : a);

const record = (i: number) =>
  fc
    .record({
      signed: partialDate,
      effective: fc.option(partialDate, { nil: undefined }),
      ended: fc.option(partialDate, { nil: undefined }),
      regions: fc.uniqueArray(fc.constantFrom(...REGIONS), { minLength: 2, maxLength: 5 }),
      joins: fc.array(fc.option(partialDate, { nil: undefined }), { minLength: 5, maxLength: 5 }),
      topic: fc.constantFrom('online-services', 'it-security', 'governance'),
    })
    .map((r): CooperationRecord => {
      const signed = r.signed;
      // `effective` may lie before (backdated) or after the signature; `ended` and `joined`
      // never lie before it (the validator's rules).
      const ended = r.ended ? after(signed, r.ended) : undefined;
      return {
        id: `c${i}`,
        title: { de: `K${i}`, en: `C${i}` },
        summary: { de: 'S', en: 'S' },
        signed,
        ...(r.effective ? { effective: r.effective } : {}),
        ...(ended && ended !== signed ? { ended } : {}),
        kind: 'agreement',
        partners: r.regions.map((region, k) => {
          const joined = k >= 2 ? r.joins[k] : undefined; // two founders at least
          return joined ? { region, joined: after(signed, joined) } : { region };
        }),
        topics: [r.topic],
        sources: [{ url: 'https://example.org/', publisher: 'P', title: 'T' }],
      } as CooperationRecord;
    });

const records = fc
  .integer({ min: 1, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => record(i))));
const isoDay = fc
  .integer({ min: parseDay('2005-06-01')!, max: parseDay('2027-06-01')! })
  .map(formatDay);

// ---- properties -------------------------------------------------------------------------------

function setup(recs: CooperationRecord[]) {
  return deriveModelOf({ ...createDataset(), cooperations: recs });
}
const none = { topics: new Set<never>(), kinds: new Set<never>() };

describe('time modes against the reference', () => {
  it.each(['inforce', 'signed', 'cumulative', 'diff'] as const)(
    '%s: the map shows exactly the cooperations the reference shows, with exactly their active partners',
    (mode) => {
      fc.assert(
        fc.property(records, isoDay, isoDay, (recs, a, b) => {
          const [from, date] = (mode === 'signed' || mode === 'diff') && a > b ? [b, a] : [a, b];
          const model = setup(recs);
          const d = derive(
            model,
            { mode, date: parseDay(date)!, from: parseDay(from)! },
            none,
            null,
          );
          const expected = recs.filter((c) => refShown(c, mode, from, date));
          expect(d.visible.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
          // Diff mode draws what ended as it was at the earlier date.
          const drawnAt = (c: CooperationRecord) =>
            mode === 'diff' && !refInForce(c, date) ? from : date;
          const regions = new Set(
            expected.flatMap((c) =>
              c.partners.filter((p) => refPartnerActive(p, drawnAt(c))).map((p) => p.region),
            ),
          );
          expect([...d.activeRegions].sort()).toEqual([...regions].sort());
        }),
        { numRuns: 300 },
      );
    },
  );

  it('the in-force curve counts at every day what in-force mode shows', () => {
    fc.assert(
      fc.property(records, isoDay, (recs, date) => {
        const { atlas } = setup(recs);
        const expected = recs.filter((c) => refShown(c, 'inforce', date, date)).length;
        expect(countAt(inForceCurve(atlas.cooperations), parseDay(date)!)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

it('cumulative mode shows ikt-ost-2018 between its signature and its entry into force', () => {
  const ikt: CooperationRecord = {
    id: 'ikt-ost-2018',
    title: { de: 'IKT-Ost', en: 'IKT-Ost' },
    summary: { de: 'S', en: 'S' },
    signed: '2018-10-30',
    effective: '2019-01-01',
    kind: 'joint-institution',
    partners: [{ region: '14612000' }, { region: '14713000' }],
    topics: ['data-centres'],
    sources: [
      {
        url: 'https://example.org/',
        publisher: 'P',
        publisherKind: 'party',
        title: 'T',
        supports: ['signed', 'effective', 'partners'],
      },
    ],
  };
  const model = setup([ikt]);
  const at = (mode: TimeMode) =>
    derive(
      model,
      { mode, date: parseDay('2018-12-01')!, from: parseDay('2018-01-01')! },
      none,
      null,
    ).visible.map((c) => c.id);
  expect(at('cumulative')).toContain('ikt-ost-2018');
  expect(at('inforce')).not.toContain('ikt-ost-2018');
});
