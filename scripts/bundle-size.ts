/**
 * Size budgets of a production build (issue 7): gzip sizes (node:zlib, level 9) of MapLibre
 * (main module + worker), of everything else JS, and of the data and geometry.
 *
 *   npx tsx bench/budget.ts [dist]
 *
 * `measureBundle(distDir)` is pure apart from reading files: a test can call it and fail the
 * build over budget. 1 kB = 1000 bytes (as Vite and Lighthouse count).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

export const BUDGET = {
  /**
   * Everything JS except MapLibre (main module and worker), gzip bytes: the first screen plus
   * every tool loaded on demand (export, video, storyboard, matrix with its clustering, the
   * sparkline's D3, CSV writing, dialogs). Raised from 120 kB when those tools came (see the
   * README's figures); the first screen keeps the 120 kB.
   */
  appJs: 200_000,
  /**
   * The video encoders' libraries (mediabunny's WebM/MP4 muxer, gifenc), loaded only when a
   * video is made; not counted in appJs.
   */
  mediaJs: 50_000,
  /** The JS the first screen loads (entry chunk and its static imports) except MapLibre. */
  initialJs: 120_000,
  /**
   * Data and geometry (json, geojson), gzip bytes. Raised from 150 kB with release 2026.12.1:
   * 167 records (was 74) whose every fact names its source, with notes in both languages —
   * about 1 kB gzip a record — plus 64 kB of state geometry.
   */
  data: 275_000,
} as const;

export type FileKind =
  'maplibre-worker' | 'maplibre-main' | 'media' | 'js' | 'css' | 'data' | 'other';

export interface BundleFile {
  file: string;
  kind: FileKind;
  bytes: number;
  gzip: number;
  /** A JS chunk that holds MapLibre's main module together with other code. */
  containsMapLibre: boolean;
}

export interface BundleSizes {
  distDir: string;
  files: BundleFile[];
  maplibre: {
    /** gzip of maplibre-gl-worker-*.mjs */
    worker: number;
    /** gzip of MapLibre's main module: its own chunk, or an estimate when it is inlined. */
    main: number;
    /** The chunk holding MapLibre's main module. */
    mainChunk: string | null;
    /** True when MapLibre shares a chunk with the app (then `main` is estimated). */
    inlined: boolean;
    total: number;
  };
  /** gzip of every JS chunk minus MapLibre (main and worker) and the media encoders. */
  appJs: number;
  /** gzip of the video encoders' libraries (mediabunny, gifenc chunks). */
  mediaJs: number;
  /** gzip of the JS index.html loads (entry script and modulepreloads) minus MapLibre. */
  initialJs: number;
  /** The chunks index.html loads. */
  initialChunks: string[];
  /** gzip of json + geojson. */
  data: number;
  css: number;
  /** Sum of all gzip sizes (what a first visit transfers, compressed). */
  total: number;
  budgets: {
    appJs: { limit: number; value: number; ok: boolean };
    mediaJs: { limit: number; value: number; ok: boolean };
    initialJs: { limit: number; value: number; ok: boolean };
    data: { limit: number; value: number; ok: boolean };
  };
  /** How `maplibre.main` was obtained. */
  method: string;
}

export const gzipSize = (buffer: Buffer | string): number =>
  gzipSync(buffer, { level: constants.Z_BEST_COMPRESSION }).length;

/** A string in MapLibre's main module (a CSS class it sets) and not in its worker. */
const MAPLIBRE_MAIN_MARKER = 'maplibregl-ctrl';

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

function classify(file: string, text: () => string): { kind: FileKind; containsMapLibre: boolean } {
  const base = file.split('/').pop() ?? file;
  if (/^maplibre-gl-worker.*\.m?js$/.test(base))
    return { kind: 'maplibre-worker', containsMapLibre: false };
  if (/^(mediabunny|gifenc)-.*\.js$/.test(base)) return { kind: 'media', containsMapLibre: false };
  if (/\.(m?js)$/.test(base)) {
    const hasMain = text().includes(MAPLIBRE_MAIN_MARKER);
    if (hasMain && /^maplibre/.test(base))
      return { kind: 'maplibre-main', containsMapLibre: false };
    return { kind: 'js', containsMapLibre: hasMain };
  }
  if (/\.css$/.test(base)) return { kind: 'css', containsMapLibre: false };
  if (/\.(json|geojson)$/.test(base)) return { kind: 'data', containsMapLibre: false };
  return { kind: 'other', containsMapLibre: false };
}

/**
 * Measures a production build. When MapLibre's main module is inlined into an app chunk, its
 * share is estimated as gzip(node_modules/maplibre-gl/dist/maplibre-gl.mjs) — the same minified
 * code the bundler copies in — and subtracted from that chunk (gzip is not exactly additive;
 * split MapLibre into its own chunk for an exact figure).
 */
