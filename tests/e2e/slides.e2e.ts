/**
 * The slide kit, in a real browser: the audience window follows the presenter's clicker (date,
 * selection, scene) and shows no notes while the presenter's window does; embeds at the slide
 * sizes keep the selected Land clear of the caption and inside the frame; the auto-height
 * message and public/embed-resize.js size a responsive iframe.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, open, screenshot, waitReady } from './browser.ts';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Bavaria's outline on screen (its polygon projected by the map), in page coordinates. */
async function landBox(page: Page, id: string): Promise<Box> {
  const states = JSON.parse(readFileSync('data/geo/states.geojson', 'utf8')) as {
    features: { properties: { id: string }; geometry: { type: string; coordinates: unknown } }[];
  };
  const geometry = states.features.find((f) => f.properties.id === id)!.geometry;
  const points: [number, number][] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') points.push(c as [number, number]);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(geometry.coordinates);
  return page.evaluate((pts) => {
    const el = document.querySelector('[data-testid="map"]') as HTMLElement & {
      maplibreMap: { project(p: [number, number]): { x: number; y: number } };
    };
    const r = el.getBoundingClientRect();
    const xy = pts.map((p) => el.maplibreMap.project(p));
    return {
      left: r.left + Math.min(...xy.map((p) => p.x)),
      right: r.left + Math.max(...xy.map((p) => p.x)),
      top: r.top + Math.min(...xy.map((p) => p.y)),
      bottom: r.top + Math.max(...xy.map((p) => p.y)),
    };
  }, points);
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset['mapIdle'] === 'true');
}

