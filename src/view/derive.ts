/**
 * From the model and the view (time filter, selection, topic and kind filters) to what is shown:
 * the visible cooperations; with nothing selected, the overview's counts (pairs, hubs, regions,
 * nationwide); with a selection, a state byte per detail feature, the selection's cooperations
 * and its partners' tints. Pure; the map and the exports only apply the result.
 */
import type { Cooperation } from '../data/atlas.ts';
import type { Kind, Topic } from '../data/model.ts';
import { addMonths } from '../data/partial-date.ts';
import { LARGE_ALLIANCE, type LinkGeometry } from '../geo/links.ts';
import { phaseAt, type OverviewGeometry, type Plan } from '../geo/overview.ts';
import type { AtlasModel } from '../model/atlas-model.ts';
import { STATE_BITS } from '../style/link-style.ts';
import {
  drawnAt,
  isEndedBy,
  isInForce,
  isRecent,
  isShown,
  type TimeFilter,
} from '../time/in-force.ts';
import { diffOf, type Diff } from './diff.ts';

const {
  shown: SHOWN,
  recent: RECENT,
  ended: ENDED,
  sel: SELECTED,
  dim: DIMMED,
  focus: FOCUS,
  kept: KEPT,
} = STATE_BITS;

export interface Filters {
  topics: ReadonlySet<Topic>;
  kinds: ReadonlySet<Kind>;
}

export type Selection =
  | { type: 'region'; id: string }
  | { type: 'cooperation'; id: string }
  | { type: 'pair'; id: string; a: string; b: string }
  | null;

export type DeriveModel = Pick<AtlasModel, 'atlas' | 'geometry' | 'overview' | 'landOf'>;

export interface Derived {
  /** The id of the selection this was derived for (null for none). */
  selection: string | null;
  /** Shown cooperations, newest first. */
  visible: Cooperation[];
  /** Nothing is selected (and no diff): the map draws the overview, not the detail. */
  overview: boolean;
  /** Diff mode: what was added, ended and continued between the two dates. */
  diff: Diff | null;
  /** State byte per detail feature (links and hubs of single cooperations; 0 in the overview). */
  featureState: Uint8Array;
  /** State byte per overview feature (hubs and spokes of multi-party cooperations). */
  overviewState: Uint8Array;
  /** Per overview pair feature (by fid): how many shown cooperations join the pair, per level. */
  pairCounts: { far: Uint16Array; near: Uint16Array };
  /** Per level: how many shown cooperations lie within one region (a Land, or a city). */
  local: { far: Map<string, number>; near: Map<string, number> };
  /** Shown cooperations in which every Land takes part, newest first. */
  nationwide: Cooperation[];
  /** For a selected region: how many shown cooperations it shares with each other region. */
  partnerCounts: Map<string, number>;
  /**
   * Tint level 1–3 of each partner, relative to the selection's strongest partner. Nationwide
   * alliances are left out here: they would tint every Land alike.
   */
  partnerTint: Map<string, number>;
  /** Cooperations of the selection among the shown ones, newest first. */
  selected: Cooperation[];
  /** Regions taking part in any shown cooperation. */
  activeRegions: Set<string>;
  /** Regions taking part in the selection (the selected region's partners, or the cooperation's). */
  selectedRegions: Set<string>;
  /**
   * Regions the detail brings forward even zoomed out: the selection's partners, or in diff mode
   * (with nothing selected) the partners of what was added or ended.
   */
  involved: Set<string>;
}

export function passesFilters(c: Cooperation, f: Filters): boolean {
  if (f.kinds.size > 0 && !f.kinds.has(c.kind)) return false;
  if (f.topics.size > 0 && !c.topics.some((t) => f.topics.has(t))) return false;
  return true;
}

/** Whether a region takes part, given the active partner regions (a Land through its cities too). */
export function takesPart(
  active: ReadonlySet<string>,
  region: string,
  landOf: ReadonlyMap<string, string>,
): boolean {
  if (active.has(region)) return true;
  for (const r of active) if (landOf.get(r) === region) return true;
  return false;
}

