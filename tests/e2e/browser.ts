/** Real headless Chromium (Debian's), driven by playwright-core. */
import { mkdirSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Frame,
  type Page,
} from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.ts';

export const SCREENSHOTS = 'test-results/screenshots';

/** Content types of a build's files, for the tests' own static servers. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
};

/** The test build (dist-e2e/, with the fault probes). */
export function baseUrl(): string {
  return inject('baseUrl');
}

/** The production build (dist/), exactly what ships. */
export function productionUrl(): string {
  return inject('productionUrl');
}

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Containers often have a small /dev/shm: the test browser keeps its shared memory in /tmp.
    args: [...CHROMIUM_ARGS, '--disable-dev-shm-usage', ...extraArgs],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request URL the page made. */
  requests: string[];
  /** Console errors and page errors. */
  errors: string[];
}

export async function open(
  browser: Browser,
  query = '',
  options: {
    width?: number;
    height?: number;
    reducedMotion?: 'reduce' | 'no-preference';
    /**
     * Pins "today" to this day (ISO, e.g. PINNED_TODAY), for tests whose expectations involve
     * today's date (the default date, the end of the timeline): see `pinToday`.
     */
    now?: string;
  } = {},
): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    reducedMotion: options.reducedMotion ?? 'no-preference',
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  if (options.now) await pinToday(context, options.now);
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${baseUrl()}/${query ? `?${query}` : ''}`);
  // A pinned clock leaves performance's entries empty: the ready flag on <html> tells instead.
  await (options.now ? waitReadyFlag(page) : waitReady(page));
  return { context, page, requests, errors };
}

/** The day tests pin "today" to where their expectations involve it (`open`'s `now`). */
export const PINNED_TODAY = '2026-12-02';

/**
 * Pins the clock of the context's pages to 10:00 Berlin time on `day` (ISO): `Date` and `Intl`
 * say that moment, so the app's "today" (computed in Europe/Berlin at start-up) is `day`, while
 * timers and animation frames keep running (MapLibre needs them). Call before the page loads.
 * Playwright's clock also replaces `performance`, whose entries then stay empty: wait with
 * `waitReadyFlag`, not `waitReady`, on such a page.
 */
export async function pinToday(context: BrowserContext, day = PINNED_TODAY): Promise<void> {
  await context.clock.setFixedTime(new Date(`${day}T10:00:00+01:00`));
}

/** The frame a helper works in: a page's main frame, or an (embedded) frame itself. */
const frameOf = (target: Page | Frame): Frame =>
  'mainFrame' in target ? target.mainFrame() : target;

/**
 * Waits for the app's ready flag (`data-ready` on <html>, set together with the
 * `kooperationsatlas:ready` mark); works also where the clock is pinned.
 */
export async function waitReadyFlag(target: Page | Frame): Promise<void> {
  await frameOf(target).waitForFunction(
    () => document.documentElement.dataset['ready'] === 'true',
    undefined,
    { timeout: 45_000 },
  );
}

/**
 * Waits until the map has drawn everything it was asked to: the app's `data-map-idle` flag
 * (MapLibre's idle; `false` from movestart or a change of the feature states), and the map
 * itself neither moving nor waiting for its style or sources. Wait for the change first (e.g. the
 * URL), then for this: right after an input the flag may still be `true` from before.
 */
export async function waitMapIdle(target: Page | Frame, timeout = 20_000): Promise<void> {
  await frameOf(target).waitForFunction(
    () => {
      if (document.documentElement.dataset['mapIdle'] !== 'true') return false;
      const el = document.querySelector('[data-testid="map"]') as
        (HTMLElement & { maplibreMap?: { loaded(): boolean; isMoving(): boolean } }) | null;
      const map = el?.maplibreMap;
      return !map || (map.loaded() && !map.isMoving());
    },
    undefined,
    { timeout },
  );
}

/** Resolves after the next frame is painted (two animation frames). */
export async function afterNextPaint(target: Page | Frame): Promise<void> {
  await frameOf(target).evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
}

/**
 * Waits until a parameter of the page's URL passes `test` (the app rewrites the URL from its
 * state within about 200 ms, with history.replaceState).
 */
export async function waitForParam(
  page: Page,
  name: string,
  test: (value: string | null) => boolean,
  timeout = 5_000,
): Promise<void> {
  await page.waitForURL((url) => test(url.searchParams.get(name)), {
    waitUntil: 'commit',
    timeout,
  });
}

/** Waits until the timeline's live region (spoken 700 ms after a change) contains `text`. */
export async function waitForLiveText(
  target: Page | Frame,
  text: string,
  timeout = 5_000,
): Promise<void> {
  await frameOf(target).waitForFunction(
    (t) => document.querySelector('[data-testid="timeline-live"]')?.textContent?.includes(t),
    text,
    { timeout },
  );
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => performance.getEntriesByName('kooperationsatlas:ready').length > 0,
    undefined,
    {
      timeout: 45_000,
    },
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

/** Requests that left the app's origin (data: and blob: URLs stay inside). */
export function foreignRequests(requests: string[]): string[] {
  const origin = new URL(baseUrl()).origin;
  return requests.filter(
    (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin,
  );
}

/** Share of canvas pixels that differ from the background (0 = blank). */
export async function canvasInk(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas');
    if (!canvas) return 0;
    const copy = document.createElement('canvas');
    copy.width = 200;
    copy.height = 200;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0, 200, 200);
    const px = ctx.getImageData(0, 0, 200, 200).data;
    const bg = [px[0], px[1], px[2]];
    let differ = 0;
    for (let i = 0; i < px.length; i += 4)
      if (
        Math.abs(px[i]! - bg[0]!) + Math.abs(px[i + 1]! - bg[1]!) + Math.abs(px[i + 2]! - bg[2]!) >
        30
      )
        differ++;
    return differ / (px.length / 4);
  });
}
