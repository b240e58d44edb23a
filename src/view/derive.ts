/**
 * From the dataset, the precomputed link geometry and the view (time filter, selection,
 * topic and kind filters) to what is shown: the visible cooperations, a state byte per
 * link feature, and the tint of every region. Pure; the map only applies the result.
 */
import type { Atlas, Cooperation } from '../data/atlas.ts';
import type { Kind, Topic } from '../data/model.ts';
import { addMonths } from '../data/partial-date.ts';
import { LARGE_ALLIANCE, type LinkGeometry } from '../geo/links.ts';
import { STATE_BITS } from '../style/link-style.ts';
import {
  isEndedBy,
  isPartnerActive,
  isRecent,
  isShown,
  type TimeFilter,
} from '../time/in-force.ts';

const {
  shown: SHOWN,
  recent: RECENT,
  ended: ENDED,
  sel: SELECTED,
  dim: DIMMED,
  focus: FOCUS,
} = STATE_BITS;

export interface Filters {
  topics: ReadonlySet<Topic>;
  kinds: ReadonlySet<Kind>;
}

export type Selection = { type: 'region'; id: string } | { type: 'cooperation'; id: string } | null;

export interface Derived {
  /** Shown cooperations, newest first. */
  visible: Cooperation[];
  visibleIds: Set<string>;
  /** State byte per feature id (lines and points share one id space). */
  featureState: Uint8Array;
  /** For a selected region: how many shown cooperations it shares with each other region. */
  partnerCounts: Map<string, number>;
  /**
   * Tint level 1–3 of each partner, relative to the selection's strongest partner. Nationwide
   * alliances (all Länder) are left out here: they would tint every Land alike.
   */
  partnerTint: Map<string, number>;
  /** Cooperations of the selection among the shown ones, newest first. */
  selected: Cooperation[];
  /** Regions taking part in any shown cooperation. */
  activeRegions: Set<string>;
  /** Regions taking part in the selection (the selected region's partners, or the cooperation's). */
  selectedRegions: Set<string>;
}

export function passesFilters(c: Cooperation, f: Filters): boolean {
  if (f.kinds.size > 0 && !f.kinds.has(c.kind)) return false;
  if (f.topics.size > 0 && !c.topics.some((t) => f.topics.has(t))) return false;
  return true;
}

export function featureCount(g: LinkGeometry): number {
  return g.lines.features.length + g.points.features.length;
}

const newestFirst = (a: Cooperation, b: Cooperation): number =>
  b.signed.start - a.signed.start || a.id.localeCompare(b.id);

export function derive(
  atlas: Atlas,
  geometry: LinkGeometry,
  time: TimeFilter,
  filters: Filters,
  selection: Selection,
): Derived {
  const visible: Cooperation[] = [];
  const featureState = new Uint8Array(featureCount(geometry));
  const recentFrom = addMonths(time.date, -12);
  const selectedCoop = selection?.type === 'cooperation' ? selection.id : null;
  const selectedRegion = selection?.type === 'region' ? selection.id : null;
  const partnerCounts = new Map<string, number>();
  const tintCounts = new Map<string, number>();
  const activeRegions = new Set<string>();
  const selected: Cooperation[] = [];
  const selectedRegions = new Set<string>();

  for (const c of atlas.cooperations) {
    if (!isShown(c, time) || !passesFilters(c, filters)) continue;
    const active = new Set<string>();
    for (const p of c.partners) if (isPartnerActive(p, time)) active.add(p.region);
    if (active.size === 0) continue;
    visible.push(c);
    for (const r of active) activeRegions.add(r);
    let bits = SHOWN;
    if (time.mode !== 'signed' && isRecent(c, time.date, recentFrom)) bits |= RECENT;
    if (time.mode === 'cumulative' && isEndedBy(c, time.date)) bits |= ENDED;
    let isSelected = false;
    if (selectedCoop) isSelected = c.id === selectedCoop;
    else if (selectedRegion) isSelected = active.has(selectedRegion);
    const large = c.regions.length >= LARGE_ALLIANCE;
    if (isSelected) {
      bits |= SELECTED;
      if (selectedCoop) bits |= FOCUS;
      selected.push(c);
      for (const r of active) {
        selectedRegions.add(r);
        if (selectedRegion && r !== selectedRegion) {
          partnerCounts.set(r, (partnerCounts.get(r) ?? 0) + 1);
          if (!large) tintCounts.set(r, (tintCounts.get(r) ?? 0) + 1);
        }
      }
    } else if (selection) bits |= DIMMED;
    const parts = geometry.parts.get(c.id);
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
  visible.sort(newestFirst);
  selected.sort(newestFirst);
  const maxCount = Math.max(0, ...tintCounts.values());
  const partnerTint = new Map<string, number>();
  for (const [region, n] of tintCounts)
    partnerTint.set(region, Math.max(1, Math.ceil((3 * n) / maxCount)));
  return {
    partnerTint,
    activeRegions,
    visible,
    visibleIds: new Set(visible.map((c) => c.id)),
    featureState,
    partnerCounts,
    selected,
    selectedRegions,
  };
}

/** Pairs with at least `min` arcs shown: their badge point and count (the map's count badges). */
export function pairBadges(
  geometry: LinkGeometry,
  featureState: Uint8Array,
  min = 2,
): { key: string; label: [number, number]; count: number }[] {
  const out: { key: string; label: [number, number]; count: number }[] = [];
  for (const [key, pair] of geometry.pairs) {
    let count = 0;
    for (const fid of pair.fids) if (((featureState[fid] ?? 0) & SHOWN) !== 0) count++;
    if (count >= min) out.push({ key, label: pair.label, count });
  }
  return out;
}

/** Feature ids whose state byte differs between two derivations (the only ones the map updates). */
export function changedFeatures(prev: Uint8Array | null, next: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < next.length; i++) if (!prev || prev[i] !== next[i]) out.push(i);
  return out;
}
