import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/time/events.ts';
import { keyCommand, keyPlaceOf, type KeyContext } from '../../src/view/keys.ts';
import { stepEvent, stepScene } from '../../src/view/step.ts';

const ev = (day: number, cooperation: string): TimelineEvent => ({
  day,
  cooperation,
  type: 'signed',
  region: null,
  organisation: null,
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
});

describe('the one key map', () => {
  const at = (over: Partial<KeyContext> = {}): KeyContext => ({
    place: 'page',
    presenting: false,
    blank: false,
    selected: false,
    ...over,
  });
  it('maps the keys slide clickers send while presenting, wherever the focus is but in a text field', () => {
    const keys = ['PageDown', 'ArrowRight', ' ', 'PageUp', 'ArrowLeft', 'Home', 'End'];
    for (const place of ['page', 'slider', 'map'] as const)
      expect(keys.map((key) => keyCommand({ key }, at({ presenting: true, place })))).toEqual(
        ['next', 'next', 'next', 'previous', 'previous', 'first', 'last'].map((key) => ({
          type: 'clicker',
          key,
        })),
      );
    expect(keyCommand({ key: 'PageDown' }, at({ presenting: true, place: 'text' }))).toBeNull();
    expect(keyCommand({ key: 'b' }, at({ presenting: true }))).toEqual({ type: 'blank' });
    expect(keyCommand({ key: 'PageDown' }, at({ presenting: true, blank: true }))).toBeNull();
    expect(keyCommand({ key: 'Escape' }, at({ presenting: true, blank: true }))).toEqual({
      type: 'unblank',
    });
  });
  it('steps the date on the page and on a slider, but leaves the arrows to the map canvas', () => {
    expect(keyCommand({ key: 'ArrowRight', shiftKey: true }, at())).toEqual({
      type: 'step',
      direction: 1,
      byYear: true,
    });
    expect(keyCommand({ key: 'ArrowRight' }, at({ place: 'map' }))).toBeNull();
    expect(keyCommand({ key: ' ' }, at({ place: 'map' }))).toEqual({ type: 'togglePlay' });
    expect(keyCommand({ key: 'PageDown' }, at({ place: 'slider' }))).toEqual({
      type: 'step',
      direction: -1,
      byYear: true,
    });
    expect(keyCommand({ key: 'PageDown' }, at())).toBeNull();
    expect(keyCommand({ key: ' ' }, at({ place: 'control' }))).toBeNull();
  });
  it('clears a selection with Escape, and only then', () => {
    expect(keyCommand({ key: 'Escape' }, at({ selected: true }))).toEqual({ type: 'clear' });
    expect(keyCommand({ key: 'Escape' }, at())).toBeNull();
  });
  it('tells the places apart', () => {
    expect(keyPlaceOf(null)).toBe('page');
    expect(keyPlaceOf({ tagName: 'INPUT' } as unknown as EventTarget)).toBe('text');
    expect(keyPlaceOf({ tagName: 'CANVAS' } as unknown as EventTarget)).toBe('map');
    expect(
      keyPlaceOf({ tagName: 'g', getAttribute: () => 'slider' } as unknown as EventTarget),
    ).toBe('slider');
    expect(
      keyPlaceOf({ tagName: 'BUTTON', getAttribute: () => null } as unknown as EventTarget),
    ).toBe('control');
  });
});
