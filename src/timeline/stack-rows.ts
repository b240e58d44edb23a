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

/**
 * The marks that can be seen, in drawing order. A mark is left out when a later one (drawn over
 * it) sits in the same row on the same pixel with the same shape: a disc covers a disc and a
 * cross a cross, whatever their colours, but a cross's arms reach past a disc and a disc fills a
 * cross's gaps. Thousands of events over a few hundred pixels mostly hide each other; the
 * timeline draws only the ones on top.
 */
export function uncoveredMarks(
  xs: readonly number[],
  rows: readonly number[],
  crosses: readonly boolean[],
): number[] {
  const taken = new Set<number>();
  const out: number[] = [];
  for (let i = xs.length - 1; i >= 0; i--) {
    const key = (Math.round(xs[i]!) * 64 + rows[i]!) * 2 + (crosses[i] ? 1 : 0);
    if (taken.has(key)) continue;
    taken.add(key);
    out.push(i);
  }
  return out.reverse();
}
