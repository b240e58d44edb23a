/**
 * The host-page bridge: applies `kooperationsatlas:set`, answers `kooperationsatlas:get` to the
 * window that asked, and announces every change of the view as `kooperationsatlas:state`. It
 * reads the one deriver the app uses, so a change is not derived twice.
 */
import { useEffect } from 'react';
import { formatDay } from '../data/partial-date.ts';
import { isKnownId, type AtlasModel } from '../model/atlas-model.ts';
import { applyHostCommand } from '../view/actions.ts';
import { idsInOrder, visibleIdsInOrder } from '../view/selectors.ts';
import { isRangeMode } from '../time/in-force.ts';
import { subscribeSlice } from '../view/store.ts';
import type { ViewState } from '../view/view-state.ts';
import { useAtlas } from '../ui/atlas-context.tsx';
import type { Derived } from '../view/derive.ts';
import { hostTargets, isAllowedOrigin, parseCommand, type StateMessage } from './protocol.ts';

/** The state message for a view (visibleCooperations: the ids shown, in dataset order). */
export function stateMessage(model: AtlasModel, view: ViewState, derived: Derived): StateMessage {
  const msg: StateMessage = {
    type: 'kooperationsatlas:state',
    date: formatDay(view.date),
    mode: view.mode,
    select: view.select,
    topics: [...view.topics],
    visibleCooperations: visibleIdsInOrder(derived),
    dataVersion: model.atlas.dataVersion,
  };
  if (isRangeMode(view.mode)) msg.from = formatDay(view.from);
  if (derived.diff) {
    msg.added = idsInOrder(derived.diff.added);
    msg.ended = idsInOrder(derived.diff.ended);
  }
  return msg;
}

/** What a state message depends on (hover, playing and the like are not announced). */
const announced = (v: ViewState) => [v.date, v.from, v.mode, v.select, v.topics, v.kinds] as const;
const sameSlice = (a: readonly unknown[], b: readonly unknown[]) =>
  a.every((x, i) => Object.is(x, b[i]));

export function useEmbedBridge(): void {
  const { model, store, derive, bounds } = useAtlas();
  useEffect(() => {
    const ctx = {
      ...bounds,
      today: bounds.end,
      isSelectable: (id: string) => isKnownId(model, id),
    };
    const message = () => stateMessage(model, store.get(), derive(store.get()));
    const onMessage = (e: MessageEvent) => {
      // A publisher's `origins=` limits who may steer the embed (and who hears from it).
      if (e.source !== window && !isAllowedOrigin(e.origin, store.get().origins)) return;
      const cmd = parseCommand(e.data, ctx);
      if (!cmd) return;
      listening = true;
      if (cmd.type === 'set') store.set(applyHostCommand(store.get(), cmd, bounds));
      const source = e.source as Window | null;
      if (source && typeof source.postMessage === 'function') {
        const msg = message();
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
    const unsubscribe = subscribeSlice(
      store,
      announced,
      () => {
        if (!listening || timer) return;
        timer = window.setTimeout(() => {
          timer = 0;
          const msg = message();
          const text = JSON.stringify(msg);
          if (text === lastAnnounced) return;
          lastAnnounced = text;
          for (const target of hostTargets(store.get().origins)) host().postMessage(msg, target);
        }, 150);
      },
      sameSlice,
    );
    return () => {
      window.removeEventListener('message', onMessage);
      unsubscribe();
      clearTimeout(timer);
    };
  }, [model, store, derive, bounds]);
}
