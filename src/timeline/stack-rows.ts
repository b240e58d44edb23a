/** Stacking of the timeline's event marks (a pixel layout). Pure. */

/**
 * Rows for event marks so that marks closer than `gap` pixels stack instead of overlapping.
 * Greedy: each mark takes the lowest row whose last mark is far enough to the left.
 */
export function stackRows(xs: readonly number[], gap: number, maxRows = Infinity): number[] {
  const lastX: number[] = [];
  return xs.map((x) => {
    let row = lastX.findIndex((last) => x - last >= gap);
    if (row === -1) {
      row = lastX.length < maxRows ? lastX.length : lastX.indexOf(Math.min(...lastX));
    }
    lastX[row] = x;
    return row;
  });
}