/** Adds a cooperation's plan at one level to the overview's counts. */
function applyPlan(
  plan: Plan,
  level: 'far' | 'near',
  bits: number,
  out: Pick<Derived, 'overviewState' | 'pairCounts' | 'local'>,
): void {
  switch (plan.kind) {
    case 'pair':
      out.pairCounts[level][plan.pair]!++;
      return;
    case 'hub':
      for (const fid of plan.fids) out.overviewState[fid] = bits;
      return;
    case 'local':
      out.local[level].set(plan.region, (out.local[level].get(plan.region) ?? 0) + 1);
      return;
    case 'nationwide':
      return;
  }
}

/** The detail states of the overview: none (every feature reads 0). */
const NO_STATES = new Uint8Array(0);

export function derive(
  model: DeriveModel,
  time: TimeFilter,
  filters: Filters,
  selection: Selection,
): Derived {
  const { atlas, overview: ov, landOf } = model;
  // Diff mode draws every cooperation for itself (what changed stands out), like a selection.
  const diffMode = time.mode === 'diff';
  const overview = selection === null && !diffMode;
  const visible: Cooperation[] = [];
  // The overview draws no single cooperation: no detail states (and the detail geometry, built
  // on first use, is not needed for the first screen).
  const featureState = overview ? NO_STATES : new Uint8Array(featureCount(model.geometry));
  const out = {
    overviewState: new Uint8Array(ov.size),
    pairCounts: { far: new Uint16Array(ov.size), near: new Uint16Array(ov.size) },
    local: { far: new Map<string, number>(), near: new Map<string, number>() },
  };
  const nationwide: Cooperation[] = [];
  const recentFrom = addMonths(time.date, -12);
  const selectedCoop = selection?.type === 'cooperation' ? selection.id : null;
  const selectedRegion = selection?.type === 'region' ? selection.id : null;
  const pair = selection?.type === 'pair' ? selection : null;
  const partnerCounts = new Map<string, number>();
  const tintCounts = new Map<string, number>();
  const activeRegions = new Set<string>();
  const selected: Cooperation[] = [];
  const selectedRegions = new Set<string>();
  if (pair) selectedRegions.add(pair.a).add(pair.b);
  const involved = new Set<string>();

  // Newest first: the lists need no sorting afterwards.
  for (const c of atlas.newestFirst) {
    if (!isShown(c, time) || !passesFilters(c, filters)) continue;
    // The phase of its membership on the day it is drawn at: who takes part, and how the
    // overview draws it.
    const phase = phaseAt(ov.phases[c.index]!, drawnAt(c, time));
    if (phase.regions.length === 0) continue;
    for (const r of phase.regions) activeRegions.add(r);
    visible.push(c);
    let bits = SHOWN;
    if (diffMode) {
      // Added: emphasised as new; ended: as ended; continued: quiet.
      if (!isInForce(c, time.date)) bits |= ENDED;
      else bits |= isInForce(c, time.from) ? KEPT : RECENT;
    } else {
      if (time.mode !== 'signed' && isRecent(c, time.date, recentFrom)) bits |= RECENT;
      if (time.mode === 'cumulative' && isEndedBy(c, time.date)) bits |= ENDED;
    }

    if (overview) {
      // The overview: the cooperation's plan for that phase.
      if (phase.far.kind === 'nationwide') nationwide.push(c);
      applyPlan(phase.far, 'far', bits, out);
      applyPlan(phase.near, 'near', bits, out);
      continue;
    }

    // A selection (or diff mode): every cooperation as its own arc or hub, the selection's
    // bright, the rest dim.
    const active = new Set(phase.regions);
    let isSelected = !selection;
    if (selectedCoop) isSelected = c.id === selectedCoop;
    else if (selectedRegion) isSelected = active.has(selectedRegion);
    else if (pair)
      isSelected = takesPart(active, pair.a, landOf) && takesPart(active, pair.b, landOf);
    const large = c.regions.length >= LARGE_ALLIANCE;
    if (isSelected) {
      // In diff mode the selection keeps the change's style; only the rest is dimmed.
      if (!diffMode) bits |= SELECTED;
      if (selectedCoop) bits |= FOCUS;
      if (selection) selected.push(c);
      if (selection || (bits & (RECENT | ENDED)) !== 0) for (const r of active) involved.add(r);
      if (selection)
        for (const r of active) {
          if (!pair) selectedRegions.add(r);
          if (selectedRegion && r !== selectedRegion) {
            partnerCounts.set(r, (partnerCounts.get(r) ?? 0) + 1);
            if (!large) tintCounts.set(r, (tintCounts.get(r) ?? 0) + 1);
          }
        }
    } else bits |= DIMMED;
    const parts = model.geometry.parts.get(c.id);
    if (!parts) continue;
    // A selected region's nationwide alliances: only its own spoke to the hub stays bright.
    const quiet = selectedRegion !== null && large && (bits & SELECTED) !== 0;
    for (const part of parts.lines)
      if (part.requires.every((r) => active.has(r)))
        featureState[part.fid] =
          quiet && part.requires[0] !== selectedRegion ? (bits & ~SELECTED) | DIMMED : bits;
    for (const part of parts.points)
      if (part.requires.every((r) => active.has(r))) featureState[part.fid] = bits;
  }
  const maxCount = Math.max(0, ...tintCounts.values());
  const partnerTint = new Map<string, number>();
  for (const [region, n] of tintCounts)
    partnerTint.set(region, Math.max(1, Math.ceil((3 * n) / maxCount)));
  return {
    selection: selection?.id ?? null,
    visible,
    overview,
    diff: diffMode ? diffOf(ov, visible, time.from, time.date) : null,
    featureState,
    ...out,
    nationwide,
    partnerCounts,
    partnerTint,
    selected,
    activeRegions,
    selectedRegions,
    involved,
  };
}

