/** The matrix's colour steps: nice thresholds for the counts (d3-array ticks, d3-scale threshold). Pure. */
import { ticks } from 'd3-array';
import { scaleThreshold } from 'd3-scale';

/**
 * Thresholds for up to six coloured steps above "none": 1, then nice values between the smallest
 * and the largest count. When every pair shares the nationwide agreements, the steps spread
 * over what differs, not over the common floor.
 */
export function matrixThresholds(minPair: number, maxPair: number): number[] {
  const lo = Math.max(1, minPair);
  const nice = ticks(lo, Math.max(lo + 1, maxPair), 5).filter((t) => t > 1 && Number.isInteger(t));
  return [1, ...nice].slice(0, 6);
}

/** The step (0 = none) of a count. */
export function matrixStep(thresholds: readonly number[]): (count: number) => number {
  const scale = scaleThreshold<number, number>()
    .domain(thresholds)
    .range(Array.from({ length: thresholds.length + 1 }, (_, i) => i));
  return (count) => scale(count);
}

/** The legend's labels of the steps: "1", "2–3", "4–5", … "10+". */
export function stepLabels(thresholds: readonly number[]): string[] {
  return thresholds.map((t, i) => {
    const next = thresholds[i + 1];
    if (next === undefined) return `${t}+`;
    return next - 1 === t ? String(t) : `${t}–${next - 1}`;
  });
}
