/**
 * Which cities and districts the map (and the export) draws, and how, at each level of zoom:
 * zoomed out they count for their Land, so only the selected one and those the selection (or, in
 * diff mode, a change) involves get a dot; zoomed in, every place taking part at the date does,
 * the others faintly. One rule for the map's feature-state and the SVG export. Pure.
 */
import type { Level } from '../geo/overview.ts';
import { PLACE_LOOK, type PlaceLook } from '../style/link-style.ts';
import type { Derived } from './derive.ts';

export function placeLook(
  id: string,
  derived: Pick<Derived, 'overview' | 'activeRegions' | 'involved'>,
  level: Level,
  selected: boolean,
): PlaceLook {
  if (selected) return PLACE_LOOK.selected;
  if (level === 'near') return derived.activeRegions.has(id) ? PLACE_LOOK.dot : PLACE_LOOK.faint;
  if (derived.overview) return PLACE_LOOK.hidden;
  return derived.involved.has(id) ? PLACE_LOOK.dot : PLACE_LOOK.hidden;
}
