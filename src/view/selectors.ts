/**
 * What the views read from the store, computed once per change of what it depends on: the
 * resolved selection, the filters and the derived view. The app, the exports and the embed
 * bridge share one deriver per dataset, so a change is derived once. Pure.
 */
import type { Cooperation } from '../data/atlas.ts';
import { pairOf, type AtlasModel } from '../model/atlas-model.ts';
import { derive, type Derived, type Selection } from './derive.ts';
import type { ViewState } from './view-state.ts';

/** Remembers the last result and recomputes only when an argument changed (by identity). */
export function memoizeLast<A extends readonly unknown[], R>(
  fn: (...args: A) => R,
): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (
      last &&
      last.args.length === args.length &&
      last.args.every((a, i) => Object.is(a, args[i]))
    )
      return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}

/** What a selected id names: a cooperation, a region, or a pair of regions ("A,B"). */
export function selectionOf(model: Pick<AtlasModel, 'atlas'>, id: string | null): Selection {
  if (!id) return null;
  if (model.atlas.cooperationById.has(id)) return { type: 'cooperation', id };
  const pair = pairOf(model, id);
  if (pair) return { type: 'pair', id, a: pair[0], b: pair[1] };
  return { type: 'region', id };
}

/** The deriver of one dataset: the view's derived state, recomputed only when its inputs change. */
export function createDeriver(model: AtlasModel): (v: ViewState) => Derived {
  const run = memoizeLast(
    (
      mode: ViewState['mode'],
      date: number,
      from: number,
      topics: ViewState['topics'],
      kinds: ViewState['kinds'],
      select: string | null,
    ) =>
      derive(
        model,
        { mode, date, from },
        { topics: new Set(topics), kinds: new Set(kinds) },
        selectionOf(model, select),
      ),
  );
  return (v) => run(v.mode, v.date, v.from, v.topics, v.kinds, v.select);
}

/** The ids of the cooperations shown, in dataset order (the postMessage `visibleCooperations`). */
export function visibleIdsInOrder(derived: Derived): string[] {
  return idsInOrder(derived.visible);
}

/** The ids of cooperations in dataset order (the order of the atlas's list). */
export function idsInOrder(list: readonly Cooperation[]): string[] {
  return [...list].sort((a, b) => a.index - b.index).map((c) => c.id);
}
