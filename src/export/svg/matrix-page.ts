/**
 * The matrix as an exported page (titled with the matrix's title; the source line names the
 * atlas): the same title block, date line, source line and attribution
 * as the map export, the Bund and the Länder as a grid of coloured cells with their counts as
 * live text, and a legend of the colour steps (and, in diff mode, of the frames for what was
 * added and what ended). The cells use the matrix view's ramp, steps and order. Pure.
 */
import type { AtlasModel } from '../../model/atlas-model.ts';
import { fill, modeLabel } from '../../i18n/strings.ts';
import { countText, plural, regionAbbr, regionName } from '../../i18n/text.ts';
import { MATRIX_RAMP } from '../../style/palette.ts';
import type { Derived } from '../../view/derive.ts';
import { diffSentence } from '../../view/diff-sentence.ts';
import { dateLine, selectionName } from '../../view/describe.ts';
import type { Box } from '../../view/labels.ts';
import { buildMatrix, countOf, syncOrder, type Matrix } from '../../view/matrix.ts';
import { matrixStep, matrixThresholds, stepLabels } from '../../view/matrix-scale.ts';
import type { UrlView } from '../../view/view-state.ts';
import { pairId } from '../../model/atlas-model.ts';
import { textWidth, wrapText } from '../text-measure.ts';
import { el, escapeXml, textBlock, titleEl } from './markup.ts';
import { footerHeight, titleBlock } from './page.ts';
import {
  FONT_FAMILY,
  sentences,
  group,
  headTexts,
  sheetOf,
  svgDocument,
  type Sheet,
} from './sheet.ts';

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
  /** Default: the app title and the matrix's title, plus the selection's name. */
  title?: string;
  /** The permalink of the view, for the source line. */
  link?: string;
}

interface Cells {
  parts: string[];
  /** The grid's right edge (the legend starts after it on landscape pages). */
  right: number;
  bottom: number;
}

