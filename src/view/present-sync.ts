/**
 * The presenter's window and the audience's window of a presentation stay in step through one
 * message: the view as its URL query (parsed on arrival with the URL contract's own bounded,
 * validating parser), the current scene, the blanked screen, and the camera of the scene shown.
 * The transport (BroadcastChannel, and postMessage to the window the presenter opened) is the
 * presentation's; this module is pure.
 */
import type { Camera } from './deck.ts';
import type { Patch } from './actions.ts';
import { formatViewQuery, parseViewQuery, type UrlContext } from './url.ts';
import type { ViewState } from './view-state.ts';

export const SYNC_CHANNEL = 'kooperationsatlas:present';
export const SYNC_TYPE = 'kooperationsatlas:present-sync';
/** The audience's window asks for the current state when it opens. */
export const HELLO_TYPE = 'kooperationsatlas:present-hello';

/** A view query has no reason to be longer (the deck, the long part, is not sent). */
const MAX_QUERY = 4000;

export interface SyncMessage {
  type: typeof SYNC_TYPE;
  /** The presenter's window (random per window), so a reloaded presenter starts afresh. */
  sender: string;
  /** Increases with every message of a sender, so a late copy never undoes a newer one. */
  seq: number;
  query: string;
  sceneIndex: number;
  blank: boolean;
  /** The camera of the scene shown (null: Germany), sent with a scene change. */
  camera: Camera | null;
}

/** The message for a view (the deck stays in the presenter's window: it holds the notes). */
export function syncMessage(
  view: ViewState,
  today: number,
  from: { sender: string; seq: number },
  camera: Camera | null,
): SyncMessage {
  const query = formatViewQuery(
    { ...view, scenes: [], embed: false, present: false, audience: false, tab: 'map' },
    today,
  );
  return {
    type: SYNC_TYPE,
    ...from,
    query,
    sceneIndex: view.sceneIndex,
    blank: view.blank,
    camera,
  };
}

const isCamera = (v: unknown): v is Camera =>
  Array.isArray(v) &&
  v.length === 3 &&
  v.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
  Math.abs(v[0] as number) <= 180 &&
  Math.abs(v[1] as number) <= 85 &&
  (v[2] as number) >= 0 &&
  (v[2] as number) <= 22;

/** A sync message, or null for anything else (other messages, malformed or oversized ones). */
export function parseSync(data: unknown): SyncMessage | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const m = data as Record<string, unknown>;
  if (m['type'] !== SYNC_TYPE) return null;
  const { sender, seq, query, sceneIndex, blank, camera } = m;
  if (typeof sender !== 'string' || sender.length === 0 || sender.length > 40) return null;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq)) return null;
  if (typeof query !== 'string' || query.length > MAX_QUERY) return null;
  if (typeof sceneIndex !== 'number' || !Number.isSafeInteger(sceneIndex) || sceneIndex < -1)
    return null;
  if (typeof blank !== 'boolean') return null;
  if (camera !== null && !isCamera(camera)) return null;
  return { type: SYNC_TYPE, sender, seq, query, sceneIndex, blank, camera };
}

/** Whether a message is newer than the last one taken (a new sender always is). */
export function isNewer(msg: SyncMessage, last: { sender: string; seq: number } | null): boolean {
  return last === null || msg.sender !== last.sender || msg.seq > last.seq;
}

/** What the audience's window takes over from a message: the view, never its own role. */
export function syncPatch(msg: SyncMessage, ctx: UrlContext): Patch {
  const { view } = parseViewQuery(msg.query, ctx);
  return {
    mode: view.mode,
    date: view.date,
    from: view.from,
    select: view.select,
    topics: view.topics,
    kinds: view.kinds,
    lang: view.lang,
    theme: view.theme,
    sceneIndex: msg.sceneIndex,
    blank: msg.blank,
    playing: false,
    hover: null,
  };
}
