/**
 * Where a scrub step's main-thread time goes: a CPU profile (Chrome DevTools Protocol,
 * sampling) of N one-month steps in an unminified build whose vendors sit in their own chunks
 * (see COMPOSITION_GROUPS), summed by chunk (self time) and by app function (inclusive time).
 *
 *   npx tsx bench/profile.ts [--keep-dist]   (after npm run bench has generated the data)
 *
 * Writes bench/results/profile.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import {
  buildApp,
  launch,
  newPage,
  recordFrames,
  serve,
  settle,
  waitReady,
  type Phase,
} from './browser.ts';
import { ROOT } from './generate.ts';
import { round } from './stats.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileResult {
  steps: number;
  range: [string, string];
  /** Profiled wall time (ms) and the time per step. */
  totalMs: number;
  perStepMs: number;
  /** Self time by chunk (vendor-react, maplibre-gl, index = app code, …) or by V8 category. */
  selfByChunk: { chunk: string; ms: number; share: number }[];
  /** Inclusive time of named functions of the app chunk, per step. */
  appInclusive: { fn: string; msPerStep: number; share: number }[];
  /** Top self time by function. */
  topSelf: { fn: string; chunk: string; msPerStep: number }[];
}

function chunkOf(url: string): string {
  if (!url) return '';
  const file = url.split('/').pop() ?? url;
  return file.replace(/-[\w-]{8}\.m?js$/, '').replace(/\.m?js$/, '');
}

export type ProfileSummary = Omit<ProfileResult, 'steps' | 'range'>;

/** Self time by chunk, inclusive time of named app functions, top self time; per `divisor`. */
export function summarizeProfile(profile: CpuProfile, divisor: number): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const chunkSelf = new Map<string, number>();
  const fnSelf = new Map<string, { chunk: string; ms: number }>();
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const chunk = chunkOf(n.callFrame.url) || n.callFrame.functionName || '(native)';
    chunkSelf.set(chunk, (chunkSelf.get(chunk) ?? 0) + ms);
    const key = `${n.callFrame.functionName || '(anonymous)'} ${chunk}:${n.callFrame.lineNumber + 1}`;
    const f = fnSelf.get(key) ?? { chunk, ms: 0 };
    f.ms += ms;
    fnSelf.set(key, f);
    // Inclusive: every distinct named app function on the stack.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = byId.get(cur)!.callFrame;
      if (!cf.functionName || !/^index/.test(chunkOf(cf.url))) continue;
      if (seen.has(cf.functionName)) continue;
      seen.add(cf.functionName);
      inclusive.set(cf.functionName, (inclusive.get(cf.functionName) ?? 0) + ms);
    }
  }
  const per = (ms: number) => round(ms / Math.max(1, divisor), 2);
  return {
    totalMs: round(total, 1),
    perStepMs: per(total),
    selfByChunk: [...chunkSelf]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([chunk, ms]) => ({ chunk, ms: round(ms, 1), share: round(ms / total, 3) })),
    appInclusive: [...inclusive]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([fn, ms]) => ({ fn, msPerStep: per(ms), share: round(ms / total, 3) })),
    topSelf: [...fnSelf]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 15)
      .map(([fn, v]) => ({ fn, chunk: v.chunk, msPerStep: per(v.ms) })),
  };
}

/**
 * A CPU profile of the start-up: from before navigation to the ready mark, in a fresh context
 * (the profiler is attached to the page before it loads). Figures are ms (divisor 1).
 */
export async function profileStartup(
  browser: Browser,
  url: string,
): Promise<ProfileSummary & { ready: number }> {
  const { context, page } = await newPage(browser);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    await page.goto(url);
    const ready = await waitReady(page);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    return { ready: round(ready, 1), ...summarizeProfile(profile, 1) };
  } finally {
    await context.close();
  }
}

export async function profileScrub(
  browser: Browser,
  url: string,
  options: { steps: number; query?: string; maxMs?: number },
): Promise<ProfileResult> {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(options.query ? `${url}?${options.query}` : url);
    await waitReady(page);
    await settle(page);
    const handle = page.getByTestId('timeline-handle');
    await handle.focus();
    if (!options.query) await page.keyboard.press('Home');
    await settle(page, 5000);
    const from = (await page.getByTestId('app').getAttribute('data-date')) ?? '';
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    const samples = await page.evaluate(recordFrames, {
      phase: 'scrub' as Phase,
      durationMs: options.maxMs ?? 60_000,
      maxSteps: options.steps,
    });
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const to = (await page.getByTestId('app').getAttribute('data-date')) ?? '';
    const steps = samples.length;
    return { steps, range: [from, to], ...summarizeProfile(profile, steps) };
  } finally {
    await context.close();
  }
}

/** The source line of an unminified chunk (to name anonymous functions such as effects). */
function snippet(dist: string, chunk: string, line: number): string {
  const dir = join(dist, 'assets');
  const file = readdirSync(dir).find((f) => f.startsWith(`${chunk}-`) && /\.m?js$/.test(f));
  if (!file) return '';
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  // An effect's first line is "useEffect)(() => {": show the next statement too.
  return lines
    .slice(line - 1, line + 2)
    .map((l) => l.trim())
    .join(' ')
    .slice(0, 140);
}

function annotate(dist: string, p: ProfileSummary): ProfileSummary & { notes: string[] } {
  const notes = p.topSelf
    .filter((f) => /^\(anonymous\) index:\d+$/.test(f.fn))
    .map((f) => {
      const line = Number(f.fn.split(':')[1]);
      return `${f.fn} (${f.msPerStep} ms): ${snippet(dist, 'index', line)}`;
    });
  return { ...p, notes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const keep = process.argv.includes('--keep-dist');
  const bench = join(ROOT, 'bench');
  const targets = [
    { key: 'real', data: join(ROOT, 'data'), dist: join(bench, '.dist-profile-real') },
    { key: '10000', data: join(bench, '.data-10000'), dist: join(bench, '.dist-profile-10000') },
  ];
  const closers: (() => Promise<void>)[] = [];
  const out: Record<string, unknown> = {};
  try {
    const browser = await launch();
    closers.push(() => browser.close());
    for (const t of targets) {
      if (!existsSync(join(t.data, 'cooperations.json')))
        throw new Error(`${t.data} missing: run npm run bench (or bench/generate.ts) first`);
      await buildApp(t.data, t.dist, { composition: true, minify: false });
      const server = await serve(t.dist);
      closers.push(() => server.close());
      const startup = annotate(t.dist, await profileStartup(browser, server.url));
      const scrub =
        t.key === 'real'
          ? await profileScrub(browser, server.url, { steps: 250, maxMs: 60_000 })
          : await profileScrub(browser, server.url, {
              steps: 12,
              query: 'date=2016-01-01',
              maxMs: 30_000,
            });
      out[t.key] = { startup, scrub: { ...scrub, ...annotate(t.dist, scrub) } };
      console.log(`== ${t.key}: start-up`);
      console.log(JSON.stringify(startup, null, 1));
      console.log(`== ${t.key}: scrub`);
      console.log(JSON.stringify((out[t.key] as { scrub: unknown }).scrub, null, 1));
    }
    mkdirSync(join(bench, 'results'), { recursive: true });
    writeFileSync(join(bench, 'results', 'profile.json'), `${JSON.stringify(out, null, 2)}\n`);
    console.log('profile: bench/results/profile.json');
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    if (!keep) for (const t of targets) rmSync(t.dist, { recursive: true, force: true });
  }
}
