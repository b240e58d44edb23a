/**
 * MapLibre runs its parsing in a module worker. The worker script is shipped as our own
 * asset and started from a blob: URL, so the app works under a CSP of `worker-src blob:`
 * and never asks another origin for anything.
 */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerAsset from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

let prepared: Promise<void> | null = null;

export function prepareMapWorker(): Promise<void> {
  prepared ??= (async () => {
    // The dev server rewrites the served file for its module graph, so there the untouched
    // source comes in as text; the build fetches the asset (kept out of our JavaScript chunk).
    const source = import.meta.env.DEV
      ? (await import('maplibre-gl/dist/maplibre-gl-worker.mjs?raw')).default
      : await fetchText(workerAsset);
    const blob = new Blob([source], { type: 'text/javascript' });
    setWorkerUrl(URL.createObjectURL(blob));
    prewarm();
  })().catch((error: unknown) => {
    prepared = null; // a retry fetches again
    throw error;
  });
  return prepared;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}
