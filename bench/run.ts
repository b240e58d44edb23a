/**
 * npm run bench: every figure of bench/README.md, written to bench/results/latest.json
 * (git-ignored) with a short table on the console. Missed targets are reported, not fatal; the
 * exit code is 1 when a part failed, 2 when the time limit stopped the run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startVitest } from 'vitest/node';
import { measureBundle, type BundleSizes } from '../scripts/bundle-size.ts';
import { buildApp, buildBaseline, frameRun, launch, readyTime, serve } from './browser.ts';
import { ensureDataset, ROOT } from './generate.ts';
import { lighthouse, type LighthouseRun } from './lighthouse.ts';
import { videoBench, type VideoFigure } from './video.ts';

const LIMIT_MS = 10 * 60_000;
const T0 = performance.now();
const RESULTS = join(ROOT, 'bench', 'results');
const dist = (name: string) => join(ROOT, 'bench', `.dist-${name}`);

const quantile = (values: number[], q: number): number => {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s.length ? s[lo]! + (s[Math.ceil(pos)]! - s[lo]!) * (pos - lo) : NaN;
};
const median = (values: number[]) => quantile(values, 0.5);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

interface Startup {
  /** ms from navigation start to the ready mark, per load */
  runs: Record<string, number[]>;
  medianMs: Record<string, number>;
  baselineMap: { width: number; height: number };
  appVsBaseline: number;
  bigVsReal: number;
}

const report = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? '?',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 1e9),
    node: process.version,
    chromium: '',
    load: { start: loadavg().map((x) => round(x)), end: [] as number[] },
  },
  seconds: 0,
  data: {} as Record<string, Record<string, { medianMs: number; p95Ms: number; samples: number }>>,
  bundle: null as BundleSizes | null,
  startup: null as Startup | null,
  frames: {} as Record<string, ReturnType<typeof summarizeFrames>>,
  lighthouse: { app: [] as LighthouseRun[], baseline: [] as LighthouseRun[] },
  video: null as VideoFigure | null,
  errors: [] as string[],
};

/** What the run has started and has to stop (servers, the browser, a Lighthouse run). */
const stops: (() => unknown)[] = [];
let stopping = false;
const log = (msg: string) =>
  console.log(`[${Math.round((performance.now() - T0) / 1000)} s] ${msg}`);

/** Runs one part; a failure is recorded and the run goes on. */
async function part<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
  if (stopping) return undefined;
  log(name);
  try {
    return await fn();
  } catch (error) {
    report.errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`bench: ${name} failed:`, error);
    return undefined;
  }
}

async function finish(code: number): Promise<never> {
  stopping = true;
  for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
  report.seconds = Math.round((performance.now() - T0) / 1000);
  report.machine.load.end = loadavg().map((x) => round(x));
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  printTable();
  console.log(`bench: bench/results/latest.json (${report.seconds} s)`);
  process.exit(code);
}
const limit = setTimeout(() => {
  report.errors.push(`time limit of ${LIMIT_MS / 60_000} min: stopped`);
  void finish(2);
}, LIMIT_MS);

mkdirSync(RESULTS, { recursive: true });

// 1. Builds: the app over the real data and over 10 000 synthetic cooperations, the baseline.
// Before vitest, which sets NODE_ENV=test (a build would then bundle React's development build).
ensureDataset(1000);
const big = ensureDataset(10000);
await part('build (real data)', () => buildApp(join(ROOT, 'data'), dist('real')));
await part('build (10 000)', () => buildApp(big, dist('10000')));
await part('build (baseline)', () => buildBaseline(dist('baseline')));
await part('bundle budgets', async () => {
  report.bundle = measureBundle(dist('real'));
});

