/**
 * The storyboard of the matrix: the matrix at each date, in one order (the view's, at the last
 * date) and on one colour scale, each with its caption, and the matrix legend. Pure.
 */
import { buildMatrix, syncOrder, type Matrix } from '../view/matrix.ts';
import { matrixThresholds } from '../view/matrix-scale.ts';
import {
  caption,
  cellGroup,
  type Board,
  type CellInput,
  type StoryboardInput,
} from './storyboard-cell.ts';
import { gridLayout, type GridCell } from './svg/grid.ts';
import { el } from './svg/markup.ts';
import { matrixGrid, matrixLegend } from './svg/matrix-grid.ts';
import { footerHeight } from './svg/page.ts';
import type { Sheet } from './svg/sheet.ts';

/** One cell of the matrix storyboard: the matrix at its date (abbreviated heads) and its caption. */
function matrixCellSvg(
  input: StoryboardInput,
  sheet: Sheet,
  at: GridCell,
  cell: CellInput,
  m: Matrix,
  order: readonly number[],
  thresholds: readonly number[],
): string {
  const drawn = matrixGrid(sheet, {
    model: input.model,
    view: cell.view,
    m,
    order,
    box: at.map,
    thresholds,
    rowHeads: 'abbr',
  });
  return cellGroup(
    cell,
    el('g', { class: 'matrix' }, drawn.parts.join('')) +
      // The caption right under the matrix (a matrix is square; its cell may be taller).
      caption(sheet, { ...at, caption: { ...at.caption, y0: drawn.bottom } }, cell),
  );
}

/** The matrices of the cells, their shared order and colour steps. */
function matricesOf(input: StoryboardInput, cells: CellInput[]) {
  const { model, view } = input;
  const matrices = cells.map((cell) =>
    buildMatrix(model, cell.derived.visible, cell.view, view.nationwide),
  );
  const last = matrices.at(-1)!;
  const positive = matrices.map((m) => m.minPair).filter((v) => v > 0);
  return {
    matrices,
    order: input.order ?? syncOrder(last, view.order) ?? last.regions.map((_, i) => i),
    thresholds: matrixThresholds(
      positive.length > 0 ? Math.min(...positive) : 0,
      Math.max(...matrices.map((m) => m.maxPair)),
    ),
  };
}

/** The matrices in a grid, in one order and one colour scale, with the matrix legend. */
export function matrixBoard(
  input: StoryboardInput,
  sheet: Sheet,
  cells: CellInput[],
  top: number,
): Board {
  const { p } = sheet;
  const { u, margin, contentW } = p;
  const { matrices, order, thresholds } = matricesOf(input, cells);
  const bottom = p.H - margin * 0.5 - footerHeight(p) - 12 * u;
  const box = p.stacked
    ? { x0: margin, y0: top, x1: p.W - margin, y1: top + (bottom - top) * 0.8 }
    : { x0: margin, y0: top, x1: margin + contentW * 0.8, y1: bottom };
  const captionH = 54 * u;
  const gap = 24 * u;
  const laid = gridLayout(cells.length, box, { aspect: 1.05, captionH, gap });
  // A matrix is about square: where the cells are taller, the rows move to the box's middle.
  const first = laid.cells[0]!.map;
  const side = Math.min(first.x1 - first.x0, first.y1 - first.y0);
  const used = laid.rows * (side + captionH) + (laid.rows - 1) * gap;
  const dy = p.stacked ? 0 : Math.max(0, (box.y1 - box.y0 - used) / 2);
  const shift = (b: GridCell['map']) => ({ ...b, y0: b.y0 + dy, y1: b.y1 + dy });
  const grid = {
    ...laid,
    cells: laid.cells.map((c) => ({ map: shift(c.map), caption: shift(c.caption) })),
  };
  const drawnRight = Math.max(...grid.cells.map((c) => c.map.x1));
  const drawnBottom = Math.max(...grid.cells.map((c) => c.caption.y1));
  const legendX = p.stacked ? margin : drawnRight + 40 * u;
  const legendTop = p.stacked ? drawnBottom + 20 * u : top;
  return {
    cells: cells.map((cell, i) =>
      matrixCellSvg(input, sheet, grid.cells[i]!, cell, matrices[i]!, order, thresholds),
    ),
    legend: matrixLegend(sheet, {
      thresholds,
      change: matrices.some((m) => m.change !== null),
      theme: input.view.theme,
      x: legendX,
      top: legendTop,
      width: p.W - margin - legendX,
      maxHeight: bottom - legendTop,
    }),
  };
}
