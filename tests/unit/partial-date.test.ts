import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayNumber,
  formatDay,
  parseDay,
  parsePartialDate,
  todayInGermany,
} from '../../src/data/partial-date.ts';

describe('parsePartialDate', () => {
  it('keeps the precision of a day, a month and a year', () => {
    expect(parsePartialDate('2006-07-13')?.precision).toBe('day');
    expect(parsePartialDate('2013-11')?.precision).toBe('month');
    expect(parsePartialDate('2020')?.precision).toBe('year');
  });
  it('counts a month or a year from the first day of its period', () => {
    expect(parsePartialDate('2013-11')?.start).toBe(dayNumber(2013, 11, 1));
    expect(parsePartialDate('2020')?.start).toBe(dayNumber(2020, 1, 1));
  });
  it('rejects malformed and impossible dates', () => {
    for (const bad of [
      '2021-02-30',
      '2013-13',
      '13.11.2013',
      '2013-1-5',
      '',
      '2013-11-01T00:00',
      '99999',
    ])
      expect(parsePartialDate(bad), bad).toBeNull();
    expect(parsePartialDate('2024-02-29')).not.toBeNull();
  });
});

describe('day numbers', () => {
  it('round-trip through formatDay and parseDay', () => {
    const d = dayNumber(2020, 12, 9);
    expect(formatDay(d)).toBe('2020-12-09');
    expect(parseDay('2020-12-09')).toBe(d);
    expect(parseDay('2020-12')).toBeNull();
  });
  it('add months with the day clamped to the month length', () => {
    expect(formatDay(addMonths(dayNumber(2021, 1, 31), 1))).toBe('2021-02-28');
    expect(formatDay(addMonths(dayNumber(2021, 3, 15), -12))).toBe('2020-03-15');
  });
  it('computes today in Germany, not in UTC', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Berlin.
    expect(formatDay(todayInGermany(new Date('2020-12-31T23:30:00Z')))).toBe('2021-01-01');
  });
});
