/**
 * A minimal store for the view (the zustand shape): get, set, subscribe; plus subscriptions to a
 * slice, so that a component or a writer (URL, host bridge) reacts only to what it reads.
 */
import { useCallback, useSyncExternalStore } from 'react';

export interface Store<T> {
  get(): T;
  set(update: Partial<T> | ((s: T) => Partial<T>)): void;
  subscribe(listener: (s: T, prev: T) => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<(s: T, prev: T) => void>();
  return {
    get: () => state,
    set(update) {
      const patch = typeof update === 'function' ? update(state) : update;
      const keys = Object.keys(patch) as (keyof T)[];
      if (keys.every((k) => Object.is(patch[k], state[k]))) return;
      const prev = state;
      state = { ...state, ...patch };
      for (const l of listeners) l(state, prev);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Calls the listener when the selected slice changes (compared with `equals`), like zustand's
 * subscribeWithSelector.
 */
export function subscribeSlice<T, U>(
  store: Store<T>,
  selector: (s: T) => U,
  listener: (slice: U, prev: U) => void,
  equals: (a: U, b: U) => boolean = Object.is,
): () => void {
  let current = selector(store.get());
  return store.subscribe((s) => {
    const next = selector(s);
    if (equals(next, current)) return;
    const prev = current;
    current = next;
    listener(next, prev);
  });
}

/**
 * Writes a slice of the view somewhere outside the app (the URL, the tab's title): at once, then
 * at most every `everyMs`, always with the latest state and always the last change (no write per
 * frame while the timeline plays or is scrubbed).
 */
export function followSlice<T, U>(
  store: Store<T>,
  selector: (s: T) => U,
  write: (s: T) => void,
  everyMs: number,
): void {
  write(store.get());
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  subscribeSlice(store, selector, () => {
    if (timer !== null) return;
    timer = setTimeout(
      () => {
        timer = null;
        last = performance.now();
        write(store.get());
      },
      Math.max(0, everyMs - (performance.now() - last)),
    );
  });
}

/**
 * A React hook on a slice of the store. The selector must return a primitive or a value kept
 * by reference in the state (or memoised), so unrelated changes do not re-render.
 */
export function useStore<T extends object, U>(store: Store<T>, selector: (s: T) => U): U {
  const get = useCallback(() => selector(store.get()), [store, selector]);
  return useSyncExternalStore(store.subscribe, get, get);
}
