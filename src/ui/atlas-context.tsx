/**
 * What every part of the UI shares, given through React context instead of props: the dataset
 * model, the view store, the one deriver, the timeline's bounds and a handle on the map's camera.
 */
import type { Camera } from '../view/deck.ts';
import {
  createContext,
  useCallback,
  useContext,
  useDeferredValue,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { AtlasModel } from '../model/atlas-model.ts';
import type { Bounds, Patch } from '../view/actions.ts';
import type { Derived } from '../view/derive.ts';
import { useStore, type Store } from '../view/store.ts';
import type { ViewState } from '../view/view-state.ts';

/** [longitude, latitude, zoom] */
/** [west, south, east, north] */
export type LngLatBox = [number, number, number, number];

/** The map's camera, for the parts that read it (export, scenes) or move it (scenes). */
export interface MapHandle {
  camera(): Camera | null;
  visibleBox(): LngLatBox | null;
  zoom(): number;
  /** Moves to a camera, or back to all of Germany (null). */
  moveTo(camera: Camera | null): void;
}

export interface AtlasEnv {
  model: AtlasModel;
  store: Store<ViewState>;
  derive: (v: ViewState) => Derived;
  bounds: Bounds;
  /** The map's handle while a map exists (the map registers itself). */
  map: MapSlot;
}

/** Where the map registers its handle and the other parts find it. */
export interface MapSlot {
  get(): MapHandle | null;
  set(handle: MapHandle | null): void;
  /** Whether the map has drawn its first complete frame (or cannot draw at all). */
  started(): boolean;
  /** Marks that moment (once) and tells the subscribers. */
  markStarted(): void;
  subscribe(listener: () => void): () => void;
}

export function createMapSlot(): MapSlot {
  let handle: MapHandle | null = null;
  let started = false;
  const listeners = new Set<() => void>();
  return {
    get: () => handle,
    set: (h) => {
      handle = h;
    },
    started: () => started,
    markStarted: () => {
      if (started) return;
      started = true;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const Env = createContext<AtlasEnv | null>(null);

export function AtlasProvider({ env, children }: { env: AtlasEnv; children: ReactNode }) {
  return <Env.Provider value={env}>{children}</Env.Provider>;
}

export function useAtlas(): AtlasEnv {
  const env = useContext(Env);
  if (!env) throw new Error('useAtlas outside AtlasProvider');
  return env;
}

/**
 * False until the map has drawn its first complete frame (or failed), then true. The long lists
 * (panel cards, timeline marks) mount then, off the map's start-up path: the main thread is free
 * while the map's worker cuts the tiles and MapLibre draws them.
 */
export function useMapStarted(): boolean {
  const { map } = useAtlas();
  return useSyncExternalStore(map.subscribe, map.started, map.started);
}

/** A slice of the view; the component re-renders only when the slice changes. */
export function useView<U>(selector: (v: ViewState) => U): U {
  return useStore(useAtlas().store, selector);
}

/** The derived view (computed once per change of its inputs, shared by everyone). */
export function useDerived(): Derived {
  const { store, derive } = useAtlas();
  const get = useCallback(() => derive(store.get()), [store, derive]);
  return useSyncExternalStore(store.subscribe, get, get);
}

/**
 * The derived view for parts that may trail a date step by one background render (the side
 * panel and the legend): React draws the map and the timeline first and renders these after,
 * interruptibly. A change of the selection or into or out of diff mode is never deferred, so a
 * part never mixes a new selection with an old list.
 */
export function useSettledDerived(): Derived {
  const live = useDerived();
  const settled = useDeferredValue(live);
  const same =
    settled.selection === live.selection && (settled.diff === null) === (live.diff === null);
  return same ? settled : live;
}

/** Applies a view action: `act((v) => setDate(v, day, bounds))` or `act(select(id))`. */
export function useAct(): (action: Patch | null | ((v: ViewState) => Patch | null)) => void {
  const { store } = useAtlas();
  return useCallback(
    (action) => {
      const patch = typeof action === 'function' ? action(store.get()) : action;
      if (patch) store.set(patch);
    },
    [store],
  );
}
