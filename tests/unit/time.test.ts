import { describe, expect, it } from 'vitest';
import { buildEvents, countAt, eventKey, inForceCurve } from '../../src/time/events.ts';
import fc from 'fast-check';
import { stackRows, uncoveredMarks } from '../../src/timeline/stack-rows.ts';
import { toCooperation } from '../../src/data/atlas.ts';
import { dayNumber } from '../../src/data/partial-date.ts';
import { activePartners, isInForce, isShown, isSignedWithin } from '../../src/time/in-force.ts';
import { createCooperation, loadRealData } from './fixtures.ts';

const day = (y: number, m: number, d: number) => dayNumber(y, m, d);

describe('in force', () => {
  it('counts a cooperation signed exactly on the date', () => {
    const c = toCooperation(createCooperation({ signed: '2020-12-09' }));
    expect(isInForce(c, day(2020, 12, 9))).toBe(true);
    expect(isInForce(c, day(2020, 12, 8))).toBe(false);
  });
  it('no longer counts a cooperation on the day it ended', () => {
    const c = toCooperation(createCooperation({ signed: '2016-03', ended: '2017-07-31' }));
    expect(isInForce(c, day(2017, 7, 30))).toBe(true);
    expect(isInForce(c, day(2017, 7, 31))).toBe(false);
  });
  it('counts a month-precision date from the first of the month', () => {
    const c = toCooperation(createCooperation({ signed: '2013-11' }));
    expect(isInForce(c, day(2013, 10, 31))).toBe(false);
    expect(isInForce(c, day(2013, 11, 1))).toBe(true);
  });
  it('uses effective instead of signed where given, also when backdated', () => {
    const later = toCooperation(
      createCooperation({ signed: '2009-11-30', effective: '2010-04-01' }),
    );
    expect(isInForce(later, day(2010, 1, 1))).toBe(false);
    expect(isInForce(later, day(2010, 4, 1))).toBe(true);
    const backdated = toCooperation(
      createCooperation({ signed: '2013-09-27', effective: '2013-01-01' }),
    );
    expect(isInForce(backdated, day(2013, 2, 1))).toBe(true);
  });
  it('lets a partner that joined later appear only from its joined date', () => {
    const c = toCooperation(
      createCooperation({
        signed: '2017-07-31',
        partners: [
          { region: 'DE-BE' },
          { region: 'DE-TH' },
          { region: 'DE-BB', joined: '2020-12-09' },
        ],
        projects: [],
      }),
    );
    const at = (d: number) =>
      activePartners(c, { mode: 'inforce', date: d, from: d }).map((p) => p.region);
    expect(at(day(2020, 12, 8))).toEqual(['DE-BE', 'DE-TH']);
    expect(at(day(2020, 12, 9))).toEqual(['DE-BE', 'DE-TH', 'DE-BB']);
  });
});

describe('modes', () => {
  const c = toCooperation(createCooperation({ signed: '2020-06-15', ended: '2022-01-01' }));
  it('signed within a range includes both ends', () => {
    expect(isSignedWithin(c, day(2020, 1, 1), day(2020, 12, 31))).toBe(true);
    expect(isSignedWithin(c, day(2020, 6, 15), day(2020, 6, 15))).toBe(true);
    expect(isSignedWithin(c, day(2021, 1, 1), day(2021, 12, 31))).toBe(false);
  });
  it('cumulative keeps ended cooperations', () => {
    expect(isShown(c, { mode: 'cumulative', date: day(2023, 1, 1), from: 0 })).toBe(true);
    expect(isShown(c, { mode: 'inforce', date: day(2023, 1, 1), from: 0 })).toBe(false);
    expect(isShown(c, { mode: 'cumulative', date: day(2020, 6, 14), from: 0 })).toBe(false);
  });
});