export function featureCount(g: LinkGeometry): number {
  return g.lines.features.length + g.points.features.length;
}

/** Pairs with at least `min` arcs shown: their badge point and count (the map's count badges). */
export function pairBadges(
  geometry: LinkGeometry,
  featureState: Uint8Array,
  min = 2,
): { key: string; label: [number, number]; count: number }[] {
  const out: { key: string; label: [number, number]; count: number }[] = [];
  for (const [key, p] of geometry.pairs) {
    let count = 0;
    for (const fid of p.fids) if (((featureState[fid] ?? 0) & SHOWN) !== 0) count++;
    if (count >= min) out.push({ key, label: p.label, count });
  }
  return out;
}

/**
 * Feature ids whose state differs between two derivations (the only ones the map updates).
 * Without a previous one (a fresh source), only the non-zero states: an unset feature-state
 * reads as false or 0 in every paint expression (map/paint.ts), so zeros need not be set.
 */
export function changedFeatures<T extends Uint8Array | Uint16Array>(
  prev: T | null,
  next: T,
): number[] {
  const out: number[] = [];
  if (prev === next) return out;
  // An array may be shorter than the other (no detail states in the overview): missing is 0.
  const before = prev ?? next.subarray(0, 0);
  const common = Math.min(before.length, next.length);
  // This runs on every step of the timeline over every overview feature (28 000 at 10 000
  // cooperations), and few differ: compare four bytes at a time, elements only where they differ.
  const per = 4 / next.BYTES_PER_ELEMENT;
  const words = (a: Uint8Array | Uint16Array) =>
    new Uint32Array(a.buffer, a.byteOffset, Math.floor(common / per));
  const aligned = before.byteOffset % 4 === 0 && next.byteOffset % 4 === 0;
  const a = aligned ? words(before) : new Uint32Array(0);
  const b = aligned ? words(next) : a;
  for (let w = 0; w < a.length; w++)
    if (a[w] !== b[w])
      for (let i = w * per; i < (w + 1) * per; i++) if (before[i] !== next[i]) out.push(i);
  for (let i = a.length * per; i < common; i++) if (before[i] !== next[i]) out.push(i);
  const rest = before.length > common ? before : next;
  for (let i = common; i < rest.length; i++) if (rest[i] !== 0) out.push(i);
  return out;
}

/** The overview's pair feature for two regions, if the dataset has one. */
export function pairFeature(ov: Pick<OverviewGeometry, 'pairByKey'>, a: string, b: string) {
  return ov.pairByKey.get(a < b ? `${a}|${b}` : `${b}|${a}`);
}
