/** Pixel ↔ day for the timeline, year ticks, and range dragging. Pure. */
import { dayNumber, dayToDate } from '../data/partial-date.ts';
import { clamp } from '../view/actions.ts';

/**
 * A linear map from a domain onto a range, clamped to the range, with its inverse. (What
 * d3-scale's scaleLinear does here; that one brings d3-interpolate, d3-color and d3-format,
 * 10 kB gzip, for colour and tick-format features the timeline does not use.)
 */
export interface LinearScale {
  (value: number): number;
  /** The domain value at a range position, clamped to the domain. */
  invert(position: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const t = (v: number, a: number, b: number) => (a === b ? 0.5 : (v - a) / (b - a));
  const scale = (value: number) => clamp(r0 + t(value, d0, d1) * (r1 - r0), r0, r1);
  scale.invert = (position: number) => clamp(d0 + t(position, r0, r1) * (d1 - d0), d0, d1);
  scale.domain = domain;
  scale.range = range;
  return scale;
}

/** 1 January of every year divisible by `every` within the scale's domain, as day numbers. */
export function yearTicks(scale: LinearScale, every: number): number[] {
  const [start, end] = scale.domain;
  const step = Math.max(1, Math.round(every));
  const ticks: number[] = [];
  const first = dayToDate(start).getUTCFullYear();
  const last = dayToDate(end).getUTCFullYear();
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) {
    const day = dayNumber(year, 1, 1);
    if (day >= start && day <= end) ticks.push(day);
  }
  return ticks;
}

/** 1 January of the year after the day (for yearly steps of reduced-motion play). */
export function nextYearStart(day: number): number {
  return dayNumber(dayToDate(day).getUTCFullYear() + 1, 1, 1);
}

/** What a pointer-down at a pixel does in range mode (the handles win within `grab` px). */
export type RangeGrab = 'from' | 'to' | 'move' | 'new';

export function rangeGrab(x: number, fromX: number, toX: number, grab = 8): RangeGrab {
  const dFrom = Math.abs(x - fromX);
  const dTo = Math.abs(x - toX);
  // Both ends on one spot: the side of the pointer decides, so they can be pulled apart.
  if (Math.min(dFrom, dTo) <= grab)
    return dTo < dFrom || (dTo === dFrom && x >= toX) ? 'to' : 'from';
  if (x > fromX && x < toX) return 'move';
  return 'new';
}

/**
 * The range after a drag in range mode, from the pointer-down day `anchor` (and the range it
 * started from) to the current day: a handle follows the pointer and never passes the other,
 * `move` shifts both within the timeline, `new` spans anchor…pointer in either direction.
 */
export function dragRange(
  grab: RangeGrab,
  start: { from: number; to: number },
  anchor: number,
  day: number,
  bounds: { start: number; end: number },
): { from: number; to: number } {
  switch (grab) {
    case 'from':
      return { from: Math.min(day, start.to), to: start.to };
    case 'to':
      return { from: start.from, to: Math.max(day, start.from) };
    case 'move': {
      const shift = Math.min(
        bounds.end - start.to,
        Math.max(bounds.start - start.from, day - anchor),
      );
      return { from: start.from + shift, to: start.to + shift };
    }
    case 'new':
      return { from: Math.min(anchor, day), to: Math.max(anchor, day) };
  }
}

/**
 * The SVG path of a step curve's area: from each point the value holds until the next point
 * (what d3-shape's area with curveStepAfter draws; 5 kB of D3 for ten lines).
 */
export function stepAreaPath(
  points: readonly { day: number; count: number }[],
  x: (day: number) => number,
  y: (count: number) => number,
  baseline: number,
): string {
  if (points.length === 0) return '';
  const r = (n: number) => Math.round(n * 10) / 10;
  let d = `M${r(x(points[0]!.day))},${r(baseline)}`;
  points.forEach((p, i) => {
    d += `V${r(y(p.count))}`;
    const next = points[i + 1];
    if (next) d += `H${r(x(next.day))}`;
  });
  return `${d}V${r(baseline)}Z`;
}
