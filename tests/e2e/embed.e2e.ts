import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  baseUrl,
  canvasInk,
  foreignRequests,
  launch,
  open,
  screenshot,
  waitForLiveText,
  waitMapIdle,
  waitReady,
} from './browser.ts';
import { inForceOn, records } from './expect.ts';

/** A host page on another origin (another loopback port) that frames the app. */
function hostPage(src: string, width: number, height: number): string {
  return `<!doctype html><html><body style="margin:0">
<iframe id="atlas" src="${src}" title="Kooperationsatlas" width="${width}" height="${height}" style="border:0"></iframe>
<script>
  window.received = [];
  window.addEventListener('message', (e) => { if (e.source === document.getElementById('atlas').contentWindow) window.received.push(e.data); });
</script></body></html>`;
}

async function waitForMessage(
  page: Page,
  type: string,
  after = 0,
): Promise<Record<string, unknown>> {
  const handle = await page.waitForFunction(
    ([t, n]) =>
      (window as unknown as { received: { type: string }[] }).received
        .slice(n as number)
        .find((m) => m && m.type === t),
    [type, after] as const,
    { timeout: 20_000 },
  );
  return (await handle.jsonValue()) as Record<string, unknown>;
}

describe('embedding, presentation, export, single file', () => {
  let browser: Browser;
  let host: Server;
  let hostUrl = '';
  let html = '';
  beforeAll(async () => {
    browser = await launch(['--disable-features=LocalNetworkAccessChecks']);
    host = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
    const addr = host.address();
    hostUrl = `http://localhost:${typeof addr === 'object' && addr ? addr.port : 0}/`;
  });
  afterAll(async () => {
    await browser?.close();
    host?.close();
  });

  it('works in a 400×300 iframe on another origin: no scrollbars, ready, set/get answer, bad messages ignored', async () => {
    html = hostPage(`${baseUrl()}/?embed=1&date=2015-06-30`, 400, 300);
    const context = await browser.newContext({ viewport: { width: 480, height: 360 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(hostUrl);
    await waitForMessage(page, 'kooperationsatlas:ready');
    const frame = page.frames().find((f) => f.url().startsWith(baseUrl()))!;
    const overflow = await frame.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect(overflow.x).toBeLessThanOrEqual(0);
    expect(overflow.y).toBeLessThanOrEqual(0);
    await expect(frame.locator('.app-header').count()).resolves.toBe(0);
    const mapBox = await frame.locator('.maplibregl-canvas').boundingBox();
    expect(mapBox!.height).toBeGreaterThan(300 * 0.4);
    await expect(frame.getByTestId('open-in-atlas').getAttribute('href')).resolves.not.toContain(
      'embed=1',
    );

    const before = await page.evaluate(
      () => (window as unknown as { received: unknown[] }).received.length,
    );
    await page.evaluate(() => {
      const w = (document.getElementById('atlas') as HTMLIFrameElement).contentWindow!;
      for (const bad of [
        null,
        'kooperationsatlas:get',
        { type: 'kooperationsatlas:set', date: '2099-01-01' },
        { type: 'x' },
        { type: 'kooperationsatlas:set', select: '<img src=x onerror=alert(1)>' },
      ])
        w.postMessage(bad, '*');
      w.postMessage({ type: 'kooperationsatlas:set', date: '2019-03-01' }, '*');
    });
    const state = await waitForMessage(page, 'kooperationsatlas:state', before);
    expect(state['date']).toBe('2019-03-01');
    expect([...(state['visibleCooperations'] as string[])].sort()).toEqual(inForceOn('2019-03-01'));
    // Only one answer: the malformed messages got none, and the change is not announced again
    // (the bridge announces changes 150 ms after them). The live region speaks 700 ms after the
    // change, so by then any announcement is posted; a `get` answered after it closes the period.
    await waitForLiveText(frame, '1. März 2019');
    const until = await page.evaluate(() => {
      const w = window as unknown as { received: unknown[] };
      (document.getElementById('atlas') as HTMLIFrameElement).contentWindow!.postMessage(
        { type: 'kooperationsatlas:get' },
        '*',
      );
      return w.received.length;
    });
    await waitForMessage(page, 'kooperationsatlas:state', until);
    const states = await page.evaluate(
      ([from, to]) =>
        (window as unknown as { received: { type: string }[] }).received
          .slice(from, to)
          .filter((m) => m?.type === 'kooperationsatlas:state').length,
      [before, until] as const,
    );
    expect(states).toBe(1);
    await expect(frame.locator('[data-testid="app"]').getAttribute('data-date')).resolves.toBe(
      '2019-03-01',
    );
    expect(await canvasInk(frame as unknown as Page)).toBeGreaterThan(0.1);
    await screenshot(page, 'embed-400x300');
    const foreign = requests.filter(
      (u) =>
        !u.startsWith(baseUrl()) &&
        !u.startsWith(hostUrl) &&
        !u.startsWith('data:') &&
        !u.startsWith('blob:'),
    );
    expect(foreign).toEqual([]);
    await context.close();
  });

  it("an embed only looked at fills nothing more; a host's date change fills what it draws", async () => {
    html = hostPage(`${baseUrl()}/?embed=1&date=2008-01-01`, 960, 540);
    const context = await browser.newContext({ viewport: { width: 1000, height: 600 } });
    const page = await context.newPage();
    await page.goto(hostUrl);
    await waitForMessage(page, 'kooperationsatlas:ready');
    const frame = page.frames().find((f) => f.url().startsWith(baseUrl()))!;
    await waitMapIdle(frame);
    const features = (source: string) =>
      frame.evaluate((id) => {
        const el = document.querySelector('[data-testid="map"]') as HTMLElement & {
          maplibreMap: { querySourceFeatures(id: string): unknown[] };
        };
        return el.maplibreMap.querySourceFeatures(id).length;
      }, source);
    // No pointer, key, zoom or change reached the frame: the later sources are still empty.
    expect(await features('atlas-near')).toBe(0);
    expect(await features('detail')).toBe(0);
    const first = await features('atlas');
    const before = await page.evaluate(
      () => (window as unknown as { received: unknown[] }).received.length,
    );
    await page.evaluate(() =>
      (document.getElementById('atlas') as HTMLIFrameElement).contentWindow!.postMessage(
        { type: 'kooperationsatlas:set', date: '2024-01-01' },
        '*',
      ),
    );
    await waitForMessage(page, 'kooperationsatlas:state', before);
    // 2024 draws pair lines and hubs that 2008 did not: the first source gets them, still
    // without any pointer or key in the frame. The near level (zoomed in only) and the detail
    // (a selection's) stay empty.
    await expect.poll(() => features('atlas'), { timeout: 20_000 }).toBeGreaterThan(first);
    await waitMapIdle(frame);
    expect(await features('atlas-near')).toBe(0);
    expect(await features('detail')).toBe(0);
    await screenshot(page, 'embed-2008-to-2024');
    await context.close();
  });

  it('follows the iframe size from 320×240 to large', async () => {
    html = hostPage(`${baseUrl()}/?embed=1&select=DE-BY&lang=en`, 320, 240);
    const context = await browser.newContext({ viewport: { width: 1300, height: 800 } });
    const page = await context.newPage();
    await page.goto(hostUrl);
    await waitForMessage(page, 'kooperationsatlas:ready');
    const frame = page.frames().find((f) => f.url().startsWith(baseUrl()))!;
    for (const [w, h] of [
      [320, 240],
      [1200, 700],
    ] as const) {
      await page.evaluate(
        ([ww, hh]) => {
          const f = document.getElementById('atlas') as HTMLIFrameElement;
          f.width = String(ww);
          f.height = String(hh);
        },
        [w, h] as const,
      );
      // The frame has its new size, and the map's canvas follows its box.
      await frame.waitForFunction(
        ([ww, hh]) => {
          const canvas = document.querySelector('.maplibregl-canvas')?.getBoundingClientRect();
          const box = document.querySelector('[data-testid="map"]')?.getBoundingClientRect();
          return (
            innerWidth === ww &&
            innerHeight === hh &&
            !!canvas &&
            !!box &&
            Math.abs(canvas.width - box.width) < 1 &&
            Math.abs(canvas.height - box.height) < 1
          );
        },
        [w, h] as const,
      );
      // MapLibre's resize moves the camera (the app keeps Germany framed): wait for the redraw.
      await waitMapIdle(frame);
      const o = await frame.evaluate(() => [
        document.documentElement.scrollWidth - innerWidth,
        document.documentElement.scrollHeight - innerHeight,
      ]);
      expect(o[0]).toBeLessThanOrEqual(0);
      expect(o[1]).toBeLessThanOrEqual(0);
      const canvas = await frame.locator('.maplibregl-canvas').boundingBox();
      expect(canvas!.width).toBeGreaterThan(w * 0.8);
      expect(canvas!.height).toBeGreaterThan(h * 0.35);
      await screenshot(page, `embed-${w}x${h}`);
    }
    await context.close();
  });

  it('presentation mode steps through the first five events with PageDown and back with PageUp', async () => {
    const { page, context } = await open(browser, 'present=1&date=2006-01-01', {
      width: 1600,
      height: 900,
    });
    const events = timelineEvents();
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('PageDown');
      await page.waitForFunction(
        (id) => new URL(location.href).searchParams.get('select') === id,
        events[i]!.id,
      );
      seen.push(new URL(page.url()).searchParams.get('date') ?? '');
      await expect(page.getByTestId('caption').textContent()).resolves.toContain(
        title(events[i]!.id),
      );
    }
    expect(seen).toEqual(events.slice(0, 5).map((e) => e.day));
    await screenshot(page, 'present-5th-event');
    for (let i = 3; i >= 0; i--) {
      await page.keyboard.press('PageUp');
      await page.waitForFunction(
        (id) => new URL(location.href).searchParams.get('select') === id,
        events[i]!.id,
      );
    }
    await page.keyboard.press('b');
    await expect(page.getByTestId('blank').isVisible()).resolves.toBe(true);
    await page.keyboard.press('b');
    await expect(page.getByTestId('blank').count()).resolves.toBe(0);
    await context.close();
  });

  it('a deck of three scenes in the URL steps in order', async () => {
    const deck = [
      'Anfang;2006-07-13;inforce;;;',
      'Brandenburg;2020-12-09;inforce;DE-BB;;13.5_52.3_6',
      'Jahr%202020;2020-01-01_2020-12-31;signed;;;',
    ].join('|');
    const { page, context } = await open(browser, `present=1&scenes=${encodeURIComponent(deck)}`, {
      width: 1600,
      height: 900,
    });
    const expectScene = async (name: string, date: string, select: string | null) => {
      await page.waitForFunction(
        ([n, d, sel]) => {
          const u = new URL(location.href);
          const status = document.querySelector('[data-testid="scene-status"]')?.textContent ?? '';
          return (
            status.includes(n!) &&
            (u.searchParams.get('date') ?? u.searchParams.get('to')) === d &&
            u.searchParams.get('select') === sel
          );
        },
        [name, date, select] as const,
        { timeout: 5000 },
      );
    };
    await page.keyboard.press('PageDown');
    await expectScene('Anfang', '2006-07-13', null);
    await page.keyboard.press('PageDown');
    await expectScene('Brandenburg', '2020-12-09', 'DE-BB');
    await page.keyboard.press('PageDown');
    await expectScene('Jahr 2020', '2020-12-31', null);
    await page.keyboard.press('PageUp');
    await expectScene('Brandenburg', '2020-12-09', 'DE-BB');
    // The camera has flown back to the scene's view.
    await waitMapIdle(page);
    await screenshot(page, 'present-scene');
    await context.close();
  });

  it('exports a 1920×1080 PNG that is not blank and a valid SVG with live text', async () => {
    const { page, context, requests } = await open(browser, 'date=2020-12-11&select=DE-BB');
    await page.getByTestId('export').click();
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-png1080').click(),
    ]);
    expect(png.suggestedFilename()).toBe('kooperationsatlas-2020-12-11-DE-BB.png');
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1920, 1080]);
    const ink = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = 192;
      c.height = 108;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0, 192, 108);
      const px = ctx.getImageData(0, 0, 192, 108).data;
      const colours = new Set<number>();
      for (let i = 0; i < px.length; i += 4)
        colours.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
      return colours.size;
    }, bytes.toString('base64'));
    expect(ink).toBeGreaterThan(50);

    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-svg').click(),
    ]);
    expect(svg.suggestedFilename()).toBe('kooperationsatlas-2020-12-11-DE-BB.svg');
    const text = readFileSync((await svg.path())!, 'utf8');
    const check = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      const texts = [...doc.querySelectorAll('text')].map((e) => e.textContent ?? '').join('\n');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        states: doc.querySelectorAll('path[id^="state-"]').length,
        texts,
      };
    }, text);
    expect(check.error).toBeNull();
    expect(check.root).toBe('svg');
    expect(check.states).toBe(16);
    expect(check.texts).toContain('Kooperationsatlas');
    expect(check.texts).toContain('Stand: 11. Dezember 2020');
    expect(check.texts).toContain('© GeoBasis-DE / BKG (2016)');
    expect(foreignRequests(requests)).toEqual([]);
    await context.close();
  });

  it('an invalid URL shows a notice and a working map; no URL text becomes HTML', async () => {
    const { page, context, errors } = await open(
      browser,
      'date=2099-99-99&select=%3Cscript%3Ewindow.hacked%3D1%3C%2Fscript%3E&topics=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
    );
    const notice = page.getByTestId('notice');
    await expect(notice.textContent()).resolves.toContain('<script>');
    expect(
      await page.locator('[data-testid="notice"] script, [data-testid="notice"] img').count(),
    ).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { hacked?: number }).hacked),
    ).toBeUndefined();
    expect(await canvasInk(page)).toBeGreaterThan(0.1);
    await page.getByTestId('notice').getByRole('button').click();
    await expect(page.getByTestId('notice').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the single file works from file:// with every network request blocked and answers get', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:'))
        return route.continue();
      blocked.push(u);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(
      `file://${resolve('dist-single/kooperationsatlas.html')}?date=2020-12-11&select=DE-BB&lang=en`,
    );
    await waitReady(page);
    expect(await canvasInk(page)).toBeGreaterThan(0.1);
    const answer = await page.evaluate(
      () =>
        new Promise<Record<string, unknown>>((res) => {
          window.addEventListener('message', (e) => {
            if ((e.data as { type?: string })?.type === 'kooperationsatlas:state')
              res(e.data as Record<string, unknown>);
          });
          window.postMessage({ type: 'kooperationsatlas:get' }, '*');
        }),
    );
    expect(answer['date']).toBe('2020-12-11');
    expect(answer['select']).toBe('DE-BB');
    expect([...(answer['visibleCooperations'] as string[])].sort()).toEqual(
      inForceOn('2020-12-11'),
    );
    await expect(page.getByTestId('panel').locator('h2').textContent()).resolves.toContain(
      'Brandenburg',
    );
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, 'single-file');
    await context.close();
  });

  it('English mode shows no German UI string; dark mode renders', async () => {
    const { page, context } = await open(browser, 'lang=en&theme=dark');
    const body = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
    const german = [
      'Kooperationen',
      'Stand',
      'Themen',
      'Legende',
      'Abspielen',
      'Tabelle',
      'Karte',
      'Überblick',
      'Teilen',
      'Präsentation',
      'Unterzeichnet',
      'Zeitleiste',
      'Dunkel',
      'Hell',
      'Bund',
      'Über',
    ];
    for (const word of german)
      expect(body, word).not.toMatch(new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u'));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await screenshot(page, 'dark-english');
    await context.close();
  });
});