describe('slide kit', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    [640, 360],
    [960, 540],
    [1280, 720],
  ])(
    'an embed at %i×%i with Bayern selected shows Bayern whole and uncovered by the caption',
    async (width, height) => {
      const { page, context } = await open(browser, 'embed=1&select=DE-BY', { width, height });
      const caption = page.getByTestId('caption');
      await caption.waitFor();
      await expect(caption.textContent()).resolves.toContain('Bayern');
      await waitIdle(page);
      const bavaria = await landBox(page, 'DE-BY');
      const card = (await caption.boundingBox())!;
      const cardBox = {
        left: card.x,
        top: card.y,
        right: card.x + card.width,
        bottom: card.y + card.height,
      };
      expect(overlaps(bavaria, cardBox), JSON.stringify({ bavaria, cardBox })).toBe(false);
      const map = (await page.getByTestId('map').boundingBox())!;
      expect(bavaria.left).toBeGreaterThanOrEqual(map.x);
      expect(bavaria.right).toBeLessThanOrEqual(map.x + map.width);
      expect(bavaria.top).toBeGreaterThanOrEqual(map.y);
      expect(bavaria.bottom).toBeLessThanOrEqual(map.y + map.height);
      // Nothing is clipped: the caption lies inside the frame.
      expect(cardBox.right).toBeLessThanOrEqual(width);
      expect(cardBox.bottom).toBeLessThanOrEqual(height);
      await screenshot(page, `embed-slide-${width}x${height}-DE-BY`);
      await context.close();
    },
  );

  it('the audience window follows the presenter (date, selection, scene) and shows no notes', async () => {
    const scenes = [
      'Anfang;2010-01-01;inforce;;;;Begr%C3%BC%C3%9Fung%2C%20dann%20zur%20Karte',
      'Bayern;2020-06-30;inforce;DE-BY;;;Bayern%20und%20seine%20Partner',
      'Brandenburg;2023-03-01;inforce;DE-BB;;',
    ].join('|');
    const { page, context } = await open(
      browser,
      `present=1&scenes=${encodeURIComponent(scenes)}`,
      { width: 1280, height: 720 },
    );
    const [audience] = await Promise.all([
      context.waitForEvent('page'),
      page.getByTestId('open-audience').click(),
    ]);
    await waitReady(audience);
    const app = (p: Page) => p.getByTestId('app');
    // The presenter's notes panel opened with the audience window.
    await page.getByTestId('speaker-notes').waitFor();

    await page.keyboard.press('PageDown');
    await expect(app(page).getAttribute('data-date')).resolves.toBe('2010-01-01');
    await audience.waitForFunction(
      () =>
        document.querySelector('[data-testid="app"]')?.getAttribute('data-date') === '2010-01-01',
    );
    await expect(page.getByTestId('notes-text').inputValue()).resolves.toBe(
      'Begrüßung, dann zur Karte',
    );
    await expect(page.getByTestId('next-scene').textContent()).resolves.toContain('Bayern');

    await page.keyboard.press('PageDown');
    await audience.waitForFunction(
      () =>
        document.querySelector('[data-testid="app"]')?.getAttribute('data-date') === '2020-06-30',
    );
    await audience.getByTestId('caption').waitFor();
    await expect(audience.getByTestId('caption').textContent()).resolves.toContain('Bayern');
    expect(new URL(audience.url()).searchParams.get('select')).toBe('DE-BY');
    await expect(page.getByTestId('notes-text').inputValue()).resolves.toBe(
      'Bayern und seine Partner',
    );

    // The audience sees the map and the caption only: no notes, no timeline, no toolbar.
    expect(await audience.getByTestId('speaker-notes').count()).toBe(0);
    expect(await audience.locator('.timeline').count()).toBe(0);
    expect(await audience.getByTestId('open-audience').count()).toBe(0);
    expect(await audience.content()).not.toContain('Bayern und seine Partner');

    await screenshot(page, 'presenter-window');
    await screenshot(audience, 'audience-window');
    // A selection and a date step by hand follow as well; B blanks only the projector.
    await page.keyboard.press('Escape');
    await audience.waitForFunction(() => !new URL(location.href).searchParams.get('select'));
    await page.keyboard.press('b');
    await audience.getByTestId('blank').waitFor();
    await expect(page.getByTestId('blank').getAttribute('role')).resolves.toBe('status');
    await context.close();
  });

  it('posts the height it wants, and embed-resize.js sizes a responsive iframe with it', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/embed-example.html`);
    const app = `${baseUrl()}/?embed=1&view=matrix`;
    await page.evaluate(
      ({ src, script }) => {
        document.body.innerHTML = '';
        const w = window as unknown as { heights: number[] };
        w.heights = [];
        window.addEventListener('message', (e) => {
          if (e.data?.type === 'kooperationsatlas:resize') w.heights.push(e.data.height);
        });
        const frame = document.createElement('iframe');
        frame.dataset['kooperationsatlas'] = '';
        frame.src = src;
        frame.style.cssText = 'border:0;width:800px;height:300px';
        document.body.append(frame);
        const s = document.createElement('script');
        s.src = script;
        document.head.append(s);
      },
      { src: app, script: `${baseUrl()}/embed-resize.js` },
    );
    const frame = page.frameLocator('iframe').locator('[data-testid="matrix"]');
    await frame.waitFor();
    await page.waitForFunction(() => {
      const h = (window as unknown as { heights: number[] }).heights;
      return h.length > 0 && h.at(-1)! > 500;
    });
    const last = await page.evaluate(() =>
      (window as unknown as { heights: number[] }).heights.at(-1)!,
    );
    // The matrix needs more than 16:10 of 800 px; the iframe now has the height asked for.
    await page.waitForFunction(
      (h) => document.querySelector('iframe')!.style.height === `${h}px`,
      last,
    );
    const inner = await page.frames()[1]!.evaluate(() => {
      const m = document.querySelector('.matrix-view')!;
      return { scroll: m.scrollHeight, client: m.clientHeight };
    });
    expect(inner.scroll).toBeLessThanOrEqual(inner.client + 2);
    await screenshot(page, 'embed-auto-height');
    await context.close();
  });

  it('under reduced motion the presentation offers the storyboard instead of the animation', async () => {
    const { page, context } = await open(browser, 'present=1&date=2024-06-30', {
      width: 1280,
      height: 720,
      reducedMotion: 'reduce',
    });
    await page.getByTestId('storyboard-toggle').click();
    const img = page.getByTestId('storyboard-view').locator('img');
    await img.waitFor();
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="storyboard-view"] img') as HTMLImageElement)
          ?.naturalWidth > 0,
    );
    await screenshot(page, 'present-storyboard');
    await context.close();
    // Without the preference there is no such button: the animation plays.
    const normal = await open(browser, 'present=1', { width: 1280, height: 720 });
    expect(await normal.page.getByTestId('storyboard-toggle').count()).toBe(0);
    await normal.context.close();
  });

  it('the share dialog offers slide sizes and the auto-height snippet', async () => {
    const { page, context } = await open(browser, 'select=DE-BY');
    await page.getByTestId('share').click();
    await page.getByLabel('960 × 540').check();
    const snippet = await page.getByTestId('share-embed').inputValue();
    expect(snippet).toContain('width="960" height="540"');
    expect(snippet).toContain('embed=1');
    await page.getByLabel('Seitenbreite (16:10)').check();
    const auto = await page.getByTestId('share-auto-height').inputValue();
    expect(auto).toContain('data-kooperationsatlas');
    expect(auto).toMatch(/<script src="[^"]+\/embed-resize\.js" async><\/script>$/);
    await context.close();
  });
});
