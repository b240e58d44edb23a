/**
 * The drawing rules of links and hubs, in one table: width, opacity and emphasis per state.
 * The map compiles them into MapLibre `case` expressions over feature-state; the SVG export
 * (and through it the PNG and the video) evaluates the very same rules for each feature, so
 * the map and the exports cannot drift apart. Pure.
 */
import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * The state of a link feature as a byte (what the view derives for each feature), and as flags.
 * Each bit is one feature-state key of the same name on the map.
 */
export const STATE_BITS = {
  shown: 1,
  recent: 2,
  ended: 4,
  sel: 8,
  dim: 16,
  /** The selection is this very cooperation (not a region taking part in it). */
  focus: 32,
  /** Diff mode: in force at both dates (continued), drawn quietly behind what changed. */
  kept: 64,
} as const;
export type StateFlag = keyof typeof STATE_BITS | 'hover';
/** Flags that come from the feature's own properties, not from its state. */
export type PropertyFlag = 'large' | 'local';
export type Flag = StateFlag | PropertyFlag;

export type Flags = Partial<Record<Flag, boolean>>;

/** A rule applies when every flag it names has the given value; the first that applies wins. */
export interface Rule {
  when: Flags;
  value: number;
}

const quietSelection: Flags = { sel: true, large: true, focus: false };

/** Line width in px (times the projector factor). */
export const LINE_WIDTH: readonly Rule[] = [
  { when: { hover: true }, value: 5 },
  // A selected region's nationwide alliances: present, but quiet.
  { when: quietSelection, value: 1.2 },
  { when: { sel: true }, value: 4 },
  { when: { recent: true, large: true }, value: 1.8 },
  { when: { recent: true }, value: 3.6 },
  { when: { large: true }, value: 1.1 },
  { when: { kept: true }, value: 1.4 },
  { when: {}, value: 2.2 },
];

export const LINE_OPACITY: readonly Rule[] = [
  { when: { shown: false, hover: false }, value: 0 },
  { when: { hover: true }, value: 1 },
  { when: { dim: true }, value: 0.1 },
  { when: quietSelection, value: 0.45 },
  { when: { sel: true }, value: 1 },
  { when: { kept: true }, value: 0.4 },
  { when: { large: true }, value: 0.3 },
  { when: { ended: true }, value: 0.6 },
  { when: {}, value: 0.9 },
];

/** Hub (and single-region marker) radius in px (times the projector factor). */
export const HUB_RADIUS: readonly Rule[] = [
  { when: { local: true }, value: 5 },
  { when: { large: true }, value: 7 },
  { when: {}, value: 5.5 },
];

export const HUB_STROKE_WIDTH: readonly Rule[] = [
  { when: { sel: true }, value: 3 },
  { when: { hover: true }, value: 3 },
  { when: {}, value: 2 },
];

export const HUB_OPACITY: readonly Rule[] = [
  { when: { shown: false, hover: false }, value: 0 },
  { when: { hover: true }, value: 1 },
  { when: { dim: true }, value: 0.15 },
  { when: { kept: true }, value: 0.5 },
  { when: {}, value: 1 },
];

/**
 * How a city or district is drawn (view/places.ts decides which look, per level of zoom): the
 * look as a number (a feature-state value), and its radius (px, times the projector factor) and
 * opacity.
 */
export const PLACE_LOOK = { hidden: 0, faint: 1, dot: 2, selected: 3 } as const;
export type PlaceLook = (typeof PLACE_LOOK)[keyof typeof PLACE_LOOK];
export const PLACE_STYLE: Record<PlaceLook, { radius: number; opacity: number }> = {
  [PLACE_LOOK.hidden]: { radius: 0, opacity: 0 },
  [PLACE_LOOK.faint]: { radius: 2.5, opacity: 0.45 },
  [PLACE_LOOK.dot]: { radius: 4, opacity: 1 },
  [PLACE_LOOK.selected]: { radius: 6, opacity: 1 },
};

/** Projector mode draws everything thicker by this factor. */
export const PRESENT_FACTOR = 1.7;

/**
 * From this zoom on, the overview shows cities and districts for themselves ("near"); below it
 * they count for their Land ("far").
 */
export const NEAR_ZOOM = 6.6;

/**
 * From this zoom on, the near level's source is filled and its layers are drawn (still invisible
 * up to NEAR_ZOOM), so that its tiles are there when it shows; below it they are not drawn at all.
 */
export const NEAR_FILL_ZOOM = NEAR_ZOOM - 0.5;

/** A value that grows with a count: [count, value] stops, linear in between, flat outside. */
export type Ramp = readonly (readonly [number, number])[];

/**
 * The overview's pair line: its width grows with the number of cooperations the two partners
 * share (roughly with its square root, so one strong pair does not drown the rest).
 */
