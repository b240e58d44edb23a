/** One anchor point per region: where its links end and its label sits. Pure. */
import type { Position } from './links.ts';

/**
 * The Bund has no polygon of its own: its marker sits in the North Sea, west of
 * Schleswig-Holstein, where it overlaps no Land and every spoke to it stays visible.
 */
export const BUND_ANCHOR: Position = [6.75, 54.72];

export interface AnchorSources {
  states: { features: { properties: { id: string; anchor: [number, number] } }[] };
  places: { features: { properties: { id: string }; geometry: { coordinates: number[] } }[] };
}

export function buildAnchors(sources: AnchorSources): Map<string, Position> {
  const anchors = new Map<string, Position>([['DE', BUND_ANCHOR]]);
  for (const f of sources.states.features) anchors.set(f.properties.id, f.properties.anchor);
  for (const f of sources.places.features) {
    const [lon, lat] = f.geometry.coordinates;
    if (lon !== undefined && lat !== undefined) anchors.set(f.properties.id, [lon, lat]);
  }
  return anchors;
}

/** Bounds [west, south, east, north] of Germany with the Bund marker. */
export const GERMANY_BOUNDS: [number, number, number, number] = [5.6, 47.2, 15.2, 55.15];
