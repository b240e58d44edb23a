/**
 * What the storyboard's parts share: its input, a cell's date and derived view, what a board
 * (maps or matrices) returns, and the caption under each cell. Pure.
 */
import type { Level } from '../geo/overview.ts';
import { formatDay } from '../data/partial-date.ts';
import { formatLongDay } from '../i18n/format.ts';
import { countText } from '../i18n/text.ts';
import type { AtlasModel } from '../model/atlas-model.ts';
import type { Derived } from '../view/derive.ts';
import type { ViewState } from '../view/view-state.ts';
import type { GridCell } from './svg/grid.ts';
import { el, escapeXml } from './svg/markup.ts';
import type { Sheet } from './svg/sheet.ts';
import { truncateText } from './text-measure.ts';

export interface StoryboardInput {
  model: AtlasModel;
  view: ViewState;
  /** Page size (default 1920 × 1080, a slide; portrait pages stack the legend under the maps). */
  width?: number;
  height?: number;
  /** How many maps, evenly spread over the span (4–8, default 6). */
  count?: number;
  /** The dates (day numbers) instead: kept within the span's start and today, sorted. */
  dates?: number[];
  bounds?: [number, number, number, number];
  level?: Level;
  /** The permalink of the view, for the source line. */
  link?: string;
  /**
   * With the matrix shown: the order of its rows and columns (default: the view's order where it
   * needs no work; the clustered one is worked out by the caller, view/seriate.ts).
   */
  order?: readonly number[];
  /** The deriver (default: a new one for the model). */
  derive?: (v: ViewState) => Derived;
}

export interface CellInput {
  index: number;
  date: number;
  view: ViewState;
  derived: Derived;
}

export interface Board {
  cells: string[];
  legend: string[];
}

/** A cell's group: its number, its date and its count as attributes, around what it draws. */
export const cellGroup = (cell: CellInput, inner: string): string =>
  el(
    'g',
    {
      id: `cell-${cell.index + 1}`,
      class: 'storyboard-cell',
      'data-date': formatDay(cell.date),
      'data-count': cell.derived.visible.length,
    },
    inner,
  );

/** A cell's caption: its date and its count. */
export function caption(sheet: Sheet, at: GridCell, cell: CellInput): string {
  const { pc, p } = sheet;
  const { view, derived } = cell;
  const dateSize = 19 * p.u;
  const countSize = 16 * p.u;
  const captionW = at.caption.x1 - at.caption.x0;
  const dateY = at.caption.y0 + 8 * p.u + dateSize;
  const count = countText(derived.visible.length, view.lang);
  return (
    el(
      'text',
      {
        class: 'caption-date',
        x: at.caption.x0,
        y: dateY,
        'font-size': dateSize,
        'font-weight': 700,
        fill: pc.ink,
      },
      escapeXml(truncateText(formatLongDay(cell.date, view.lang), captionW, dateSize, true)),
    ) +
    el(
      'text',
      {
        class: 'caption-count',
        x: at.caption.x0,
        y: dateY + countSize * 1.35,
        'font-size': countSize,
        fill: pc.muted,
      },
      escapeXml(truncateText(count, captionW, countSize)),
    )
  );
}
