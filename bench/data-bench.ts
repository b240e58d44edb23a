/**
 * Data side of a scrub step, in Node (no browser): the time from a new date to the set of
 * visible features and counts — `derive(...)` for the new date plus `changedFeatures(prev,
 * next)` — and the one-time cost of createScene / buildLinkGeometry.
 *
 *   npx tsx bench/data-bench.ts [bench/.data-10000 …]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createAtlasModel as createScene,
  type AtlasModel as Scene,
  type LoadedData,
} from '../src/model/atlas-model.ts';
import { buildAtlas, type Cooperation } from '../src/data/atlas.ts';
import type { RawDataset } from '../src/data/model.ts';
import { addMonths, todayInGermany } from '../src/data/partial-date.ts';
import { buildAnchors } from '../src/geo/anchors.ts';
import { buildLinkGeometry } from '../src/geo/links.ts';
import {
  isPartnerActive,
  isRecent,
  isShown,
  TIMELINE_START,
  type TimeFilter,
} from '../src/time/in-force.ts';
import {
  changedFeatures,
  derive,
  featureCount,
  passesFilters,
  type Filters,
  type Selection,
} from '../src/view/derive.ts';
import { buildSearchIndex } from '../src/model/search.ts';
import { median, round, summarize, type Summary } from './stats.ts';

export function loadDataFolder(dir: string): LoadedData {
  const json = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
  return {
    raw: {
      regions: json<{ regions: RawDataset['regions'] }>('regions.json').regions,
      organisations: json<{ organisations: RawDataset['organisations'] }>('organisations.json')
        .organisations,
      cooperations: json<{ cooperations: RawDataset['cooperations'] }>('cooperations.json')
        .cooperations,
    },
    states: json<LoadedData['states']>('geo/states.geojson'),
    places: json<LoadedData['places']>('geo/places.geojson'),
  };
}

/** Monthly handle positions from the timeline start to today (what ArrowRight steps through). */
export function monthlySteps(start: number, end: number): number[] {
  const days: number[] = [];
  for (let d = start; d <= end; d = addMonths(d, 1)) days.push(d);
  if (days.at(-1) !== end) days.push(end);
  return days;
}

const NO_FILTERS: Filters = { topics: new Set(), kinds: new Set() };

export interface ScrubResult {
  label: string;
  steps: number;
  sweeps: number;
  warmup: number;
  /** One step: derive + changedFeatures (ms). */
  step: Summary;
  derive: Summary;
  changed: Summary;
  /** Median visible cooperations and changed features per step. */
  visibleMedian: number;
  changedMedian: number;
}

/** Scrubs month by month across the whole range, `sweeps` times after `warmup` sweeps. */
export function scrub(
  scene: Scene,
  label: string,
  selection: Selection,
  sweeps = 5,
  warmup = 2,
  mode: TimeFilter['mode'] = 'inforce',
): ScrubResult {
  const days = monthlySteps(TIMELINE_START, scene.today);
  const stepTimes: number[] = [];
  const deriveTimes: number[] = [];
  const changedTimes: number[] = [];
  const visible: number[] = [];
  const changedCounts: number[] = [];
  for (let sweep = 0; sweep < warmup + sweeps; sweep++) {
    let prev: Uint8Array | null = derive(
      scene.atlas,
      scene.geometry,
      { mode, date: days[0]!, from: days[0]! },
      NO_FILTERS,
      selection,
    ).featureState;
    for (const date of days.slice(1)) {
      const t0 = performance.now();
      const next = derive(
        scene.atlas,
        scene.geometry,
        { mode, date, from: date },
        NO_FILTERS,
        selection,
      );
      const t1 = performance.now();
      const changed = changedFeatures(prev, next.featureState);
      const t2 = performance.now();
      prev = next.featureState;
      if (sweep >= warmup) {
        stepTimes.push(t2 - t0);
        deriveTimes.push(t1 - t0);
        changedTimes.push(t2 - t1);
        visible.push(next.visible.length);
        changedCounts.push(changed.length);
      }
    }
  }
  return {
    label,
    steps: days.length - 1,
    sweeps,
    warmup,
    step: summarize(stepTimes),
    derive: summarize(deriveTimes),
    changed: summarize(changedTimes),
    visibleMedian: median(visible),
    changedMedian: median(changedCounts),
  };
}

/**
 * A timer split of derive(): the same phases as src/view/derive.ts (in-force mode, no
 * selection, no filters) re-implemented here with a timer around each, to see which one
 * dominates. A replica for profiling only — `replicaTotal` is checked against derive itself.
 */
export interface DeriveSplit {
  /** new Uint8Array(featureCount) */
  allocate: number;
  /** isShown + passesFilters for every cooperation */
  filter: number;
  /** active partner Set, state bits, feature-state writes for the shown ones */
  mark: number;
  /** sorting the visible cooperations newest first */
  sort: number;
  /** the visibleIds Set */
  ids: number;
  replicaTotal: number;
  deriveTotal: number;
}