// 2. Data side: bench/data.bench.ts under vitest bench, with the samples for the p95.
await part('data side (vitest bench)', async () => {
  const vitest = await startVitest('benchmark', ['bench/data.bench.ts'], {
    root: ROOT,
    run: true,
    watch: false,
    benchmark: { includeSamples: true },
  });
  const files = vitest.state.getFiles();
  await vitest.close();
  for (const file of files)
    for (const suite of file.tasks)
      if (suite.type === 'suite')
        for (const task of suite.tasks) {
          const b = task.result?.benchmark;
          if (!b) continue;
          (report.data[suite.name.split(' ')[0]!] ??= {})[task.name] = {
            medianMs: round(b.median, 3),
            p95Ms: round(quantile(b.samples, 0.95), 3),
            samples: b.sampleCount,
          };
        }
  if (Object.keys(report.data).length === 0) throw new Error('no results (see its output)');
});

// 3. Browser: start-up, frames.
const urls: Record<string, string> = {};
for (const name of ['real', '10000', 'baseline'])
  await part(`serve ${name}`, async () => {
    const server = await serve(dist(name));
    stops.push(server.close);
    urls[name] = server.url;
  });
const browser: Browser | undefined = await part('Chromium', launch);
if (browser) {
  stops.push(() => browser.close());
  report.machine.chromium = browser.version();
}
let baselineUrl = urls['baseline'];

/** Loads per page: the 10 000 build takes many seconds to start, so it gets fewer. */
const LOADS = { real: 5, baseline: 5, '10000': 3 };
if (browser && urls['real'] && urls['10000'] && baselineUrl)
  await part('start-up: real, baseline, 10 000 in turn (5, 5, 3 loads)', async () => {
    // A first load (not counted) warms the server and gives the app's map size to the baseline.
    const { map } = await readyTime(browser, urls['real']!);
    baselineUrl = `${urls['baseline']}?w=${map.width}&h=${map.height}`;
    const pages = { real: urls['real']!, baseline: baselineUrl, '10000': urls['10000']! };
    const runs = { real: [] as number[], baseline: [] as number[], '10000': [] as number[] };
    const order = Object.keys(pages) as (keyof typeof pages)[];
    for (let i = 0; i < 5; i++)
      for (let k = 0; k < order.length; k++) {
        const name = order[(i + k) % order.length]!;
        if (runs[name].length < LOADS[name])
          runs[name].push(round((await readyTime(browser, pages[name])).ready));
      }
    const m = {
      real: median(runs.real),
      baseline: median(runs.baseline),
      '10000': median(runs['10000']),
    };
    report.startup = {
      runs,
      medianMs: m,
      baselineMap: map,
      appVsBaseline: round(m.real / m.baseline),
      bigVsReal: round(m['10000'] / m.real),
    };
  });

/** Frames of all runs pooled: medians and p95 of frame time and work, idle and scrubbing. */
function summarizeFrames(runs: Awaited<ReturnType<typeof frameRun>>[]) {
  const stat = (phase: 'idle' | 'scrub', key: 'dt' | 'work', q: number) => {
    const values = runs.flatMap((r) => r[phase].map((f) => f[key]));
    return round(quantile(values, q));
  };
  const s = {
    idleFrameMs: stat('idle', 'dt', 0.5),
    idleFrameP95: stat('idle', 'dt', 0.95),
    scrubFrameMs: stat('scrub', 'dt', 0.5),
    scrubFrameP95: stat('scrub', 'dt', 0.95),
    idleWorkMs: stat('idle', 'work', 0.5),
    scrubWorkMs: stat('scrub', 'work', 0.5),
    scrubWorkP95: stat('scrub', 'work', 0.95),
  };
  return {
    ...s,
    frameRatio: round(s.scrubFrameMs / s.idleFrameMs),
    workRatio: round(s.scrubWorkMs / s.idleWorkMs),
    runs: runs.map((r) => ({ ready: round(r.ready), range: r.range, frames: r.scrub.length })),
  };
}
/** Real data: the whole range month by month, twice. 10 000: 12 steps from 2016, once. */
const FRAMES = {
  real: { runs: 2, repaintMs: 3000, minFrames: 15, maxSteps: 300, scrubMs: 60_000 },
  '10000': {
    runs: 1,
    query: 'date=2016-01-01',
    repaintMs: 3000,
    minFrames: 5,
    maxSteps: 12,
    scrubMs: 15_000,
  },
};
if (browser)
  for (const [name, options] of Object.entries(FRAMES))
    if (urls[name])
      await part(`frames ${name}: ${options.runs} run(s)`, async () => {
        const runs = [];
        for (let i = 0; i < options.runs; i++)
          runs.push(await frameRun(browser, urls[name]!, options));
        report.frames[name] = summarizeFrames(runs);
      });

