/**
 * The slide kit's exports in real headless Chromium: the growth as a WebM video (WebCodecs and
 * mediabunny, loaded on demand), parsed back in Node with the same library (EBML header, frame
 * count, key frames) and its first and last frames decoded in the page; Cancel; the storyboard
 * strip as SVG (one map per date, with captions) and as PNG. Screenshots of the dialog with its
 * progress bar, the decoded frames and the storyboard go to test-results/screenshots/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  ALL_FORMATS,
  BufferSource,
  EncodedPacketSink,
  Input,
  type EncodedPacket,
} from 'mediabunny';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocking, formatViolations, runAxe } from './axe.ts';
import { launch, open, screenshot, SCREENSHOTS } from './browser.ts';
import { matrixOn } from './expect.ts';

const release = (JSON.parse(readFileSync('data/cooperations.json', 'utf8')) as { version: string })
  .version;

async function openExport(page: Page): Promise<void> {
  await page.getByTestId('export').click();
  await page.getByTestId('video-panel').waitFor();
}

/** The video's frames at the given packets, decoded by WebCodecs in the page: PNG data URLs. */
async function decodeFrames(
  page: Page,
  config: VideoDecoderConfig,
  runs: EncodedPacket[][],
): Promise<string[]> {
  const input = runs.map((run) =>
    run.map((p) => ({
      type: p.type,
      timestamp: p.microsecondTimestamp,
      data: Buffer.from(p.data).toString('base64'),
    })),
  );
  return page.evaluate(
    async ({ config, input }) => {
      const out: string[] = [];
      for (const run of input) {
        let last: VideoFrame | null = null;
        const decoder = new VideoDecoder({
          output: (frame) => {
            last?.close();
            last = frame;
          },
          error: (e) => {
            throw e;
          },
        });
        decoder.configure(config);
        for (const p of run)
          decoder.decode(
            new EncodedVideoChunk({
              type: p.type,
              timestamp: p.timestamp,
              data: Uint8Array.from(atob(p.data), (c) => c.charCodeAt(0)),
            }),
          );
        await decoder.flush();
        decoder.close();
        const frame = last as VideoFrame | null;
        if (!frame) throw new Error('no frame decoded');
        const canvas = document.createElement('canvas');
        canvas.width = frame.displayWidth;
        canvas.height = frame.displayHeight;
        canvas.getContext('2d')!.drawImage(frame, 0, 0);
        frame.close();
        out.push(canvas.toDataURL('image/png'));
      }
      return out;
    },
    { config: JSON.parse(JSON.stringify(config)) as VideoDecoderConfig, input },
  );
}

/** Share of pixels (on a 160 × 90 grid) that differ clearly between two images. */
function pixelDifference(page: Page, a: string, b: string): Promise<number> {
  return page.evaluate(
    async ([a, b]) => {
      const pixels = async (src: string) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = 160;
        c.height = 90;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0, 160, 90);
        return ctx.getImageData(0, 0, 160, 90).data;
      };
      const [pa, pb] = [await pixels(a!), await pixels(b!)];
      let differ = 0;
      for (let i = 0; i < pa.length; i += 4) {
        const d =
          Math.abs(pa[i]! - pb[i]!) +
          Math.abs(pa[i + 1]! - pb[i + 1]!) +
          Math.abs(pa[i + 2]! - pb[i + 2]!);
        if (d > 40) differ++;
      }
      return differ / (pa.length / 4);
    },
    [a, b],
  );
}

const savePng = (name: string, dataUrl: string) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(`${SCREENSHOTS}/${name}.png`, Buffer.from(dataUrl.split(',')[1]!, 'base64'));
};

