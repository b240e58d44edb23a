/** Pixel ↔ day for the timeline, year ticks, and date stepping. Pure. */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { utcYear } from 'd3-time';
import { addMonths, dayNumber, dayToDate } from '../data/partial-date.ts';

export const MS_PER_DAY = 86_400_000;

/** A linear scale over day numbers (days since 1970-01-01, UTC), clamped to the range. */
export type DayScale = ScaleLinear<number, number>;

export function makeTimeScale(start: number, end: number, x0: number, x1: number): DayScale {
  return scaleLinear().domain([start, end]).range([x0, x1]).clamp(true);
}

/** The day at a pixel, clamped to the domain. */
export function dayAt(scale: DayScale, x: number): number {
  return Math.round(scale.invert(x));
}

export function xOf(scale: DayScale, day: number): number {
  return scale(day);
}

/** 1 January of every `every`-th year within the scale's domain, as day numbers. */
export function yearTicks(scale: DayScale, every: number): number[] {
  const [start, end] = scale.domain() as [number, number];
  const interval = utcYear.every(every);
  if (!interval) return [];
  return interval
    .range(dayToDate(start), new Date(dayToDate(end).getTime() + 1))
    .map((d) => Math.round(d.getTime() / MS_PER_DAY));
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
