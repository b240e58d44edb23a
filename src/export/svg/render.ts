/**
 * Vector export for slides: page → map → labels → legend → footer, as one self-contained SVG
 * with live text, grouped so it stays editable in PowerPoint, Keynote or Inkscape. The same
 * geometry, states and drawing rules as the map. Pure: returns a string.
 */
import type { AtlasModel } from '../../model/atlas-model.ts';
import { formatLongDay } from '../../i18n/format.ts';
import { fill, modeLabel, STRINGS } from '../../i18n/strings.ts';
import { countText, regionName } from '../../i18n/text.ts';
import { PRESENT_FACTOR } from '../../style/link-style.ts';
import { MAP_COLOURS, PAGE_COLOURS, topicColours } from '../../style/palette.ts';
import type { Derived } from '../../view/derive.ts';
import { legendFor } from '../../view/legend.ts';
import type { UrlView } from '../../view/view-state.ts';
import type { Level } from '../../geo/overview.ts';
import { labels } from './labels.ts';
import { buildLegend } from './legend.ts';
import { mapLayer } from './map-layer.ts';
import { attrs, el, escapeXml, num, titleEl } from './markup.ts';
import { footer, footerHeight, pageScale, titleBlock } from './page.ts';

export const FONT_FAMILY = "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

export interface SvgExportInput {
  model: AtlasModel;
  derived: Derived;
  view: Pick<
    UrlView,
    'mode' | 'date' | 'from' | 'select' | 'topics' | 'kinds' | 'lang' | 'theme' | 'present'
  >;
  width: number;
  height: number;
  /** Default: the app title plus the selection's name. */
  title?: string;
  /**
   * The map's visible bounds [west, south, east, north]. When the user has zoomed in, the
   * export shows that part of the map (clipped to the map panel); otherwise all of Germany.
   */
  bounds?: [number, number, number, number];
  /** The overview's level: 'near' when the map was zoomed in to show cities (default 'far'). */
  level?: Level;
}

/** "Stand: 11. Dezember 2020", or the period "1. Januar 2020 – 11. Dezember 2020" in signed mode. */
export function dateLine(view: Pick<UrlView, 'mode' | 'date' | 'from' | 'lang'>): string {
  if (view.mode === 'signed')
    return `${formatLongDay(view.from, view.lang)} – ${formatLongDay(view.date, view.lang)}`;
  return fill(STRINGS[view.lang].exportAsOf, { date: formatLongDay(view.date, view.lang) });
}

function selectionName(model: AtlasModel, view: SvgExportInput['view']): string | null {
  if (!view.select) return null;
  const c = model.atlas.cooperationById.get(view.select);
  if (c) return c.title[view.lang];
  const r = model.atlas.regions.get(view.select);
  return r ? regionName(r, view.lang) : null;
}

