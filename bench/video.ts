/**
 * The video export's figure for npm run bench: how long the app takes to render the growth as a
 * 20-second 1080p WebM (600 frames at 30 fps) in headless Chromium, started in the export dialog
 * as a user starts it, from the click to the download (the on-demand chunk's load included).
 * Runs in fresh contexts; each run is written to the report as soon as it is done.
 */
import { readFileSync } from 'node:fs';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import type { Browser } from 'playwright-core';

const READY = 'kooperationsatlas:ready';
const SECONDS = 20;
const FRAMES = SECONDS * 30;

export interface VideoFigure {
  /** Seconds from the click to the download, per run. */
  runs: number[];
  medianSeconds: number;
  /** Median time per frame (ms) and the video's length over the time it took to make. */
  msPerFrame: number;
  realTime: number;
  frames: number;
  keyFrames: number;
  codec: string;
  megabytes: number;
}

/** Frames and codec of a WebM, read back with mediabunny (the muxer the app uses). */
async function inspect(file: Buffer) {
  const input = new Input({ source: new BufferSource(file), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error('no video track');
  const types: string[] = [];
  for await (const packet of new EncodedPacketSink(track).packets()) types.push(packet.type);
  return {
    frames: types.length,
    keyFrames: types.filter((t) => t === 'key').length,
    codec: (await track.getCodecParameterString()) ?? String(track.codec),
  };
}

/** One run: a fresh context, the dialog's video at 20 s and 1920 × 1080, the time it takes. */
async function videoRun(browser: Browser, url: string) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  context.setDefaultTimeout(60_000);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, READY);
    await page.getByTestId('export').click();
    await page.getByTestId('video-length').selectOption(String(SECONDS));
    await page.getByTestId('video-size').selectOption('1080');
    if ((await page.getByTestId('video-format').count()) > 0)
      await page.getByTestId('video-format').selectOption('webm');
    const t0 = performance.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 300_000 }),
      page.getByTestId('video-start').click(),
    ]);
    const path = await download.path();
    const seconds = (performance.now() - t0) / 1000;
    const file = readFileSync(path);
    return { seconds, bytes: file.length, ...(await inspect(file)) };
  } finally {
    await context.close();
  }
}

/**
 * Up to `runs` videos in turn, each only if it can end before `deadline` (performance.now() ms,
 * the bench's time limit) by the longest run so far (at least a minute); the figure goes to
 * `report.video` after each.
 */
export async function videoBench(
  browser: Browser,
  url: string,
  report: Record<string, unknown>,
  deadline = Infinity,
  runs = 3,
): Promise<void> {
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const longest = Math.max(60, ...seconds) * 1000;
    if (performance.now() + longest + 10_000 > deadline) {
      console.log(`video: ${i} run(s), stopped before the time limit`);
      break;
    }
    const run = await videoRun(browser, url);
    if (run.frames !== FRAMES) throw new Error(`${run.frames} frames, not ${FRAMES}`);
    seconds.push(Math.round(run.seconds * 100) / 100);
    const sorted = [...seconds].sort((a, b) => a - b);
    const mid = sorted.length / 2;
    const median =
      sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    report['video'] = {
      runs: seconds,
      medianSeconds: Math.round(median * 100) / 100,
      msPerFrame: Math.round((median * 1000) / FRAMES),
      realTime: Math.round((SECONDS / median) * 100) / 100,
      frames: run.frames,
      keyFrames: run.keyFrames,
      codec: run.codec,
      megabytes: Math.round(run.bytes / 1e4) / 100,
    } satisfies VideoFigure;
    console.log(`video: 20 s 1080p WebM in ${run.seconds.toFixed(1)} s (${run.codec})`);
  }
}
