/**
 * The URL contract: parse the query into a view (invalid values become notices, never
 * exceptions) and format a view back into a query. Every value is bounded before it is parsed,
 * and the notices are capped, so no URL can make the page slow. Pure.
 */
import { KINDS, TOPICS, type Kind, type Topic } from '../data/model.ts';
import { formatDay, parseDay, startOfYear } from '../data/partial-date.ts';
import { isRangeMode, TIME_MODES, TIMELINE_START } from '../time/in-force.ts';
import { formatDeck, parseDeck } from './deck.ts';
import { MATRIX_ORDERS } from './matrix.ts';
import { defaultView, type UrlView, type ViewState } from './view-state.ts';

/**
 * The URL and the tab's title follow the view at most this often (ms): no history entry, and no
 * title written, per frame while the timeline plays or is scrubbed.
 */
export const FOLLOW_MS = 200;

export interface Notice {
  param: string;
  /** The offending value, cut to a safe length; always rendered as text. */
  value: string;
  /** `more`: further notices of this parameter were left out; `value` is their number. */
  reason: 'unknown' | 'malformed' | 'out-of-range' | 'too-long' | 'more';
}

export interface UrlContext {
  today: number;
  /** Whether an id names a region or a cooperation of the dataset. */
  isSelectable: (id: string) => boolean;
}

/** A value is shown in a notice up to this length. */
const MAX_SHOWN = 60;
/** Notices per parameter; the rest are summed up in one "… and N more". */
export const MAX_NOTICES_PER_PARAM = 5;
/** The longest value each parameter may have; longer ones are refused before parsing. */
export const MAX_LENGTH: Record<string, number> = {
  // Fifty scenes with names and a few lines of notes each.
  scenes: 60_000,
  topics: 600,
  kinds: 600,
  select: 200,
  origins: 600,
};
/** At most this many host origins in `origins=`. */
export const MAX_ORIGINS = 5;

/** An origin as `new URL()` writes it (http or https, no path), or null. */
export function parseOrigin(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin === text.replace(/\/$/, '') ? url.origin : null;
  } catch {
    return null;
  }
}
const MAX_OTHER = 40;
/** A list never has more items than its vocabulary has values (twice, for repeats). */
const MAX_ITEMS = 2 * Math.max(TOPICS.length, KINDS.length);