describe('events and counts', () => {
  const cs = [
    toCooperation(
      createCooperation({ id: 'a-2010', signed: '2010-05', ended: '2015-01-01', projects: [] }),
    ),
    toCooperation(
      createCooperation({
        id: 'b-2012',
        signed: '2012-03-01',
        effective: '2012-06-01',
        partners: [
          { region: 'DE-BE' },
          { region: 'DE-BB' },
          { region: 'DE-SN', joined: '2014-02-01' },
        ],
        projects: [],
      }),
    ),
  ];
  it('lists signings, accessions and ends in time order', () => {
    expect(
      buildEvents(cs).map((e) => `${e.type}:${e.cooperation}${e.region ? `:${e.region}` : ''}`),
    ).toEqual(['signed:a-2010', 'signed:b-2012', 'joined:b-2012:DE-SN', 'ended:a-2010']);
  });
  it('gives every event its own key, also where two organisations of one region join', () => {
    const two = toCooperation(
      createCooperation({
        id: 'c-2019',
        signed: '2019-01-01',
        partners: [
          { region: 'DE-BE', organisation: 'itdz-berlin' },
          { region: 'DE-BB', organisation: 'zit-bb' },
          { region: 'DE', organisation: 'fitko', joined: '2022-02-15' },
          { region: 'DE', organisation: 'digitalservice', joined: '2023-12-01' },
        ],
        projects: [],
      }),
    );
    const keys = buildEvents([...cs, two]).map(eventKey);
    expect(new Set(keys).size).toBe(keys.length);
    // And in the real dataset (govdigital-2019 has such accessions).
    const real = buildEvents(loadRealData().raw.cooperations.map(toCooperation)).map(eventKey);
    expect(new Set(real).size).toBe(real.length);
  });
  it('counts cooperations in force over time, from effective, until ended', () => {
    const curve = inForceCurve(cs);
    expect(countAt(curve, dayNumber(2010, 4, 30))).toBe(0);
    expect(countAt(curve, dayNumber(2010, 5, 1))).toBe(1);
    expect(countAt(curve, dayNumber(2012, 3, 1))).toBe(1);
    expect(countAt(curve, dayNumber(2012, 6, 1))).toBe(2);
    expect(countAt(curve, dayNumber(2015, 1, 1))).toBe(1);
  });
  it('stacks marks that would collide', () => {
    expect(stackRows([0, 2, 4, 20, 21], 6)).toEqual([0, 1, 2, 0, 1]);
    expect(stackRows([0, 1, 2, 3], 6, 2)).toEqual([0, 1, 0, 1]);
  });
  it('leaves out a mark only where a later one of its shape covers it', () => {
    // Two discs on one pixel of one row: the later covers the earlier, whatever its colour.
    expect(uncoveredMarks([10, 10.3], [0, 0], [false, false])).toEqual([1]);
    // A cross's arms reach past a disc, and a disc fills a cross's gaps: both stay.
    expect(uncoveredMarks([10, 10], [0, 0], [true, false])).toEqual([0, 1]);
    expect(uncoveredMarks([10, 10], [0, 0], [false, true])).toEqual([0, 1]);
    // Another row, or another pixel: both stay, in drawing order.
    expect(uncoveredMarks([10, 10], [0, 1], [false, false])).toEqual([0, 1]);
    expect(uncoveredMarks([10, 11], [0, 0], [false, false])).toEqual([0, 1]);
  });
  it('keeps, for every spot, exactly the mark drawn last there', () => {
    const mark = fc.record({
      x: fc.double({ min: 0, max: 60, noNaN: true }),
      row: fc.integer({ min: 0, max: 3 }),
      cross: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(mark, { maxLength: 80 }), (marks) => {
        const kept = uncoveredMarks(
          marks.map((m) => m.x),
          marks.map((m) => m.row),
          marks.map((m) => m.cross),
        );
        const spot = (i: number) =>
          `${Math.round(marks[i]!.x)}|${marks[i]!.row}|${marks[i]!.cross}`;
        const last = new Map<string, number>();
        marks.forEach((_, i) => last.set(spot(i), i));
        expect(kept).toEqual([...last.values()].sort((a, b) => a - b));
      }),
    );
  });
});