export function renderSvg(input: SvgExportInput): string {
  const { model, derived, view, width: W, height: H } = input;
  const lang = view.lang;
  const s = STRINGS[lang];
  const c = MAP_COLOURS[view.theme];
  const pc = PAGE_COLOURS[view.theme];
  const p = pageScale(W, H, view.present, PRESENT_FACTOR);
  const { u, w, margin, contentW } = p;

  const selName = selectionName(model, view);
  const filterParts = [...view.topics.map((t) => s.topic[t]), ...view.kinds.map((k) => s.kind[k])];
  const texts = {
    title: input.title ?? (selName ? `${s.appTitle} – ${selName}` : s.appTitle),
    date: dateLine(view),
    mode: `${s.modeLabel}: ${modeLabel(s, view.mode)}`,
    count: countText(derived.visible.length, lang),
    filters: filterParts.length > 0 ? `${s.filters}: ${filterParts.join(', ')}` : null,
  };
  const title = titleBlock(p, texts, pc);
  const attribution = fill(s.attribution, { year: model.geoYear });

  // Frame: landscape pages put the map left (62 %) and the legend right; portrait pages stack
  // the legend under the map, which keeps at least 55 % of the height.
  const level = input.level ?? 'far';
  const spec = legendFor(model, view, derived, level);
  const legendInput = { spec, s, c, pc, topicColours: topicColours(view.theme), w, u };
  /** The legend at the largest size (22 px at 1920 × 1080, down to 11) that fits maxHeight. */
  const fitLegend = (x: number, width: number, top: number, maxHeight: number) => {
    let legend = buildLegend({ ...legendInput, x, width, top }, 22 * u);
    for (let size = 21; legend.height > maxHeight && size >= 11; size--)
      legend = buildLegend({ ...legendInput, x, width, top }, size * u);
    return legend;
  };
  const gap = 40 * u;
  const bottom = H - margin * 0.5 - footerHeight(p);
  const avail = bottom - title.bottom;
  const stackedLegendH = p.stacked ? fitLegend(0, contentW, 0, avail * 0.45).height : 0;
  const box = p.stacked
    ? {
        x0: margin,
        y0: title.bottom,
        x1: W - margin,
        y1: Math.max(title.bottom + avail * 0.55, bottom - stackedLegendH - gap * 0.5),
      }
    : { x0: margin, y0: title.bottom, x1: margin + Math.round(contentW * 0.62), y1: bottom };
  const legendX = p.stacked ? margin : box.x1 + gap;
  const legendTop = p.stacked ? box.y1 + gap * 0.25 : box.y0 + 4 * u;
  const legend = fitLegend(legendX, W - margin - legendX, legendTop, bottom - legendTop);

  const layer = mapLayer({
    model,
    derived,
    select: view.select,
    lang,
    colours: c,
    topicColours: topicColours(view.theme),
    box,
    bounds: input.bounds,
    level,
    u,
    w,
  });
  const labelParts = labels({
    model,
    layer,
    derived,
    level,
    colours: c,
    select: view.select,
    partners: new Set(derived.partnerCounts.keys()),
    lang,
    pc,
    theme: view.theme,
    box,
    u,
  });

  const desc = [
    texts.date,
    `${texts.mode} · ${texts.count}`,
    texts.filters,
    s.exportSource,
    attribution,
  ]
    .filter((x): x is string => x !== null)
    .join('. ');
  const group = (id: string, a: Record<string, string | number | undefined>, parts: string[]) =>
    `${el('g', { id, ...a }, `\n${parts.join('\n')}\n`)}\n`;
  const lineGroup = { fill: 'none', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' };
  const mapRect = {
    x: box.x0,
    y: box.y0,
    width: box.x1 - box.x0,
    height: box.y1 - box.y0,
    rx: 10 * u,
  };
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({
      width: W,
      height: H,
      viewBox: `0 0 ${num(W)} ${num(H)}`,
      'font-family': FONT_FAMILY,
    })}>\n` +
    `${titleEl(texts.title)}\n<desc>${escapeXml(desc)}</desc>\n` +
    `${el('rect', { id: 'background', x: 0, y: 0, width: W, height: H, fill: pc.page })}\n` +
    `${el('rect', { id: 'map-background', ...mapRect, fill: c.sea })}\n` +
    (layer.zoomed
      ? `<clipPath id="map-clip">${el('rect', mapRect)}</clipPath>\n<g clip-path="url(#map-clip)">\n`
      : '') +
    group('states', { 'fill-rule': 'evenodd', 'stroke-linejoin': 'round' }, layer.states) +
    group('links', lineGroup, layer.links) +
    group('hubs', {}, layer.hubs) +
    group('places', {}, layer.places) +
    group('labels', { 'font-family': FONT_FAMILY }, labelParts) +
    (layer.zoomed ? '</g>\n' : '') +
    group('legend', { 'font-family': FONT_FAMILY }, legend.parts) +
    group('title', { 'font-family': FONT_FAMILY }, title.parts) +
    group('footer', { 'font-family': FONT_FAMILY }, footer(p, s.exportSource, attribution, pc)) +
    `</svg>\n`
  );
}
