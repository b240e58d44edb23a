/**
 * Browser side: builds, a loopback server, headless Chromium (Debian's, via playwright-core),
 * frame times while idle and while scrubbing, and time to the ready mark.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.ts';
import { ROOT } from './generate.ts';
import { median, p95, round } from './stats.ts';

export { CHROMIUM, CHROMIUM_ARGS };
export const VIEWPORT = { width: 1440, height: 900 };
export const READY_MARK = 'kooperationsatlas:ready';

const node = (p: string): RegExp => new RegExp(`node_modules[\\\\/](?:${p})[\\\\/]`);

/**
 * Rolldown chunk groups for the composition build: MapLibre in its own chunk (so its size is
 * exact), and the big vendors apart, to see what the app's JavaScript is made of.
 */
export const COMPOSITION_GROUPS = [
  { name: 'maplibre-gl', test: node('maplibre-gl') },
  { name: 'vendor-react', test: node('react|react-dom|scheduler') },
  { name: 'vendor-d3', test: node('d3-[a-z-]+|internmap') },
  { name: 'vendor-turf', test: node('@turf[\\\\/][a-z-]+') },
  { name: 'vendor-other', test: /node_modules/ },
];

/** Builds the app over a data folder (KA_DATA_DIR) into outDir with the project's Vite config. */
export async function buildApp(
  dataDir: string,
  outDir: string,
  options: { composition?: boolean; minify?: boolean } = {},
): Promise<number> {
  const t0 = performance.now();
  const before = process.env['KA_DATA_DIR'];
  process.env['KA_DATA_DIR'] = dataDir;
  try {
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      root: ROOT,
      logLevel: 'error',
      build: {
        outDir,
        emptyOutDir: true,
        ...(options.minify === false ? { minify: false } : {}),
        ...(options.composition
          ? { rolldownOptions: { output: { codeSplitting: { groups: COMPOSITION_GROUPS } } } }
          : {}),
      },
    });
  } finally {
    if (before === undefined) delete process.env['KA_DATA_DIR'];
    else process.env['KA_DATA_DIR'] = before;
  }
  return performance.now() - t0;
}

/** Builds the bare MapLibre baseline page (bench/baseline/). */
export async function buildBaseline(outDir: string): Promise<number> {
  const t0 = performance.now();
  await build({
    configFile: false,
    root: join(ROOT, 'bench', 'baseline'),
    base: './',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  });
  return performance.now() - t0;
}

export interface Served {
  url: string;
  close: () => Promise<void>;
}

/** Serves a built folder with `vite preview` on loopback, on a free port. */
export async function serve(outDir: string): Promise<Served> {
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`${outDir}/index.html missing`);
  const server: PreviewServer = await preview({
    configFile: false,
    root: ROOT,
    base: './',
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('preview server did not report its URL');
  }
  return { url, close: () => server.close() };
}

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    reducedMotion: 'no-preference',
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  // tsx (esbuild keepNames) wraps named functions in __name(); functions passed to
  // page.evaluate are serialised, so the page needs a harmless __name of its own.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await context.newPage();
  return { context, page };
}

export async function waitReady(page: Page, timeout = 60_000): Promise<number> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, READY_MARK, {
    timeout,
  });
  return page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, READY_MARK);
}

/** One frame as seen from a requestAnimationFrame callback. */
interface FrameSample {
  /** rAF timestamp delta to the previous frame (ms). */
  dt: number;
  /** Time inside MapLibre's render (map._render) since the previous frame (ms). */
  render: number;
  /** Time of the scrub step: keydown dispatch up to the end of React's sync work (ms). */
  step: number;
  /** Whether the handle's value changed in this frame. */
  changed: boolean;
}

export type Phase = 'idle' | 'repaint' | 'scrub';

/**
 * Runs in the page. `idle`: rAF deltas, nothing changes. `repaint`: the map is forced to
 * repaint each frame (triggerRepaint), nothing else changes. `scrub`: the same forced repaint,
 * plus one ArrowRight keydown on the timeline handle at the start of every frame.
 */
