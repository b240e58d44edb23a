/**
 * The storyboard strip: the map at 4–8 dates side by side (small multiples), each with its date
 * and count, under one title, with one legend, the source line and the attribution; for handouts
 * and for audiences who should read rather than watch (the presentation offers it under
 * prefers-reduced-motion). Drawn by the export's own parts (sheet, map layer, labels, legend), one
 * map per cell of the grid. Pure: returns an SVG string.
 */
import { TOPICS, type Topic } from '../data/model.ts';
import { formatLongDay } from '../i18n/format.ts';
import { fill, modeLabel } from '../i18n/strings.ts';
import { countText } from '../i18n/text.ts';
import { isRangeMode, TIMELINE_START } from '../time/in-force.ts';
import type { Derived } from '../view/derive.ts';
import { selectionName } from '../view/describe.ts';
import { legendFor, type LegendSpec } from '../view/legend.ts';
import { createDeriver } from '../view/selectors.ts';
import type { ViewState } from '../view/view-state.ts';
import { growthSpan, spanFileName, spreadDays } from './steps.ts';
import {
  caption,
  cellGroup,
  type Board,
  type CellInput,
  type StoryboardInput,
} from './storyboard-cell.ts';
import { matrixBoard } from './storyboard-matrix.ts';
import { gridLayout, type GridCell } from './svg/grid.ts';
import { mapDrawing } from './svg/map-drawing.ts';
import { el } from './svg/markup.ts';
import { titleBlock } from './svg/page.ts';
import { matrixFilters, matrixPageTitle } from './svg/matrix-page.ts';
import {
  FONT_FAMILY,
  frame,
  group,
  headTexts,
  rectOf,
  pageDescription,
  sheetOf,
  svgDocument,
  type Sheet,
} from './svg/sheet.ts';

export type { StoryboardInput } from './storyboard-cell.ts';

export const STORYBOARD_COUNTS = [4, 5, 6, 7, 8] as const;
export const STORYBOARD_DEFAULT_COUNT = 6;

const clampCount = (n: number) =>
  Math.min(STORYBOARD_COUNTS.at(-1)!, Math.max(STORYBOARD_COUNTS[0], Math.round(n)));

/** The storyboard's dates: `count` evenly spread from the span's start to the view's date. */
export function storyboardDates(
  view: Pick<ViewState, 'mode' | 'date' | 'from'>,
  count = STORYBOARD_DEFAULT_COUNT,
): number[] {
  const { start, end } = growthSpan(view);
  return spreadDays(start, end, clampCount(count));
}

/** Chosen dates made usable: within [the span's start, today], sorted, each once, at most 8. */
export function cleanDates(
  view: Pick<ViewState, 'mode' | 'date' | 'from'>,
  dates: readonly number[],
  today: number,
): number[] {
  const min = isRangeMode(view.mode) ? view.from : TIMELINE_START;
  const kept = dates.filter(Number.isFinite).map((d) => Math.min(today, Math.max(min, d)));
  return [...new Set(kept)].sort((a, b) => a - b).slice(0, STORYBOARD_COUNTS.at(-1));
}

/** The dates to draw: the chosen ones made usable, else `count` evenly spread. */
export function datesOf(
  view: Pick<ViewState, 'mode' | 'date' | 'from'>,
  choice: { count?: number; dates?: readonly number[] },
  today: number,
): number[] {
  const chosen = choice.dates ? cleanDates(view, choice.dates, today) : [];
  return chosen.length > 0 ? chosen : storyboardDates(view, choice.count);
}

/** "kooperationsatlas-storyboard-2006-01-01_2026-12-02.svg" */
export const storyboardFileName = (dates: readonly number[], ext: string): string =>
  spanFileName('storyboard', dates[0] ?? 0, dates.at(-1) ?? 0, ext);

/**
 * One legend for all cells: every row any cell needs (in the order the legend gives them), and
 * the topics with the number of distinct cooperations shown in any cell.
 */
function mergeLegends(specs: LegendSpec[], derived: Derived[]): LegendSpec {
  const rows = [...(specs.at(-1)?.rows ?? [])];
  for (const spec of specs)
    spec.rows.forEach((row, i) => {
      if (rows.includes(row)) return;
      const before = spec.rows.slice(0, i).findLastIndex((r) => rows.includes(r));
      rows.splice(before < 0 ? 0 : rows.indexOf(spec.rows[before]!) + 1, 0, row);
    });
  const byTopic = new Map<Topic, Set<string>>();
  for (const d of derived)
    for (const c of d.visible) {
      const t = c.topics[0] ?? 'governance';
      byTopic.set(t, (byTopic.get(t) ?? new Set()).add(c.id));
    }
  return {
    mode: specs[0]?.mode ?? 'inforce',
    rows,
    topics: TOPICS.filter((t) => byTopic.has(t)).map((t) => ({
      topic: t,
      n: byTopic.get(t)!.size,
    })),
  };
}