describe('video and storyboard export', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders 10 s at 1280×720 as a WebM: EBML header, 300 frames, first and last frames differ', async () => {
    const { page, context, requests, errors } = await open(browser, 'date=2020-12-11');
    await openExport(page);
    // The encoder and the muxer are not loaded before a video is asked for.
    const lazy = (name: string) =>
      requests.some((u) => new RegExp(`/${name}-[\\w-]+\\.js$`).test(u));
    expect([lazy('make-video'), lazy('encode'), lazy('gif')]).toEqual([false, false, false]);
    await page.getByTestId('video-length').selectOption('10');
    await page.getByTestId('video-size').selectOption('720');
    if ((await page.getByTestId('video-format').count()) > 0)
      await page.getByTestId('video-format').selectOption('webm');
    const downloaded = page.waitForEvent('download', { timeout: 150_000 });
    await page.getByTestId('video-start').click();

    // The progress bar counts frames, and the page stays responsive while it runs.
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="video-progress"]')?.getAttribute('value')) >=
        90,
      undefined,
      { timeout: 60_000 },
    );
    await expect(page.getByTestId('video-status').textContent()).resolves.toMatch(
      /^Bild \d+ von 300$/,
    );
    const frameGap = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
        }),
    );
    expect(frameGap).toBeLessThan(1000);
    await screenshot(page, 'video-progress');
    const rendering = blocking(await runAxe(page));
    expect(rendering, formatViolations('export dialog, video rendering', rendering)).toEqual([]);

    // The video code and the muxer came with the click; the GIF encoder did not.
    expect([lazy('make-video'), lazy('encode'), lazy('gif')]).toEqual([true, true, false]);
    const download: Download = await downloaded;
    expect(download.suggestedFilename()).toBe('kooperationsatlas-video-2006-01-01_2020-12-11.webm');
    await expect(page.getByTestId('video-status').textContent()).resolves.toContain(
      'Video gespeichert',
    );
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 4).toString('hex')).toBe('1a45dfa3');

    // Parsed back with the same library: one VP9 (or VP8) track of 300 frames over 10 s.
    const input = new Input({ source: new BufferSource(file), formats: ALL_FORMATS });
    expect(await input.getMimeType()).toMatch(/^video\/webm/);
    const track = (await input.getPrimaryVideoTrack())!;
    expect(['vp9', 'vp8']).toContain(track.codec);
    expect([track.displayWidth, track.displayHeight]).toEqual([1280, 720]);
    expect(await input.computeDuration()).toBeCloseTo(10, 1);
    const packets: EncodedPacket[] = [];
    for await (const p of new EncodedPacketSink(track).packets()) packets.push(p);
    expect(packets).toHaveLength(300);
    expect(packets.filter((p) => p.type === 'key')).toHaveLength(5);

    // The first frame (2006) and the last (2020) decoded in the page: they differ.
    const lastKey = packets.findLastIndex((p) => p.type === 'key');
    const config = (await track.getDecoderConfig())!;
    const [first, last] = await decodeFrames(page, config, [
      packets.slice(0, 1),
      packets.slice(lastKey),
    ]);
    savePng('video-first-frame', first!);
    savePng('video-last-frame', last!);
    expect(await pixelDifference(page, first!, last!)).toBeGreaterThan(0.005);
    expect(errors).toEqual([]);
    await context.close();
  }, 200_000);

  it('makes a 960×540 GIF of 10 s: the frames a browser reads back, first and last differ', async () => {
    const { page, context, errors } = await open(browser, 'date=2020-12-11');
    await openExport(page);
    await page.getByTestId('video-length').selectOption('10');
    await page.getByTestId('video-format').selectOption('gif');
    await expect(page.getByTestId('video-size').isDisabled()).resolves.toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByTestId('video-start').click(),
    ]);
    expect(download.suggestedFilename()).toBe('kooperationsatlas-video-2006-01-01_2020-12-11.gif');
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 6).toString()).toBe('GIF89a');
    expect([file.readUInt16LE(6), file.readUInt16LE(8)]).toEqual([960, 540]);
    // Read back by the browser's own GIF decoder: 90 frames (the held end is one), composited.
    const read = await page.evaluate(async (b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const decoder = new ImageDecoder({ data, type: 'image/gif' });
      await decoder.tracks.ready;
      await decoder.completed;
      const count = decoder.tracks.selectedTrack!.frameCount;
      const png = async (frameIndex: number) => {
        const { image } = await decoder.decode({ frameIndex });
        const canvas = document.createElement('canvas');
        canvas.width = image.displayWidth;
        canvas.height = image.displayHeight;
        canvas.getContext('2d')!.drawImage(image, 0, 0);
        image.close();
        return canvas.toDataURL('image/png');
      };
      return { count, first: await png(0), last: await png(count - 1) };
    }, file.toString('base64'));
    expect(read.count).toBe(90);
    savePng('gif-last-frame', read.last);
    expect(await pixelDifference(page, read.first, read.last)).toBeGreaterThan(0.005);
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);

  it('cancels: no download, the dialog usable again', async () => {
    const { page, context, errors } = await open(browser, 'date=2020-12-11');
    await openExport(page);
    await page.getByTestId('video-length').selectOption('30');
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.getByTestId('video-start').click();
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="video-progress"]')?.getAttribute('value')) >=
        10,
      undefined,
      { timeout: 60_000 },
    );
    await page.getByTestId('video-cancel').click();
    // The export stops at its next frame: wait for the status rather than read it at once.
    await expect
      .poll(() => page.getByTestId('video-status').textContent(), { timeout: 20_000 })
      .toBe('Das Video wurde abgebrochen.');
    await expect(page.getByTestId('video-progress').count()).resolves.toBe(0);
    await expect(page.getByTestId('video-cancel').count()).resolves.toBe(0);
    await expect(page.getByTestId('video-start').isEnabled()).resolves.toBe(true);
    // The dialog still exports, and the SVG is the only download: no video came after the cancel
    // (downloads arrive in order, so a late video would be listed before the SVG).
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-svg').click(),
    ]);
    expect(svg.suggestedFilename()).toBe('kooperationsatlas-2020-12-11.svg');
    expect(downloads).toEqual(['kooperationsatlas-2020-12-11.svg']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports the storyboard: one map per date with its caption, as SVG and PNG', async () => {
    const { page, context, errors } = await open(browser, 'date=2020-12-11&select=DE-BB');
    await openExport(page);
    await page.getByTestId('storyboard-count').selectOption('5');
    // One date chosen by hand.
    await page.locator('.export-dates summary').click();
    await page.getByTestId('storyboard-date-2').fill('2010-06-15');
    const violations = blocking(await runAxe(page));
    expect(violations, formatViolations('export dialog, storyboard dates', violations)).toEqual([]);
    const [svgFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('storyboard-svg').click(),
    ]);
    expect(svgFile.suggestedFilename()).toBe(
      'kooperationsatlas-storyboard-2006-01-01_2020-12-11.svg',
    );
    const svg = readFileSync((await svgFile.path())!, 'utf8');
    const check = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      const cells = [...doc.querySelectorAll('g.storyboard-cell')];
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        dates: cells.map((c) => c.getAttribute('data-date')),
        captions: cells.map((c) => [
          c.querySelector('.caption-date')?.textContent,
          c.querySelector('.caption-count')?.textContent,
        ]),
        maps: cells.map((c) => c.querySelectorAll('path[id*="state-"]').length),
        title: doc.querySelector('#title')?.textContent ?? '',
        footer: doc.querySelector('#footer')?.textContent ?? '',
      };
    }, svg);
    expect(check.error).toBeNull();
    expect(check.dates).toEqual([
      '2006-01-01',
      '2010-06-15',
      '2013-06-22',
      '2017-03-18',
      '2020-12-11',
    ]);
    expect(check.maps).toEqual([16, 16, 16, 16, 16]);
    expect(check.captions[0]![0]).toBe('1. Januar 2006');
    expect(check.captions[1]![0]).toBe('15. Juni 2010');
    expect(check.captions.at(-1)![0]).toBe('11. Dezember 2020');
    for (const [, count] of check.captions) expect(count).toMatch(/^\d+ Kooperation(en)?$/);
    expect(check.title).toContain('Kooperationsatlas – Brandenburg');
    expect(check.title).toContain('5 Zeitpunkte');
    expect(check.footer).toContain(`Datenstand ${release}`);
    expect(check.footer).toContain('GeoBasis-DE / BKG');

    // The storyboard as the browser draws it.
    const view = await context.newPage();
    await view.setViewportSize({ width: 1920, height: 1080 });
    await view.setContent(`<body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '')}</body>`);
    await screenshot(view, 'storyboard');
    await view.close();

    const [pngFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('storyboard-png').click(),
    ]);
    expect(pngFile.suggestedFilename()).toBe(
      'kooperationsatlas-storyboard-2006-01-01_2020-12-11.png',
    );
    const png = readFileSync((await pngFile.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([3840, 2160]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with the matrix shown, the storyboard draws the matrix at each date (the independent count)', async () => {
    const { page, context, errors } = await open(
      browser,
      'view=matrix&date=2020-12-11&order=cluster&nationwide=0',
    );
    await page.getByTestId('matrix').waitFor();
    await openExport(page);
    await page.getByTestId('storyboard-count').selectOption('4');
    const [svgFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('storyboard-svg').click(),
    ]);
    const svg = readFileSync((await svgFile.path())!, 'utf8');
    const check = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        cells: [...doc.querySelectorAll('g.storyboard-cell')].map((c) => ({
          date: c.getAttribute('data-date')!,
          rows: [...c.querySelectorAll('text.row-head')].map((h) => h.getAttribute('data-region')),
          counts: [...c.querySelectorAll('g.cell')].map((g) => [
            `${g.getAttribute('data-a')}|${g.getAttribute('data-b')}`,
            Number(g.getAttribute('data-count')),
          ]),
        })),
        title: doc.querySelector('#title')?.textContent ?? '',
      };
    }, svg);
    expect(check.error).toBeNull();
    expect(check.cells).toHaveLength(4);
    for (const cell of check.cells) {
      const shown = new Map((cell.counts as [string, number][]).filter(([, n]) => n > 0));
      expect(shown).toEqual(matrixOn({ mode: 'inforce', date: cell.date }, false));
    }
    // The order the page shows (clustered), in every cell.
    const tableRows = await page
      .locator('[data-testid="matrix"] tbody th[scope="row"]')
      .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-region')));
    for (const cell of check.cells) expect(cell.rows).toEqual(tableRows);
    expect(check.title).toContain('Wer mit wem');
    expect(check.title).toContain('ohne bundesweite Vereinbarungen');
    const view = await context.newPage();
    await view.setViewportSize({ width: 1920, height: 1080 });
    await view.setContent(`<body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '')}</body>`);
    await screenshot(view, 'storyboard-matrix');
    await view.close();
    expect(errors).toEqual([]);
    await context.close();
  });
});
