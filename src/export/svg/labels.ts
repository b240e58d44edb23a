/**
 * The export's labels: the Länder, the cities of the selection and the Bund marker, placed by the
 * same collision rule as the map's labels (view/labels.ts). Pure.
 */
import { BUND_ANCHOR } from '../../geo/anchors.ts';
import type { Lang } from '../../data/model.ts';
import type { AtlasModel } from '../../model/atlas-model.ts';
import { fill, STRINGS } from '../../i18n/strings.ts';
import { regionName } from '../../i18n/text.ts';
import type { PageColours } from '../../style/palette.ts';
import { labelPriority, placeLabels, type Box, type LabelBox } from '../../view/labels.ts';
import { textWidth } from '../text-measure.ts';
import { el, escapeXml, titleEl } from './markup.ts';
import type { MapLayer } from './map-layer.ts';
import type { Derived } from '../../view/derive.ts';
import type { Level } from '../../geo/overview.ts';
import type { MapColours } from '../../style/palette.ts';
import { plural } from '../../i18n/text.ts';

export interface LabelInput {
  model: AtlasModel;
  layer: MapLayer;
  derived: Derived;
  level: Level;
  colours: MapColours;
  select: string | null;
  partners: ReadonlySet<string>;
  lang: Lang;
  pc: PageColours;
  theme: 'light' | 'dark';
  box: Box;
  u: number;
  /** Prefix of the element ids (several maps on one page, the storyboard's). */
  idPrefix?: string;
  /** Name the Länder by their abbreviations (small maps). */
  abbreviate?: boolean;
}

export function labels(input: LabelInput): string[] {
  const { model, layer, lang, pc, u } = input;
  const s = STRINGS[lang];
  const halo = {
    stroke: pc.halo,
    'stroke-width': 3.2 * u,
    'stroke-opacity': input.theme === 'dark' ? 0.7 : 0.85,
    'stroke-linejoin': 'round',
    'paint-order': 'stroke',
  };
  const boxes: LabelBox[] = [];
  const draw = new Map<string, (at: Box) => string>();

  // The Bund marker: a labelled rounded rectangle in the North Sea.
  const bundXY = layer.project(BUND_ANCHOR);
  const bundSize = 14 * u;
  if (bundXY) {
    const bw = textWidth(s.bundShort, bundSize, true) + 18 * u;
    const bh = bundSize + 12 * u;
    const selected = input.select === 'DE';
    boxes.push({
      id: 'DE',
      x0: bundXY[0] - bw / 2,
      y0: bundXY[1] - bh / 2,
      x1: bundXY[0] + bw / 2,
      y1: bundXY[1] + bh / 2,
      priority: labelPriority('federal', { selected, partner: false }) + 10,
    });
    draw.set('DE', () =>
      el(
        'g',
        { id: `${input.idPrefix ?? ''}bund-marker`, 'data-region': 'DE' },
        titleEl(s.bund) +
          el('rect', {
            x: bundXY[0] - bw / 2,
            y: bundXY[1] - bh / 2,
            width: bw,
            height: bh,
            rx: 4 * u,
            fill: pc.bundFill,
            stroke: selected ? pc.bundSelected : pc.bundBorder,
            'stroke-width': (selected ? 3 : 2) * u,
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
            escapeXml(s.bundShort),
          ),
      ),
    );
  }

  // The Länder: every one is labelled (the map's outline needs its names).
  const stateSize = 15 * u;
  for (const f of model.data.states.features) {
    const id = f.properties.id;
    const region = model.atlas.regions.get(id);
    const xy = layer.project(f.properties.anchor);
    if (!xy) continue;
    const name = regionName(region, lang, id);
    const selected = id === input.select;
    const short = input.abbreviate || (name.length > 14 && u < 0.6);
    const text = region?.abbr && short ? region.abbr : name;
    const size = stateSize * (selected ? 1.15 : 1);
    const tw = textWidth(text, size, true);
    boxes.push({
      id,
      x0: xy[0] - tw / 2,
      y0: xy[1] - size * 0.6,
      x1: xy[0] + tw / 2,
      y1: xy[1] + size * 0.6,
      // State labels always show: they outrank every city label.
      priority: labelPriority('state', { selected, partner: input.partners.has(id) }) + 10,
    });
    draw.set(id, () =>
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
          'font-weight': selected ? 700 : 600,
          fill: pc.label,
          'text-decoration': selected ? 'underline' : undefined,
          ...halo,
        },
        escapeXml(text),
      ),
    );
  }

  // Cities: right of their dot, else left of it, else left out.
  const citySize = 12.5 * u;
  for (const { id, xy, name, selected } of layer.cityLabels) {
    const tw = textWidth(name, citySize, selected);
    const off = 7 * u;
    const right: Box = {
      x0: xy[0] + off,
      y0: xy[1] - citySize * 0.6,
      x1: xy[0] + off + tw,
      y1: xy[1] + citySize * 0.6,
    };
    const left: Box = { ...right, x0: xy[0] - off - tw, x1: xy[0] - off };
    boxes.push({
      id,
      ...right,
      alternatives: [left],
      priority: labelPriority('municipality', { selected, partner: true }),
    });
    draw.set(id, (at) =>
      el(
        'text',
        {
          class: 'city-label',
          x: at.x0 === right.x0 ? at.x0 : at.x1,
          y: xy[1],
          dy: '0.35em',
          'text-anchor': at.x0 === right.x0 ? undefined : 'end',
          'font-size': citySize,
          'font-weight': selected ? 700 : 500,
          fill: pc.label,
          ...halo,
        },
        escapeXml(name),
      ),
    );
  }

  if (input.derived.overview) overviewMarks(input, bundXY, boxes, draw);

  // The Länder and the Bund always keep their place (they rank first); a city label must also
  // stay inside the map.
  const placed = placeLabels(boxes, { gap: 0, area: input.box });
  return boxes.flatMap((b) => {
    const at = b.priority >= 10 ? b : placed.get(b.id);
    return at ? [draw.get(b.id)!(at)] : [];
  });
}

