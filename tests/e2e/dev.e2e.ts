/** The README's first command, `npm run dev`, must give a working app too (not only the build). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser } from 'playwright-core';
import { canvasInk, launch, waitReady } from './browser.ts';

describe('development server', () => {
  let server: ViteDevServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
    await server.listen();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves the app, which draws the map with MapLibre’s worker and reports no error', async () => {
    const url = server.resolvedUrls!.local[0]!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // The development build of React reports what production hides (duplicate keys, bad props).
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${url}?select=DE-BB`);
    await waitReady(page);
    // The timeline's marks mount after the first paint; give them a frame.
    await page.locator('.timeline-marks .mark').first().waitFor();
    expect(await canvasInk(page)).toBeGreaterThan(0.1);
    await expect(page.getByTestId('panel').locator('h2').textContent()).resolves.toContain(
      'Brandenburg',
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