/** The grid: column heads (abbreviations) on top, row heads (names) left, one cell per pair. */
function grid(
  sheet: Sheet,
  input: MatrixSvgInput,
  m: Matrix,
  order: readonly number[],
  box: Box,
): Cells {
  const { model, view } = input;
  const { s, pc, p } = sheet;
  const { u } = p;
  const lang = view.lang;
  const ramp = MATRIX_RAMP[view.theme];
  const thresholds = matrixThresholds(m.minPair, m.maxPair);
  const step = matrixStep(thresholds);
  const n = order.length;
  const region = (i: number) => model.atlas.regions.get(m.regions[i]!);
  const name = (i: number) => regionName(region(i), lang, m.regions[i]);
  const short = (i: number) => regionAbbr(region(i), lang, m.regions[i]);
  const selected = new Set<string>();
  if (view.select) selected.add(view.select);

  // The cell size and the heads' font size depend on each other: settle them in two rounds.
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  let cell = Math.min(width / (n + 4), height / (n + 1));
  let font = Math.min(22 * u, cell * 0.42);
  let headW = 0;
  for (let round = 0; round < 2; round++) {
    headW = Math.max(...order.map((i) => textWidth(name(i), font, true))) + font;
    const headH = font * 1.8;
    cell = Math.max(4 * u, Math.min((width - headW) / n, (height - headH) / n));
    font = Math.min(22 * u, cell * 0.42);
  }
  const headH = font * 1.8;
  const x0 = box.x0 + headW;
  const y0 = box.y0 + headH;
  const countSize = Math.min(24 * u, cell * 0.4);
  const small = countSize * 0.62;
  const gap = Math.max(1, 2 * u);
  const isSelectedRegion = (i: number) => view.select === m.regions[i];
  const parts: string[] = [];

  order.forEach((j, c) => {
    // A head wider than its column ("Bund", "Federal") is set smaller.
    const headWidth = textWidth(short(j), font, true);
    const headSize = headWidth > cell * 0.9 ? (font * cell * 0.9) / headWidth : font;
    parts.push(
      el(
        'text',
        {
          class: 'col-head',
          'data-region': m.regions[j],
          x: x0 + (c + 0.5) * cell,
          y: y0 - font * 0.6,
          'text-anchor': 'middle',
          'font-size': headSize,
          'font-weight': isSelectedRegion(j) ? 700 : 600,
          fill: pc.ink,
        },
        titleEl(name(j)) + escapeXml(short(j)),
      ),
    );
  });
  order.forEach((i, r) => {
    const y = y0 + r * cell;
    parts.push(
      el(
        'text',
        {
          class: 'row-head',
          'data-region': m.regions[i],
          x: x0 - font * 0.5,
          y: y + cell / 2 + font * 0.35,
          'text-anchor': 'end',
          'font-size': font,
          'font-weight': isSelectedRegion(i) ? 700 : 400,
          fill: pc.ink,
        },
        escapeXml(name(i)),
      ),
    );
    order.forEach((j, c) => {
      const x = x0 + c * cell;
      const k = i * m.regions.length + j;
      const count = countOf(m, i, j);
      const stepIndex = count === 0 ? 0 : step(count);
      const added = m.change?.added[k] ?? 0;
      const ended = m.change?.ended[k] ?? 0;
      const id = i === j ? m.regions[i]! : pairId(m.regions[i]!, m.regions[j]!);
      const label =
        i === j
          ? fill(plural(s.matrixDiagonal, count, lang), { a: name(i) })
          : fill(plural(s.matrixCell, count, lang), { a: name(i), b: name(j) });
      const change = added > 0 || ended > 0 ? ` (${fill(s.matrixChange, { added, ended })})` : '';
      const inner: string[] = [
        titleEl(label + change),
        el('rect', {
          x: x + gap / 2,
          y: y + gap / 2,
          width: cell - gap,
          height: cell - gap,
          fill: ramp.fill[stepIndex],
        }),
      ];
      if (count > 0)
        inner.push(
          el(
            'text',
            {
              x: x + cell / 2,
              y: y + cell / 2 + countSize * 0.36,
              'text-anchor': 'middle',
              'font-size': countSize,
              'font-weight': i === j ? 700 : 400,
              fill: ramp.text[stepIndex],
            },
            String(count),
          ),
        );
      // Diff mode: a solid frame and "+n" for what was added, a dashed one and "−n" for what ended.
      const frameAt = (inset: number, a: Record<string, string | number>) =>
        el('rect', {
          x: x + inset,
          y: y + inset,
          width: cell - 2 * inset,
          height: cell - 2 * inset,
          fill: 'none',
          ...a,
        });
      if (added > 0) {
        inner.push(frameAt(gap, { stroke: pc.ink, 'stroke-width': 2 * u }));
        inner.push(
          el(
            'text',
            {
              class: 'added',
              x: x + cell - gap * 2,
              y: y + gap * 2 + small * 0.85,
              'text-anchor': 'end',
              'font-size': small,
              'font-weight': 700,
              fill: ramp.text[stepIndex],
            },
            `+${added}`,
          ),
        );
      }
      if (ended > 0) {
        inner.push(
          frameAt(gap + (added > 0 ? 3 * u : 0), {
            stroke: pc.muted,
            'stroke-width': 2 * u,
            'stroke-dasharray': `${4 * u} ${3 * u}`,
          }),
        );
        inner.push(
          el(
            'text',
            {
              class: 'ended',
              x: x + gap * 2,
              y: y + cell - gap * 2,
              'font-size': small,
              fill: ramp.text[stepIndex],
            },
            `−${ended}`,
          ),
        );
      }
      if (selected.has(id) || (i !== j && isSelectedRegion(i) && isSelectedRegion(j)))
        inner.push(frameAt(gap / 2, { class: 'selected', stroke: pc.ink, 'stroke-width': 4 * u }));
      parts.push(
        el(
          'g',
          {
            class: 'cell',
            'data-a': m.regions[i],
            'data-b': m.regions[j],
            'data-count': count,
            ...(m.change ? { 'data-added': added, 'data-ended': ended } : {}),
          },
          inner.join(''),
        ),
      );
    });
  });
  return { parts, right: x0 + n * cell, bottom: y0 + n * cell };
}

