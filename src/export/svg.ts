/**
 * Vector export for slides: the same state polygons, link geometry and labels the map shows,
 * projected with d3-geo into a self-contained SVG with live text (title, date line, time mode,
 * legend, source and attribution), grouped so it stays editable in PowerPoint, Keynote or
 * Inkscape. Pure: returns a string, touches neither the DOM nor MapLibre.
 */
import { geoConicConformal } from 'd3-geo';
import type { MultiPolygon, Polygon, Position as GeoPosition } from 'geojson';
import type { Scene } from '../app/scene.ts';
import type { Cooperation } from '../data/atlas.ts';
import { TOPICS, type Lang, type Topic } from '../data/model.ts';
import { formatDay } from '../data/partial-date.ts';
import { BUND_ANCHOR } from '../geo/anchors.ts';
import { formatLongDay, formatNumber } from '../i18n/format.ts';
import { fill, modeLabel, STRINGS, type Strings } from '../i18n/strings.ts';
import {
  MAP_COLOURS,
  TOPIC_COLOURS,
  TOPIC_COLOURS_DARK,
  TOPIC_DASH,
  type MapColours,
} from '../map/palette.ts';
import {
  DIMMED,
  ENDED,
  FOCUS,
  RECENT,
  regionTakesPart,
  SELECTED,
  SHOWN,
  type Derived,
} from '../view/derive.ts';
import type { Theme, ViewState } from '../view/view-state.ts';
import {
  escapeXml,
  num,
  pathData,
  sanitizeFilePart,
  textWidth,
  truncateText,
  wrapText,
} from './layout.ts';

export interface SvgExportInput {
  scene: Scene;
  derived: Derived;
  /** Mode, date, from, select, topics, kinds, lang, theme, present. */
  view: ViewState;
  width: number;
  height: number;
  /** Default: the app title plus the selection's name. */
  title?: string;
  /**
   * The map's visible bounds [west, south, east, north]. When the user has zoomed in, the
   * export shows that part of the map (clipped to the map panel); otherwise all of Germany.
   */
  bounds?: [number, number, number, number];
}

/** Whether visible bounds show clearly less than Germany (then the export follows them). */
export function isZoomedIn(bounds: [number, number, number, number] | undefined): boolean {
  if (!bounds) return false;
  const [w, s, e, n] = bounds;
  const area = Math.max(0, e - w) * Math.max(0, n - s);
  return area > 0 && area < (15.2 - 5.6) * (55.15 - 47.2) * 0.6;
}

/** The few export texts strings.ts does not have. */
const TEXT: Record<
  Lang,
  { source: string; asOf: string; selectedCooperation: string; bundShort: string }
> = {
  de: {
    source: 'Quelle: Kooperationsatlas, Daten aus öffentlichen Quellen (siehe Datensatz)',
    asOf: 'Stand: {date}',
    selectedCooperation: 'Ausgewählte Kooperation',
    bundShort: 'Bund',
  },
  en: {
    source: 'Source: Kooperationsatlas, data from public sources (see dataset)',
    asOf: 'As of {date}',
    selectedCooperation: 'Selected cooperation',
    bundShort: 'Federal',
  },
};

export const FONT_FAMILY = "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

interface PageColours {
  page: string;
  ink: string;
  muted: string;
  label: string;
  halo: string;
  rule: string;
  bundFill: string;
  bundText: string;
  bundBorder: string;
  bundSelected: string;
}

const PAGE: Record<Theme, PageColours> = {
  light: {
    page: '#ffffff',
    ink: '#1d2b36',
    muted: '#55636f',
    label: '#33424f',
    halo: '#ffffff',
    rule: '#d5dde3',
    bundFill: '#1d2b36',
    bundText: '#ffffff',
    bundBorder: '#ffffff',
    bundSelected: '#ffb000',
  },
  dark: {
    page: '#0b1219',
    ink: '#e8eef3',
    muted: '#a3b2bf',
    label: '#dfe7ee',
    halo: '#000000',
    rule: '#2a3846',
    bundFill: '#e8eef3',
    bundText: '#131b23',
    bundBorder: '#131b23',
    bundSelected: '#ffb000',
  },
};

type XY = [number, number];
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const overlaps = (a: Box, b: Box): boolean =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

const has = (bits: number, flag: number): boolean => (bits & flag) !== 0;

