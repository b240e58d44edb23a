/**
 * The host-page bridge: applies `kooperationsatlas:set`, answers `kooperationsatlas:get` to the
 * window that asked, and announces every change of the view as `kooperationsatlas:state`.
 */
import { useEffect } from 'react';
import type { Scene } from '../app/scene.ts';
import { formatDay } from '../data/partial-date.ts';
import { derive } from '../view/derive.ts';
import type { Store } from '../view/store.ts';
import { TIMELINE_START, type ViewState } from '../view/view-state.ts';
import { parseCommand, type StateMessage } from './protocol.ts';

/** The state message for a view (visibleCooperations: the ids shown, in dataset order). */
export function stateMessage(scene: Scene, view: ViewState): StateMessage {
  const d = derive(
    scene.atlas,
    scene.geometry,
    { mode: view.mode, date: view.date, from: view.from },
    { topics: new Set(view.topics), kinds: new Set(view.kinds) },
    null,
  );
  const msg: StateMessage = {
    type: 'kooperationsatlas:state',
    date: formatDay(view.date),
    mode: view.mode,
    select: view.select,
    topics: [...view.topics],
    visibleCooperations: scene.atlas.cooperations
      .filter((c) => d.visibleIds.has(c.id))
      .map((c) => c.id),
  };
  if (view.mode === 'signed') msg.from = formatDay(view.from);
  return msg;
}

const changed = (a: ViewState, b: ViewState): boolean =>
  a.date !== b.date ||
  a.from !== b.from ||
  a.mode !== b.mode ||
  a.select !== b.select ||
  a.topics !== b.topics ||
  a.kinds !== b.kinds;

export function useEmbedBridge(store: Store<ViewState>, scene: Scene): void {
  useEffect(() => {
    const ctx = {
      start: TIMELINE_START,
      today: scene.today,
      isSelectable: (id: string) =>
        scene.atlas.regions.has(id) || scene.atlas.cooperationById.has(id),
    };
    const onMessage = (e: MessageEvent) => {
      const cmd = parseCommand(e.data, ctx);
      if (!cmd) return;
      listening = true;
      if (cmd.type === 'set') {
        const patch: Partial<ViewState> = {};
        if (cmd.date !== undefined) patch.date = cmd.date;
        if (cmd.select !== undefined) patch.select = cmd.select;
        if (cmd.topics !== undefined) patch.topics = cmd.topics;
        if (cmd.play !== undefined) patch.playing = cmd.play;
        if (cmd.date !== undefined && store.get().mode === 'signed') patch.mode = 'inforce';
        store.set(patch);
      }
      const source = e.source as Window | null;
      if (source && typeof source.postMessage === 'function') {
        const msg = stateMessage(scene, store.get());
        if (source === host()) lastAnnounced = JSON.stringify(msg);
        source.postMessage(msg, e.origin && e.origin !== 'null' ? e.origin : '*');
      }
    };
    // Changes are announced to the embedding page (or, standalone, to this window once a host has
    // spoken to it), once each and at most every 150 ms, so playing the timeline stays light.
    const host = (): Window => (window.parent !== window ? window.parent : window);
    let listening = window.parent !== window;
    let lastAnnounced = '';
    window.addEventListener('message', onMessage);
    let timer = 0;
    const unsubscribe = store.subscribe((next, prev) => {
      if (!listening || !changed(next, prev) || timer) return;
      timer = window.setTimeout(() => {
        timer = 0;
        const msg = stateMessage(scene, store.get());
        const text = JSON.stringify(msg);
        if (text === lastAnnounced) return;
        lastAnnounced = text;
        host().postMessage(msg, '*');
      }, 150);
    });
    return () => {
      window.removeEventListener('message', onMessage);
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store, scene]);
}
