/**
 * The transport between the presenter's and the audience's window: a BroadcastChannel (same
 * origin), and postMessage to the window the presenter opened and back to its opener (which also
 * works where a BroadcastChannel cannot reach, e.g. the single offline file). The messages are
 * view/present-sync.ts's; every change is sent once per animation frame.
 */
import { useEffect } from 'react';
import { isKnownId } from '../model/atlas-model.ts';
import {
  HELLO_TYPE,
  isNewer,
  parseSync,
  SYNC_CHANNEL,
  syncMessage,
  syncPatch,
} from '../view/present-sync.ts';
import { useAtlas } from '../ui/atlas-context.tsx';

const channel = (): BroadcastChannel | null =>
  'BroadcastChannel' in window ? new BroadcastChannel(SYNC_CHANNEL) : null;
const targetOrigin = (): string =>
  window.location.origin && window.location.origin !== 'null' ? window.location.origin : '*';

/** The presenter's window: sends every change of its view, and answers an audience's hello. */
export function usePresenterSync(audience: { current: Window | null }): void {
  const { store, model } = useAtlas();
  useEffect(() => {
    const bc = channel();
    const sender = Math.random().toString(36).slice(2, 12);
    let seq = 0;
    let frame = 0;
    const send = () => {
      frame = 0;
      const v = store.get();
      const camera = v.scenes[v.sceneIndex]?.camera ?? null;
      const msg = syncMessage(v, model.today, { sender, seq: ++seq }, camera);
      bc?.postMessage(msg);
      if (audience.current && !audience.current.closed)
        audience.current.postMessage(msg, targetOrigin());
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(send);
    };
    const unsubscribe = store.subscribe(schedule);
    const onHello = (data: unknown) => {
      if ((data as { type?: unknown } | null)?.type === HELLO_TYPE) send();
    };
    if (bc) bc.onmessage = (e) => onHello(e.data);
    const onWindow = (e: MessageEvent) => {
      if (audience.current && e.source === audience.current) onHello(e.data);
    };
    window.addEventListener('message', onWindow);
    send();
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      bc?.close();
      window.removeEventListener('message', onWindow);
    };
  }, [store, model, audience]);
}

/** The audience's window: takes over the presenter's view, and moves to each scene's camera. */
export function useAudienceSync(): void {
  const env = useAtlas();
  useEffect(() => {
    const { store, model, map } = env;
    const ctx = { today: model.today, isSelectable: (id: string) => isKnownId(model, id) };
    const bc = channel();
    let last: { sender: string; seq: number } | null = null;
    const take = (data: unknown) => {
      const msg = parseSync(data);
      if (!msg || !isNewer(msg, last)) return;
      last = { sender: msg.sender, seq: msg.seq };
      const before = store.get().sceneIndex;
      store.set(syncPatch(msg, ctx));
      if (msg.sceneIndex !== before) map.get()?.moveTo(msg.camera);
    };
    if (bc) bc.onmessage = (e) => take(e.data);
    const onWindow = (e: MessageEvent) => {
      if (window.opener && e.source === window.opener) take(e.data);
    };
    window.addEventListener('message', onWindow);
    // Ask for the current state: the presenter may have moved on since it opened this window.
    const hello = { type: HELLO_TYPE };
    bc?.postMessage(hello);
    (window.opener as Window | null)?.postMessage(hello, targetOrigin());
    return () => {
      bc?.close();
      window.removeEventListener('message', onWindow);
    };
  }, [env]);
}