export function measureBundle(
  distDir: string,
  maplibreModule = fileURLToPath(
    new URL('../node_modules/maplibre-gl/dist/maplibre-gl.mjs', import.meta.url),
  ),
): BundleSizes {
  if (!existsSync(distDir)) throw new Error(`measureBundle: ${distDir} does not exist`);
  const files: BundleFile[] = walk(distDir)
    .sort()
    .map((path) => {
      const buffer = readFileSync(path);
      const file = relative(distDir, path);
      return {
        file,
        bytes: buffer.length,
        gzip: gzipSize(buffer),
        ...classify(file, () => buffer.toString('utf8')),
      };
    });
  const sum = (list: BundleFile[]): number => list.reduce((s, f) => s + f.gzip, 0);
  const worker = sum(files.filter((f) => f.kind === 'maplibre-worker'));
  const own = files.find((f) => f.kind === 'maplibre-main');
  const host = files.find((f) => f.containsMapLibre);
  let main = 0;
  let method: string;
  if (own) {
    main = own.gzip;
    method = `MapLibre's main module is its own chunk (${own.file}): exact`;
  } else if (host && existsSync(maplibreModule)) {
    main = gzipSize(readFileSync(maplibreModule));
    method =
      `MapLibre's main module is inlined into ${host.file}: estimated as gzip of ` +
      `maplibre-gl/dist/maplibre-gl.mjs and subtracted from that chunk`;
  } else method = 'MapLibre main module not found in the build';
  const allJs = sum(files.filter((f) => f.kind === 'js' || f.kind === 'maplibre-main'));
  const appJs = allJs - main;
  const data = sum(files.filter((f) => f.kind === 'data'));
  const mediaJs = sum(files.filter((f) => f.kind === 'media'));
  // What the first screen loads: the scripts and module preloads named in index.html.
  const indexHtml = join(distDir, 'index.html');
  const initialChunks = existsSync(indexHtml)
    ? [
        ...readFileSync(indexHtml, 'utf8').matchAll(
          /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.?\/?([^"]+\.js)"/g,
        ),
      ].map((m) => m[1]!)
    : [];
  const initialJs = sum(
    files.filter((f) => f.kind === 'js' && initialChunks.includes(f.file.split('\\').join('/'))),
  );
  return {
    initialJs,
    initialChunks,
    distDir,
    files,
    maplibre: {
      worker,
      main,
      mainChunk: own?.file ?? host?.file ?? null,
      inlined: !own && host !== undefined,
      total: worker + main,
    },
    appJs,
    mediaJs,
    data,
    css: sum(files.filter((f) => f.kind === 'css')),
    total: sum(files),
    budgets: {
      appJs: { limit: BUDGET.appJs, value: appJs, ok: appJs <= BUDGET.appJs },
      mediaJs: { limit: BUDGET.mediaJs, value: mediaJs, ok: mediaJs <= BUDGET.mediaJs },
      initialJs: { limit: BUDGET.initialJs, value: initialJs, ok: initialJs <= BUDGET.initialJs },
      data: { limit: BUDGET.data, value: data, ok: data <= BUDGET.data },
    },
    method,
  };
}

export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

export function formatBundle(b: BundleSizes): string {
  const lines = [
    `bundle ${b.distDir} (gzip -9; 1 kB = 1000 B)`,
    `  MapLibre main     ${kB(b.maplibre.main).padStart(10)}  ${b.maplibre.inlined ? '(estimated: inlined in ' + b.maplibre.mainChunk + ')' : '(' + (b.maplibre.mainChunk ?? '?') + ')'}`,
    `  MapLibre worker   ${kB(b.maplibre.worker).padStart(10)}`,
    `  other JS (app)    ${kB(b.appJs).padStart(10)}  budget ${kB(BUDGET.appJs)} ${b.budgets.appJs.ok ? 'ok' : 'OVER'}`,
    `  video encoders    ${kB(b.mediaJs).padStart(10)}  budget ${kB(BUDGET.mediaJs)} ${b.budgets.mediaJs.ok ? 'ok' : 'OVER'}`,
    `  data + geometry   ${kB(b.data).padStart(10)}  budget ${kB(BUDGET.data)} ${b.budgets.data.ok ? 'ok' : 'OVER'}`,
    `  CSS               ${kB(b.css).padStart(10)}`,
    `  total             ${kB(b.total).padStart(10)}`,
  ];
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const b = measureBundle(dir);
  console.log(formatBundle(b));
  for (const f of b.files)
    console.log(`  ${f.kind.padEnd(16)} ${kB(f.gzip).padStart(10)}  ${f.file}`);
  console.log(b.method);
}
