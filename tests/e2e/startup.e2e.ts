import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { canvasInk, foreignRequests, launch, open, screenshot, waitMapIdle } from './browser.ts';

describe('first screen', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the 16 states with the attribution, using only its own origin', async () => {
    const { page, requests, errors, context } = await open(browser);
    // Drawn: the map went idle (also after the detail layer that loads after the first frame).
    await waitMapIdle(page);
    expect(await canvasInk(page)).toBeGreaterThan(0.2);
    // The map fills its area (MapLibre's own stylesheet must not shrink its container).
    const sizes = await page.evaluate(() => {
      const size = (sel: string) => {
        const r = document.querySelector(sel)!.getBoundingClientRect();
        return [Math.round(r.width), Math.round(r.height)];
      };
      return { area: size('.map-area'), canvas: size('.maplibregl-canvas') };
    });
    expect(sizes.canvas).toEqual(sizes.area);
    await expect(page.getByTestId('attribution').textContent()).resolves.toMatch(
      /© GeoBasis-DE \/ BKG \(\d{4}\)/,
    );
    const labels = await page.locator('.region-label.region-state').count();
    expect(labels).toBe(16);
    expect(await page.locator('.region-label.region-federal').count()).toBe(1);
    expect(foreignRequests(requests)).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, 'overview');
    await context.close();
  });

  it('fits a 360 px wide phone without horizontal scrolling', async () => {
    const { page, context } = await open(browser, '', { width: 360, height: 740 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await canvasInk(page)).toBeGreaterThan(0.1);
    await screenshot(page, 'phone-360');
    await context.close();
  });

  it('keeps the page itself still on a desktop screen: long lists scroll inside their column', async () => {
    // Lighthouse's desktop viewport. Absolutely positioned (visually hidden) texts deep in the
    // panel once stretched the page to 9 000 px: a scrollbar appeared and shifted the layout.
    for (const query of ['', 'select=DE-BB', 'select=DE']) {
      const { page, context } = await open(browser, query, { width: 1350, height: 940 });
      // The panel's list mounts a frame after the first paint.
      await page.waitForFunction(() => document.querySelector('.side')!.scrollHeight > innerHeight);
      const excess = await page.evaluate(() => ({
        height: document.documentElement.scrollHeight - window.innerHeight,
        width: document.documentElement.scrollWidth - window.innerWidth,
      }));
      expect({ query, height: excess.height, width: excess.width }).toEqual({
        query,
        height: 0,
        width: 0,
      });
      await context.close();
    }
  });
});