export const PAIR_WIDTH: Ramp = [
  [1, 1.6],
  [2, 2.6],
  [3, 3.3],
  [5, 4.4],
  [10, 6.4],
  [20, 9],
];
export const PAIR_OPACITY = { shown: 0.72, hover: 1 } as const;
/** Hovering a pair (on the map or in the matrix) widens it by this much. */
export const PAIR_HOVER_EXTRA = 2.5;

// ---- evaluation (export) ---------------------------------------------------------------------

/** The flags of a feature from its state byte and properties. */
export function flagsOf(
  bits: number,
  props: { large?: boolean; shape?: string },
  hover = false,
): Flags {
  const flags: Flags = { hover, large: props.large === true, local: props.shape === 'local' };
  for (const [name, bit] of Object.entries(STATE_BITS))
    flags[name as StateFlag] = (bits & bit) !== 0;
  return flags;
}

const applies = (when: Flags, flags: Flags): boolean =>
  Object.entries(when).every(([flag, value]) => (flags[flag as Flag] ?? false) === value);

/** The value of a rule table for a feature's flags. */
export function evaluate(rules: readonly Rule[], flags: Flags, factor = 1): number {
  const rule = rules.find((r) => applies(r.when, flags));
  if (!rule) throw new Error('a rule table must end with a rule for every case');
  return rule.value * factor;
}

/** Feature-state for the map from a state byte: one boolean per flag. */
export function featureStateOf(bits: number): Record<keyof typeof STATE_BITS, boolean> {
  const out = {} as Record<keyof typeof STATE_BITS, boolean>;
  for (const [name, bit] of Object.entries(STATE_BITS))
    out[name as keyof typeof STATE_BITS] = (bits & bit) !== 0;
  return out;
}

/** A ramp's value at a count (0 for none). */
export function rampAt(ramp: Ramp, count: number, factor = 1): number {
  if (count <= 0) return 0;
  const first = ramp[0]!;
  if (count <= first[0]) return first[1] * factor;
  for (let i = 1; i < ramp.length; i++) {
    const [c1, v1] = ramp[i]!;
    if (count <= c1) {
      const [c0, v0] = ramp[i - 1]!;
      return (v0 + ((count - c0) / (c1 - c0)) * (v1 - v0)) * factor;
    }
  }
  return ramp[ramp.length - 1]![1] * factor;
}

// ---- compilation (map) -----------------------------------------------------------------------

/** The property that carries a state's value at the start (`shown0`, `far0`, …). */
export const startKey = (state: string): string => `${state}0`;

/**
 * A feature-state value as the map reads it: the state once one was set; before that, the value
 * the feature was drawn with at the start, baked into its properties (map/style.ts), so that the
 * first frame needs no feature-state at all; else null.
 */
export function stateValue(state: string): ExpressionSpecification {
  return ['coalesce', ['feature-state', state], ['get', startKey(state)]];
}

/** A boolean feature-state as the map reads it (false when neither set nor carried). */
export function stateFlag(flag: string): ExpressionSpecification {
  return ['boolean', stateValue(flag), false];
}

/** A MapLibre expression of a ramp over a numeric feature-state (0 when it is 0 or unset). */
export function compileRamp(ramp: Ramp, state: string, factor = 1): ExpressionSpecification {
  const n: ExpressionSpecification = ['number', stateValue(state), 0];
  const stops = ramp.flatMap(([c, v]) => [c, v * factor]);
  return [
    'case',
    ['<=', n, 0],
    0,
    ['interpolate', ['linear'], n, ...stops],
  ] as unknown as ExpressionSpecification;
}

function flagExpression(flag: Flag): ExpressionSpecification {
  if (flag === 'large') return ['boolean', ['get', 'large'], false];
  if (flag === 'local') return ['==', ['get', 'shape'], 'local'];
  return stateFlag(flag);
}

function condition(when: Flags): ExpressionSpecification {
  const parts = Object.entries(when).map(([flag, value]) =>
    value ? flagExpression(flag as Flag) : (['!', flagExpression(flag as Flag)] as const),
  );
  return (parts.length === 1 ? parts[0] : ['all', ...parts]) as ExpressionSpecification;
}

/** A MapLibre expression that picks the value of the first rule that applies. */
export function compile(rules: readonly Rule[], factor = 1): ExpressionSpecification {
  const last = rules[rules.length - 1];
  if (!last || Object.keys(last.when).length > 0)
    throw new Error('a rule table must end with a rule for every case');
  const cases = rules.slice(0, -1).flatMap((r) => [condition(r.when), r.value * factor]);
  if (cases.length === 0) return (last.value * factor) as unknown as ExpressionSpecification;
  return ['case', ...cases, last.value * factor] as unknown as ExpressionSpecification;
}

/** Drawing order in the export: dimmed first, emphasised last, so the selection stays on top. */
export function drawRank(flags: Flags): number {
  if (flags.dim) return 0;
  if (flags.sel) return flags.large && !flags.focus ? 2 : 5;
  if (flags.large) return 1;
  if (flags.ended) return 2;
  if (flags.recent) return 4;
  return 3;
}
