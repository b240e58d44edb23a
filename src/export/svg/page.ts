/**
 * The exported page: its scale, the title block (title, date line, time mode and count, filters,
 * the diff's summary)
 * and the footer (source line and attribution). Pure.
 */
import type { PageColours } from '../../style/palette.ts';
import { textWidth, truncateText, wrapText } from '../text-measure.ts';
import { el, escapeXml, isolated, textBlock } from './markup.ts';

export interface PageScale {
  W: number;
  H: number;
  /** Layout unit: 1 at 1920 × 1080 (1280 wide for portrait pages). */
  u: number;
  /** Line width factor: the unit, thicker in projector mode. */
  w: number;
  margin: number;
  contentW: number;
  /** Portrait (or square) pages put the legend under the map. */
  stacked: boolean;
}

export function pageScale(
  W: number,
  H: number,
  present: boolean,
  presentFactor: number,
): PageScale {
  const stacked = W / H < 1.3;
  const u = stacked ? Math.min(W / 1280, H / 1080) : Math.min(W / 1920, H / 1080);
  const margin = 48 * u;
  return {
    W,
    H,
    u,
    w: (present ? presentFactor : 1) * u,
    margin,
    contentW: W - 2 * margin,
    stacked,
  };
}

export interface TitleTexts {
  title: string;
  date: string;
  mode: string;
  count: string;
  filters: string | null;
  /** Diff mode: the sentence that sums up the change (on at most two lines). */
  summary: string | null;
}

/** The title block; returns its parts and where the content below it starts. */
export function titleBlock(
  p: PageScale,
  t: TitleTexts,
  pc: PageColours,
): { parts: string[]; bottom: number } {
  const { u, margin, contentW } = p;
  const dateSize = 25 * u;
  const modeSize = 20 * u;
  // A long title (a cooperation's) is set smaller, on at most two lines.
  let titleSize = 40 * u;
  if (wrapText(t.title, contentW, titleSize, true).length > 1) titleSize = 32 * u;
  let lines = wrapText(t.title, contentW, titleSize, true);
  if (lines.length > 2)
    lines = [lines[0]!, truncateText(lines.slice(1).join(' '), contentW, titleSize, true)];
  let y = margin + titleSize * 0.8;
  const parts = [
    textBlock(lines, margin, y, titleSize * 1.15, {
      'font-size': titleSize,
      'font-weight': 700,
      fill: pc.ink,
    }),
  ];
  y += (lines.length - 1) * titleSize * 1.15 + titleSize * 0.35 + dateSize * 1.3;
  parts.push(
    el(
      'text',
      { x: margin, y, 'font-size': dateSize, 'font-weight': 600, fill: pc.ink },
      escapeXml(t.date),
    ),
  );
  y += modeSize * 1.6;
  parts.push(
    el(
      'text',
      { x: margin, y, 'font-size': modeSize, fill: pc.muted },
      `${escapeXml(t.mode)} · ${el('tspan', { 'font-weight': 700, fill: pc.ink }, escapeXml(t.count))}`,
    ),
  );
  if (t.filters) {
    y += modeSize * 1.45;
    parts.push(
      el(
        'text',
        { x: margin, y, 'font-size': modeSize * 0.9, fill: pc.muted },
        isolated(truncateText(t.filters, contentW, modeSize * 0.9)),
      ),
    );
  }
  if (t.summary) {
    let summary = wrapText(t.summary, contentW, modeSize, true);
    if (summary.length > 2)
      summary = [summary[0]!, truncateText(summary.slice(1).join(' '), contentW, modeSize, true)];
    y += modeSize * 1.5;
    parts.push(
      textBlock(summary, margin, y, modeSize * 1.25, {
        'font-size': modeSize,
        'font-weight': 600,
        fill: pc.ink,
      }),
    );
    y += (summary.length - 1) * modeSize * 1.25;
  }
  return { parts, bottom: y + 26 * u };
}

export const footerHeight = (p: PageScale): number => 15 * p.u * 3;

/** The footer: a rule, the source line and the attribution (side by side when they fit). */
export function footer(
  p: PageScale,
  source: string,
  attribution: string,
  pc: PageColours,
): string[] {
  const { u, margin, contentW, W, H } = p;
  const size = 15 * u;
  const y = H - margin * 0.5 - size * 0.4;
  const oneLine = textWidth(source, size) + textWidth(attribution, size) + 40 * u <= contentW;
  const ruleY = y - size * (oneLine ? 1.7 : 3.1);
  return [
    el('line', {
      x1: margin,
      x2: W - margin,
      y1: ruleY,
      y2: ruleY,
      stroke: pc.rule,
      'stroke-width': u,
    }),
    el(
      'text',
      { x: margin, y: oneLine ? y : y - size * 1.4, 'font-size': size, fill: pc.muted },
      escapeXml(truncateText(source, contentW, size)),
    ),
    el(
      'text',
      {
        x: oneLine ? W - margin : margin,
        y,
        'text-anchor': oneLine ? 'end' : 'start',
        'font-size': size,
        fill: pc.muted,
      },
      escapeXml(attribution),
    ),
  ];
}
