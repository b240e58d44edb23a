/**
 * Small multiples: n cells in rows and columns inside a box, each a map with a caption under it,
 * in the arrangement that gives the maps the most room. Pure.
 */
import type { Box } from '../../view/labels.ts';

export interface GridOptions {
  /** Width ÷ height of what a cell's map shows (Germany: about 0.8). */
  aspect: number;
  /** Height of a caption under each map. */
  captionH: number;
  /** Space between cells. */
  gap: number;
}

export interface GridCell {
  /** Where the map goes. */
  map: Box;
  /** Where the caption goes (under the map, as wide as it). */
  caption: Box;
}

export interface Grid {
  cols: number;
  rows: number;
  cells: GridCell[];
}

/** The columns × rows that give each map the largest scale, cells filled row by row. */
export function gridLayout(n: number, box: Box, o: GridOptions): Grid {
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  let best = { cols: 1, rows: Math.max(1, n), scale: -Infinity };
  for (let cols = 1; cols <= Math.max(1, n); cols++) {
    const rows = Math.ceil(n / cols);
    const cellW = (width - (cols - 1) * o.gap) / cols;
    const mapH = (height - (rows - 1) * o.gap) / rows - o.captionH;
    // The map is fitted into its box: its height, or its width over the aspect, limits it.
    const scale = Math.min(cellW / o.aspect, mapH);
    if (scale > best.scale) best = { cols, rows, scale };
  }
  const { cols, rows } = best;
  const cellW = (width - (cols - 1) * o.gap) / cols;
  const cellH = (height - (rows - 1) * o.gap) / rows;
  const cells = Array.from({ length: Math.max(0, n) }, (_, i) => {
    const x0 = box.x0 + (i % cols) * (cellW + o.gap);
    const y0 = box.y0 + Math.floor(i / cols) * (cellH + o.gap);
    const mapY1 = y0 + cellH - o.captionH;
    return {
      map: { x0, y0, x1: x0 + cellW, y1: mapY1 },
      caption: { x0, y0: mapY1, x1: x0 + cellW, y1: y0 + cellH },
    };
  });
  return { cols, rows, cells };
}
