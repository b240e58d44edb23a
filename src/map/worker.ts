/**
 * MapLibre runs its parsing in a module worker. The worker script is shipped as our own
 * asset and started from a blob: URL, so the app works under a CSP of `worker-src blob:`
 * and never asks another origin for anything.
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerAsset from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

let prepared: Promise<void> | null = null;

export function prepareMapWorker(): Promise<void> {
  prepared ??= (async () => {
    const response = await fetch(workerAsset);
    if (!response.ok) throw new Error(`${workerAsset}: HTTP ${response.status}`);
    const blob = new Blob([await response.text()], { type: 'text/javascript' });
    setWorkerUrl(URL.createObjectURL(blob));
  })().catch((error: unknown) => {
    prepared = null; // a retry fetches again
    throw error;
  });
  return prepared;
}