/**
 * The overview's counts within a region (under a Land's name, beside a city) and the element of
 * the nationwide agreements under the Bund's marker, as the map shows them.
 */
function overviewMarks(
  input: LabelInput,
  bundXY: [number, number] | null,
  boxes: LabelBox[],
  draw: Map<string, (at: Box) => string>,
): void {
  const { model, derived, level, pc, u, lang } = input;
  const s = STRINGS[lang];
  const size = 12 * u;
  const ring = input.colours.pair;
  for (const [region, n] of derived.local[level]) {
    const anchor = model.anchors.get(region);
    const xy = anchor ? input.layer.project(anchor) : null;
    if (!xy) continue;
    const big = model.atlas.regions.get(region)?.kind === 'state';
    const text = String(n);
    const w = Math.max(size * 1.5, size * 0.7 * text.length + size * 0.8);
    const h = size * 1.45;
    const cx = big ? xy[0] : xy[0] - size * 0.9 - w / 2;
    const cy = big ? xy[1] + size * 1.55 : xy[1];
    const id = `local:${region}`;
    boxes.push({
      id,
      x0: cx - w / 2,
      y0: cy - h / 2,
      x1: cx + w / 2,
      y1: cy + h / 2,
      priority: 10,
    });
    draw.set(id, () =>
      el(
        'g',
        { class: 'local-count', 'data-region': region },
        titleEl(
          fill(plural(s.localCount, n, lang), {
            name: regionName(model.atlas.regions.get(region), lang, region),
          }),
        ) +
          el('rect', {
            x: cx - w / 2,
            y: cy - h / 2,
            width: w,
            height: h,
            rx: h / 2,
            fill: pc.page,
            stroke: ring,
            'stroke-width': 1.5 * u,
          }) +
          el(
            'text',
            {
              x: cx,
              y: cy,
              dy: '0.35em',
              'text-anchor': 'middle',
              'font-size': size,
              'font-weight': 700,
              fill: pc.ink,
            },
            text,
          ),
      ),
    );
  }
  const n = derived.nationwide.length;
  if (!bundXY || n === 0) return;
  const top = bundXY[1] + 22 * u;
  const r = size * 1.05;
  const textW = Math.max(
    textWidth(s.nationwideAll, size, true),
    textWidth(s.nationwideShort, size),
  );
  const w = r * 2 + 8 * u + textW + 12 * u;
  const x0 = bundXY[0] - w / 2;
  const h = r * 2 + 6 * u;
  boxes.push({ id: 'nationwide', x0, y0: top, x1: x0 + w, y1: top + h, priority: 10 });
  draw.set('nationwide', () =>
    el(
      'g',
      { id: `${input.idPrefix ?? ''}nationwide` },
      titleEl(`${s.nationwideAll}: ${plural(s.nationwideCount, n, lang)}`) +
        el('rect', {
          x: x0,
          y: top,
          width: w,
          height: h,
          rx: h / 2,
          fill: pc.page,
          stroke: pc.rule,
          'stroke-width': u,
        }) +
        el('circle', {
          cx: x0 + 3 * u + r,
          cy: top + h / 2,
          r: r - 2 * u,
          fill: pc.page,
          stroke: ring,
          'stroke-width': 3 * u,
        }) +
        el(
          'text',
          {
            x: x0 + 3 * u + r,
            y: top + h / 2,
            dy: '0.35em',
            'text-anchor': 'middle',
            'font-size': size,
            'font-weight': 700,
            fill: pc.ink,
          },
          String(n),
        ) +
        el(
          'text',
          {
            x: x0 + 2 * r + 10 * u,
            y: top + h / 2 - size * 0.15,
            'font-size': size,
            'font-weight': 700,
            fill: pc.ink,
          },
          escapeXml(s.nationwideAll),
        ) +
        el(
          'text',
          {
            x: x0 + 2 * r + 10 * u,
            y: top + h / 2 + size * 0.95,
            'font-size': size,
            fill: pc.muted,
          },
          escapeXml(s.nationwideShort),
        ),
    ),
  );
}