export function recordFrames(args: {
  phase: Phase;
  durationMs: number;
  maxSteps: number;
  /** idle/repaint: record at least this many frames (up to 4 × durationMs). */
  minFrames?: number;
}) {
  // Scrub: stops after maxSteps, at the end of the range, or after durationMs (a time cap).
  type MapLike = { triggerRepaint(): void; _render: (...a: unknown[]) => unknown };
  type Win = typeof window & { __benchRender?: { total: number } };
  const w = window as Win;
  const el = document.querySelector('[data-testid="map"]') as
    (HTMLElement & { maplibreMap?: MapLike }) | null;
  const map = el?.maplibreMap;
  if (!map) throw new Error('no map handle at [data-testid="map"].maplibreMap');
  if (!w.__benchRender) {
    const acc = { total: 0 };
    w.__benchRender = acc;
    const original = map._render;
    map._render = function (this: unknown, ...a: unknown[]) {
      const t = performance.now();
      try {
        return original.apply(this, a);
      } finally {
        acc.total += performance.now() - t;
      }
    };
  }
  const acc = w.__benchRender;
  const handle = document.querySelector<SVGGElement>('[data-testid="timeline-handle"]');
  if (args.phase === 'scrub' && !handle) throw new Error('no timeline handle');
  const value = () => handle?.getAttribute('aria-valuenow') ?? '';
  const max = handle?.getAttribute('aria-valuemax') ?? '';
  return new Promise<FrameSample[]>((resolve) => {
    const samples: FrameSample[] = [];
    let last: number | null = null;
    let start = 0;
    let steps = 0;
    let stepTime = 0;
    let before = value();
    const frame = (ts: number) => {
      if (last === null) start = ts;
      else {
        const now = value();
        samples.push({ dt: ts - last, render: acc.total, step: stepTime, changed: now !== before });
        before = now;
      }
      acc.total = 0;
      stepTime = 0;
      last = ts;
      const done =
        args.phase === 'scrub'
          ? steps >= args.maxSteps || value() === max || ts - start >= args.durationMs
          : ts - start >= args.durationMs &&
            (samples.length >= (args.minFrames ?? 0) || ts - start >= 4 * args.durationMs);
      if (done) {
        resolve(samples);
        return;
      }
      if (args.phase === 'scrub') {
        const t0 = performance.now();
        handle!.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }),
        );
        steps++;
        // React flushes the update (render, commit, effects incl. setFeatureState) in a
        // microtask queued during the dispatch; ours runs after it.
        queueMicrotask(() => {
          stepTime = performance.now() - t0;
        });
      }
      if (args.phase !== 'idle') map.triggerRepaint();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

export interface PhaseStats {
  frames: number;
  /** rAF delta (frame time), ms */
  frameMedian: number;
  frameP95: number;
  /** Work per frame = step + map render, ms */
  workMedian: number;
  workP95: number;
  renderMedian: number;
  stepMedian: number;
  stepP95: number;
  /** Share of frames in which the date changed (scrub). */
  changedShare: number;
}

function phaseStats(samples: FrameSample[]): PhaseStats {
  const dt = samples.map((s) => s.dt);
  const work = samples.map((s) => s.step + s.render);
  const step = samples.map((s) => s.step);
  return {
    frames: samples.length,
    frameMedian: round(median(dt), 2),
    frameP95: round(p95(dt), 2),
    workMedian: round(median(work), 2),
    workP95: round(p95(work), 2),
    renderMedian: round(median(samples.map((s) => s.render)), 2),
    stepMedian: round(median(step), 2),
    stepP95: round(p95(step), 2),
    changedShare: round(samples.filter((s) => s.changed).length / Math.max(1, samples.length), 3),
  };
}

export interface FrameRun {
  ready: number;
  /** Time from the ready mark until frames were quiet (ms). */
  settleMs: number;
  /** Handle dates at the start and the end of the scrub. */
  range: [string, string];
  idle: PhaseStats;
  repaint: PhaseStats;
  scrub: PhaseStats;
  /** Cooperations shown at the end of the scrub (status line), as a sanity check. */
  status: string;
  mapSize: { width: number; height: number };
  errors: string[];
}

/** One run in a fresh context: load, idle, forced-repaint idle, scrub across the range. */
export interface FrameOptions {
  /** Query string to open (e.g. "date=2013-01-01"); with it, Home is not pressed. */
  query?: string;
  idleMs?: number;
  repaintMs?: number;
  maxSteps?: number;
  /** Time cap of the scrub phase (ms). */
  maxScrubMs?: number;
  /** false: no scrub phase (a page without the timeline, e.g. the baseline). */
  scrub?: boolean;
  /** Longest wait for quiet frames after the ready mark (ms). */
  settleMs?: number;
  /** The forced-repaint phase records at least this many frames (default 15). */
  minRepaintFrames?: number;
}

/** Waits until the page renders quietly (10 frames in a row under 40 ms), at most `timeout`. */
export async function settle(page: Page, timeout = 15_000): Promise<number> {
  return page.evaluate(
    (limit) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        let last = 0;
        let quiet = 0;
        const tick = (ts: number) => {
          quiet = last && ts - last < 40 ? quiet + 1 : 0;
          last = ts;
          if (quiet >= 10 || ts - t0 > limit) resolve(performance.now() - t0);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    timeout,
  );
}

export async function frameRun(
  browser: Browser,
  url: string,
  options: FrameOptions = {},
): Promise<FrameRun> {
  const { context, page } = await newPage(browser);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(options.query ? `${url}?${options.query}` : url);
    const ready = await waitReady(page);
    const settleMs = await settle(page, options.settleMs ?? 15_000);
    const mapSize = await page.evaluate(() => {
      const r = document.querySelector('.maplibregl-canvas')!.getBoundingClientRect();
      return { width: Math.round(r.width), height: Math.round(r.height) };
    });
    const idle = await page.evaluate(recordFrames, {
      phase: 'idle' as Phase,
      durationMs: options.idleMs ?? 2000,
      maxSteps: 0,
    });
    const repaint = await page.evaluate(recordFrames, {
      phase: 'repaint' as Phase,
      durationMs: options.repaintMs ?? 3000,
      maxSteps: 0,
      minFrames: options.minRepaintFrames ?? 15,
    });
    if (options.scrub === false)
      return {
        ready: round(ready, 1),
        settleMs: round(settleMs, 0),
        range: ['', ''],
        idle: phaseStats(idle),
        repaint: phaseStats(repaint),
        scrub: phaseStats([]),
        status: '',
        mapSize,
        errors,
      };
    const handle = page.getByTestId('timeline-handle');
    await handle.focus();
    if (!options.query) await page.keyboard.press('Home');
    await settle(page, 5000);
    const from = (await page.getByTestId('app').getAttribute('data-date')) ?? '';
    const scrub = await page.evaluate(recordFrames, {
      phase: 'scrub' as Phase,
      durationMs: options.maxScrubMs ?? 120_000,
      maxSteps: options.maxSteps ?? 300,
    });
    const to = (await page.getByTestId('app').getAttribute('data-date')) ?? '';
    const status = (await page.getByTestId('status').textContent()) ?? '';
    return {
      ready: round(ready, 1),
      settleMs: round(settleMs, 0),
      range: [from, to],
      idle: phaseStats(idle),
      repaint: phaseStats(repaint),
      scrub: phaseStats(scrub),
      status: status.trim(),
      mapSize,
      errors,
    };
  } finally {
    await context.close();
  }
}

/** Time to the ready mark in a fresh context (ms since navigation start). */
export async function readyTime(
  browser: Browser,
  url: string,
): Promise<{ ready: number; fcp: number | null }> {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(url);
    const ready = await waitReady(page);
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    );
    return { ready: round(ready, 1), fcp: fcp === null ? null : round(fcp, 1) };
  } finally {
    await context.close();
  }
}

export async function browserVersion(browser: Browser): Promise<string> {
  return browser.version();
}
