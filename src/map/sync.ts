/**
 * Keeps the map's feature-state in step with the derived view: only the features whose state
 * changed are touched (a repaint, no re-tiling). Pure over a small sink interface, so it is
 * tested without WebGL.
 */
import type { AtlasModel } from '../model/atlas-model.ts';
import { featureStateOf } from '../style/link-style.ts';
import { changedFeatures, type Derived } from '../view/derive.ts';
import { CITY_STATES, FID } from './style.ts';

export interface FeatureStateSink {
  setFeatureState(id: number, state: Record<string, boolean | number>): void;
}

/** Sets the link features whose state byte differs from what was applied; returns what is applied now. */
export function syncLinks(
  sink: FeatureStateSink,
  applied: Uint8Array | null,
  next: Uint8Array,
): Uint8Array {
  for (const fid of changedFeatures(applied, next))
    sink.setFeatureState(fid, featureStateOf(next[fid] ?? 0));
  return next;
}

/**
 * Sets selection, partner tint and activity on the states, the city-state dots and the places
 * whose state changed. `applied` maps a feature id to the key of its applied state; the new map
 * is returned.
 */
export function syncRegions(
  sink: FeatureStateSink,
  model: Pick<AtlasModel, 'data'>,
  derived: Pick<Derived, 'partnerTint' | 'activeRegions'>,
  selection: string | null,
  applied: ReadonlyMap<number, string>,
): Map<number, string> {
  const wanted = new Map<number, string>();
  const put = (fid: number, key: string, state: Record<string, boolean | number>) => {
    wanted.set(fid, key);
    if (applied.get(fid) !== key) sink.setFeatureState(fid, state);
  };
  model.data.states.features.forEach((f, i) => {
    const id = f.properties.id;
    const tint = Math.min(derived.partnerTint.get(id) ?? 0, 3);
    const selected = id === selection;
    const key = `${selected ? 1 : 0}|${tint}`;
    put(FID.state(i), key, { selected, tint });
    if (CITY_STATES.includes(id)) put(FID.cityState(i), key, { selected, tint });
  });
  model.data.places.features.forEach((f, i) => {
    const id = f.properties.id;
    const selected = id === selection;
    const active = derived.activeRegions.has(id);
    put(FID.place(i), `${selected ? 1 : 0}|${active ? 1 : 0}`, { selected, active });
  });
  return wanted;
}
