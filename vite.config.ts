import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { assetFileNames } from './scripts/asset-names.ts';
import { bootShellHtml } from './scripts/boot-shell.ts';
import { tokensCss } from './src/style/tokens.ts';

// The data folder can be swapped (benchmarks build the app over synthetic datasets).
const dataDir = fileURLToPath(new URL(process.env['KA_DATA_DIR'] ?? './data', import.meta.url));

/**
 * The data, the geometry and MapLibre's worker are fetched by the app; preloading them from
 * index.html lets the browser download them while it still parses the JavaScript. The data at
 * low priority: the scripts are needed first (the data is read only once they have run), and on
 * an HTTP/1.1 server (six connections, every response compressed on the fly) the data's
 * downloads otherwise held back MapLibre's script by ~50 ms here. The worker's script is read as
 * soon as the app's script runs, so it keeps its priority.
 */
function preloadAppAssets(): Plugin {
  return {
    name: 'kooperationsatlas:preload-assets',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const wanted =
          /(regions|organisations|cooperations|states|places|maplibre-gl-worker)-[\w-]+\.(json|geojson|mjs)$/;
        const links = Object.keys(ctx.bundle)
          .filter((name) => wanted.test(name))
          .sort()
          .map(
            (name) =>
              `<link rel="preload" href="./${name}" as="fetch" crossorigin="anonymous"${
                name.endsWith('.mjs') ? '' : ' fetchpriority="low"'
              } />`,
          );
        return html.replace('</head>', `    ${links.join('\n    ')}\n  </head>`);
      },
    },
  };
}

/** The page shell (scripts/boot-shell.ts) in the empty root, painted before any script runs. */
function bootShell(): Plugin {
  return {
    name: 'kooperationsatlas:boot-shell',
    transformIndexHtml: (html) =>
      html.replace('<div id="root"></div>', `<div id="root">${bootShellHtml()}</div>`),
  };
}

/**
 * `virtual:tokens.css`: the colour tokens of style/palette.ts as CSS custom properties, made at
 * build time, so the palette is the one source of every colour and no style is written at run time.
 */
function colourTokens(): Plugin {
  const id = 'virtual:tokens.css';
  return {
    name: 'kooperationsatlas:tokens',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (resolved) => (resolved === `\0${id}` ? tokensCss() : null),
  };
}

/**
 * `virtual:dataset-csv`: the editors' CSV writer (scripts/lib/csv, the one `npm run
 * data:export-csv` uses), for the About dialog's download of the whole dataset. The app loads it
 * only when that download is asked for; one writer, so the file is the editors' format exactly.
 */
function datasetCsv(): Plugin {
  const id = 'virtual:dataset-csv';
  const writer = fileURLToPath(new URL('./scripts/lib/csv/write.ts', import.meta.url));
  return {
    name: 'kooperationsatlas:dataset-csv',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (resolved) =>
      resolved === `\0${id}`
        ? `export { cooperationsToCsv as default } from ${JSON.stringify(writer)};`
        : null,
  };
}

/**
 * The single file needs no boot check (it loads nothing); public/ is not part of it, so the
 * reference goes.
 */
function dropBootCheck(): Plugin {
  return {
    name: 'kooperationsatlas:drop-boot-check',
    transformIndexHtml: (html) =>
      html.replace(
        /\s*<!--[^>]*boot-check[^>]*-->\s*<script[^>]*data-boot-check[^>]*><\/script>/,
        '',
      ),
  };
}

/**
 * Our servers let a sandboxed iframe (opaque origin, no `allow-same-origin`) load the app's
 * files: they are public, so any origin may read them.
 */
const CORS_HEADERS = { 'Access-Control-Allow-Origin': '*' };

// `vite build --mode single` writes one self-contained HTML file (scripts, styles, data,
// geometry and MapLibre's worker inlined) that works from file:// with no network.
export default defineConfig(({ mode }) => ({
  plugins:
    mode === 'single'
      ? [
          react(),
          colourTokens(),
          datasetCsv(),
          dropBootCheck(),
          bootShell(),
          viteSingleFile({ removeViteModuleLoader: true }),
        ]
      : [react(), colourTokens(), datasetCsv(), bootShell(), preloadAppAssets()],
  resolve: { alias: { '@data': dataDir } },
  publicDir: mode === 'single' ? false : 'public',
  base: './',
  server: { port: 5173, host: '127.0.0.1', headers: CORS_HEADERS },
  preview: { port: 4173, host: '127.0.0.1', headers: CORS_HEADERS },
  build:
    mode === 'single'
      ? {
          target: 'es2022',
          outDir: 'dist-single',
          assetsInlineLimit: Number.MAX_SAFE_INTEGER,
          chunkSizeWarningLimit: 5000,
        }
      : {
          target: 'es2022',
          sourcemap: false,
          chunkSizeWarningLimit: 1200,
          // MapLibre in a chunk of its own: cached across releases of our code, and measured apart.
          rolldownOptions: {
            output: {
              assetFileNames,
              codeSplitting: {
                groups: [
                  { name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ },
                  // The video encoders' libraries, measured on a budget of their own.
                  { name: 'mediabunny', test: /node_modules[\\/]mediabunny/ },
                  { name: 'gifenc', test: /node_modules[\\/]gifenc/ },
                ],
              },
            },
          },
        },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    env: { TZ: 'Europe/Berlin' },
  },
}));
