/**
 * npm run bench [-- --keep-dist] [-- --no-lighthouse]
 * (CPU profiles of start-up and scrub steps: npx tsx bench/profile.ts)
 *
 * Runs every benchmark, prints a table and writes bench/results/latest.{json,md}. Missed
 * targets are reported, not fatal; the exit code is non-zero only when a stage crashed.
 * Everything it starts (preview servers, Chromium, Lighthouse) is stopped on the way out,
 * also on Ctrl-C and when the overall time limit is hit.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { formatBundle, kB, measureBundle, type BundleSizes } from '../scripts/bundle-size.ts';
import {
  buildApp,
  buildBaseline,
  CHROMIUM,
  CHROMIUM_ARGS,
  frameRun,
  launch,
  readyTime,
  serve,
  type FrameRun,
  type Served,
} from './browser.ts';
import { runDataBench, type DataBenchResult } from './data-bench.ts';
import { ROOT, writeDataset } from './generate.ts';
import { runLighthouse, type LighthouseResult } from './lighthouse.ts';
import { fmt, median, round } from './stats.ts';
import { formatDay, todayInGermany } from '../src/data/partial-date.ts';

const T0 = performance.now();
const argv = new Set(process.argv.slice(2));
const KEEP_DIST = argv.has('--keep-dist');
const LIGHTHOUSE = !argv.has('--no-lighthouse');
/** Stages that can be cut short are skipped after this (ms since start). */
const SOFT_DEADLINE = 6 * 60_000;
/** Hard limit: everything is stopped and the run fails. */
const HARD_LIMIT = 9.5 * 60_000;

const BENCH = join(ROOT, 'bench');
const RESULTS = join(BENCH, 'results');
const DIST = {
  real: join(BENCH, '.dist-real'),
  big: join(BENCH, '.dist-10000'),
  baseline: join(BENCH, '.dist-baseline'),
  composition: join(BENCH, '.dist-composition'),
};
const SIZES = [1000, 10000] as const;
const SEED = 7;
const dataDir = (n: number): string => join(BENCH, `.data-${n}`);
const BIG_QUERY = 'date=2016-01-01';

// ---------------------------------------------------------------- clean-up and stages

const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | null = null;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch {
        // Best effort: keep closing the others.
      }
    }
    if (!KEEP_DIST)
      for (const dir of Object.values(DIST)) rmSync(dir, { recursive: true, force: true });
  })();
  return cleaning;
}
const hardLimit = setTimeout(() => {
  console.error(`bench: hard time limit of ${HARD_LIMIT / 60_000} min hit, stopping`);
  void cleanup().finally(() => process.exit(2));
}, HARD_LIMIT);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    console.error(`bench: ${signal}, cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });

interface StageError {
  stage: string;
  message: string;
}
const errors: StageError[] = [];
const elapsed = (): number => performance.now() - T0;
const log = (msg: string): void =>
  console.log(`[${(elapsed() / 1000).toFixed(0).padStart(3)} s] ${msg}`);

async function stage<T>(name: string, fn: () => Promise<T> | T): Promise<T | null> {
  log(`${name} …`);
  const t = performance.now();
  try {
    const value = await fn();
    log(`${name} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return value;
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    errors.push({ stage: name, message });
    console.error(`bench: stage "${name}" failed: ${message}`);
    return null;
  }
}

// ---------------------------------------------------------------- machine

function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpu)?.[1]?.trim() ?? cpus()[0]?.model ?? '?';
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim();
  const chromium = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return {
    nproc: Number(nproc) || cpus().length,
    cpuModel: model,
    memoryGB: round(totalmem() / 1e9, 1),
    node: process.version,
    chromium,
    chromiumArgs: CHROMIUM_ARGS,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadavgStart: loadavg().map((x) => round(x, 2)),
    loadavgEnd: [] as number[],
  };
}

// ---------------------------------------------------------------- data

const generatorHash = (): string =>
  createHash('sha256')
    .update(readFileSync(join(BENCH, 'generate.ts')))
    .update(readFileSync(join(ROOT, 'data', 'regions.json')))
    .update(readFileSync(join(ROOT, 'data', 'organisations.json')))
    .update(readFileSync(join(ROOT, 'data', 'geo', 'states.geojson')))
    .update(readFileSync(join(ROOT, 'data', 'geo', 'places.geojson')))
    .digest('hex')
    .slice(0, 16);

interface Generated {
  n: number;
  dir: string;
  reused: boolean;
  until: string;
  ms: number;
}