/** Stroke of a link line, as the map's `link-lines` layer paints it. */
export function linkStroke(
  bits: number,
  large: boolean,
  w: number,
): { width: number; opacity: number } {
  const sel = has(bits, SELECTED);
  const quietSel = sel && large && !has(bits, FOCUS);
  const width = quietSel
    ? 1.2 * w
    : sel
      ? 4 * w
      : has(bits, RECENT)
        ? 3.2 * w
        : large
          ? 1.1 * w
          : 2.2 * w;
  const opacity = has(bits, DIMMED)
    ? 0.1
    : quietSel
      ? 0.45
      : sel
        ? 1
        : large
          ? 0.3
          : has(bits, ENDED)
            ? 0.6
            : 0.9;
  return { width, opacity };
}

/** Drawing order: dimmed first, emphasised last, so the selection stays on top. */
function linkRank(bits: number, large: boolean): number {
  if (has(bits, DIMMED)) return 0;
  if (has(bits, SELECTED)) return large && !has(bits, FOCUS) ? 2 : 5;
  if (large) return 1;
  if (has(bits, ENDED)) return 2;
  if (has(bits, RECENT)) return 4;
  return 3;
}

/** In a double-quoted attribute an apostrophe may stay as it is ("… 'Segoe UI' …"). */
const escapeAttr = (v: string): string => escapeXml(v).replace(/&apos;/g, "'");

function attrs(a: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : escapeAttr(v)}"`;
  }
  return out;
}

