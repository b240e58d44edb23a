/**
 * One Lighthouse run (the CLI of the lighthouse npm package, in a child process) with the desktop
 * preset against a URL, in Debian's Chromium with the flags of scripts/chromium.ts. Writes
 * `${out}.report.json` and `.report.html`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.ts';
import { ROOT } from './generate.ts';

const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
  tti: 'interactive',
};

export interface LighthouseRun {
  /** Category scores, 0–100. */
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** ms (cls: unitless) */
  metrics: Record<keyof typeof METRICS, number>;
}

interface Report {
  runtimeError?: { message: string };
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
}

/** `onChild` gets a function that stops the run (Lighthouse closes its Chromium on SIGINT). */
export async function lighthouse(
  url: string,
  out: string,
  onChild: (stop: () => void) => void,
): Promise<LighthouseRun> {
  const args = [
    join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js'),
    url,
    '--preset=desktop',
    '--only-categories=performance,accessibility,best-practices',
    '--output=json',
    '--output=html',
    `--output-path=${out}`,
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
    '--quiet',
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, CHROME_PATH: CHROMIUM },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stop = () => {
    if (child.exitCode !== null) return;
    child.kill('SIGINT');
    setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000).unref();
  };
  onChild(stop);
  const timer = setTimeout(stop, 150_000);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`lighthouse exit ${code}: ${stderr.trim().slice(-500)}`);
  const report = JSON.parse(readFileSync(`${out}.report.json`, 'utf8')) as Report;
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
  const score = (id: string) => Math.round((report.categories[id]?.score ?? NaN) * 100);
  const metric = (id: string) => report.audits[id]?.numericValue ?? NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    metrics: Object.fromEntries(
      Object.entries(METRICS).map(([key, id]) => [key, Math.round(metric(id) * 1000) / 1000]),
    ) as LighthouseRun['metrics'],
  };
}
