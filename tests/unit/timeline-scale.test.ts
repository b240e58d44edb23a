import { describe, expect, it } from 'vitest';
import { dayNumber, formatDay } from '../../src/data/partial-date.ts';
import {
  dayAt,
  makeTimeScale,
  nextYearStart,
  stepDay,
  xOf,
  yearTicks,
} from '../../src/timeline/scale.ts';

const start = dayNumber(2006, 1, 1);
const end = dayNumber(2026, 11, 23);

describe('timeline scale', () => {
  it('maps the ends of the timeline to the ends of the plot, clamped', () => {
    const x = makeTimeScale(start, end, 16, 1016);
    expect(xOf(x, start)).toBe(16);
    expect(xOf(x, end)).toBe(1016);
    expect(dayAt(x, 0)).toBe(start);
    expect(dayAt(x, 5000)).toBe(end);
    expect(
      Math.abs(dayAt(x, xOf(x, dayNumber(2015, 6, 1))) - dayNumber(2015, 6, 1)),
    ).toBeLessThanOrEqual(1);
  });
  it('puts ticks on 1 January of every n-th year', () => {
    const x = makeTimeScale(start, end, 0, 1000);
    expect(yearTicks(x, 1).map(formatDay).slice(0, 3)).toEqual([
      '2006-01-01',
      '2007-01-01',
      '2008-01-01',
    ]);
    expect(yearTicks(x, 1)).toHaveLength(21);
    expect(yearTicks(x, 4).map(formatDay)).toEqual([
      '2008-01-01',
      '2012-01-01',
      '2016-01-01',
      '2020-01-01',
      '2024-01-01',
    ]);
  });
  it('steps a month, a year, and stays within the timeline', () => {
    expect(formatDay(stepDay(dayNumber(2014, 3, 15), 1, false, start, end))).toBe('2014-04-15');
    expect(formatDay(stepDay(dayNumber(2014, 3, 15), -1, true, start, end))).toBe('2013-03-15');
    expect(stepDay(dayNumber(2006, 1, 10), -1, false, start, end)).toBe(start);
    expect(stepDay(dayNumber(2026, 11, 1), 1, true, start, end)).toBe(end);
    expect(formatDay(nextYearStart(dayNumber(2019, 7, 4)))).toBe('2020-01-01');
  });
});
