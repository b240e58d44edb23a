/** Stepping for slide clickers: through the events in time order, or through a deck. Pure. */
import type { TimelineEvent } from '../time/events.ts';

export interface StepState {
  date: number;
  select: string | null;
}

/** Index of the event the view shows now (same day and cooperation), or -1. */
export function currentEvent(events: readonly TimelineEvent[], s: StepState): number {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.day === s.date && e.cooperation === s.select) return i;
    if (e.day < s.date) break;
  }
  return -1;
}

export type StepKey = 'next' | 'previous' | 'first' | 'last';

/** The event to show after a key press, or -1 when there is none. */
export function stepEvent(events: readonly TimelineEvent[], s: StepState, key: StepKey): number {
  if (events.length === 0) return -1;
  if (key === 'first') return 0;
  if (key === 'last') return events.length - 1;
  const at = currentEvent(events, s);
  if (at >= 0) {
    const to = at + (key === 'next' ? 1 : -1);
    return to >= 0 && to < events.length ? to : -1;
  }
  if (key === 'next') return events.findIndex((e) => e.day >= s.date);
  for (let i = events.length - 1; i >= 0; i--) if (events[i]!.day <= s.date) return i;
  return -1;
}

/** The scene to show after a key press, or -1. */
export function stepScene(count: number, index: number, key: StepKey): number {
  if (count === 0) return -1;
  if (key === 'first') return 0;
  if (key === 'last') return count - 1;
  const to = key === 'next' ? index + 1 : index - 1;
  return to >= 0 && to < count ? to : -1;
}