/** One cell: its map (states, links, hubs, places, labels) and its caption. */
function cellSvg(input: StoryboardInput, sheet: Sheet, at: GridCell, cell: CellInput): string {
  const { model } = input;
  const { c, p } = sheet;
  const { view, derived } = cell;
  const level = input.level ?? 'far';
  // Lines and text shrink with the map (880 px is the map's height on a 1920 × 1080 page).
  const k = Math.min(1, Math.max(0.4, (at.map.y1 - at.map.y0) / (880 * p.u)));
  const u = p.u * k;
  const prefix = `cell-${cell.index + 1}-`;
  const { layer, labels: labelParts } = mapDrawing(sheet, {
    model,
    derived,
    view,
    box: at.map,
    bounds: input.bounds,
    level,
    u,
    w: p.w * k,
    // Names stay legible on small maps: abbreviated, and no smaller than at 0.6 of the page.
    labelU: Math.max(u, 0.6 * p.u),
    idPrefix: prefix,
    abbreviate: true,
  });
  const mapRect = rectOf(at.map, p.u);
  const clip = `${prefix}clip`;
  const part = (cls: string, a: Record<string, string>, parts: string[]) =>
    el('g', { class: cls, ...a }, parts.join(''));
  return cellGroup(
    cell,
    el('rect', { class: 'map-background', ...mapRect, fill: c.sea }) +
      (layer.zoomed ? `<clipPath id="${clip}">${el('rect', mapRect)}</clipPath>` : '') +
      el(
        'g',
        layer.zoomed ? { 'clip-path': `url(#${clip})` } : {},
        part('states', { 'fill-rule': 'evenodd', 'stroke-linejoin': 'round' }, layer.states) +
          part(
            'links',
            { fill: 'none', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' },
            layer.links,
          ) +
          part('hubs', {}, layer.hubs) +
          part('places', {}, layer.places) +
          part('labels', {}, labelParts),
      ) +
      caption(sheet, at, cell),
  );
}

export function renderStoryboard(input: StoryboardInput): string {
  const { model, view } = input;
  const lang = view.lang;
  const sheet = sheetOf(model, view, input.width ?? 1920, input.height ?? 1080, input.link);
  const { p, s, pc } = sheet;
  const dates = datesOf(view, input, model.today);
  const derive = input.derive ?? createDeriver(model);
  const cells: CellInput[] = dates.map((date, index) => {
    const v = { ...view, date };
    return { index, date, view: v, derived: derive(v) };
  });
  const selection = selectionName(model, view);
  const head = headTexts(sheet, view, selection);
  const from = isRangeMode(view.mode) ? view.from : (dates[0] ?? view.date);
  const asMatrix = view.tab === 'matrix';
  const texts = {
    title: asMatrix ? matrixPageTitle(s, selection) : head.title,
    date: `${formatLongDay(from, lang)} – ${formatLongDay(dates.at(-1) ?? view.date, lang)}`,
    mode: `${s.modeLabel}: ${modeLabel(s, view.mode)}`,
    count: fill(s.storyboardMaps, { n: dates.length }),
    filters: asMatrix ? matrixFilters(s, head.filters, view.nationwide) : head.filters,
    summary: null,
  };
  const title = titleBlock(p, texts, pc);
  const parts = asMatrix
    ? matrixBoard(input, sheet, cells, title.bottom)
    : mapBoard(input, sheet, cells, title.bottom);

  const desc = pageDescription(sheet, texts, {
    more: cells.map(
      (cell) =>
        `${formatLongDay(cell.date, lang)}: ${countText(cell.derived.visible.length, lang)}`,
    ),
  });
  const body =
    group('storyboard', { 'font-family': FONT_FAMILY }, parts.cells) +
    group('legend', { 'font-family': FONT_FAMILY }, parts.legend) +
    group('title', { 'font-family': FONT_FAMILY }, title.parts);
  return svgDocument(sheet, texts.title, desc, body);
}

/** The maps in a grid, with one legend for all of them. */
function mapBoard(input: StoryboardInput, sheet: Sheet, cells: CellInput[], top: number): Board {
  const { model } = input;
  const { p } = sheet;
  const level = input.level ?? 'far';
  const specs = cells.map((cell) => legendFor(model, cell.view, cell.derived, level));
  const spec = mergeLegends(
    specs,
    cells.map((cell) => cell.derived),
  );
  const { box, legend } = frame(sheet, spec, top, 0.77);
  const grid = gridLayout(cells.length, box, {
    aspect: 0.8,
    captionH: 54 * p.u,
    gap: 20 * p.u,
  });
  return {
    cells: cells.map((cell, i) => cellSvg(input, sheet, grid.cells[i]!, cell)),
    legend: legend.parts,
  };
}
