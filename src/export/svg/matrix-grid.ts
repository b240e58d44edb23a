/**
 * A matrix drawn as SVG: its grid of cells (counts as live text, the diff's frames, the selection
 * outlined) in any box, and its legend. Used by the matrix page and the matrix storyboard. Pure.
 */
import type { AtlasModel } from '../../model/atlas-model.ts';
import { pairId } from '../../model/atlas-model.ts';
import { fill } from '../../i18n/strings.ts';
import { plural, regionAbbr, regionName } from '../../i18n/text.ts';
import { MATRIX_RAMP } from '../../style/palette.ts';
import type { Box } from '../../view/labels.ts';
import { countOf, type Matrix } from '../../view/matrix.ts';
import { matrixStep, stepLabels } from '../../view/matrix-scale.ts';
import type { UrlView } from '../../view/view-state.ts';
import { textWidth, wrapText } from '../text-measure.ts';
import { el, escapeXml, textBlock, titleEl } from './markup.ts';
import type { Sheet } from './sheet.ts';

export interface MatrixGrid {
  parts: string[];
  /** The grid's right edge (the legend starts after it on landscape pages). */
  right: number;
  bottom: number;
}

export interface MatrixGridInput {
  model: Pick<AtlasModel, 'atlas'>;
  view: Pick<UrlView, 'lang' | 'theme' | 'select'>;
  m: Matrix;
  /** Rows and columns, as indices into the matrix's regions. */
  order: readonly number[];
  box: Box;
  /** The colour steps (shared by every matrix of a storyboard, so their colours compare). */
  thresholds: readonly number[];
  /** Row heads: the regions' names, or (small matrices) their abbreviations. */
  rowHeads?: 'name' | 'abbr';
}

/**
 * A matrix drawn into a box: column heads (abbreviations) on top, row heads left, one cell per
 * pair with its count as text, the diff's frames, the selection outlined.
 */
export function matrixGrid(sheet: Sheet, input: MatrixGridInput): MatrixGrid {
  const { model, view, m, order, box } = input;
  const { s, pc, p } = sheet;
  const { u } = p;
  const lang = view.lang;
  const ramp = MATRIX_RAMP[view.theme];
  const step = matrixStep(input.thresholds);
  const n = order.length;
  const region = (i: number) => model.atlas.regions.get(m.regions[i]!);
  const short = (i: number) => regionAbbr(region(i), lang, m.regions[i]);
  const fullName = (i: number) => regionName(region(i), lang, m.regions[i]);
  const name = input.rowHeads === 'abbr' ? short : fullName;
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
  // Small matrices (a storyboard's) keep the diff's frames, thinner, without the +n and −n.
  const marks = cell >= 30 * u;
  const frameW = (marks ? 2 : 1) * u;
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
        titleEl(fullName(j)) + escapeXml(short(j)),
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
        (input.rowHeads === 'abbr' ? titleEl(fullName(i)) : '') + escapeXml(name(i)),
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
          ? fill(plural(s.matrixDiagonal, count, lang), { a: fullName(i) })
          : fill(plural(s.matrixCell, count, lang), { a: fullName(i), b: fullName(j) });
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
        inner.push(frameAt(gap, { stroke: pc.ink, 'stroke-width': frameW }));
        if (marks)
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
          frameAt(gap + (added > 0 ? frameW * 1.5 : 0), {
            stroke: pc.muted,
            'stroke-width': frameW,
            'stroke-dasharray': `${4 * u} ${3 * u}`,
          }),
        );
        if (marks)
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
export function matrixLegend(
  sheet: Sheet,
  o: {
    thresholds: readonly number[];
    /** Diff mode: the frames for what was added and what ended. */
    change: boolean;
    theme: UrlView['theme'];
    x: number;
    top: number;
    width: number;
    maxHeight: number;
  },
): string[] {
  const { s, pc, p } = sheet;
  const { x, top, width, maxHeight } = o;
  const ramp = MATRIX_RAMP[o.theme];
  const labels = stepLabels(o.thresholds);
  const build = (size: number) => {
    const parts: string[] = [];
    let y = top + size * 1.2;
    const heading = wrapText(s.matrixScale, width, size * 1.12, true);
    parts.push(
      textBlock(heading, x, y, size * 1.35, {
        'font-size': size * 1.12,
        'font-weight': 700,
        fill: pc.ink,
      }),
    );
    y += (heading.length - 1) * size * 1.35 + size * 0.75;
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
    if (o.change) {
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