const shown = (v: string): string => (v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN)}…` : v);

export function parseViewQuery(
  query: string,
  ctx: UrlContext,
): { view: ViewState; notices: Notice[] } {
  const params = new URLSearchParams(query);
  const view = defaultView(ctx.today);
  const notices: Notice[] = [];
  const perParam = new Map<string, number>();
  const bad = (param: string, value: string, reason: Notice['reason']): void => {
    const n = (perParam.get(param) ?? 0) + 1;
    perParam.set(param, n);
    if (n <= MAX_NOTICES_PER_PARAM) notices.push({ param, value: shown(value), reason });
  };
  /** The value of a parameter, or null when absent, empty or too long. */
  const get = (param: string): string | null => {
    const v = params.get(param);
    if (v === null || v === '') return null;
    if (v.length > (MAX_LENGTH[param] ?? MAX_OTHER)) {
      bad(param, v, 'too-long');
      return null;
    }
    return v;
  };
  const day = (param: string): number | null => {
    const v = get(param);
    if (v === null) return null;
    const d = parseDay(v);
    if (d === null) {
      bad(param, v, 'malformed');
      return null;
    }
    if (d < TIMELINE_START || d > ctx.today) {
      bad(param, v, 'out-of-range');
      return null;
    }
    return d;
  };
  const choice = <T extends string>(param: string, allowed: readonly T[]): T | null => {
    const v = get(param);
    if (v === null) return null;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    bad(param, v, 'unknown');
    return null;
  };
  const list = <T extends string>(param: string, allowed: readonly T[]): T[] => {
    const v = get(param);
    if (v === null) return [];
    const items = v.split(',', MAX_ITEMS + 1);
    if (items.length > MAX_ITEMS) {
      bad(param, v, 'too-long');
      return [];
    }
    const out: T[] = [];
    for (const item of items) {
      if ((allowed as readonly string[]).includes(item)) {
        if (!out.includes(item as T)) out.push(item as T);
      } else bad(param, item, 'unknown');
    }
    return out;
  };

  const mode = choice('mode', TIME_MODES);
  if (mode) view.mode = mode;
  const date = day('date');
  const from = day('from');
  const to = day('to');
  if (from !== null || to !== null) {
    if (mode === null) view.mode = 'signed';
    if (from !== null) view.from = from;
    if (to !== null) view.date = to;
    if (from !== null && to === null) view.date = ctx.today;
  }
  if (date !== null && !(isRangeMode(view.mode) && to !== null)) view.date = date;
  if (isRangeMode(view.mode)) {
    if (view.from > view.date) [view.from, view.date] = [view.date, view.from];
  } else view.from = startOfYear(view.date);

  const select = get('select');
  if (select !== null) {
    if (ctx.isSelectable(select)) view.select = select;
    else bad('select', select, 'unknown');
  }
  view.topics = list<Topic>('topics', TOPICS);
  view.kinds = list<Kind>('kinds', KINDS);
  view.lang = choice('lang', ['de', 'en'] as const) ?? view.lang;
  view.theme = choice('theme', ['light', 'dark'] as const) ?? view.theme;
  view.tab = choice('view', ['map', 'table', 'matrix'] as const) ?? view.tab;
  view.order = choice('order', MATRIX_ORDERS) ?? view.order;
  view.nationwide = (choice('nationwide', ['1', '0'] as const) ?? '1') === '1';
  view.embed = (choice('embed', ['1', '0'] as const) ?? '0') === '1';
  view.present = (choice('present', ['1', '0'] as const) ?? '0') === '1';
  const origins = get('origins');
  if (origins !== null) {
    const items = origins.split(',', MAX_ORIGINS + 1);
    if (items.length > MAX_ORIGINS) bad('origins', origins, 'too-long');
    else
      for (const item of items) {
        const origin = parseOrigin(item);
        if (origin === null) bad('origins', item, 'malformed');
        else if (!view.origins.includes(origin)) view.origins.push(origin);
      }
  }
  // The audience's window is always a presentation.
  view.audience = choice('role', ['audience', 'presenter'] as const) === 'audience';
  if (view.audience) view.present = true;
  const scenes = get('scenes');
  if (scenes !== null) {
    const deck = parseDeck(scenes, {
      start: TIMELINE_START,
      today: ctx.today,
      isSelectable: ctx.isSelectable,
    });
    view.scenes = deck.scenes;
    if (deck.invalid > 0) bad('scenes', `${deck.invalid} ×`, 'malformed');
    if (deck.dropped > 0) bad('scenes', `${deck.dropped} ×`, 'too-long');
  }
  for (const [param, n] of perParam)
    if (n > MAX_NOTICES_PER_PARAM)
      notices.push({ param, value: String(n - MAX_NOTICES_PER_PARAM), reason: 'more' });
  return { view, notices };
}

/** The query for a view; defaults are left out so links stay short. */
export function formatViewQuery(view: UrlView, today: number): string {
  const q = new URLSearchParams();
  const d = defaultView(today);
  if (isRangeMode(view.mode)) {
    // The signed range is the default reading of from/to; diff says its mode.
    if (view.mode !== 'signed') q.set('mode', view.mode);
    q.set('from', formatDay(view.from));
    q.set('to', formatDay(view.date));
  } else {
    if (view.mode !== d.mode) q.set('mode', view.mode);
    if (view.date !== today) q.set('date', formatDay(view.date));
  }
  if (view.select) q.set('select', view.select);
  if (view.topics.length) q.set('topics', view.topics.join(','));
  if (view.kinds.length) q.set('kinds', view.kinds.join(','));
  if (view.lang !== d.lang) q.set('lang', view.lang);
  if (view.theme !== d.theme) q.set('theme', view.theme);
  if (view.tab !== d.tab) q.set('view', view.tab);
  if (view.embed) q.set('embed', '1');
  if (view.present) q.set('present', '1');
  if (view.audience) q.set('role', 'audience');
  if (view.origins.length) q.set('origins', view.origins.join(','));
  if (view.order !== d.order) q.set('order', view.order);
  if (!view.nationwide) q.set('nationwide', '0');
  if (view.scenes.length) q.set('scenes', formatDeck(view.scenes));
  return q.toString().replaceAll('%2C', ',');
}

/**
 * A link to a view: the app's own address (never another origin) with the view's query, for the
 * share dialog and the "open in atlas" link. `embed`, `present` and `audience` are set as asked.
 */
export function viewLink(
  base: string,
  view: UrlView,
  today: number,
  options: { embed?: boolean; present?: boolean; audience?: boolean } = {},
): string {
  const url = new URL(base);
  url.hash = '';
  url.search = formatViewQuery(
    {
      ...view,
      embed: options.embed ?? false,
      present: options.present ?? false,
      audience: options.audience ?? false,
      origins: [],
    },
    today,
  );
  return url.toString();
}
