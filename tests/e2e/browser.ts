/** Real headless Chromium (Debian's), driven by playwright-core. */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.ts';

export const SCREENSHOTS = 'test-results/screenshots';

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
  options: { width?: number; height?: number; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    reducedMotion: options.reducedMotion ?? 'no-preference',
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${baseUrl()}/${query ? `?${query}` : ''}`);
  await waitReady(page);
  return { context, page, requests, errors };
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