/** Signing, accession and end events from 2006 on, in time order, as (day, cooperation). */
function timelineEvents(): { day: string; id: string }[] {
  const start = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
  const order = { signed: 0, joined: 1, ended: 2 } as const;
  const out: { day: string; id: string; t: number }[] = [];
  for (const c of records()) {
    out.push({ day: start(c.signed), id: c.id, t: order.signed });
    for (const p of c.partners)
      if (p.joined) out.push({ day: start(p.joined), id: c.id, t: order.joined });
    if (c.ended) out.push({ day: start(c.ended), id: c.id, t: order.ended });
  }
  const sorted = out
    .filter((e) => e.day >= '2006-01-01')
    .sort((a, b) => a.day.localeCompare(b.day) || a.t - b.t || a.id.localeCompare(b.id));
  // Several accessions to one cooperation on one day are one step.
  return sorted
    .filter((e, i) => i === 0 || e.day !== sorted[i - 1]!.day || e.id !== sorted[i - 1]!.id)
    .map(({ day, id }) => ({ day, id }));
}

function title(id: string): string {
  const all = JSON.parse(readFileSync('data/cooperations.json', 'utf8')) as {
    cooperations: { id: string; title: { de: string } }[];
  };
  return all.cooperations.find((c) => c.id === id)!.title.de;
}
