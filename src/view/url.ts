/**
 * The URL contract: parse the query into a view (invalid values become notices, never
 * exceptions) and format a view back into a query. Pure.
 */
import { KINDS, TOPICS, type Kind, type Topic } from '../data/model.ts';
import { dayToDate, dayNumber, formatDay, parseDay } from '../data/partial-date.ts';

const yearStart = (day: number): number => dayNumber(dayToDate(day).getUTCFullYear(), 1, 1);
import type { TimeMode } from '../time/in-force.ts';
import { TIMELINE_START, defaultView, type ViewState } from './view-state.ts';
import { formatDeck, parseDeck } from '../present/deck.ts';

export interface Notice {
  param: string;
  /** The offending value, cut to a safe length; always rendered as text. */
  value: string;
  reason: 'unknown' | 'malformed' | 'out-of-range';
}

export interface UrlContext {
  today: number;
  /** Whether an id names a region or a cooperation of the dataset. */
  isSelectable: (id: string) => boolean;
}

const MAX_SHOWN = 60;
const shown = (v: string): string => (v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN)}…` : v);
const MODES: readonly TimeMode[] = ['inforce', 'signed', 'cumulative'];

export function parseViewQuery(
  query: string,
  ctx: UrlContext,
): { view: ViewState; notices: Notice[] } {
  const params = new URLSearchParams(query);
  const view = defaultView(ctx.today);
  const notices: Notice[] = [];
  const bad = (param: string, value: string, reason: Notice['reason']): void => {
    notices.push({ param, value: shown(value), reason });
  };
  const day = (param: string): number | null => {
    const v = params.get(param);
    if (v === null || v === '') return null;
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

  const mode = params.get('mode');
  if (mode !== null) {
    if ((MODES as readonly string[]).includes(mode)) view.mode = mode as TimeMode;
    else bad('mode', mode, 'unknown');
  }
  const date = day('date');
  const from = day('from');
  const to = day('to');
  if (from !== null || to !== null) {
    if (mode === null) view.mode = 'signed';
    if (from !== null) view.from = from;
    if (to !== null) view.date = to;
    if (from !== null && to === null) view.date = ctx.today;
  }
  if (date !== null && !(view.mode === 'signed' && to !== null)) view.date = date;
  if (view.mode === 'signed') {
    if (view.from > view.date) [view.from, view.date] = [view.date, view.from];
  } else view.from = yearStart(view.date);

  const select = params.get('select');
  if (select !== null && select !== '') {
    if (ctx.isSelectable(select)) view.select = select;
    else bad('select', select, 'unknown');
  }
  const list = <T extends string>(param: string, allowed: readonly T[]): T[] => {
    const v = params.get(param);
    if (v === null || v === '') return [];
    const out: T[] = [];
    for (const item of v.split(',')) {
      if ((allowed as readonly string[]).includes(item)) {
        if (!out.includes(item as T)) out.push(item as T);
      } else bad(param, item, 'unknown');
    }
    return out;
  };
  view.topics = list<Topic>('topics', TOPICS);
  view.kinds = list<Kind>('kinds', KINDS);

  const choice = <T extends string>(
    param: string,
    allowed: readonly T[],
    set: (v: T) => void,
  ): void => {
    const v = params.get(param);
    if (v === null) return;
    if ((allowed as readonly string[]).includes(v)) set(v as T);
    else bad(param, v, 'unknown');
  };
  choice('lang', ['de', 'en'] as const, (v) => (view.lang = v));
  choice('theme', ['light', 'dark'] as const, (v) => (view.theme = v));
  choice('view', ['map', 'table'] as const, (v) => (view.tab = v));
  choice('embed', ['1', '0'] as const, (v) => (view.embed = v === '1'));
  choice('present', ['1', '0'] as const, (v) => (view.present = v === '1'));
  const scenes = params.get('scenes');
  if (scenes) {
    const deck = parseDeck(scenes, {
      start: TIMELINE_START,
      today: ctx.today,
      isSelectable: ctx.isSelectable,
    });
    view.scenes = deck.scenes;
    if (deck.invalid > 0) bad('scenes', `${deck.invalid} ×`, 'malformed');
  }
  return { view, notices };
}

/** The query for a view; defaults are left out so links stay short. */
export function formatViewQuery(view: ViewState, today: number): string {
  const q = new URLSearchParams();
  const d = defaultView(today);
  if (view.mode === 'signed') {
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
  if (view.scenes.length) q.set('scenes', formatDeck(view.scenes));
  return q.toString().replaceAll('%2C', ',');
}