export function deriveSplit(scene: Scene, sweeps = 5): DeriveSplit {
  const days = monthlySteps(TIMELINE_START, scene.today).slice(1);
  const t = { allocate: [] as number[], filter: [] as number[], mark: [] as number[] };
  const sortT: number[] = [];
  const idsT: number[] = [];
  const totals: number[] = [];
  const deriveTotals: number[] = [];
  const { atlas, geometry } = scene;
  const newestFirst = (a: Cooperation, b: Cooperation): number =>
    b.signed.start - a.signed.start || a.id.localeCompare(b.id);
  for (let sweep = 0; sweep < sweeps + 1; sweep++) {
    for (const date of days) {
      const time: TimeFilter = { mode: 'inforce', date, from: date };
      const a0 = performance.now();
      const featureState = new Uint8Array(featureCount(geometry));
      const a1 = performance.now();
      const shown: Cooperation[] = [];
      for (const c of atlas.cooperations)
        if (isShown(c, time) && passesFilters(c, NO_FILTERS)) shown.push(c);
      const a2 = performance.now();
      const visible: Cooperation[] = [];
      const recentFrom = addMonths(date, -12);
      for (const c of shown) {
        const active = new Set<string>();
        for (const p of c.partners) if (isPartnerActive(p, time)) active.add(p.region);
        if (active.size === 0) continue;
        visible.push(c);
        let bits = 1;
        if (isRecent(c, date, recentFrom)) bits |= 2;
        const parts = geometry.parts.get(c.id);
        if (!parts) continue;
        for (const part of parts.lines)
          if (part.requires.every((r) => active.has(r))) featureState[part.fid] = bits;
        for (const part of parts.points)
          if (part.requires.every((r) => active.has(r))) featureState[part.fid] = bits;
      }
      const a3 = performance.now();
      visible.sort(newestFirst);
      const a4 = performance.now();
      const ids = new Set(visible.map((c) => c.id));
      const a5 = performance.now();
      derive(atlas, geometry, time, NO_FILTERS, null);
      const a6 = performance.now();
      if (ids.size < 0) throw new Error('unreachable');
      if (sweep === 0) continue;
      t.allocate.push(a1 - a0);
      t.filter.push(a2 - a1);
      t.mark.push(a3 - a2);
      sortT.push(a4 - a3);
      idsT.push(a5 - a4);
      totals.push(a5 - a0);
      deriveTotals.push(a6 - a5);
    }
  }
  return {
    allocate: round(median(t.allocate), 4),
    filter: round(median(t.filter), 4),
    mark: round(median(t.mark), 4),
    sort: round(median(sortT), 4),
    ids: round(median(idsT), 4),
    replicaTotal: round(median(totals), 4),
    deriveTotal: round(median(deriveTotals), 4),
  };
}

export interface OneTime {
  /** createScene as a whole (ms, median of runs). */
  createScene: number;
  buildAtlas: number;
  buildAnchors: number;
  buildLinkGeometry: number;
  buildSearchIndex: number;
  runs: number;
}

export function oneTimeCosts(loaded: LoadedData, today: number, runs = 3): OneTime {
  const cs: number[] = [];
  const atlasT: number[] = [];
  const anchorsT: number[] = [];
  const linksT: number[] = [];
  const searchT: number[] = [];
  // One warm-up run (JIT), then `runs` measured ones.
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    createScene(loaded, today);
    const t1 = performance.now();
    const atlas = buildAtlas(loaded.raw);
    const t2 = performance.now();
    const anchors = buildAnchors(loaded);
    const t3 = performance.now();
    buildLinkGeometry(atlas, anchors);
    const t4 = performance.now();
    buildSearchIndex(atlas);
    const t5 = performance.now();
    if (i === 0) continue;
    cs.push(t1 - t0);
    atlasT.push(t2 - t1);
    anchorsT.push(t3 - t2);
    linksT.push(t4 - t3);
    searchT.push(t5 - t4);
  }
  return {
    createScene: round(median(cs), 2),
    buildAtlas: round(median(atlasT), 2),
    buildAnchors: round(median(anchorsT), 3),
    buildLinkGeometry: round(median(linksT), 2),
    buildSearchIndex: round(median(searchT), 2),
    runs,
  };
}

export interface DataBenchResult {
  dataset: string;
  dir: string;
  cooperations: number;
  features: number;
  oneTime: OneTime;
  /** In force, no selection (the headline figure). */
  scrub: ScrubResult;
  /** In force with a Land selected. */
  scrubSelected: ScrubResult;
  /** Cumulative mode (every signed cooperation stays shown). */
  scrubCumulative: ScrubResult;
  split: DeriveSplit;
  targetMs: number;
  met: boolean;
}

export function runDataBench(
  dataset: string,
  dir: string,
  targetMs: number,
  today = todayInGermany(),
): DataBenchResult {
  const loaded = loadDataFolder(dir);
  const oneTime = oneTimeCosts(loaded, today);
  const scene = createScene(loaded, today);
  const s = scrub(scene, 'in force, no selection', null, 5, 1);
  const sel = scrub(scene, 'in force, DE-BY selected', { type: 'region', id: 'DE-BY' }, 2, 1);
  const cum = scrub(scene, 'cumulative, no selection', null, 2, 1, 'cumulative');
  return {
    dataset,
    dir,
    cooperations: scene.atlas.cooperations.length,
    features: featureCount(scene.geometry),
    oneTime,
    scrub: s,
    scrubSelected: sel,
    scrubCumulative: cum,
    split: deriveSplit(scene, 2),
    targetMs,
    met: s.step.median < targetMs,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  for (const dir of dirs.length ? dirs : ['data']) {
    const r = runDataBench(dir, dir, 5);
    console.log(
      `${dir}: ${r.cooperations} cooperations, ${r.features} features; createScene ` +
        `${r.oneTime.createScene} ms (links ${r.oneTime.buildLinkGeometry} ms); step median ` +
        `${round(r.scrub.step.median, 3)} ms, p95 ${round(r.scrub.step.p95, 3)} ms`,
    );
    console.log(JSON.stringify(r.split));
  }
}
