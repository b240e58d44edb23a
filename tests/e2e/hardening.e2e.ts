/**
 * The second hardening pass in a real browser: the embed in a sandboxed iframe (works where the
 * server allows it, says so plainly where it does not), the embedding example under the strict
 * CSP the README recommends, bidirectional text isolated everywhere data shows, the host
 * allow-list, and long words that wrap instead of running out of their boxes.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, CONTENT_TYPES, launch, screenshot, waitReady } from './browser.ts';

const RLO = '\u202E';
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src blob:; connect-src 'self'";

/**
 * A plain static server of the test build that sends no CORS headers (as many hosts do), on
 * loopback; resolves to its base URL.
 */
async function plainServer(): Promise<{ url: string; server: Server }> {
  const dir = process.env['KA_E2E_DIST'] ?? 'dist-e2e';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/host') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Host page</title><body></body>');
      return;
    }
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, server };
}

/**
 * A host page with one iframe of the app: on the app's origin (the embedding example, emptied),
 * or on another server's empty page (`host`), where the app was never loaded before.
 */
async function hostWith(
  context: BrowserContext,
  src: string,
  sandbox: string | null,
  host = `${baseUrl()}/embed-example.html`,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(host);
  await page.evaluate(
    ({ src, sandbox }) => {
      // The example page's own iframe goes; a message it had already posted may still arrive,
      // so only what this test's frame posts is recorded.
      document.body.innerHTML = '';
      const w = window as unknown as { got: { type: string; origin: string }[] };
      w.got = [];
      const frame = document.createElement('iframe');
      window.addEventListener('message', (e) => {
        if (e.source !== frame.contentWindow) return;
        if (typeof e.data?.type === 'string') w.got.push({ type: e.data.type, origin: e.origin });
      });
      if (sandbox !== null) frame.setAttribute('sandbox', sandbox);
      frame.src = src;
      frame.style.cssText = 'border:0;width:960px;height:540px';
      document.body.append(frame);
    },
    { src, sandbox },
  );
  return page;
}

const received = (page: Page, type: string) =>
  page.waitForFunction(
    (t) => (window as unknown as { got: { type: string }[] }).got.some((m) => m.type === t),
    type,
    { timeout: 45_000 },
  );

/** A dataset with a hostile first record, as a careless or compromised data file could be. */
async function withRecord(context: BrowserContext, title: string): Promise<void> {
  await context.route('**/cooperations-*.json', async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as {
      cooperations: { id: string; title: object; signed: string; ended?: string }[];
    };
    const first = json.cooperations[0]!;
    first.title = { de: title, en: title };
    first.signed = '2020-01-01';
    delete first.ended;
    await route.fulfill({ response, json });
  });
}