/** The legend: the colour steps, the diff's frames, and what a cell counts. */
function legend(
  sheet: Sheet,
  m: Matrix,
  theme: UrlView['theme'],
  x: number,
  top: number,
  width: number,
  maxHeight: number,
): string[] {
  const { s, pc, p } = sheet;
  const ramp = MATRIX_RAMP[theme];
  const labels = stepLabels(matrixThresholds(m.minPair, m.maxPair));
  const build = (size: number) => {
    const parts: string[] = [];
    let y = top + size * 1.2;
    parts.push(
      el(
        'text',
        { x, y, 'font-size': size * 1.12, 'font-weight': 700, fill: pc.ink },
        escapeXml(s.matrixScale),
      ),
    );
    y += size * 0.75;
    const sw = size * 1.6;
    const row = (a: Record<string, string | number>, text: string) => {
      const lines = wrapText(text, width - sw - size * 0.7, size);
      parts.push(
        el(
          'g',
          { class: 'legend-item' },
          el('rect', { x, y: y + size * 0.1, width: sw, height: size * 1.2, ...a }) +
            textBlock(lines, x + sw + size * 0.7, y + size * 0.95, size * 1.25, {
              'font-size': size,
              fill: pc.ink,
            }),
        ),
      );
      y += size * 1.25 * lines.length + size * 0.45;
    };
    labels.forEach((label, i) => row({ fill: ramp.fill[i + 1]!, stroke: pc.rule }, label));
    if (m.change) {
      y += size * 0.5;
      row({ fill: 'none', stroke: pc.ink, 'stroke-width': 2 * p.u }, `+n ${s.matrixAddedKey}`);
      row(
        {
          fill: 'none',
          stroke: pc.muted,
          'stroke-width': 2 * p.u,
          'stroke-dasharray': `${4 * p.u} ${3 * p.u}`,
        },
        `−n ${s.matrixEndedKey}`,
      );
    }
    y += size * 0.6;
    const note = wrapText(`${s.matrixCaption}.`, width, size * 0.9);
    parts.push(
      textBlock(note, x, y + size * 0.9, size * 0.9 * 1.25, {
        'font-size': size * 0.9,
        fill: pc.muted,
      }),
    );
    y += size * 0.9 * 1.25 * note.length;
    return { parts, height: y - top };
  };
  let out = build(22 * p.u);
  for (let size = 21; out.height > maxHeight && size >= 11; size--) out = build(size * p.u);
  return out.parts;
}

export function renderMatrixSvg(input: MatrixSvgInput): string {
  const { model, derived, view, width: W, height: H } = input;
  const lang = view.lang;
  const sheet = sheetOf(model, view, W, H, input.link);
  const { p, s, pc } = sheet;
  const { u, margin, contentW } = p;
  const m = buildMatrix(model, derived.visible, view, view.nationwide);
  const order = input.order ?? syncOrder(m, view.order) ?? m.regions.map((_, i) => i);

  const selection = selectionName(model, view);
  const head = headTexts(sheet, view, null);
  const filters = [head.filters, view.nationwide ? null : s.matrixWithoutNationwide]
    .filter((x): x is string => x !== null)
    .join(' · ');
  const texts = {
    title: input.title ?? [s.matrixTitle, selection].filter((x) => x !== null).join(' – '),
    date: dateLine(view),
    mode: `${s.modeLabel}: ${modeLabel(s, view.mode)}`,
    count: countText(derived.visible.length, lang),
    filters: filters || null,
    summary: derived.diff ? diffSentence(derived.diff, lang, model.atlas.regions) : null,
  };
  const title = titleBlock(p, texts, pc);

  // Landscape pages put the grid left and the legend right; portrait pages stack them.
  const bottom = p.H - margin * 0.5 - footerHeight(p) - 12 * u;
  const avail = bottom - title.bottom;
  const box: Box = p.stacked
    ? { x0: margin, y0: title.bottom, x1: p.W - margin, y1: title.bottom + avail * 0.72 }
    : { x0: margin, y0: title.bottom, x1: margin + contentW * 0.7, y1: bottom };
  const cells = grid(sheet, input, m, order, box);
  const gap = 40 * u;
  const legendX = p.stacked ? margin : cells.right + gap;
  const legendTop = p.stacked ? cells.bottom + gap * 0.5 : box.y0;
  const legendParts = legend(
    sheet,
    m,
    view.theme,
    legendX,
    legendTop,
    p.W - margin - legendX,
    bottom - legendTop,
  );

  const desc = sentences([
    s.matrixCaption,
    texts.date,
    `${texts.mode} · ${texts.count}`,
    texts.filters,
    texts.summary,
    sheet.source,
    sheet.attribution,
  ]);

  const body =
    group('matrix', { 'font-family': FONT_FAMILY }, cells.parts) +
    group('legend', { 'font-family': FONT_FAMILY }, legendParts) +
    group('title', { 'font-family': FONT_FAMILY }, title.parts);
  return svgDocument(sheet, texts.title, desc, body);
}
