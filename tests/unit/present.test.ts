import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/time/events.ts';
import { stepEvent, stepKeyOf, stepScene } from '../../src/present/step.ts';

const ev = (day: number, cooperation: string): TimelineEvent => ({
  day,
  cooperation,
  type: 'signed',
  region: null,
  precision: 'day',
});
const events = [ev(10, 'a'), ev(10, 'b'), ev(20, 'c'), ev(30, 'd')];

describe('presentation stepping', () => {
  it('starts at the first event on or after the date', () => {
    expect(stepEvent(events, { date: 10, select: null }, 'next')).toBe(0);
    expect(stepEvent(events, { date: 15, select: null }, 'next')).toBe(2);
  });
  it('moves from the event shown to its neighbours, also on the same day', () => {
    expect(stepEvent(events, { date: 10, select: 'a' }, 'next')).toBe(1);
    expect(stepEvent(events, { date: 10, select: 'b' }, 'previous')).toBe(0);
    expect(stepEvent(events, { date: 30, select: 'd' }, 'next')).toBe(-1);
    expect(stepEvent(events, { date: 10, select: 'a' }, 'previous')).toBe(-1);
  });
  it('jumps to the ends', () => {
    expect(stepEvent(events, { date: 15, select: null }, 'first')).toBe(0);
    expect(stepEvent(events, { date: 15, select: null }, 'last')).toBe(3);
  });
  it('steps through a deck', () => {
    expect(stepScene(3, -1, 'next')).toBe(0);
    expect(stepScene(3, 2, 'next')).toBe(-1);
    expect(stepScene(3, 1, 'previous')).toBe(0);
    expect(stepScene(0, -1, 'next')).toBe(-1);
  });
  it('maps the keys slide clickers send', () => {
    expect(
      ['PageDown', 'ArrowRight', ' ', 'PageUp', 'ArrowLeft', 'Home', 'End', 'b'].map((key) =>
        stepKeyOf({ key }),
      ),
    ).toEqual(['next', 'next', 'next', 'previous', 'previous', 'first', 'last', null]);
  });
});