describe('hardening', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts in an iframe sandboxed with allow-scripts allow-popups (no allow-same-origin)', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await hostWith(
      context,
      `${baseUrl()}/?embed=1&select=DE-BY`,
      'allow-scripts allow-popups',
    );
    await received(page, 'kooperationsatlas:ready');
    const frame = page.frames()[1]!;
    await frame.getByTestId('caption').waitFor();
    await expect(frame.getByTestId('caption').textContent()).resolves.toContain('Bayern');
    // The frame's origin is opaque: its messages come from "null".
    const origins = await page.evaluate(() =>
      (window as unknown as { got: { origin: string }[] }).got.map((m) => m.origin),
    );
    expect(origins).toContain('null');
    await screenshot(page, 'sandboxed-embed');
    await context.close();
  });

  it('where the server refuses the sandbox its files, a plain-text note links to the full view', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    // A server without Access-Control-Allow-Origin: the opaque origin may not read the app's files.
    const plain = await plainServer();
    const page = await hostWith(
      context,
      `${plain.url}/?embed=1&date=2020-12-11`,
      'allow-scripts allow-popups',
      `${plain.url}/host`,
    );
    const frame = page.frameLocator('iframe');
    const note = frame.getByTestId('boot-fallback');
    await note.waitFor({ timeout: 30_000 });
    await expect(note.textContent()).resolves.toContain('Open the map in the Kooperationsatlas');
    const href = (await note.locator('a').getAttribute('href'))!;
    expect(new URL(href).searchParams.get('embed')).toBeNull();
    expect(new URL(href).searchParams.get('date')).toBe('2020-12-11');
    await expect(note.locator('a').getAttribute('target')).resolves.toBe('_blank');
    await screenshot(page, 'sandboxed-embed-fallback');
    await context.close();
    plain.server.close();
  });

  it('the embedding example works under the strict CSP the README recommends', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    await context.route(`${baseUrl()}/embed-example.html`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': STRICT_CSP },
      });
    });
    const page = await context.newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation(v: string): void }).reportViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      );
    });
    await page.goto(`${baseUrl()}/embed-example.html`);
    const frame = page.frames()[1]!;
    await waitReady(frame as unknown as Page);
    await page.getByRole('button', { name: 'Brandenburg' }).click();
    await page.getByRole('button', { name: 'Zustand abfragen' }).click();
    await page.waitForFunction(() =>
      document.getElementById('log')!.textContent!.includes('select=DE-BB'),
    );
    // The iframe took the height the atlas asked for (embed-resize.js).
    await page.waitForFunction(() => document.getElementById('atlas')!.style.height.endsWith('px'));
    expect(violations).toEqual([]);
    await context.close();
  });

  it('isolates bidirectional text from the data and the URL wherever it is shown', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const title = `${RLO}gnaltsuaD nehcsifarg`;
    await withRecord(context, title);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/?date=2024-01-01&view=table&kinds=${RLO}evil`);
    await waitReady(page);
    // Every text node holding the control character sits in an isolating element.
    const unisolated = await page.evaluate((rlo) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent!.includes(rlo)) continue;
        let el = n.parentElement;
        let isolated = false;
        for (; el; el = el.parentElement)
          if (el.tagName === 'BDI' || getComputedStyle(el).unicodeBidi.includes('isolate')) {
            isolated = true;
            break;
          }
        if (!isolated) out.push(n.parentElement!.outerHTML.slice(0, 120));
      }
      return out;
    }, RLO);
    const shown = await page.evaluate(
      (rlo) => document.body.textContent!.split(rlo).length - 1,
      RLO,
    );
    expect(shown).toBeGreaterThanOrEqual(2); // the notice and the table row at least
    expect(unisolated).toEqual([]);
    await context.close();
  });

  it('with origins= the embed ignores and tells nothing to other hosts', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await hostWith(
      context,
      `${baseUrl()}/?embed=1&date=2020-12-11&origins=https://zeitung.example`,
      null,
    );
    const frame = page.frames()[1]!;
    await waitReady(frame as unknown as Page);
    // A probe in the frame reports when both messages were handled (the bridge listens first),
    // and its report reaches the host after anything the bridge would have sent.
    await frame.evaluate(() => {
      let seen = 0;
      window.addEventListener('message', (e) => {
        if (!String(e.data?.type).startsWith('kooperationsatlas:')) return;
        if (++seen === 2) window.parent.postMessage({ type: 'probe:done' }, '*');
      });
    });
    await page.evaluate(() => {
      const f = document.querySelector('iframe')!.contentWindow!;
      f.postMessage({ type: 'kooperationsatlas:set', date: '2010-04-01' }, '*');
      f.postMessage({ type: 'kooperationsatlas:get' }, '*');
    });
    await received(page, 'probe:done');
    await expect(
      frame.evaluate(() =>
        document.querySelector('[data-testid="app"]')!.getAttribute('data-date'),
      ),
    ).resolves.toBe('2020-12-11');
    const got = await page.evaluate(() =>
      (window as unknown as { got: { type: string }[] }).got.map((m) => m.type),
    );
    expect(got.filter((t) => t.startsWith('kooperationsatlas:'))).toEqual([]);
    await context.close();
  });

  it('long words wrap in the panel, the table and the caption instead of running out', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const word = 'Verwaltungsdigitalisierungskooperationsvereinbarungsfortschreibung'.repeat(4);
    await withRecord(context, word);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/?date=2024-01-01&view=table`);
    await waitReady(page);
    const overflowing = await page.evaluate((w) => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('.table-wrap, .panel, .coop-card'))
        if (el.textContent!.includes(w) && el.scrollWidth > el.clientWidth + 1)
          out.push(`${el.className}: ${el.scrollWidth} > ${el.clientWidth}`);
      return out;
    }, word);
    expect(overflowing).toEqual([]);
    await screenshot(page, 'long-word-table');
    await context.close();
  });
});