// 4. Lighthouse: the app and the baseline page, alternating, 3 runs each.
for (let i = 1; i <= 3; i++)
  for (const [name, url] of [
    ['app', urls['real']],
    ['baseline', baselineUrl],
  ] as const)
    if (url)
      await part(`Lighthouse ${name} ${i}/3`, async () => {
        const out = join(RESULTS, `lighthouse-${name}`);
        report.lighthouse[name].push(await lighthouse(url, out, (stop) => stops.push(stop)));
      });

// 5. The video export: a 20-second 1080p WebM, 3 runs (last: the time limit may cut it short).
if (browser && urls['real'])
  await part('video: 20 s at 1080p, 3 runs', () =>
    videoBench(browser, urls['real']!, report, T0 + LIMIT_MS),
  );

function printTable(): void {
  const rows: Record<string, string> = {};
  for (const [n, d] of Object.entries(report.data)) {
    const s = d['scrub step'];
    if (s) rows[`scrub step, data side, ${n} (median / p95)`] = `${s.medianMs} / ${s.p95Ms} ms`;
    const c = d['createAtlasModel'];
    if (c) rows[`createAtlasModel, ${n} (median)`] = `${c.medianMs} ms`;
  }
  for (const [name, h] of Object.entries(report.data['hostile'] ?? {}))
    rows[`hostile input: ${name} (median)`] = `${h.medianMs} ms`;
  const v = report.video;
  if (v)
    rows['video: 20 s 1080p WebM (median)'] =
      `${v.medianSeconds} s (${v.msPerFrame} ms/frame, ${v.codec}, ${v.megabytes} MB)`;
  const st = report.startup;
  if (st) {
    const ms = (k: string) => Math.round(st.medianMs[k]!);
    rows['start-up: app ÷ bare MapLibre (ready, median)'] =
      `${st.appVsBaseline}× (${ms('real')} / ${ms('baseline')} ms)`;
    rows['start-up: 10 000 ÷ real data'] = `${st.bigVsReal}× (${ms('10000')} ms)`;
  }
  for (const [n, f] of Object.entries(report.frames))
    rows[`frames ${n}: scrub ÷ idle repaint, frame / work`] =
      `${f.frameRatio}× / ${f.workRatio}× (work ${f.scrubWorkMs} vs ${f.idleWorkMs} ms)`;
  const b = report.bundle;
  const kB = (x: number) => `${(x / 1000).toFixed(1)} kB`;
  if (b) {
    rows['JS of the first screen / all JS besides MapLibre'] =
      `${kB(b.initialJs)} / ${kB(b.appJs)}`;
    rows['MapLibre main + worker; data + geometry'] =
      `${kB(b.maplibre.main)} + ${kB(b.maplibre.worker)}; ${kB(b.data)}`;
  }
  for (const [name, runs] of Object.entries(report.lighthouse))
    if (runs.length > 0) {
      const m = (k: 'performance' | 'accessibility' | 'bestPractices') =>
        median(runs.map((r) => r[k]));
      rows[`Lighthouse ${name}: perf / a11y / best pr. (median of ${runs.length})`] =
        `${m('performance')} / ${m('accessibility')} / ${m('bestPractices')} (TBT ${Math.round(median(runs.map((r) => r.metrics.tbt)))} ms)`;
    }
  console.table(rows);
  for (const e of report.errors) console.log(`error: ${e.split('\n')[0]}`);
}

clearTimeout(limit);
await finish(report.errors.length > 0 ? 1 : 0);