function el(tag: string, a: Record<string, string | number | undefined>, inner?: string): string {
  return inner === undefined ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${inner}</${tag}>`;
}

const titleEl = (text: string): string => `<title>${escapeXml(text)}</title>`;

/** One multi-line text block: lines as tspans, first baseline at y. */
function textBlock(
  lines: string[],
  x: number,
  y: number,
  lineHeight: number,
  a: Record<string, string | number | undefined>,
): string {
  const spans = lines
    .map((line, i) =>
      el(
        'tspan',
        { x, y: i === 0 ? y : undefined, dy: i === 0 ? undefined : lineHeight },
        escapeXml(line),
      ),
    )
    .join('');
  return el('text', { x, y, ...a }, spans);
}

function selectionName(scene: Scene, select: string | null, lang: Lang, s: Strings): string | null {
  if (!select) return null;
  const c = scene.atlas.cooperationById.get(select);
  if (c) return c.title[lang];
  const r = scene.atlas.regions.get(select);
  if (r) return r.kind === 'federal' ? s.bund : r.name[lang];
  return null;
}

/** "Stand: 11. Dezember 2020", or the period "1. Januar 2020 – 11. Dezember 2020" in signed mode. */
export function dateLine(view: Pick<ViewState, 'mode' | 'date' | 'from' | 'lang'>): string {
  if (view.mode === 'signed')
    return `${formatLongDay(view.from, view.lang)} – ${formatLongDay(view.date, view.lang)}`;
  return fill(TEXT[view.lang].asOf, { date: formatLongDay(view.date, view.lang) });
}

function countText(n: number, s: Strings, lang: Lang): string {
  return n === 1 ? s.visibleCountOne : fill(s.visibleCount, { n: formatNumber(n, lang) });
}

/** The primary topic a cooperation's links are coloured by (as in links.ts). */
const primaryTopic = (c: Cooperation): Topic => c.topics[0] ?? 'governance';

// ---------------------------------------------------------------------------------------------

export function renderSvg(input: SvgExportInput): string {
  const { scene, derived, view, width: W, height: H } = input;
  const lang = view.lang;
  const s = STRINGS[lang];
  const t = TEXT[lang];
  const c: MapColours = MAP_COLOURS[view.theme];
  const pc = PAGE[view.theme];
  const topicColours = view.theme === 'dark' ? TOPIC_COLOURS_DARK : TOPIC_COLOURS;
  const stacked = W / H < 1.3;
  const u = stacked ? Math.min(W / 1280, H / 1080) : Math.min(W / 1920, H / 1080);
  const w = (view.present ? 1.6 : 1) * u;
  const margin = 48 * u;

  const selName = selectionName(scene, view.select, lang, s);
  const title = input.title ?? (selName ? `${s.appTitle} – ${selName}` : s.appTitle);
  const date = dateLine(view);
  const mode = `${s.modeLabel}: ${modeLabel(s, view.mode)}`;
  const count = countText(derived.visible.length, s, lang);
  const attribution = fill(s.attribution, { year: scene.geoYear });
  const filterParts = [
    ...view.topics.map((tp) => s.topic[tp]),
    ...view.kinds.map((k) => s.kind[k]),
  ];
  const filterLine = filterParts.length > 0 ? `${s.filters}: ${filterParts.join(', ')}` : null;

  // ---- Title block ------------------------------------------------------------------------
  const dateSize = 25 * u;
  const modeSize = 20 * u;
  const contentW = W - 2 * margin;
  // A long title (a cooperation's) is set smaller, on at most two lines.
  let titleSize = 40 * u;
  if (wrapText(title, contentW, titleSize, true).length > 1) titleSize = 32 * u;
  let titleLines = wrapText(title, contentW, titleSize, true);
  if (titleLines.length > 2)
    titleLines = [
      titleLines[0]!,
      truncateText(titleLines.slice(1).join(' '), contentW, titleSize, true),
    ];
  let y = margin + titleSize * 0.8;
  const titleParts: string[] = [
    textBlock(titleLines, margin, y, titleSize * 1.15, {
      'font-size': titleSize,
      'font-weight': 700,
      fill: pc.ink,
    }),
  ];
  y += (titleLines.length - 1) * titleSize * 1.15 + titleSize * 0.35 + dateSize * 1.3;
  titleParts.push(
    el(
      'text',
      { x: margin, y, 'font-size': dateSize, 'font-weight': 600, fill: pc.ink },
      escapeXml(date),
    ),
  );
  y += modeSize * 1.6;
  titleParts.push(
    el(
      'text',
      { x: margin, y, 'font-size': modeSize, fill: pc.muted },
      `${escapeXml(mode)} · ${el('tspan', { 'font-weight': 700, fill: pc.ink }, escapeXml(count))}`,
    ),
  );
  if (filterLine) {
    y += modeSize * 1.45;
    titleParts.push(
      el(
        'text',
        { x: margin, y, 'font-size': modeSize * 0.9, fill: pc.muted },
        escapeXml(truncateText(filterLine, contentW, modeSize * 0.9)),
      ),
    );
  }
  const titleBottom = y + 26 * u;

  // ---- What is shown (needed by the frame: the legend's height) ---------------------------
  const states = scene.data.states.features;
  const selectedRegion = view.select && scene.atlas.regions.has(view.select) ? view.select : null;
  const fs = derived.featureState;
  const shownLines = scene.geometry.lines.features
    .filter((f) => has(fs[f.properties.fid] ?? 0, SHOWN))
    .map((f) => ({
      f,
      bits: fs[f.properties.fid]!,
      rank: linkRank(fs[f.properties.fid]!, f.properties.large),
    }))
    .sort((a, b) => a.rank - b.rank);
  const shownPoints = scene.geometry.points.features
    .filter((f) => has(fs[f.properties.fid] ?? 0, SHOWN))
    .map((f) => ({ f, bits: fs[f.properties.fid]!, rank: linkRank(fs[f.properties.fid]!, false) }))
    .sort((a, b) => a.rank - b.rank);
  const time = { mode: view.mode, date: view.date, from: view.from };
  const activeRegions = new Set<string>();
  for (const coop of derived.visible)
    for (const r of coop.regions) if (regionTakesPart(coop, r, time)) activeRegions.add(r);
  const shownShapes = new Set<string>();
  let anyEnded = false;
  for (const { f, bits } of shownLines) {
    shownShapes.add(f.properties.shape);
    if (has(bits, ENDED)) anyEnded = true;
  }
  for (const { f, bits } of shownPoints) {
    shownShapes.add(f.properties.shape);
    if (has(bits, ENDED)) anyEnded = true;
  }
  const topicCounts = new Map<Topic, number>();
  for (const coop of derived.visible)
    topicCounts.set(primaryTopic(coop), (topicCounts.get(primaryTopic(coop)) ?? 0) + 1);
  const legendBase: LegendBase = {
    s,
    t,
    view,
    c,
    pc,
    w,
    u,
    topicColours,
    shapes: shownShapes,
    anyEnded,
    anyCity: scene.data.places.features.some((f) => activeRegions.has(f.properties.id)),
    selectedRegion: states.some((f) => f.properties.id === selectedRegion) ? selectedRegion : null,
    selectedCooperation:
      view.select && scene.atlas.cooperationById.has(view.select) ? view.select : null,
    partnerTint: derived.partnerTint.size > 0,
    topics: TOPICS.filter((tp) => topicCounts.has(tp)).map((tp) => ({
      topic: tp,
      n: topicCounts.get(tp)!,
    })),
  };
  /** The legend at the largest size (22 px at 1920 × 1080, down to 11) that fits maxHeight. */
  const fitLegend = (x: number, width: number, top: number, maxHeight: number) => {
    let legend = buildLegend({ ...legendBase, x, width, top }, 22 * u);
    for (let size = 21; legend.height > maxHeight && size >= 11; size--)
      legend = buildLegend({ ...legendBase, x, width, top }, size * u);
    return legend;
  };

  // ---- Frame: map column, legend column, footer -------------------------------------------
  const footerSize = 15 * u;
  const footerH = footerSize * 3;
  const gap = 40 * u;
  const bottom = H - margin * 0.5 - footerH;
  // Landscape: map left (62 %), legend right. Portrait windows: legend below the map, which
  // gets what the legend leaves (at least 55 % of the height).
  const avail = bottom - titleBottom;
  const stackedLegendH = stacked ? fitLegend(0, contentW, 0, avail * 0.45).height : 0;
  const mapBox = stacked
    ? {
        x0: margin,
        y0: titleBottom,
        x1: W - margin,
        y1: Math.max(titleBottom + avail * 0.55, bottom - stackedLegendH - gap * 0.5),
      }
    : { x0: margin, y0: titleBottom, x1: margin + Math.round(contentW * 0.62), y1: bottom };
  const legendX = stacked ? margin : mapBox.x1 + gap;
  const legendW = W - margin - legendX;
  const legendTop = stacked ? mapBox.y1 + gap * 0.25 : mapBox.y0 + 4 * u;
  const legendBottom = bottom;

  // ---- Projection -------------------------------------------------------------------------
  const zoomed = isZoomedIn(input.bounds);
  const fitPoints: GeoPosition[] = [];
  if (zoomed) {
    const [bw, bs, be, bn] = input.bounds!;
    fitPoints.push([bw, bs], [be, bs], [be, bn], [bw, bn]);
  } else {
    fitPoints.push(BUND_ANCHOR);
    for (const f of states) forEachRing(f.geometry, (ring) => fitPoints.push(...ring));
    for (const f of scene.geometry.lines.features) fitPoints.push(...f.geometry.coordinates);
    for (const f of scene.geometry.points.features) fitPoints.push(f.geometry.coordinates);
  }
  const pad = zoomed ? 0 : 34 * u;
  const projection = geoConicConformal()
    .parallels([48.67, 53.67])
    .rotate([-10.45, 0])
    .fitExtent(
      [
        [mapBox.x0 + pad, mapBox.y0 + pad],
        [mapBox.x1 - pad, mapBox.y1 - pad],
      ],
      { type: 'MultiPoint', coordinates: fitPoints },
    );
  const project = (p: GeoPosition): XY | null => {
    const xy = projection([p[0]!, p[1]!]);
    return xy ? [xy[0], xy[1]] : null;
  };
  const linePath = (coords: GeoPosition[], close = false, minStep = 0): string =>
    pathData(
      coords.map(project).filter((xy): xy is XY => xy !== null),
      close,
      minStep,
    );

  // ---- States -----------------------------------------------------------------------------
  const stateOrder = [...states].sort(
    (a, b) =>
      Number(a.properties.id === selectedRegion) - Number(b.properties.id === selectedRegion),
  );
  const stateParts = stateOrder.map((f) => {
    const id = f.properties.id;
    const region = scene.atlas.regions.get(id);
    const name = region?.name[lang] ?? f.properties.id;
    const tint = Math.min(derived.partnerTint.get(id) ?? 0, 3);
    const isSel = id === selectedRegion;
    const fillColour = isSel ? c.selectedFill : tint > 0 ? c.tint[tint - 1]! : c.land;
    let d = '';
    forEachRing(f.geometry, (ring) => {
      d += linePath(ring, true, 0.9 * u);
    });
    return el(
      'path',
      {
        id: `state-${sanitizeFilePart(id)}`,
        d,
        fill: fillColour,
        stroke: isSel ? c.selectedBorder : c.border,
        'stroke-width': (isSel ? 2.5 : 0.8) * u,
      },
      titleEl(name),
    );
  });

  // ---- Links and markers ------------------------------------------------------------------
  const coopTitle = (id: string): string => scene.atlas.cooperationById.get(id)?.title[lang] ?? id;
  const glowParts: string[] = [];
  const linkParts: string[] = [];
  for (const { f, bits } of shownLines) {
    const p = f.properties;
    const colour = topicColours[p.topic] ?? '#777777';
    const d = linePath(f.geometry.coordinates);
    if (has(bits, RECENT) && !has(bits, DIMMED))
      glowParts.push(
        el('path', { d, stroke: colour, 'stroke-width': 9 * w, 'stroke-opacity': 0.22 }),
      );
    const { width, opacity } = linkStroke(bits, p.large, w);
    linkParts.push(
      el(
        'path',
        {
          class: `link ${p.shape}`,
          'data-fid': String(p.fid),
          'data-cooperation': p.cooperation,
          d,
          stroke: has(bits, ENDED) ? c.ended : colour,
          'stroke-width': width,
          'stroke-opacity': opacity,
          ...dashOf(p.topic, width),
        },
        titleEl(coopTitle(p.cooperation)),
      ),
    );
  }
  const hubParts: string[] = [];
  for (const { f, bits } of shownPoints) {
    const p = f.properties;
    const xy = project(f.geometry.coordinates);
    if (!xy) continue;
    const colour = topicColours[p.topic] ?? '#777777';
    const local = p.shape === 'local';
    const opacity = has(bits, DIMMED) ? 0.15 : 1;
    hubParts.push(
      el(
        'circle',
        {
          class: p.shape,
          'data-fid': String(p.fid),
          'data-cooperation': p.cooperation,
          cx: xy[0],
          cy: xy[1],
          r: (local ? 5 : p.large ? 7 : 5.5) * w,
          fill: local ? colour : c.hubFill,
          stroke: has(bits, ENDED) ? c.ended : local ? c.hubFill : colour,
          'stroke-width': (has(bits, SELECTED) ? 3 : 2) * w,
          opacity: opacity === 1 ? undefined : opacity,
        },
        titleEl(coopTitle(p.cooperation)),
      ),
    );
  }

  // ---- Cities taking part in a shown cooperation ------------------------------------------
  const placeParts: string[] = [];
  const cityLabels: { xy: XY; name: string; selected: boolean }[] = [];
  for (const f of scene.data.places.features) {
    const id = f.properties.id;
    if (!activeRegions.has(id)) continue;
    const xy = project(f.geometry.coordinates);
    if (!xy) continue;
    const name = scene.atlas.regions.get(id)?.name[lang] ?? f.properties.name;
    const selected = id === view.select;
    placeParts.push(
      el(
        'circle',
        {
          class: 'city',
          'data-region': id,
          cx: xy[0],
          cy: xy[1],
          r: (selected ? 6 : 4) * u,
          fill: c.city,
          stroke: c.land,
          'stroke-width': 1.5 * u,
        },
        titleEl(name),
      ),
    );
    if (selected || derived.partnerCounts.has(id)) cityLabels.push({ xy, name, selected });
  }

  // ---- Labels -----------------------------------------------------------------------------
  const labelSize = 15 * u;
  const halo = {
    stroke: pc.halo,
    'stroke-width': 3.2 * u,
    'stroke-opacity': view.theme === 'dark' ? 0.7 : 0.85,
    'stroke-linejoin': 'round',
    'paint-order': 'stroke',
  };
  const labelParts: string[] = [];
  // Estimated label boxes: a city label that would cover a state label, the Bund marker or
  // another city label moves to the left of its dot, else it is left out.
  const boxes: Box[] = [];
  const bundXY = project(BUND_ANCHOR);
  const bundSize = 14 * u;
  const bundW = textWidth(t.bundShort, bundSize, true) + 18 * u;
  const bundH = bundSize + 12 * u;
  if (bundXY)
    boxes.push({
      x0: bundXY[0] - bundW / 2,
      y0: bundXY[1] - bundH / 2,
      x1: bundXY[0] + bundW / 2,
      y1: bundXY[1] + bundH / 2,
    });
  for (const f of states) {
    const id = f.properties.id;
    const region = scene.atlas.regions.get(id);
    const xy = project(f.properties.anchor);
    if (!xy) continue;
    const name = region?.name[lang] ?? id;
    const isSel = id === selectedRegion;
    const text = region?.abbr && name.length > 14 && u < 0.6 ? region.abbr : name;
    const size = labelSize * (isSel ? 1.15 : 1);
    const tw = textWidth(text, size, true);
    boxes.push({
      x0: xy[0] - tw / 2,
      y0: xy[1] - size * 0.6,
      x1: xy[0] + tw / 2,
      y1: xy[1] + size * 0.6,
    });
    labelParts.push(
      el(
        'text',
        {
          class: 'state-label',
          'data-region': id,
          x: xy[0],
          y: xy[1],
          dy: '0.35em',
          'text-anchor': 'middle',
          'font-size': size,
          'font-weight': isSel ? 700 : 600,
          fill: pc.label,
          'text-decoration': isSel ? 'underline' : undefined,
          ...halo,
        },
        escapeXml(text),
      ),
    );
  }
  const citySize = 12.5 * u;
  for (const { xy, name, selected } of cityLabels) {
    const tw = textWidth(name, citySize, selected);
    const off = 7 * u;
    const right: Box = {
      x0: xy[0] + off,
      y0: xy[1] - citySize * 0.6,
      x1: xy[0] + off + tw,
      y1: xy[1] + citySize * 0.6,
    };
    const left: Box = { ...right, x0: xy[0] - off - tw, x1: xy[0] - off };
    const free = (b: Box) =>
      b.x0 >= mapBox.x0 && b.x1 <= mapBox.x1 && !boxes.some((o) => overlaps(o, b));
    const box = free(right) ? right : free(left) ? left : null;
    if (!box) continue;
    boxes.push(box);
    labelParts.push(
      el(
        'text',
        {
          class: 'city-label',
          x: box === right ? box.x0 : box.x1,
          y: xy[1],
          dy: '0.35em',
          'text-anchor': box === right ? undefined : 'end',
          'font-size': citySize,
          'font-weight': selected ? 700 : 500,
          fill: pc.label,
          ...halo,
        },
        escapeXml(name),
      ),
    );
  }
  // The Bund marker: a labelled rounded rectangle in the North Sea.
  if (bundXY) {
    const bw = bundW;
    const bh = bundH;
    const bundSelected = view.select === 'DE';
    labelParts.push(
      el(
        'g',
        { id: 'bund-marker', 'data-region': 'DE' },
        titleEl(s.bund) +
          el('rect', {
            x: bundXY[0] - bw / 2,
            y: bundXY[1] - bh / 2,
            width: bw,
            height: bh,
            rx: 4 * u,
            fill: pc.bundFill,
            stroke: bundSelected ? pc.bundSelected : pc.bundBorder,
            'stroke-width': (bundSelected ? 3 : 2) * u,
          }) +
          el(
            'text',
            {
              x: bundXY[0],
              y: bundXY[1],
              dy: '0.35em',
              'text-anchor': 'middle',
              'font-size': bundSize,
              'font-weight': 700,
              fill: pc.bundText,
            },
            escapeXml(t.bundShort),
          ),
      ),
    );
  }

  // ---- Legend -----------------------------------------------------------------------------
  const legend = fitLegend(legendX, legendW, legendTop, legendBottom - legendTop);

  // ---- Footer -----------------------------------------------------------------------------
  const footerY = H - margin * 0.5 - footerSize * 0.4;
  const sourceW = textWidth(t.source, footerSize);
  const attributionW = textWidth(attribution, footerSize);
  const oneLine = sourceW + attributionW + 40 * u <= contentW;
  const footerParts = [
    el('line', {
      x1: margin,
      x2: W - margin,
      y1: footerY - footerSize * (oneLine ? 1.7 : 3.1),
      y2: footerY - footerSize * (oneLine ? 1.7 : 3.1),
      stroke: pc.rule,
      'stroke-width': u,
    }),
    el(
      'text',
      {
        x: margin,
        y: oneLine ? footerY : footerY - footerSize * 1.4,
        'font-size': footerSize,
        fill: pc.muted,
      },
      escapeXml(t.source),
    ),
    el(
      'text',
      {
        x: oneLine ? W - margin : margin,
        y: footerY,
        'text-anchor': oneLine ? 'end' : 'start',
        'font-size': footerSize,
        fill: pc.muted,
      },
      escapeXml(attribution),
    ),
  ];

  // ---- Assemble ---------------------------------------------------------------------------
  const desc = [date, `${mode} · ${count}`, filterLine, t.source, attribution]
    .filter((x): x is string => x !== null)
    .join('. ');
  const group = (id: string, a: Record<string, string | number | undefined>, parts: string[]) =>
    `${el('g', { id, ...a }, `\n${parts.join('\n')}\n`)}\n`;
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
    `${el('rect', {
      id: 'map-background',
      x: mapBox.x0,
      y: mapBox.y0,
      width: mapBox.x1 - mapBox.x0,
      height: mapBox.y1 - mapBox.y0,
      rx: 10 * u,
      fill: c.sea,
    })}\n` +
    (zoomed
      ? `<clipPath id="map-clip">${el('rect', {
          x: mapBox.x0,
          y: mapBox.y0,
          width: mapBox.x1 - mapBox.x0,
          height: mapBox.y1 - mapBox.y0,
          rx: 10 * u,
        })}</clipPath>\n<g clip-path="url(#map-clip)">\n`
      : '') +
    group('states', { 'fill-rule': 'evenodd', 'stroke-linejoin': 'round' }, stateParts) +
    group(
      'link-glow',
      { fill: 'none', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' },
      glowParts,
    ) +
    group(
      'links',
      { fill: 'none', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' },
      linkParts,
    ) +
    group('hubs', {}, hubParts) +
    group('places', {}, placeParts) +
    group('labels', { 'font-family': FONT_FAMILY }, labelParts) +
    (zoomed ? '</g>\n' : '') +
    group('legend', { 'font-family': FONT_FAMILY }, legend.parts) +
    group('title', { 'font-family': FONT_FAMILY }, titleParts) +
    group('footer', { 'font-family': FONT_FAMILY }, footerParts) +
    `</svg>\n`
  );
}

function forEachRing(geometry: Polygon | MultiPolygon, fn: (ring: GeoPosition[]) => void): void {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) for (const ring of polygon) fn(ring);
}

// ---- Legend -----------------------------------------------------------------------------------

type LegendBase = Omit<LegendInput, 'x' | 'width' | 'top'>;

interface LegendInput {
  s: Strings;
  t: (typeof TEXT)[Lang];
  view: ViewState;
  c: MapColours;
  pc: PageColours;
  w: number;
  u: number;
  topicColours: Record<Topic, string>;
  shapes: Set<string>;
  anyEnded: boolean;
  anyCity: boolean;
  selectedRegion: string | null;
  selectedCooperation: string | null;
  partnerTint: boolean;
  topics: { topic: Topic; n: number }[];
  x: number;
  width: number;
  top: number;
}

/** Symbol drawer: box left x, vertical centre y, symbol box width. */
type Symbol = (x: number, y: number, sw: number) => string;

function buildLegend(L: LegendInput, size: number): { parts: string[]; height: number } {
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
  const line = (stroke: string, width: number, opacity = 0.9, topic?: Topic): Symbol => {
    return (x, yy, bw) =>
      el('line', {
        x1: x + 2 * u,
        x2: x + bw - 2 * u,
        y1: yy,
        y2: yy,
        stroke,
        'stroke-width': width,
        'stroke-opacity': opacity,
        'stroke-linecap': 'round',
        ...(topic ? dashOf(topic, width) : {}),
      });
  };

  heading(s.legend);
  row(
    (x, yy, bw) =>
      el('path', {
        d: `M${num(x + 2 * u)} ${num(yy + size * 0.35)}Q${num(x + bw / 2)} ${num(yy - size * 0.75)} ${num(x + bw - 2 * u)} ${num(yy + size * 0.35)}`,
        fill: 'none',
        stroke: neutral,
        'stroke-width': 2.2 * w,
        'stroke-linecap': 'round',
      }),
    s.legendLink,
  );
  if (L.shapes.has('hub'))
    row((x, yy, bw) => {
      const cx = x + bw / 2;
      const r = 5.5 * w;
      const ends: XY[] = [
        [x + 2 * u, yy - size * 0.45],
        [x + bw - 2 * u, yy - size * 0.35],
        [cx + size * 0.15, yy + size * 0.6],
      ];
      return (
        ends
          .map(([ex, ey]) =>
            el('line', {
              x1: cx,
              y1: yy,
              x2: ex,
              y2: ey,
              stroke: neutral,
              'stroke-width': 2.2 * w,
              'stroke-linecap': 'round',
            }),
          )
          .join('') +
        el('circle', { cx, cy: yy, r, fill: c.hubFill, stroke: neutral, 'stroke-width': 2 * w })
      );
    }, s.legendHub);
  if (L.shapes.has('local'))
    row(
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
    );
  if (L.view.mode !== 'signed')
    row(
      (x, yy, bw) =>
        line(neutral, 9 * w, 0.22)(x, yy, bw) + line(neutral, 3.2 * w, 0.95)(x, yy, bw),
      s.legendRecent,
    );
  if (L.view.mode === 'cumulative' || L.anyEnded) row(line(c.ended, 2.2 * w, 0.6), s.legendEnded);
  if (L.anyCity)
    row(
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
    );
  row((x, yy, bw) => {
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
  }, s.legendBund);
  const swatch =
    (fillColour: string, stroke: string, strokeW: number): Symbol =>
    (x, yy, bw) =>
      el('rect', {
        x: x + 2 * u,
        y: yy - size * 0.5,
        width: bw - 4 * u,
        height: size,
        rx: 2 * u,
        fill: fillColour,
        stroke,
        'stroke-width': strokeW,
      });
  if (L.selectedRegion) row(swatch(c.selectedFill, c.selectedBorder, 2.5 * u), s.legendSelected);
  if (L.selectedCooperation) row(line(neutral, 4 * w, 1), L.t.selectedCooperation);
  if (L.partnerTint)
    row((x, yy, bw) => {
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
    }, s.legendPartnerTint);

  if (L.topics.length > 0) {
    y += size * 0.4;
    heading(s.topicsLabel);
    const label = (tp: { topic: Topic; n: number }): string => `${s.topic[tp.topic]} (${tp.n})`;
    const itemW = Math.max(...L.topics.map((tp) => textWidth(label(tp), size))) + sw + size * 1.6;
    const columns = L.topics.length > 5 && itemW * 2 <= L.width ? 2 : 1;
    const colW = L.width / columns;
    const rows = Math.ceil(L.topics.length / columns);
    L.topics.forEach((tp, i) => {
      const col = Math.floor(i / rows);
      const r = i % rows;
      const x = L.x + col * colW;
      const yy = y + r * (lineH + rowGap) + size * 0.9;
      const text = truncateText(label(tp), colW - sw - size * 1.2, size);
      parts.push(
        el(
          'g',
          { class: 'legend-item legend-topic', 'data-topic': tp.topic },
          line(L.topicColours[tp.topic], 4 * w, 1, tp.topic)(x, yy - size * 0.33, sw) +
            el(
              'text',
              { x: x + sw + size * 0.7, y: yy, 'font-size': size, fill: pc.ink },
              escapeXml(text),
            ),
        ),
      );
    });
    y += rows * (lineH + rowGap);
  }
  return { parts, height: y - L.top };
}

/** The topic's line pattern as SVG attributes (a second cue besides colour). */
function dashOf(topic: Topic, width: number): Record<string, string> {
  const dash = TOPIC_DASH[topic];
  return dash ? { 'stroke-dasharray': dash.map((d) => num(d * width)).join(' ') } : {};
}

// ---- File names -------------------------------------------------------------------------------

/**
 * "kooperationsatlas-2020-12-11-DE-BB.svg"; in signed mode the period
 * "kooperationsatlas-2020-01-01_2020-12-11.png". The selection (a known region or
 * cooperation) is kept to [A-Za-z0-9-].
 */
export function exportFileName(view: ViewState, scene: Scene, ext: 'png' | 'svg'): string {
  const when =
    view.mode === 'signed'
      ? `${formatDay(view.from)}_${formatDay(view.date)}`
      : formatDay(view.date);
  const known =
    view.select !== null &&
    (scene.atlas.regions.has(view.select) || scene.atlas.cooperationById.has(view.select));
  const select = known ? sanitizeFilePart(view.select!) : '';
  return `kooperationsatlas-${when}${select ? `-${select}` : ''}.${ext}`;
}
