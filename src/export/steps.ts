/**
 * The dates of an animation or a strip, as pure functions of the span and the number of steps:
 * the same view always gives the same dates. Pure.
 */
import { formatDay } from '../data/partial-date.ts';
import { isRangeMode, TIMELINE_START, type TimeMode } from '../time/in-force.ts';

/** n days evenly spread from start to end, both included (one step: the end). */
export function spreadDays(start: number, end: number, n: number): number[] {
  if (n <= 0) return [];
  if (n === 1) return [end];
  return Array.from({ length: n }, (_, i) => start + Math.round((i * (end - start)) / (n - 1)));
}

/**
 * What a growth animation or strip spans: from the timeline's start (or the range's start in the
 * range modes) to the view's date.
 */
export function growthSpan(view: { mode: TimeMode; date: number; from: number }): {
  start: number;
  end: number;
} {
  const start = isRangeMode(view.mode) ? view.from : TIMELINE_START;
  return { start: Math.min(start, view.date), end: view.date };
}

/** "kooperationsatlas-video-2006-01-01_2026-12-02.webm" */
export function spanFileName(kind: string, start: number, end: number, ext: string): string {
  return `kooperationsatlas-${kind}-${formatDay(start)}_${formatDay(end)}.${ext}`;
}
