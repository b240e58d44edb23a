/**
 * Browser side of npm run bench: builds, a loopback server (vite preview), Debian's Chromium
 * through playwright-core, the time to the ready mark and the frame figures.
 */
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { assetFileNames } from '../scripts/asset-names.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.ts';
import { ROOT } from './generate.ts';

const READY = 'kooperationsatlas:ready';

/** The app built over a data folder (KA_DATA_DIR, read by vite.config.ts). */
export async function buildApp(dataDir: string, outDir: string): Promise<void> {
  process.env['KA_DATA_DIR'] = dataDir;
  try {
    await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    delete process.env['KA_DATA_DIR'];
  }
}

/** The bare MapLibre page of bench/baseline/. */
export async function buildBaseline(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(ROOT, 'bench', 'baseline'),
    base: './',
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { output: { assetFileNames } },
    },
  });
}

/** Serves a build on 127.0.0.1 (a free port); returns its URL and how to stop it. */
export async function serve(outDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await preview({
    configFile: false,
    root: ROOT,
    base: './',
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error(`no URL for ${outDir}`);
  return { url, close: () => server.close() };
}

export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

/** Opens a URL in a fresh context (empty cache) and hands the page and its ready mark (ms) on. */
async function open<T>(
  browser: Browser,
  url: string,
  then: (page: Page, ready: number) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  context.setDefaultTimeout(90_000); // the 10 000 build takes 10–25 s to get ready here
  // tsx keeps function names with __name(); functions sent to the page need one too.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, READY);
    const ready = await page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, READY);
    return await then(page, ready);
  } finally {
    await context.close();
  }
}

/** Time to the ready mark (ms from navigation start) and the size of the map canvas. */
export function readyTime(browser: Browser, url: string) {
  return open(browser, url, async (page, ready) => {
    const box = await page.locator('.maplibregl-canvas').boundingBox();
    return {
      ready,
      map: { width: Math.round(box?.width ?? 0), height: Math.round(box?.height ?? 0) },
    };
  });
}

/** Waits until 10 frames in a row came within 40 ms (at most `limit` ms). */
const settle = (page: Page, limit: number) =>
  page.evaluate(
    (limit) =>
      new Promise<void>((resolve) => {
        const t0 = performance.now();
        let last = 0;
        let quiet = 0;
        const tick = (ts: number) => {
          quiet = last && ts - last < 40 ? quiet + 1 : 0;
          last = ts;
          if (quiet >= 10 || ts - t0 > limit) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    limit,
  );

interface Frame {
  /** requestAnimationFrame delta (ms) */
  dt: number;
  /** main-thread work of the frame: the scrub step plus MapLibre's render call (ms) */
  work: number;
}

/**
 * Runs in the page. Every frame forces a map repaint; in `scrub`, it also dispatches one
 * ArrowRight keydown on the timeline handle (one month) and times it until React's synchronous
 * work (render, commit, effects with setFeatureState) is done. MapLibre's render call is timed
 * by wrapping map._render on the instance (the test handle on [data-testid="map"]).
 */
function recordFrames(a: { scrub: boolean; ms: number; minFrames: number; maxSteps: number }) {
  type MapLike = { triggerRepaint(): void; _render: (...args: unknown[]) => unknown };
  const el = document.querySelector('[data-testid="map"]') as { maplibreMap?: MapLike } | null;
  const map = el?.maplibreMap;
  if (!map) throw new Error('no map handle');
  const handle = document.querySelector('[data-testid="timeline-handle"]');
  const end = () => handle?.getAttribute('aria-valuenow') === handle?.getAttribute('aria-valuemax');
  let work = 0;
  const render = map._render;
  map._render = function (this: unknown, ...args: unknown[]) {
    const t = performance.now();
    try {
      return render.apply(this, args);
    } finally {
      work += performance.now() - t;
    }
  };
  return new Promise<Frame[]>((resolve) => {
    const frames: Frame[] = [];
    let start = -1;
    let last = -1;
    let steps = 0;
    const frame = (ts: number) => {
      if (start < 0) start = ts;
      else frames.push({ dt: ts - last, work });
      last = ts;
      work = 0;
      const elapsed = ts - start;
      if (
        a.scrub
          ? steps >= a.maxSteps || end() || elapsed >= a.ms
          : (elapsed >= a.ms && frames.length >= a.minFrames) || elapsed >= 4 * a.ms
      ) {
        map._render = render;
        return resolve(frames);
      }
      if (a.scrub) {
        const t0 = performance.now();
        handle!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
        steps++;
        // React flushes the update in a microtask queued during the dispatch; this one runs after.
        queueMicrotask(() => (work += performance.now() - t0));
      }
      map.triggerRepaint();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

export interface FrameOptions {
  /** Query string to open; without it the scrub starts at the timeline's start (Home). */
  query?: string;
  /** Forced-repaint phase: duration (ms) and at least this many frames (up to 4 × the time). */
  repaintMs: number;
  minFrames: number;
  /** Scrub phase: at most this many steps and this long (ms); always stops at the end. */
  maxSteps: number;
  scrubMs: number;
}

/** One run in a fresh context: load, settle, idle with forced repaints, then scrub. */
export function frameRun(browser: Browser, url: string, o: FrameOptions) {
  return open(browser, o.query ? `${url}?${o.query}` : url, async (page, ready) => {
    // A user reaches the timeline with the pointer: the app fills what it keeps for first use
    // (map/fill.ts) then, before the frames are counted.
    const box = await page.getByTestId('timeline').boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await settle(page, 15_000);
    const args = { scrub: false, ms: o.repaintMs, minFrames: o.minFrames, maxSteps: 0 };
    const idle = await page.evaluate(recordFrames, args);
    const handle = page.getByTestId('timeline-handle');
    await handle.focus();
    if (!o.query) await page.keyboard.press('Home');
    await settle(page, 5000);
    const from = await page.getByTestId('app').getAttribute('data-date');
    const scrubArgs = { scrub: true, ms: o.scrubMs, minFrames: 0, maxSteps: o.maxSteps };
    const scrub = await page.evaluate(recordFrames, scrubArgs);
    const to = await page.getByTestId('app').getAttribute('data-date');
    return { ready, range: `${from} → ${to}`, idle, scrub };
  });
}
