/**
 * Keeps the map's feature-state in step with the derived view: only the features whose state
 * changed are touched (a repaint, no re-tiling). Pure over a small sink interface, so it is
 * tested without WebGL.
 */
import { placeLook } from '../view/places.ts';
import type { AtlasModel } from '../model/atlas-model.ts';
import { featureStateOf } from '../style/link-style.ts';
import { changedFeatures, type Derived } from '../view/derive.ts';
import { CITY_STATES, FID } from './layers.ts';

export interface FeatureStateSink {
  setFeatureState(id: number, state: Record<string, boolean | number>): void;
}

/** Sets the features whose state byte differs from what was applied; returns what is applied now. */
export function syncLinks(
  sink: FeatureStateSink,
  applied: Uint8Array | null,
  next: Uint8Array,
): Uint8Array {
  for (const fid of changedFeatures(applied, next))
    sink.setFeatureState(fid, featureStateOf(next[fid] ?? 0));
  return next;
}

export interface AppliedPairs {
  far: Uint16Array;
  near: Uint16Array;
}

/** Sets the count (per level) of the overview's pair lines whose count changed. */
export function syncPairs(
  sink: FeatureStateSink,
  applied: AppliedPairs | null,
  next: Derived['pairCounts'],
): AppliedPairs {
  // Both lists are ascending: merge them, each fid once.
  const a = changedFeatures(applied?.far ?? null, next.far);
  const b = changedFeatures(applied?.near ?? null, next.near);
  for (let i = 0, j = 0; i < a.length || j < b.length;) {
    const fid = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    if (a[i] === fid) i++;
    if (b[j] === fid) j++;
    sink.setFeatureState(fid, { far: next.far[fid] ?? 0, near: next.near[fid] ?? 0 });
  }
  return next;
}

/**
 * Sets again, on the source they moved to, the applied states of overview features that moved
 * there (map/fill.ts): a feature-state belongs to its source. Zero states need no setting (an
 * unset state reads 0, and moved features carry no start look).
 */
export function restateMoved(
  sink: FeatureStateSink,
  fids: readonly number[],
  overview: Uint8Array | null,
  pairs: AppliedPairs | null,
): void {
  for (const fid of fids) {
    const bits = overview?.[fid] ?? 0;
    if (bits) sink.setFeatureState(fid, featureStateOf(bits));
    const far = pairs?.far[fid] ?? 0;
    const near = pairs?.near[fid] ?? 0;
    if (far || near) sink.setFeatureState(fid, { far, near });
  }
}

/** The regions drawn as selected: a selected region, or both of a selected pair. */
export function selectedRegions(
  selection: string | null,
  derived: Pick<Derived, 'selectedRegions'>,
): Set<string> {
  if (!selection) return new Set();
  if (selection.includes(',')) return derived.selectedRegions;
  return new Set([selection]);
}

/** A region feature's look: its state, and a key that is equal exactly when the state is. */
export interface RegionState {
  key: string;
  state: Record<string, boolean | number>;
}

/**
 * Selection, partner tint and activity of the states, the city-state dots and the places, by
 * feature id. `selected` are the regions shown as selected (a region, or both of a pair).
 */
export function regionStates(
  model: Pick<AtlasModel, 'data'>,
  derived: Pick<Derived, 'partnerTint' | 'activeRegions' | 'overview' | 'involved'>,
  selected: ReadonlySet<string>,
): Map<number, RegionState> {
  const out = new Map<number, RegionState>();
  const put = (fid: number, key: string, state: Record<string, boolean | number>) =>
    out.set(fid, { key, state });
  model.data.states.features.forEach((f, i) => {
    const id = f.properties.id;
    const tint = Math.min(derived.partnerTint.get(id) ?? 0, 3);
    const isSelected = selected.has(id);
    const key = `${isSelected ? 1 : 0}|${tint}`;
    put(FID.state(i), key, { selected: isSelected, tint });
    if (CITY_STATES.includes(id)) put(FID.cityState(i), key, { selected: isSelected, tint });
  });
  // Places: how each is drawn at either level (view/places.ts); the style picks by zoom.
  model.data.places.features.forEach((f, i) => {
    const id = f.properties.id;
    const isSelected = selected.has(id);
    const far = placeLook(id, derived, 'far', isSelected);
    const near = placeLook(id, derived, 'near', isSelected);
    put(FID.place(i), `${far}|${near}`, { far, near });
  });
  return out;
}

/** The keys of region looks (what `syncRegions` compares), by feature id. */
export const regionKeys = (looks: ReadonlyMap<number, RegionState>): Map<number, string> =>
  new Map([...looks].map(([fid, look]) => [fid, look.key]));

/**
 * Sets the region features whose state changed. `applied` maps a feature id to the key of the
 * state the map shows (set, or carried by the feature from the start view); the new map is
 * returned.
 */
export function syncRegions(
  sink: FeatureStateSink,
  model: Pick<AtlasModel, 'data'>,
  derived: Pick<Derived, 'partnerTint' | 'activeRegions' | 'overview' | 'involved'>,
  selected: ReadonlySet<string>,
  applied: ReadonlyMap<number, string>,
): Map<number, string> {
  const wanted = new Map<number, string>();
  for (const [fid, { key, state }] of regionStates(model, derived, selected)) {
    wanted.set(fid, key);
    if (applied.get(fid) !== key) sink.setFeatureState(fid, state);
  }
  return wanted;
}
