/**
 * What every exported page shares (the single view, the storyboard, each video frame): its scale
 * and colours, the source line and attribution, where the map and the legend go, and the SVG
 * document around the drawing. Pure.
 */
import type { AtlasModel } from '../../model/atlas-model.ts';
import type { Topic } from '../../data/model.ts';
import { fill, STRINGS, type Strings } from '../../i18n/strings.ts';
import { PRESENT_FACTOR } from '../../style/link-style.ts';
import {
  MAP_COLOURS,
  PAGE_COLOURS,
  topicColours,
  type MapColours,
  type PageColours,
} from '../../style/palette.ts';
import type { LegendSpec } from '../../view/legend.ts';
import type { Box } from '../../view/labels.ts';
import type { UrlView } from '../../view/view-state.ts';
import { buildLegend } from './legend.ts';
import { attrs, el, escapeXml, num, titleEl } from './markup.ts';
import { footer, footerHeight, pageScale, type PageScale, type TitleTexts } from './page.ts';

export const FONT_FAMILY = "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

export interface Sheet {
  p: PageScale;
  s: Strings;
  c: MapColours;
  pc: PageColours;
  topicColours: Record<Topic, string>;
  attribution: string;
  /** The source line: the data release, and the permalink of the view when there is one. */
  source: string;
}

export function sheetOf(
  model: Pick<AtlasModel, 'atlas' | 'geoYear'>,
  view: Pick<UrlView, 'lang' | 'theme' | 'present'>,
  W: number,
  H: number,
  link?: string,
): Sheet {
  const s = STRINGS[view.lang];
  return {
    p: pageScale(W, H, view.present, PRESENT_FACTOR),
    s,
    c: MAP_COLOURS[view.theme],
    pc: PAGE_COLOURS[view.theme],
    topicColours: topicColours(view.theme),
    attribution: fill(s.attribution, { year: model.geoYear }),
    source: [fill(s.exportSource, { version: model.atlas.dataVersion }), link]
      .filter(Boolean)
      .join(' · '),
  };
}

/** The title and the filters line of a view, as every page heads them. */
export function headTexts(
  sheet: Sheet,
  view: Pick<UrlView, 'topics' | 'kinds'>,
  selectionName: string | null,
): { title: string; filters: string | null } {
  const { s } = sheet;
  const filterParts = [...view.topics.map((t) => s.topic[t]), ...view.kinds.map((k) => s.kind[k])];
  return {
    title: selectionName ? `${s.appTitle} – ${selectionName}` : s.appTitle,
    filters: filterParts.length > 0 ? `${s.filters}: ${filterParts.join(', ')}` : null,
  };
}

export interface Legend {
  parts: string[];
  height: number;
}

/** The legend at the largest size (22 px at 1920 × 1080, down to 11) that fits maxHeight. */
export function fitLegend(
  sheet: Sheet,
  spec: LegendSpec,
  x: number,
  width: number,
  top: number,
  maxHeight: number,
): Legend {
  const { s, c, pc, p } = sheet;
  const input = { spec, s, c, pc, topicColours: sheet.topicColours, w: p.w, u: p.u };
  let legend = buildLegend({ ...input, x, width, top }, 22 * p.u);
  for (let size = 21; legend.height > maxHeight && size >= 11; size--)
    legend = buildLegend({ ...input, x, width, top }, size * p.u);
  return legend;
}

/**
 * The frame below the title block: landscape pages put the drawing left (`share` of the width)
 * and the legend right; portrait pages stack the legend under the drawing, which keeps at least
 * 55 % of the height.
 */
export function frame(
  sheet: Sheet,
  spec: LegendSpec,
  top: number,
  share: number,
): { box: Box; legend: Legend } {
  const { p } = sheet;
  const { u, margin, contentW, W, H } = p;
  const gap = 40 * u;
  const bottom = H - margin * 0.5 - footerHeight(p);
  const avail = bottom - top;
  const stackedLegendH = p.stacked
    ? fitLegend(sheet, spec, 0, contentW, 0, avail * 0.45).height
    : 0;
  const box = p.stacked
    ? {
        x0: margin,
        y0: top,
        x1: W - margin,
        y1: Math.max(top + avail * 0.55, bottom - stackedLegendH - gap * 0.5),
      }
    : { x0: margin, y0: top, x1: margin + Math.round(contentW * share), y1: bottom };
  const legendX = p.stacked ? margin : box.x1 + gap;
  const legendTop = p.stacked ? box.y1 + gap * 0.25 : box.y0 + 4 * u;
  const legend = fitLegend(
    sheet,
    spec,
    legendX,
    W - margin - legendX,
    legendTop,
    bottom - legendTop,
  );
  return { box, legend };
}

export const group = (
  id: string,
  a: Record<string, string | number | undefined>,
  parts: string[],
): string => `${el('g', { id, ...a }, `\n${parts.join('\n')}\n`)}\n`;

/** A rectangle as SVG attributes (with rounded corners). */
export const rectOf = (box: Box, u: number) => ({
  x: box.x0,
  y: box.y0,
  width: box.x1 - box.x0,
  height: box.y1 - box.y0,
  rx: 10 * u,
});

/**
 * A page's description (its <desc>): the lead, the date line, mode and count, filters, summary,
 * what else the page shows, the source line and the attribution, as sentences (none ending
 * with a doubled full stop).
 */
export function pageDescription(
  sheet: Sheet,
  t: Pick<TitleTexts, 'date' | 'mode' | 'count' | 'filters' | 'summary'>,
  extra: { lead?: string; more?: readonly string[] } = {},
): string {
  return [
    extra.lead,
    t.date,
    `${t.mode} · ${t.count}`,
    t.filters,
    t.summary,
    ...(extra.more ?? []),
    sheet.source,
    sheet.attribution,
  ]
    .filter((x): x is string => !!x)
    .map((x) => x.replace(/\.$/, ''))
    .join('. ');
}

/** The document: title and description, the page's background, the body, then the footer. */
export function svgDocument(sheet: Sheet, title: string, desc: string, body: string): string {
  const { p, pc } = sheet;
  const { W, H } = p;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({
      width: W,
      height: H,
      viewBox: `0 0 ${num(W)} ${num(H)}`,
      'font-family': FONT_FAMILY,
    })}>\n` +
    `${titleEl(title)}\n<desc>${escapeXml(desc)}</desc>\n` +
    `${el('rect', { id: 'background', x: 0, y: 0, width: W, height: H, fill: pc.page })}\n` +
    body +
    group(
      'footer',
      { 'font-family': FONT_FAMILY },
      footer(p, sheet.source, sheet.attribution, pc),
    ) +
    `</svg>\n`
  );
}
