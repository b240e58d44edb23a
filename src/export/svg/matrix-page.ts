/**
 * The matrix as an exported page (titled with the matrix's title; the source line names the
 * atlas): the same title block, date line, source line and attribution as the map export, the
 * matrix drawn by matrix-grid.ts with the view's ramp, steps and order, and its legend. Pure.
 */
import type { AtlasModel } from '../../model/atlas-model.ts';
import { modeLabel, type Strings } from '../../i18n/strings.ts';
import { countText } from '../../i18n/text.ts';
import type { Derived } from '../../view/derive.ts';
import { diffSentence } from '../../view/diff-sentence.ts';
import { dateLine, selectionName } from '../../view/describe.ts';
import type { Box } from '../../view/labels.ts';
import { buildMatrix, syncOrder, type Matrix } from '../../view/matrix.ts';
import { matrixThresholds } from '../../view/matrix-scale.ts';
import type { UrlView } from '../../view/view-state.ts';
import { matrixGrid, matrixLegend } from './matrix-grid.ts';
import { footerHeight, titleBlock } from './page.ts';
import { FONT_FAMILY, group, headTexts, pageDescription, sheetOf, svgDocument } from './sheet.ts';

export interface MatrixSvgInput {
  model: AtlasModel;
  derived: Derived;
  view: Pick<
    UrlView,
    | 'mode'
    | 'date'
    | 'from'
    | 'select'
    | 'topics'
    | 'kinds'
    | 'lang'
    | 'theme'
    | 'present'
    | 'order'
    | 'nationwide'
  >;
  width: number;
  height: number;
  /**
   * The order of rows and columns as indices into the matrix's regions. Default: the view's
   * order where it is known without work (geographic, by activity); the clustered order is
   * worked out by the caller (view/seriate.ts), since it loads its library on demand.
   */
  order?: readonly number[];
  /** The view's matrix, where the caller has built it already (for the clustered order). */
  matrix?: Matrix;
  /** Default: the app title and the matrix's title, plus the selection's name. */
  title?: string;
  /** The permalink of the view, for the source line. */
  link?: string;
}

/** The matrix page's title: the matrix's own, and the selection's name. */
export const matrixPageTitle = (s: Strings, selection: string | null): string =>
  [s.matrixTitle, selection].filter((x) => x !== null).join(' – ');

/** The filters line of a matrix page: the view's filters, and whether nationwide ones are out. */
export function matrixFilters(
  s: Strings,
  filters: string | null,
  nationwide: boolean,
): string | null {
  return (
    [filters, nationwide ? null : s.matrixWithoutNationwide]
      .filter((x): x is string => x !== null)
      .join(' · ') || null
  );
}

export function renderMatrixSvg(input: MatrixSvgInput): string {
  const { model, derived, view, width: W, height: H } = input;
  const lang = view.lang;
  const sheet = sheetOf(model, view, W, H, input.link);
  const { p, s, pc } = sheet;
  const { u, margin, contentW } = p;
  const m = input.matrix ?? buildMatrix(model, derived.visible, view, view.nationwide);
  const order = input.order ?? syncOrder(m, view.order) ?? m.regions.map((_, i) => i);

  const selection = selectionName(model, view);
  const head = headTexts(sheet, view, null);
  const texts = {
    title: input.title ?? matrixPageTitle(s, selection),
    date: dateLine(view),
    mode: `${s.modeLabel}: ${modeLabel(s, view.mode)}`,
    count: countText(derived.visible.length, lang),
    filters: matrixFilters(s, head.filters, view.nationwide),
    summary: derived.diff ? diffSentence(derived.diff, lang, model.atlas.regions) : null,
  };
  const title = titleBlock(p, texts, pc);

  // Landscape pages put the grid left and the legend right; portrait pages stack them.
  const bottom = p.H - margin * 0.5 - footerHeight(p) - 12 * u;
  const avail = bottom - title.bottom;
  const box: Box = p.stacked
    ? { x0: margin, y0: title.bottom, x1: p.W - margin, y1: title.bottom + avail * 0.72 }
    : { x0: margin, y0: title.bottom, x1: margin + contentW * 0.7, y1: bottom };
  const thresholds = matrixThresholds(m.minPair, m.maxPair);
  const cells = matrixGrid(sheet, { model, view, m, order, box, thresholds });
  const gap = 40 * u;
  const legendX = p.stacked ? margin : cells.right + gap;
  const legendTop = p.stacked ? cells.bottom + gap * 0.5 : box.y0;
  const legendParts = matrixLegend(sheet, {
    thresholds,
    change: m.change !== null,
    theme: view.theme,
    x: legendX,
    top: legendTop,
    width: p.W - margin - legendX,
    maxHeight: bottom - legendTop,
  });

  const desc = pageDescription(sheet, texts, { lead: s.matrixCaption });

  const body =
    group('matrix', { 'font-family': FONT_FAMILY }, cells.parts) +
    group('legend', { 'font-family': FONT_FAMILY }, legendParts) +
    group('title', { 'font-family': FONT_FAMILY }, title.parts);
  return svgDocument(sheet, texts.title, desc, body);
}
