/**
 * Every change of the view, as pure functions from the view (and an input) to a patch. The app,
 * the timeline, the presenter, the embed bridge and the keyboard all call these: no component
 * decides a rule of its own. Pure.
 */
import type { Kind, Topic } from '../data/model.ts';
import { addMonths, startOfYear } from '../data/partial-date.ts';
import type { TimelineEvent } from '../time/events.ts';
import { isRangeMode as isRange, type TimeMode } from '../time/in-force.ts';
import type { Scene } from './deck.ts';
import { stepEvent, stepScene, type StepKey } from './step.ts';
import type { ViewState } from './view-state.ts';

export type Patch = Partial<ViewState>;

/** The timeline's bounds: 2006-01-01 and today. */
export interface Bounds {
  start: number;
  end: number;
}

/** A value held between two bounds, given in either order. */
export function clamp(value: number, a: number, b: number): number {
  return Math.min(Math.max(a, b), Math.max(Math.min(a, b), value));
}

/** A month (or, by year, twelve months) before or after the day, within the bounds. */
export function stepDay(day: number, direction: 1 | -1, byYear: boolean, b: Bounds): number {
  return clamp(addMonths(day, direction * (byYear ? 12 : 1)), b.start, b.end);
}

/**
 * Moves the date (the handle, or the end of a range). A range's end never passes its start.
 * Moving the date by hand stops playback.
 */
export function setDate(v: ViewState, day: number, b: Bounds): Patch {
  const date = clamp(day, b.start, b.end);
  return { date: isRange(v.mode) ? Math.max(date, v.from) : date, playing: false };
}

/** Moves the start of a range; it never passes the range's end. */
export function setRangeStart(v: ViewState, day: number, b: Bounds): Patch {
  return { from: Math.min(clamp(day, b.start, b.end), v.date), playing: false };
}

/** A whole range at once (a drag on the timeline); the ends are put in order. */
export function setRange(from: number, to: number, b: Bounds): Patch {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return { from: clamp(lo, b.start, b.end), date: clamp(hi, b.start, b.end), playing: false };
}

/** How far back the earlier date goes on entering a range mode: a year to sign, five to compare. */
const RANGE_YEARS: Partial<Record<TimeMode, number>> = { signed: 1, diff: 5 };

/**
 * Switches the time mode. Entering a range mode from a single date takes the years before the
 * handle; switching between range modes keeps the range; leaving one keeps its end as the handle.
 */
export function setMode(v: ViewState, mode: TimeMode, b: Bounds): Patch {
  if (mode === v.mode) return {};
  if (isRange(mode) && isRange(v.mode)) return { mode };
  if (isRange(mode))
    return { mode, from: clamp(addMonths(v.date, -12 * (RANGE_YEARS[mode] ?? 1)), b.start, b.end) };
  return { mode, from: startOfYear(v.date) };
}

/** Steps the date a month (or a year), as the arrow keys do. */
export function stepDate(v: ViewState, direction: 1 | -1, byYear: boolean, b: Bounds): Patch {
  return setDate(v, stepDay(v.date, direction, byYear, b), b);
}

/** Steps the start of a range a month (or a year). */
export function stepRangeStart(v: ViewState, direction: 1 | -1, byYear: boolean, b: Bounds): Patch {
  return setRangeStart(v, stepDay(v.from, direction, byYear, b), b);
}

export function jumpDate(v: ViewState, to: 'start' | 'end', b: Bounds): Patch {
  return setDate(v, to === 'start' ? b.start : b.end, b);
}

export function select(id: string | null): Patch {
  return { select: id, hover: null };
}

export function hover(id: string | null): Patch {
  return { hover: id };
}

export function setFilters(filters: { topics?: Topic[]; kinds?: Kind[] }): Patch {
  return { ...filters };
}

export function togglePlay(v: ViewState): Patch {
  return { playing: !v.playing };
}

/** A frame of playback: the date moves on; in range mode the start follows when passed. */
export function playStep(v: ViewState, day: number): Patch {
  return isRange(v.mode) ? { date: day, from: Math.min(v.from, day) } : { date: day };
}

/**
 * A slide-clicker step through the cooperation events: the date moves to the event and selects
 * its cooperation. A range becomes a single date (the event's). A signing before the entry into
 * force stays on the day of signing: the caption says when it takes effect.
 */
export function stepToEvent(
  v: ViewState,
  steps: readonly TimelineEvent[],
  key: StepKey,
): Patch | null {
  const ev = steps[stepEvent(steps, { date: v.date, select: v.select }, key)];
  if (!ev) return null;
  return {
    date: ev.day,
    select: ev.cooperation,
    playing: false,
    ...(isRange(v.mode) ? { mode: 'inforce' as const, from: startOfYear(ev.day) } : {}),
  };
}

/** Shows a scene of the deck (the camera is moved by the map, from the scene). */
export function showScene(scenes: readonly Scene[], index: number): Patch | null {
  const sc = scenes[index];
  if (!sc) return null;
  return {
    sceneIndex: index,
    mode: sc.mode,
    date: sc.date,
    from: sc.from,
    select: sc.select,
    topics: sc.topics,
    playing: false,
  };
}

/** The scene a clicker key leads to in a deck, or -1. */
export function sceneAfter(v: ViewState, key: StepKey): number {
  return stepScene(v.scenes.length, v.sceneIndex, key);
}

/** A host page's `set` command. A date leaves range mode (a host sets one date). */
export function applyHostCommand(
  v: ViewState,
  cmd: { date?: number; select?: string | null; topics?: Topic[]; play?: boolean },
  b: Bounds,
): Patch {
  const patch: Patch = {};
  if (cmd.date !== undefined) {
    Object.assign(patch, setDate({ ...v, mode: 'inforce' }, cmd.date, b));
    if (isRange(v.mode)) Object.assign(patch, { mode: 'inforce', from: startOfYear(cmd.date) });
  }
  if (cmd.select !== undefined) Object.assign(patch, select(cmd.select));
  if (cmd.topics !== undefined) patch.topics = cmd.topics;
  if (cmd.play !== undefined) patch.playing = cmd.play;
  return patch;
}
