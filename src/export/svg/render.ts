/**
 * Vector export for slides: page → map → labels → legend → footer, as one self-contained SVG
 * with live text, grouped so it stays editable in PowerPoint, Keynote or Inkscape. The same
 * geometry, states and drawing rules as the map. Pure: returns a string.
 */
import type { AtlasModel } from '../../model/atlas-model.ts';
import { modeLabel } from '../../i18n/strings.ts';
import { countText } from '../../i18n/text.ts';
import type { Derived } from '../../view/derive.ts';
import { diffSentence } from '../../view/diff-sentence.ts';
import { dateLine, selectionName } from '../../view/describe.ts';
import { legendFor } from '../../view/legend.ts';
import type { UrlView } from '../../view/view-state.ts';
import type { Level } from '../../geo/overview.ts';
import { mapDrawing } from './map-drawing.ts';
import { el } from './markup.ts';
import { titleBlock } from './page.ts';
import {
  FONT_FAMILY,
  pageDescription,
  frame,
  group,
  headTexts,
  rectOf,
  sheetOf,
  svgDocument,
} from './sheet.ts';

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
  /** The permalink of the view, for the source line. */
  link?: string;
}

export function renderSvg(input: SvgExportInput): string {
  const { model, derived, view, width: W, height: H } = input;
  const lang = view.lang;
  const sheet = sheetOf(model, view, W, H, input.link);
  const { p, s, c, pc } = sheet;
  const { u, w } = p;

  const head = headTexts(sheet, view, selectionName(model, view));
  const texts = {
    title: input.title ?? head.title,
    date: dateLine(view),
    mode: `${s.modeLabel}: ${modeLabel(s, view.mode)}`,
    count: countText(derived.visible.length, lang),
    filters: head.filters,
    summary: derived.diff ? diffSentence(derived.diff, lang, model.atlas.regions) : null,
  };
  const title = titleBlock(p, texts, pc);

  // Frame: landscape pages put the map left (62 %) and the legend right.
  const level = input.level ?? 'far';
  const { box, legend } = frame(sheet, legendFor(model, view, derived, level), title.bottom, 0.62);

  const { layer, labels: labelParts } = mapDrawing(sheet, {
    model,
    derived,
    view,
    box,
    bounds: input.bounds,
    level,
    u,
    w,
  });

  const desc = pageDescription(sheet, texts);

  const lineGroup = { fill: 'none', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' };
  const mapRect = rectOf(box, u);
  const body =
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
    group('title', { 'font-family': FONT_FAMILY }, title.parts);
  return svgDocument(sheet, texts.title, desc, body);
}