/** Generates a dataset unless the folder already holds the same one (same stamp). */
async function generate(n: number): Promise<Generated> {
  const t = performance.now();
  const dir = dataDir(n);
  const until = formatDay(todayInGermany());
  const stamp = { generator: 'bench/generate.ts', n, seed: SEED, until, hash: generatorHash() };
  const stampFile = join(dir, 'generated.json');
  const text = `${JSON.stringify(stamp, null, 2)}\n`;
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === text)
    return { n, dir, reused: true, until, ms: Math.round(performance.now() - t) };
  await writeDataset(dir, { n, seed: SEED });
  writeFileSync(stampFile, text);
  return { n, dir, reused: false, until, ms: Math.round(performance.now() - t) };
}

function dataCheck(dir: string): { ok: boolean; output: string } {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const r = spawnSync(process.execPath, [tsx, 'scripts/data-check.ts', '--data', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${r.stdout}${r.stderr}`.trim().split('\n').slice(-5).join('\n');
  return { ok: r.status === 0, output };
}

// ---------------------------------------------------------------- summaries

interface FrameSummary {
  runs: number;
  /** Medians over runs of each run's median / p95 (ms). */
  idleFrame: number;
  repaintFrame: number;
  repaintFrameP95: number;
  scrubFrame: number;
  scrubFrameP95: number;
  /** scrub ÷ forced-repaint idle (frame time, rAF delta). */
  ratio: number;
  ratioP95: number;
  repaintWork: number;
  repaintWorkP95: number;
  scrubWork: number;
  scrubWorkP95: number;
  scrubStep: number;
  scrubStepP95: number;
  scrubRender: number;
  /** Median steps per run and share of frames with a date change. */
  steps: number;
  changedShare: number;
  ready: number;
  ranges: [string, string][];
  mapSize: { width: number; height: number } | null;
}

function summarizeFrames(runs: FrameRun[]): FrameSummary | null {
  if (runs.length === 0) return null;
  const m = (f: (r: FrameRun) => number): number => round(median(runs.map(f)), 2);
  const repaintFrame = m((r) => r.repaint.frameMedian);
  const repaintFrameP95 = m((r) => r.repaint.frameP95);
  const scrubFrame = m((r) => r.scrub.frameMedian);
  const scrubFrameP95 = m((r) => r.scrub.frameP95);
  return {
    runs: runs.length,
    idleFrame: m((r) => r.idle.frameMedian),
    repaintFrame,
    repaintFrameP95,
    scrubFrame,
    scrubFrameP95,
    ratio: round(scrubFrame / repaintFrame, 2),
    ratioP95: round(scrubFrameP95 / repaintFrameP95, 2),
    repaintWork: m((r) => r.repaint.workMedian),
    repaintWorkP95: m((r) => r.repaint.workP95),
    scrubWork: m((r) => r.scrub.workMedian),
    scrubWorkP95: m((r) => r.scrub.workP95),
    scrubStep: m((r) => r.scrub.stepMedian),
    scrubStepP95: m((r) => r.scrub.stepP95),
    scrubRender: m((r) => r.scrub.renderMedian),
    steps: m((r) => r.scrub.frames),
    changedShare: m((r) => r.scrub.changedShare),
    ready: m((r) => r.ready),
    ranges: runs.map((r) => r.range),
    mapSize: runs[0]?.mapSize ?? null,
  };
}

/** Five loads each of the app and the baseline (its map sized like the app's), alternating. */
async function measureStartup(
  b: Browser,
  appUrl: string,
  baselineUrl: string,
  size: { width: number; height: number },
): Promise<Startup> {
  const baseUrl = `${baselineUrl}?w=${size.width}&h=${size.height}`;
  const app: number[] = [];
  const baseline: number[] = [];
  const appFcp: (number | null)[] = [];
  const baselineFcp: (number | null)[] = [];
  for (let i = 0; i < 5; i++) {
    const order = i % 2 === 0 ? (['app', 'baseline'] as const) : (['baseline', 'app'] as const);
    for (const which of order) {
      const r = await readyTime(b, which === 'app' ? appUrl : baseUrl);
      (which === 'app' ? app : baseline).push(r.ready);
      (which === 'app' ? appFcp : baselineFcp).push(r.fcp);
    }
  }
  const appMedian = round(median(app), 1);
  const baselineMedian = round(median(baseline), 1);
  return {
    app,
    baseline,
    appFcp,
    baselineFcp,
    appMedian,
    baselineMedian,
    ratio: round(appMedian / baselineMedian, 2),
    baselineSize: size,
  };
}

interface Startup {
  app: number[];
  baseline: number[];
  appFcp: (number | null)[];
  baselineFcp: (number | null)[];
  appMedian: number;
  baselineMedian: number;
  ratio: number;
  baselineSize: { width: number; height: number } | null;
}

interface Target {
  name: string;
  target: string;
  value: string;
  met: boolean | null;
  note?: string;
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  mkdirSync(RESULTS, { recursive: true });
  const info = machine();
  log(
    `machine: ${info.nproc} × ${info.cpuModel}, Node ${info.node}, ${info.chromium}, load ${info.loadavgStart.join(' ')}`,
  );

  // 1. Data sets.
  const generated: Generated[] = [];
  for (const n of SIZES) {
    const g = await stage(`generate ${n}`, () => generate(n));
    if (g) generated.push(g);
  }
  const checks: Record<string, { ok: boolean; output: string }> = {};
  for (const n of SIZES) {
    const c = await stage(`data:check .data-${n}`, () => dataCheck(`bench/.data-${n}`));
    if (c) {
      checks[n] = c;
      if (!c.ok) errors.push({ stage: `data:check .data-${n}`, message: c.output });
    }
  }

  // 2. Data side in Node.
  const dataBench: DataBenchResult[] = [];
  const targetsMs: Record<number, number> = { 1000: 1, 10000: 5 };
  for (const n of SIZES) {
    const r = await stage(`data bench ${n}`, () =>
      runDataBench(String(n), dataDir(n), targetsMs[n] ?? 5),
    );
    if (r) dataBench.push(r);
  }

  // 3. Builds and budgets.
  const builds: Record<string, number> = {};
  const b1 = await stage('build real', () => buildApp(join(ROOT, 'data'), DIST.real));
  if (b1 !== null) builds['real'] = Math.round(b1);
  const b2 = await stage('build 10000', () => buildApp(dataDir(10000), DIST.big));
  if (b2 !== null) builds['10000'] = Math.round(b2);
  const b3 = await stage('build baseline', () => buildBaseline(DIST.baseline));
  if (b3 !== null) builds['baseline'] = Math.round(b3);
  const b4 = await stage('build real, composition chunks', () =>
    buildApp(join(ROOT, 'data'), DIST.composition, { composition: true }),
  );
  if (b4 !== null) builds['composition'] = Math.round(b4);
  const budget = b1 !== null ? await stage('budget', () => measureBundle(DIST.real)) : null;
  const composition =
    b4 !== null ? await stage('budget (composition)', () => measureBundle(DIST.composition)) : null;
  if (budget) console.log(formatBundle(budget));
  if (composition) console.log(formatBundle(composition));

  // 4. Servers and the browser.
  const servers: Partial<Record<'real' | 'big' | 'baseline', Served>> = {};
  for (const key of ['real', 'big', 'baseline'] as const) {
    const dir = key === 'real' ? DIST.real : key === 'big' ? DIST.big : DIST.baseline;
    if (!existsSync(join(dir, 'index.html'))) continue;
    const s = await stage(`serve ${key}`, () => serve(dir));
    if (s) {
      servers[key] = s;
      cleanups.push(() => s.close());
    }
  }
  let browser: Browser | null = null;
  let browserVersion = '';
  if (servers.real) {
    browser = await stage('launch Chromium', () => launch());
    if (browser) {
      const b = browser;
      cleanups.push(() => b.close());
      browserVersion = b.version();
    }
  }

  // 5. Start-up: app (real data) vs the bare MapLibre baseline, alternating, fresh contexts.
  // Then the same once more in a Chromium that emulates a GPU for all of the page
  // (--use-angle=swiftshader: compositing and rasterisation through SwiftShader), for scale.
  let startup: Startup | null = null;
  let startupEmulatedGpu: Startup | null = null;
  if (browser && servers.real && servers.baseline) {
    const b = browser;
    const real = servers.real;
    const base = servers.baseline;
    startup = await stage('start-up (5 × app, 5 × baseline, alternating)', async () => {
      // The baseline map gets the size of the app's map area.
      const probe = await frameRun(b, real.url, { idleMs: 200, repaintMs: 200, scrub: false });
      return measureStartup(b, real.url, base.url, probe.mapSize);
    });
    const size = startup?.baselineSize;
    if (size && elapsed() < SOFT_DEADLINE)
      startupEmulatedGpu = await stage('start-up, GPU-emulating Chromium', async () => {
        const gpu = await launch(['--use-angle=swiftshader']);
        cleanups.push(() => gpu.close());
        try {
          return await measureStartup(gpu, real.url, base.url, size);
        } finally {
          await gpu.close();
        }
      });
  }

  // 6. Lighthouse: the real build and, for reference, the bare MapLibre baseline (same
  // machine, same software WebGL), alternating, 3 runs each while time allows.
  const lighthouse: LighthouseRuns = { app: [], baseline: [] };
  if (LIGHTHOUSE && servers.real) {
    const appUrl = servers.real.url;
    const size = startup?.baselineSize;
    const baseUrl =
      servers.baseline && size ? `${servers.baseline.url}?w=${size.width}&h=${size.height}` : null;
    for (let i = 0; i < 3; i++) {
      if (i > 0 && elapsed() > SOFT_DEADLINE) {
        errors.push({ stage: `Lighthouse ${i + 1}/3`, message: 'skipped: time budget' });
        break;
      }
      for (const which of ['app', 'baseline'] as const) {
        const url = which === 'app' ? appUrl : baseUrl;
        if (!url) continue;
        const out = join(RESULTS, which === 'app' ? 'lighthouse' : 'lighthouse-baseline');
        const r = await stage(`Lighthouse ${which} ${i + 1}/3`, () =>
          runLighthouse(url, out, 150_000, (kill) => cleanups.push(kill)),
        );
        if (r) lighthouse[which].push(r);
      }
    }
  }
  const lhApp = summarizeLighthouse(lighthouse.app);
  const lhBaseline = summarizeLighthouse(lighthouse.baseline);

  // 7. Frame times: real data (3 runs, whole range), baseline (repaint only), 10000 (windows).
  const framesReal: FrameRun[] = [];
  const framesBig: FrameRun[] = [];
  let framesBaseline: FrameRun | null = null;
  if (browser && servers.real) {
    const b = browser;
    const url = servers.real.url;
    for (let i = 0; i < 3; i++) {
      const r = await stage(`frames real ${i + 1}/3`, () =>
        frameRun(b, url, { idleMs: 1500, repaintMs: 3000, maxSteps: 260, maxScrubMs: 45_000 }),
      );
      if (r) framesReal.push(r);
    }
  }
  if (browser && servers.baseline && startup?.baselineSize) {
    const b = browser;
    const url = `${servers.baseline.url}?w=${startup.baselineSize.width}&h=${startup.baselineSize.height}`;
    framesBaseline = await stage('frames baseline (repaint only)', () =>
      frameRun(b, url, { idleMs: 1500, repaintMs: 3000, scrub: false }),
    );
  }
  if (browser && servers.big) {
    const b = browser;
    const url = servers.big.url;
    // Scrubbing 10 000 cooperations takes seconds per step here: each run scrubs at most
    // 12 monthly steps (10 s) from 2016 (a middle year, ~2000 in force) instead of the range.
    for (let i = 0; i < 3; i++) {
      if (elapsed() > SOFT_DEADLINE) {
        errors.push({ stage: `frames 10000 ${i + 1}/3`, message: 'skipped: time budget' });
        continue;
      }
      const r = await stage(`frames 10000 ${i + 1}/3`, () =>
        frameRun(b, url, {
          query: BIG_QUERY,
          idleMs: 1000,
          repaintMs: 3000,
          settleMs: 8000,
          minRepaintFrames: 5,
          maxSteps: 12,
          maxScrubMs: 10_000,
        }),
      );
      if (r) framesBig.push(r);
    }
  }

  info.loadavgEnd = loadavg().map((x) => round(x, 2));
  const real = summarizeFrames(framesReal);
  const big = summarizeFrames(framesBig);

  // Targets.
  const targets: Target[] = [];
  for (const d of dataBench)
    targets.push({
      name: `data: one scrub step, ${d.dataset} cooperations (median)`,
      target: `< ${d.targetMs} ms`,
      value: `${fmt(d.scrub.step.median, 3)} ms (p95 ${fmt(d.scrub.step.p95, 3)} ms)`,
      met: d.met,
    });
  if (real)
    targets.push({
      name: 'frames: scrub ÷ idle, real data (median frame time, forced repaint in both)',
      target: '≤ 1.5×',
      value: `${fmt(real.ratio)}× (p95 ${fmt(real.ratioP95)}×)`,
      met: real.ratio <= 1.5,
      note: 'frame times here are bound by software WebGL (SwiftShader); see work per frame',
    });
  if (startup)
    targets.push({
      name: 'start-up: time to ready mark, app ÷ bare MapLibre baseline (median of 5)',
      target: '≤ 1.3×',
      value: `${fmt(startup.ratio)}× (${fmt(startup.appMedian, 0)} / ${fmt(startup.baselineMedian, 0)} ms)`,
      met: startup.ratio <= 1.3,
    });
  const exactJs = composition ?? budget;
  const budgetTarget = (name: string, check: { limit: number; value: number; ok: boolean }) =>
    targets.push({ name, target: `≤ ${kB(check.limit)}`, value: kB(check.value), met: check.ok });
  if (exactJs)
    budgetTarget(
      `budget: JS without MapLibre, gzip (${composition ? 'exact, MapLibre in its own chunk' : 'estimated'})`,
      exactJs.budgets.appJs,
    );
  if (budget)
    budgetTarget(
      'budget: JS of the first screen without MapLibre, gzip (the rest loads on demand)',
      budget.budgets.initialJs,
    );
  if (lhApp)
    for (const [key, label] of [
      ['performance', 'performance'],
      ['accessibility', 'accessibility'],
      ['bestPractices', 'best practices'],
    ] as const) {
      const v = lhApp.scores[key];
      const base = lhBaseline?.scores[key];
      targets.push({
        name: `Lighthouse ${label} (desktop, median of ${lhApp.runs})`,
        target: '≥ 95',
        value: `${v ?? '–'}${base !== undefined ? ` (bare MapLibre baseline: ${base ?? '–'})` : ''}`,
        met: v !== null && v >= 95,
      });
    }
  if (budget) budgetTarget('budget: data + geometry, gzip', budget.budgets.data);

  const result: BenchResult = {
    machine: { ...info, browserVersion },
    elapsedSeconds: round(elapsed() / 1000, 1),
    generated,
    dataCheck: checks,
    data: dataBench,
    builds,
    budget: budget ? withoutFiles(budget) : null,
    budgetFiles: budget?.files.map((f) => ({
      file: f.file,
      kind: f.kind,
      gzip: f.gzip,
      bytes: f.bytes,
    })),
    budgetComposition: composition ? withoutFiles(composition) : null,
    compositionFiles: composition?.files
      .filter((f) => f.kind !== 'other')
      .map((f) => ({ file: f.file, kind: f.kind, gzip: f.gzip, bytes: f.bytes })),
    startup,
    startupEmulatedGpu,
    lighthouse: { app: lhApp, baseline: lhBaseline, runs: lighthouse },
    frames: {
      real,
      '10000': big,
      baseline: framesBaseline,
      runs: { real: framesReal, '10000': framesBig },
    },
    targets,
    errors,
  };
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  const md = markdown(result);
  writeFileSync(join(RESULTS, 'latest.md'), md);
  console.log(`\n${md}`);
  console.log(
    `bench: results in bench/results/latest.{json,md} (${(elapsed() / 1000).toFixed(0)} s)`,
  );
  return errors.filter((e) => !e.message.startsWith('skipped')).length > 0 ? 1 : 0;
}

interface LighthouseRuns {
  app: LighthouseResult[];
  baseline: LighthouseResult[];
}

interface LighthouseSummary {
  runs: number;
  version: string;
  /** Median score per category, 0–100. */
  scores: {
    performance: number | null;
    accessibility: number | null;
    bestPractices: number | null;
  };
  /** Every run's scores (0–100), in run order. */
  perRun: {
    performance: number | null;
    accessibility: number | null;
    bestPractices: number | null;
  }[];
  /** Median of each metric (ms, or the unitless CLS). */
  metrics: Record<string, number>;
  /** Audits below 0.9 in the last run. */
  failing: NonNullable<LighthouseResult['failing']>;
  errors: string[];
}

function summarizeLighthouse(runs: LighthouseResult[]): LighthouseSummary | null {
  const ok = runs.filter((r) => r.ok && r.scores);
  if (ok.length === 0) return null;
  const pct = (x: number | null | undefined) =>
    x === null || x === undefined ? null : Math.round(x * 100);
  const perRun = ok.map((r) => ({
    performance: pct(r.scores!.performance),
    accessibility: pct(r.scores!.accessibility),
    bestPractices: pct(r.scores!.bestPractices),
  }));
  const med = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? Math.round(median(v)) : null;
  };
  const metrics: Record<string, number> = {};
  for (const id of Object.keys(ok[0]!.metrics ?? {}))
    metrics[id] = round(
      median(ok.map((r) => r.metrics?.[id]?.value ?? NaN).filter((x) => !Number.isNaN(x))),
      3,
    );
  return {
    runs: ok.length,
    version: ok[0]!.version ?? '',
    scores: {
      performance: med(perRun.map((r) => r.performance)),
      accessibility: med(perRun.map((r) => r.accessibility)),
      bestPractices: med(perRun.map((r) => r.bestPractices)),
    },
    perRun,
    metrics,
    failing: ok[ok.length - 1]!.failing ?? [],
    errors: runs.filter((r) => !r.ok).map((r) => r.error ?? 'failed'),
  };
}

function withoutFiles(b: BundleSizes): Omit<BundleSizes, 'files'> {
  return Object.fromEntries(Object.entries(b).filter(([k]) => k !== 'files')) as Omit<
    BundleSizes,
    'files'
  >;
}

// ---------------------------------------------------------------- report

interface BenchResult {
  machine: ReturnType<typeof machine> & { browserVersion: string };
  elapsedSeconds: number;
  generated: Generated[];
  dataCheck: Record<string, { ok: boolean; output: string }>;
  data: DataBenchResult[];
  builds: Record<string, number>;
  budget: Omit<BundleSizes, 'files'> | null;
  budgetFiles: { file: string; kind: string; gzip: number; bytes: number }[] | undefined;
  budgetComposition: Omit<BundleSizes, 'files'> | null;
  compositionFiles: { file: string; kind: string; gzip: number; bytes: number }[] | undefined;
  startup: Startup | null;
  /** The same in a Chromium with --use-angle=swiftshader (reported, no target). */
  startupEmulatedGpu: Startup | null;
  lighthouse: {
    app: LighthouseSummary | null;
    baseline: LighthouseSummary | null;
    runs: LighthouseRuns;
  };
  frames: {
    real: FrameSummary | null;
    '10000': FrameSummary | null;
    baseline: FrameRun | null;
    runs: { real: FrameRun[]; '10000': FrameRun[] };
  };
  targets: Target[];
  errors: StageError[];
}

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function markdown(r: BenchResult): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`# Kooperationsatlas benchmark — ${m.date.slice(0, 16).replace('T', ' ')} UTC`);
  out.push('');
  out.push(
    `Machine: ${m.nproc} × ${m.cpuModel}, ${m.memoryGB} GB, ${m.platform}; Node ${m.node}; ` +
      `${m.chromium || `Chromium ${m.browserVersion}`} (headless, SwiftShader WebGL); load average ` +
      `${m.loadavgStart.join(' ')} at start, ${m.loadavgEnd.join(' ')} at end (the machine is shared). ` +
      `Run time ${r.elapsedSeconds} s.`,
  );
  out.push('');
  out.push('## Targets');
  out.push('');
  out.push(
    table(
      ['', 'target', 'measured', 'met'],
      r.targets.map((t) => [
        t.name,
        t.target,
        t.value,
        t.met === null ? '–' : t.met ? 'yes' : '**no**',
      ]),
    ),
  );
  out.push('');
  out.push('## Data side (Node): one scrub step = derive() + changedFeatures()');
  out.push('');
  out.push(
    table(
      [
        'dataset',
        'features',
        'step median ms',
        'step p95 ms',
        'derive median',
        'changedFeatures median',
        'visible (median)',
        'changed features (median)',
        'with a Land selected: median / p95',
        'cumulative: median / p95',
      ],
      r.data.map((d) => [
        d.dataset,
        d.features,
        fmt(d.scrub.step.median, 3),
        fmt(d.scrub.step.p95, 3),
        fmt(d.scrub.derive.median, 3),
        fmt(d.scrub.changed.median, 3),
        d.scrub.visibleMedian,
        d.scrub.changedMedian,
        `${fmt(d.scrubSelected.step.median, 3)} / ${fmt(d.scrubSelected.step.p95, 3)}`,
        `${fmt(d.scrubCumulative.step.median, 3)} / ${fmt(d.scrubCumulative.step.p95, 3)}`,
      ]),
    ),
  );
  out.push('');
  out.push(
    `${r.data[0]?.scrub.steps ?? '?'} monthly steps 2006 → today per sweep, ${r.data[0]?.scrub.sweeps ?? '?'} sweeps after ${r.data[0]?.scrub.warmup ?? '?'} warm-up sweep(s) (in force, no selection, no filters); selected and cumulative: ${r.data[0]?.scrubSelected.sweeps ?? '?'} sweeps.`,
  );
  out.push('');
  out.push(
    'Timer split of derive() (median ms per step; a replica of its phases, see data-bench.ts):',
  );
  out.push('');
  out.push(
    table(
      [
        'dataset',
        'allocate',
        'filter (isShown)',
        'mark (partners, bits, feature state)',
        'sort',
        'visibleIds',
        'replica total',
        'derive()',
      ],
      r.data.map((d) => [
        d.dataset,
        fmt(d.split.allocate, 3),
        fmt(d.split.filter, 3),
        fmt(d.split.mark, 3),
        fmt(d.split.sort, 3),
        fmt(d.split.ids, 3),
        fmt(d.split.replicaTotal, 3),
        fmt(d.split.deriveTotal, 3),
      ]),
    ),
  );
  out.push('');
  out.push('One-time costs (ms, median of 3 after a warm-up):');
  out.push('');
  out.push(
    table(
      [
        'dataset',
        'createScene',
        'buildAtlas',
        'buildAnchors',
        'buildLinkGeometry',
        'buildSearchIndex',
      ],
      r.data.map((d) => [
        d.dataset,
        fmt(d.oneTime.createScene),
        fmt(d.oneTime.buildAtlas),
        fmt(d.oneTime.buildAnchors, 3),
        fmt(d.oneTime.buildLinkGeometry),
        fmt(d.oneTime.buildSearchIndex),
      ]),
    ),
  );
  out.push('');
  out.push('## Browser: frame times (1440×900, headless Chromium)');
  out.push('');
  const fr = (name: string, f: FrameSummary | null) =>
    f
      ? [
          name,
          f.runs,
          fmt(f.idleFrame),
          `${fmt(f.repaintFrame)} / ${fmt(f.repaintFrameP95)}`,
          `${fmt(f.scrubFrame)} / ${fmt(f.scrubFrameP95)}`,
          `${fmt(f.ratio)} / ${fmt(f.ratioP95)}`,
          `${fmt(f.repaintWork)} / ${fmt(f.repaintWorkP95)}`,
          `${fmt(f.scrubWork)} / ${fmt(f.scrubWorkP95)}`,
          `${fmt(f.scrubStep)} / ${fmt(f.scrubStepP95)}`,
          `${f.steps} (${fmt(f.changedShare * 100, 0)} %)`,
        ]
      : [name, 0, '–', '–', '–', '–', '–', '–', '–', '–'];
  const base = r.frames.baseline;
  out.push(
    table(
      [
        'build',
        'runs',
        'idle frame (no repaint)',
        'idle frame, forced repaint: median / p95',
        'scrub frame: median / p95',
        'ratio scrub ÷ idle: median / p95',
        'idle work/frame',
        'scrub work/frame',
        'of which step (JS)',
        'steps per run (frames with a date change)',
      ],
      [
        fr('real data', r.frames.real),
        fr('10 000 (≤ 12 steps from 2016)', r.frames['10000']),
        ...(base
          ? [
              [
                'bare MapLibre baseline',
                1,
                fmt(base.idle.frameMedian),
                `${fmt(base.repaint.frameMedian)} / ${fmt(base.repaint.frameP95)}`,
                '–',
                '–',
                `${fmt(base.repaint.workMedian)} / ${fmt(base.repaint.workP95)}`,
                '–',
                '–',
                '–',
              ],
            ]
          : []),
      ],
    ),
  );
  out.push('');
  out.push(
    'All ms; medians over runs of each run’s median and p95. *Frame* = requestAnimationFrame delta; ' +
      '*forced repaint* = map.triggerRepaint() every frame, in idle and in scrub alike; *work* = ' +
      'main-thread time of the scrub step (keydown → React render, commit, effects incl. ' +
      'setFeatureState) plus MapLibre’s render call (map._render). See bench/README.md.',
  );
  if (r.frames['10000'])
    out.push(
      `\n10 000: scrubbed ${r.frames['10000'].ranges.map(([a, b]) => `${a} → ${b}`).join(', ')} (time cap 10 s per run); ready mark median ${fmt(r.frames['10000'].ready, 0)} ms.`,
    );
  out.push('');
  out.push('## Start-up: time to the ready mark (fresh context, loopback)');
  out.push('');
  for (const [heading, st] of [
    ['Chromium as the end-to-end tests and Lighthouse run it (software compositing)', r.startup],
    [
      'For scale, no target: Chromium emulating a GPU for the whole page (`--use-angle=swiftshader`: compositing and rasterisation of every layer through SwiftShader, which costs a DOM-rich page more than a bare map)',
      r.startupEmulatedGpu,
    ],
  ] as const) {
    out.push(heading);
    out.push('');
    if (st) {
      out.push(
        table(
          ['page', 'runs (ms)', 'median ms'],
          [
            ['app (real data)', st.app.join(', '), fmt(st.appMedian, 0)],
            [
              `bare MapLibre baseline (${st.baselineSize?.width}×${st.baselineSize?.height} map)`,
              st.baseline.join(', '),
              fmt(st.baselineMedian, 0),
            ],
            ['ratio app ÷ baseline', '', fmt(st.ratio)],
          ],
        ),
      );
    } else out.push('not measured (see errors)');
    out.push('');
  }
  out.push('## Bundle budgets (gzip -9, 1 kB = 1000 B)');
  out.push('');
  const bRow = (name: string, b: Omit<BundleSizes, 'files'> | null) =>
    b
      ? [
          name,
          kB(b.maplibre.main) + (b.maplibre.inlined ? ' (est.)' : ''),
          kB(b.maplibre.worker),
          kB(b.appJs),
          kB(b.data),
          kB(b.css),
        ]
      : [name, '–', '–', '–', '–', '–'];
  out.push(
    table(
      [
        'build',
        'MapLibre main',
        'MapLibre worker',
        'other JS (≤ 120 kB)',
        'data + geometry (≤ 150 kB)',
        'CSS',
      ],
      [
        bRow('production build (bench/.dist-real)', r.budget),
        bRow('same, MapLibre and vendors in own chunks', r.budgetComposition),
      ],
    ),
  );
  if (r.budget) out.push(`\n${r.budget.method}.`);
  if (r.compositionFiles) {
    out.push('\nJS chunks of the composition build:\n');
    out.push(
      table(
        ['chunk', 'raw', 'gzip'],
        r.compositionFiles
          .filter((f) => /\.m?js$/.test(f.file))
          .sort((a, b) => b.gzip - a.gzip)
          .map((f) => [f.file, kB(f.bytes), kB(f.gzip)]),
      ),
    );
  }
  out.push('');
  out.push('## Lighthouse (desktop preset): the app and the bare MapLibre baseline');
  out.push('');
  const lhRows: string[][] = [];
  for (const [name, lh] of [
    ['app (real build)', r.lighthouse.app],
    ['bare MapLibre baseline', r.lighthouse.baseline],
  ] as const) {
    if (!lh) {
      lhRows.push([name, '–', '–', '–', '–', 'did not run']);
      continue;
    }
    const ms = (id: string) => (lh.metrics[id] === undefined ? '–' : fmt(lh.metrics[id], 0));
    lhRows.push([
      `${name}, median of ${lh.runs}`,
      String(lh.scores.performance ?? '–'),
      String(lh.scores.accessibility ?? '–'),
      String(lh.scores.bestPractices ?? '–'),
      lh.perRun.map((p) => p.performance ?? '–').join(', '),
      `FCP ${ms('first-contentful-paint')}, LCP ${ms('largest-contentful-paint')}, TBT ${ms('total-blocking-time')}, CLS ${lh.metrics['cumulative-layout-shift'] ?? '–'}, SI ${ms('speed-index')}, TTI ${ms('interactive')}`,
    ]);
  }
  out.push(
    table(
      [
        'page',
        'performance',
        'accessibility',
        'best practices',
        'performance per run',
        'metrics (ms, median)',
      ],
      lhRows,
    ),
  );
  const app = r.lighthouse.app;
  if (app?.failing.length)
    out.push(
      `\nApp audits below 0.9 (last run): ${app.failing.map((f) => `${f.category}/${f.id} (${f.score}${f.display ? `, ${f.display}` : ''})`).join(', ')}.`,
    );
  const lhErrors = [...(app?.errors ?? []), ...(r.lighthouse.baseline?.errors ?? [])];
  if (lhErrors.length) out.push(`\nFailed runs: ${lhErrors.join('; ')}`);
  out.push(
    `\nReports of the last runs: bench/results/lighthouse.report.html and lighthouse-baseline.report.html (Lighthouse ${app?.version ?? '–'}).`,
  );
  if (r.errors.length) {
    out.push('');
    out.push('## Errors');
    out.push('');
    for (const e of r.errors) out.push(`- ${e.stage}: ${e.message.split('\n')[0]}`);
  }
  out.push('');
  return out.join('\n');
}

// ---------------------------------------------------------------- go

let code: number;
try {
  code = await main();
} catch (error) {
  console.error('bench: crashed:', error);
  code = 1;
} finally {
  await cleanup();
  clearTimeout(hardLimit);
}
process.exit(code);
