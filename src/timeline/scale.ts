/** Pixel ↔ day for the timeline, and date stepping. Pure. */
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { addMonths, dayNumber, dayToDate } from '../data/partial-date.ts';

export const MS_PER_DAY = 86_400_000;

export function makeTimeScale(
  start: number,
  end: number,
  x0: number,
  x1: number,
): ScaleTime<number, number> {
  return scaleUtc()
    .domain([dayToDate(start), dayToDate(end)])
    .range([x0, x1])
    .clamp(true);
}

/** The day at a pixel, clamped to [start, end]. */
export function dayAt(scale: ScaleTime<number, number>, x: number): number {
  return Math.round(scale.invert(x).getTime() / MS_PER_DAY);
}

export function xOf(scale: ScaleTime<number, number>, day: number): number {
  return scale(dayToDate(day));
}

export function clampDay(day: number, start: number, end: number): number {
  return Math.min(end, Math.max(start, day));
}

/** Keyboard steps: a month, or a year with shift. */
export function stepDay(
  day: number,
  direction: 1 | -1,
  byYear: boolean,
  start: number,
  end: number,
): number {
  return clampDay(addMonths(day, direction * (byYear ? 12 : 1)), start, end);
}

/** 1 January of the year after the day (for yearly steps of reduced-motion play). */
export function nextYearStart(day: number): number {
  return dayNumber(dayToDate(day).getUTCFullYear() + 1, 1, 1);
}
