/**
 * The export's legend: the rows view/legend.ts says the view needs, each with its symbol drawn
 * by the shared link rules, then the topics with their counts. Pure.
 */
import type { Topic } from '../../data/model.ts';
import type { Strings } from '../../i18n/strings.ts';
import {
  evaluate,
  LINE_OPACITY,
  LINE_WIDTH,
  PAIR_WIDTH,
  rampAt,
  type Flags,
} from '../../style/link-style.ts';
import type { MapColours, PageColours } from '../../style/palette.ts';
import type { LegendRow, LegendSpec } from '../../view/legend.ts';
import { textWidth, truncateText, wrapText } from '../text-measure.ts';
import { el, escapeXml, num, textBlock } from './markup.ts';
import { dashOf } from './map-layer.ts';

export interface LegendInput {
  spec: LegendSpec;
  s: Strings;
  c: MapColours;
  pc: PageColours;
  topicColours: Record<Topic, string>;
  /** Line width factor and layout unit (see page.ts). */
  w: number;
  u: number;
  x: number;
  width: number;
  top: number;
}

/** Symbol drawer: box left x, vertical centre y, symbol box width. */
type Symbol = (x: number, y: number, sw: number) => string;

const shownLink: Flags = { shown: true };

export function buildLegend(L: LegendInput, size: number): { parts: string[]; height: number } {
  const { s, c, pc, w, u } = L;
  const parts: string[] = [];
  const sw = size * 2.6;
  const textX = L.x + sw + size * 0.7;
  const textW = L.width - sw - size * 0.7;
  const lineH = size * 1.25;
  const rowGap = size * 0.55;
  const neutral = pc.muted;
  let y = L.top;

  const heading = (text: string): void => {
    y += size * 1.2;
    parts.push(
      el(
        'text',
        { x: L.x, y, 'font-size': size * 1.12, 'font-weight': 700, fill: pc.ink },
        escapeXml(text),
      ),
    );
    y += size * 0.75;
  };
  const row = (symbol: Symbol, text: string): void => {
    const lines = wrapText(text, textW, size);
    const first = y + size * 0.9;
    parts.push(
      el(
        'g',
        { class: 'legend-item' },
        symbol(L.x, first - size * 0.33, sw) +
          textBlock(lines, textX, first, lineH, { 'font-size': size, fill: pc.ink }),
      ),
    );
    y += size * 0.9 + (lines.length - 1) * lineH + size * 0.3 + rowGap;
  };
  /** A straight line drawn as the map draws a link with these flags. */
  const line =
    (stroke: string, flags: Flags, topic?: Topic): Symbol =>
    (x, yy, bw) => {
      const width = evaluate(LINE_WIDTH, flags, w);
      return el('line', {
        x1: x + 2 * u,
        x2: x + bw - 2 * u,
        y1: yy,
        y2: yy,
        stroke,
        'stroke-width': width,
        'stroke-opacity': String(evaluate(LINE_OPACITY, flags)),
        'stroke-linecap': 'round',
        ...(topic ? dashOf(topic, width) : {}),
      });
    };
  const swatch =
    (fill: string, stroke: string, strokeW: number): Symbol =>
    (x, yy, bw) =>
      el('rect', {
        x: x + 2 * u,
        y: yy - size * 0.5,
        width: bw - 4 * u,
        height: size,
        rx: 2 * u,
        fill,
        stroke,
        'stroke-width': strokeW,
      });

  const symbols: Record<LegendRow, [Symbol, string]> = {
    pair: [
      (x, yy, bw) =>
        [1, 5]
          .map((n, i) =>
            el('path', {
              d: `M${num(x + 2 * u)} ${num(yy + (i ? -0.1 : 0.45) * size)}Q${num(x + bw / 2)} ${num(yy - (i ? 0.6 : 0.1) * size)} ${num(x + bw - 2 * u)} ${num(yy + (i ? -0.1 : 0.45) * size)}`,
              fill: 'none',
              stroke: c.pair,
              'stroke-width': rampAt(PAIR_WIDTH, n, w),
              'stroke-linecap': 'round',
            }),
          )
          .join(''),
      s.legendPair,
    ],
    localCount: [
      (x, yy, bw) =>
        el('rect', {
          x: x + bw / 2 - size * 0.6,
          y: yy - size * 0.55,
          width: size * 1.2,
          height: size * 1.1,
          rx: size * 0.55,
          fill: pc.page,
          stroke: c.pair,
          'stroke-width': 1.5 * u,
        }) +
        el(
          'text',
          {
            x: x + bw / 2,
            y: yy,
            dy: '0.35em',
            'text-anchor': 'middle',
            'font-size': size * 0.75,
            'font-weight': 700,
            fill: pc.ink,
          },
          '2',
        ),
      s.legendLocalCount,
    ],
    nationwide: [
      (x, yy, bw) =>
        el('circle', {
          cx: x + bw / 2,
          cy: yy,
          r: size * 0.45,
          fill: pc.page,
          stroke: c.pair,
          'stroke-width': 3 * u,
        }),
      s.legendNationwide,
    ],
    link: [
      (x, yy, bw) =>
        el('path', {
          d: `M${num(x + 2 * u)} ${num(yy + size * 0.35)}Q${num(x + bw / 2)} ${num(yy - size * 0.75)} ${num(x + bw - 2 * u)} ${num(yy + size * 0.35)}`,
          fill: 'none',
          stroke: neutral,
          'stroke-width': evaluate(LINE_WIDTH, shownLink, w),
          'stroke-linecap': 'round',
        }),
      s.legendLink,
    ],
    hub: [
      (x, yy, bw) => {
        const cx = x + bw / 2;
        const ends: [number, number][] = [
          [x + 2 * u, yy - size * 0.45],
          [x + bw - 2 * u, yy - size * 0.35],
          [cx + size * 0.15, yy + size * 0.6],
        ];
        const stroke = {
          stroke: neutral,
          'stroke-width': evaluate(LINE_WIDTH, shownLink, w),
          'stroke-linecap': 'round',
        };
        return (
          ends
            .map(([ex, ey]) => el('line', { x1: cx, y1: yy, x2: ex, y2: ey, ...stroke }))
            .join('') +
          el('circle', {
            cx,
            cy: yy,
            r: 5.5 * w,
            fill: c.hubFill,
            stroke: neutral,
            'stroke-width': 2 * w,
          })
        );
      },
      s.legendHub,
    ],
    local: [
      (x, yy, bw) =>
        el('circle', {
          cx: x + bw / 2,
          cy: yy,
          r: 5 * w,
          fill: neutral,
          stroke: c.hubFill,
          'stroke-width': 2 * w,
        }),
      s.legendLocal,
    ],
    recent: [line(neutral, { shown: true, recent: true }), s.legendRecent],
    ended: [line(c.ended, { shown: true, ended: true }), s.legendEnded],
    added: [line(neutral, { shown: true, recent: true }), s.legendAdded],
    continued: [line(neutral, { shown: true, kept: true }), s.legendContinued],
    removed: [line(c.ended, { shown: true, ended: true }), s.legendRemoved],
    city: [
      (x, yy, bw) =>
        el('circle', {
          cx: x + bw / 2,
          cy: yy,
          r: 4 * u,
          fill: c.city,
          stroke: c.land,
          'stroke-width': 1.5 * u,
        }),
      s.legendCity,
    ],
    bund: [
      (x, yy, bw) => {
        const bh = size * 1.05;
        const bwid = Math.min(bw, size * 2.3);
        return el('rect', {
          x: x + (bw - bwid) / 2,
          y: yy - bh / 2,
          width: bwid,
          height: bh,
          rx: 3 * u,
          fill: pc.bundFill,
          stroke: pc.bundBorder,
          'stroke-width': 1.5 * u,
        });
      },
      s.legendBund,
    ],
    selectedRegion: [swatch(c.selectedFill, c.selectedBorder, 2.5 * u), s.legendSelected],
    selectedCooperation: [
      line(neutral, { shown: true, sel: true, focus: true }),
      s.selectedCooperation,
    ],
    tint: [
      (x, yy, bw) => {
        const cell = (bw - 4 * u) / 3;
        return c.tint
          .map((tint, i) =>
            el('rect', {
              x: x + 2 * u + i * cell,
              y: yy - size * 0.5,
              width: cell,
              height: size,
              fill: tint,
              stroke: c.border,
              'stroke-width': 0.8 * u,
            }),
          )
          .join('');
      },
      s.legendPartnerTint,
    ],
  };

  heading(s.legend);
  for (const r of L.spec.rows) row(...symbols[r]);

  const topics = L.spec.topics;
  if (topics.length > 0) {
    y += size * 0.4;
    heading(s.topicsLabel);
    const label = (tp: { topic: Topic; n: number }): string => `${s.topic[tp.topic]} (${tp.n})`;
    const itemW = Math.max(...topics.map((tp) => textWidth(label(tp), size))) + sw + size * 1.6;
    const columns = topics.length > 5 && itemW * 2 <= L.width ? 2 : 1;
    const colW = L.width / columns;
    const rows = Math.ceil(topics.length / columns);
    topics.forEach((tp, i) => {
      const x = L.x + Math.floor(i / rows) * colW;
      const yy = y + (i % rows) * (lineH + rowGap) + size * 0.9;
      parts.push(
        el(
          'g',
          { class: 'legend-item legend-topic', 'data-topic': tp.topic },
          line(L.topicColours[tp.topic], { shown: true, sel: true, focus: true }, tp.topic)(
            x,
            yy - size * 0.33,
            sw,
          ) +
            el(
              'text',
              { x: x + sw + size * 0.7, y: yy, 'font-size': size, fill: pc.ink },
              escapeXml(truncateText(label(tp), colW - sw - size * 1.2, size)),
            ),
        ),
      );
    });
    y += rows * (lineH + rowGap);
  }
  return { parts, height: y - L.top };
}
