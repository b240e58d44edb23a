import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore, followSlice } from '../../src/view/store.ts';

describe('followSlice (the URL and the tab title follow the view)', () => {
  afterEach(() => vi.useRealTimers());

  it('writes at once, then at most once per interval, always the latest state and the last change', () => {
    vi.useFakeTimers();
    const store = createStore({ date: 0, other: 0 });
    const written: number[] = [];
    followSlice(
      store,
      (s) => s.date,
      (s) => written.push(s.date),
      200,
    );
    expect(written).toEqual([0]);
    // A change outside the slice writes nothing.
    store.set({ other: 1 });
    vi.advanceTimersByTime(1000);
    expect(written).toEqual([0]);
    // Ten steps within 50 ms: one write, of the last date.
    for (let d = 1; d <= 10; d++) store.set({ date: d });
    vi.advanceTimersByTime(0);
    expect(written).toEqual([0, 10]);
    store.set({ date: 11 });
    store.set({ date: 12 });
    vi.advanceTimersByTime(150);
    expect(written).toEqual([0, 10]);
    vi.advanceTimersByTime(50);
    expect(written).toEqual([0, 10, 12]);
  });
});
