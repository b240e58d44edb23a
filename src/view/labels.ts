/**
 * Label placement, shared by the map's HTML labels and the exports: which labels show where two
 * would overlap, by rank. (MapLibre's own collision only works for symbol layers, which need a
 * glyph server.) Pure: boxes in, placements out.
 */
import type { Position } from 'geojson';
import type { Atlas } from '../data/atlas.ts';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelBox extends Box {
  id: string;
  /** Higher wins: the selection, then the Bund, then partners, then the Länder, then places. */
  priority: number;
  /** Further places the label may take (tried in order) when its own box is taken. */
  alternatives?: Box[];
}

const overlaps = (a: Box, b: Box, gap: number): boolean =>
  a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;

/**
 * Greedy placement: labels are taken by priority (ties keep their given order); each takes the
 * first of its boxes that overlaps no label already placed (with `gap` px around it) and lies
 * within `area`, if given. Returns where each placed label went; the others are left out.
 */
export function placeLabels(
  boxes: readonly LabelBox[],
  options: { gap?: number; area?: Box } = {},
): Map<string, Box> {
  const gap = options.gap ?? 2;
  const area = options.area;
  const order = boxes
    .map((box, i) => ({ box, i }))
    .sort((a, b) => b.box.priority - a.box.priority || a.i - b.i);
  const placed = new Map<string, Box>();
  const kept: Box[] = [];
  for (const { box } of order) {
    const candidates: Box[] = [box, ...(box.alternatives ?? [])];
    const free = candidates.find(
      (c) =>
        (!area || (c.x0 >= area.x0 && c.x1 <= area.x1 && c.y0 >= area.y0 && c.y1 <= area.y1)) &&
        !kept.some((k) => overlaps(c, k, gap)),
    );
    if (!free) continue;
    kept.push(free);
    placed.set(box.id, free);
  }
  return placed;
}

/** The ids of the labels that give way (the map clips them; they show when focused). */
export function declutter(boxes: readonly LabelBox[], gap = 2): Set<string> {
  const placed = placeLabels(boxes, { gap });
  return new Set(boxes.filter((b) => !placed.has(b.id)).map((b) => b.id));
}

/** A label's priority from its kind and state. */
export function labelPriority(
  kind: string,
  state: { selected: boolean; partner: boolean },
): number {
  if (state.selected) return 4;
  if (kind === 'federal') return 3.5;
  if (state.partner) return 3;
  return kind === 'state' ? 2 : 1;
}

/**
 * The regions the map labels, in the regions' order: the Länder and the Bund (`big`, labelled
 * from the start) and every place that takes part in some cooperation (`places`, labelled when
 * first shown). `rank` is each one's position in that order, so that labels made later still
 * take their place in the tab order. Regions without an anchor point get no label.
 */
export function labelledRegions(
  atlas: Pick<Atlas, 'regions' | 'cooperations'>,
  anchors: ReadonlyMap<string, Position>,
): { big: string[]; places: string[]; rank: Map<string, number> } {
  const used = new Set(atlas.cooperations.flatMap((c) => c.regions));
  const big: string[] = [];
  const places: string[] = [];
  const rank = new Map<string, number>();
  for (const region of atlas.regions.values()) {
    if (!anchors.has(region.id)) continue;
    if (region.kind === 'state' || region.kind === 'federal') big.push(region.id);
    else if (used.has(region.id)) places.push(region.id);
    else continue;
    rank.set(region.id, rank.size);
  }
  return { big, places, rank };
}
