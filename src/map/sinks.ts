/**
 * Where the map's feature states and paints go: a sink per source, the overview's states routed
 * to the source that holds each feature (the near level lives apart), and a paint applied to a
 * layer and to its twins (map/layers.ts TWIN).
 */
import type * as maplibregl from 'maplibre-gl';
import { TWIN } from './layers.ts';
import type { FeatureStateSink } from './sync.ts';

export const sinkOf = (m: maplibregl.Map, source: string): FeatureStateSink => ({
  setFeatureState: (id, state) => m.setFeatureState({ source, id }, state),
});

/** The overview's features live in two sources; each state goes to its feature's (`sourceOf`). */
export const overviewSinkOf = (
  m: maplibregl.Map,
  sourceOf: (fid: number) => string,
): FeatureStateSink => ({
  setFeatureState: (id, state) => m.setFeatureState({ source: sourceOf(id), id }, state),
});

/** Sets paint properties on their layers and on the twins that share them. */
export function applyPaint(
  m: maplibregl.Map,
  paints: Record<string, Record<string, unknown>>,
): void {
  for (const [layer, paint] of Object.entries(paints)) {
    const twins = Object.entries(TWIN)
      .filter(([, of]) => of === layer)
      .map(([twin]) => twin);
    for (const [prop, value] of Object.entries(paint))
      for (const id of [layer, ...twins]) m.setPaintProperty(id, prop as never, value as never);
  }
}
