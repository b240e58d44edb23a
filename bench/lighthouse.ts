/**
 * Lighthouse (npm package, its CLI in a child process) against a served build: performance,
 * accessibility and best practices with the desktop preset, Debian's Chromium. Reports go to
 * bench/results/lighthouse.report.{html,json}.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.ts';
import { ROOT } from './generate.ts';

export const LIGHTHOUSE_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

export interface LighthouseResult {
  ok: boolean;
  /** Why it did not run (exit code, stderr tail), when !ok. */
  error?: string;
  version?: string;
  scores?: {
    performance: number | null;
    accessibility: number | null;
    bestPractices: number | null;
  };
  metrics?: Record<string, { value: number; display: string }>;
  /** Audits scored below 0.9 that count towards a category. */
  failing?: { category: string; id: string; score: number; display: string }[];
  reports?: string[];
  ms: number;
}

interface LhReport {
  lighthouseVersion: string;
  runtimeError?: { message: string };
  categories: Record<
    string,
    { id: string; score: number | null; auditRefs: { id: string; weight: number }[] }
  >;
  audits: Record<string, { score: number | null; numericValue?: number; displayValue?: string }>;
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
  'interactive',
];

/** Runs Lighthouse; never throws (a failure is reported with its reason). */
export async function runLighthouse(
  url: string,
  outBase: string,
  timeoutMs = 150_000,
  onChild?: (kill: () => void) => void,
): Promise<LighthouseResult> {
  const t0 = performance.now();
  const cli = join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');
  if (!existsSync(cli)) return { ok: false, error: `${cli} not found`, ms: 0 };
  const args = [
    cli,
    url,
    '--preset=desktop',
    '--only-categories=performance,accessibility,best-practices',
    '--output=json',
    '--output=html',
    `--output-path=${outBase}`,
    `--chrome-flags=${LIGHTHOUSE_FLAGS.join(' ')}`,
    '--quiet',
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, CHROME_PATH: CHROMIUM },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const kill = () => {
    if (child.exitCode === null && child.pid) child.kill('SIGKILL');
  };
  onChild?.(kill);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(kill, timeoutMs);
  const code = await new Promise<number | null>((resolve) => {
    child.on('close', (c) => resolve(c));
    child.on('error', (e) => {
      stderr += String(e);
      resolve(-1);
    });
  });
  clearTimeout(timer);
  const ms = Math.round(performance.now() - t0);
  const jsonPath = `${outBase}.report.json`;
  if (code !== 0 || !existsSync(jsonPath)) {
    const why = code === null ? `killed after ${timeoutMs} ms` : `exit code ${code}`;
    return { ok: false, error: `${why}: ${stderr.trim().split('\n').slice(-8).join(' | ')}`, ms };
  }
  const report = JSON.parse(readFileSync(jsonPath, 'utf8')) as LhReport;
  if (report.runtimeError) return { ok: false, error: report.runtimeError.message, ms };
  const score = (id: string): number | null => report.categories[id]?.score ?? null;
  const metrics: Record<string, { value: number; display: string }> = {};
  for (const id of METRICS) {
    const a = report.audits[id];
    if (a?.numericValue !== undefined)
      metrics[id] = {
        value: Math.round(a.numericValue * 1000) / 1000,
        display: a.displayValue ?? '',
      };
  }
  const failing: NonNullable<LighthouseResult['failing']> = [];
  for (const c of Object.values(report.categories))
    for (const ref of c.auditRefs) {
      const a = report.audits[ref.id];
      if (ref.weight > 0 && a && a.score !== null && a.score < 0.9)
        failing.push({ category: c.id, id: ref.id, score: a.score, display: a.displayValue ?? '' });
    }
  return {
    ok: true,
    version: report.lighthouseVersion,
    scores: {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
    },
    metrics,
    failing,
    reports: [`${outBase}.report.html`, jsonPath],
    ms,
  };
}
