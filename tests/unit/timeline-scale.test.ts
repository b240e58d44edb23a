import { describe, expect, it } from 'vitest';
import { dayNumber, formatDay } from '../../src/data/partial-date.ts';
import { stepDay } from '../../src/view/actions.ts';
import {
  dragRange,
  linearScale,
  nextYearStart,
  rangeGrab,
  stepAreaPath,
  yearTicks,
} from '../../src/timeline/scale.ts';

const start = dayNumber(2006, 1, 1);
const end = dayNumber(2026, 11, 23);

describe('timeline scale', () => {
  it('maps the ends of the timeline to the ends of the plot, clamped', () => {
    const x = linearScale([start, end], [16, 1016]);
    expect(x(start)).toBe(16);
    expect(x(end)).toBe(1016);
    expect(Math.round(x.invert(0))).toBe(start);
    expect(Math.round(x.invert(5000))).toBe(end);
    expect(
      Math.abs(Math.round(x.invert(x(dayNumber(2015, 6, 1)))) - dayNumber(2015, 6, 1)),
    ).toBeLessThanOrEqual(1);
  });
  it('puts ticks on 1 January of every n-th year', () => {
    const x = linearScale([start, end], [0, 1000]);
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
    const b = { start, end };
    expect(formatDay(stepDay(dayNumber(2014, 3, 15), 1, false, b))).toBe('2014-04-15');
    expect(formatDay(stepDay(dayNumber(2014, 3, 15), -1, true, b))).toBe('2013-03-15');
    expect(stepDay(dayNumber(2006, 1, 10), -1, false, b)).toBe(start);
    expect(stepDay(dayNumber(2026, 11, 1), 1, true, b)).toBe(end);
    expect(formatDay(nextYearStart(dayNumber(2019, 7, 4)))).toBe('2020-01-01');
  });
});

describe('linear scale', () => {
  it('maps and inverts linearly, clamped to both ends, also for a falling range', () => {
    const y = linearScale([0, 10], [100, 20]);
    expect(y(0)).toBe(100);
    expect(y(5)).toBe(60);
    expect(y(10)).toBe(20);
    expect(y(20)).toBe(20);
    expect(y(-3)).toBe(100);
    expect(y.invert(60)).toBe(5);
    expect(y.invert(0)).toBe(10);
    expect(y.invert(500)).toBe(0);
  });
  it('puts a one-value domain in the middle of the range', () => {
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });
});

describe('range dragging', () => {
  const bounds = { start: 100, end: 1000 };
  const range = { from: 300, to: 500 };
  it('grabs the nearer end within 8 px, the range between them, a new range outside', () => {
    expect(rangeGrab(203, 200, 400)).toBe('from');
    expect(rangeGrab(395, 200, 400)).toBe('to');
    expect(rangeGrab(300, 200, 400)).toBe('move');
    expect(rangeGrab(150, 200, 400)).toBe('new');
    expect(rangeGrab(420, 200, 400)).toBe('new');
    // Both ends on one pixel: the side of the pointer decides.
    expect(rangeGrab(201, 200, 200)).toBe('to');
    expect(rangeGrab(199, 200, 200)).toBe('from');
  });
  it('drags an end up to the other end, never past it', () => {
    expect(dragRange('from', range, 300, 250, bounds)).toEqual({ from: 250, to: 500 });
    expect(dragRange('from', range, 300, 700, bounds)).toEqual({ from: 500, to: 500 });
    expect(dragRange('to', range, 500, 900, bounds)).toEqual({ from: 300, to: 900 });
    expect(dragRange('to', range, 500, 120, bounds)).toEqual({ from: 300, to: 300 });
  });
  it('moves the whole range, keeping its length within the timeline', () => {
    expect(dragRange('move', range, 400, 450, bounds)).toEqual({ from: 350, to: 550 });
    expect(dragRange('move', range, 400, 2000, bounds)).toEqual({ from: 800, to: 1000 });
    expect(dragRange('move', range, 400, 0, bounds)).toEqual({ from: 100, to: 300 });
  });
  it('spans a new range from the anchor to the pointer, in either direction', () => {
    expect(dragRange('new', range, 600, 800, bounds)).toEqual({ from: 600, to: 800 });
    expect(dragRange('new', range, 600, 150, bounds)).toEqual({ from: 150, to: 600 });
  });
});

describe('step area path', () => {
  it('holds each value until the next point and closes on the baseline', () => {
    const points = [
      { day: 0, count: 1 },
      { day: 10, count: 3 },
      { day: 20, count: 3 },
    ];
    const d = stepAreaPath(
      points,
      (day) => day * 2,
      (n) => 100 - n * 10,
      100,
    );
    expect(d).toBe('M0,100V90H20V70H40V70V100Z');
    expect(
      stepAreaPath(
        [],
        (v) => v,
        (v) => v,
        0,
      ),
    ).toBe('');
  });
});
