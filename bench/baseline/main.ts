/**
 * The start-up baseline: MapLibre alone, with the app's blob-worker set-up, drawing the
 * state polygons as a fill and a line layer (no tiles, no glyphs), marking
 * `kooperationsatlas:ready` on the first idle like the app. `?w=…&h=…` sizes the map (CSS px)
 * so it can match the app's map area.
 */
import type { FeatureCollection } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import statesUrl from '../../data/geo/states.geojson?url';
import { prepareMapWorker } from '../../src/map/worker.ts';
import { GERMANY_BOUNDS } from '../../src/geo/anchors.ts';

async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const el = document.getElementById('map')!;
  const w = Number(params.get('w'));
  const h = Number(params.get('h'));
  if (w > 0) el.style.width = `${w}px`;
  if (h > 0) el.style.height = `${h}px`;
  const [states] = await Promise.all([
    fetch(statesUrl).then((r) => {
      if (!r.ok) throw new Error(`${statesUrl}: HTTP ${r.status}`);
      return r.json() as Promise<FeatureCollection>;
    }),
    prepareMapWorker(),
  ]);
  const map = new maplibregl.Map({
    container: el,
    style: {
      version: 8,
      sources: { states: { type: 'geojson', data: states } },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#dfe9ef' } },
        { id: 'state-fill', type: 'fill', source: 'states', paint: { 'fill-color': '#f4f1ea' } },
        {
          id: 'state-border',
          type: 'line',
          source: 'states',
          paint: { 'line-color': '#8a8f96', 'line-width': 0.8 },
        },
      ],
    },
    bounds: GERMANY_BOUNDS,
    fitBoundsOptions: { padding: 12 },
    attributionControl: false,
    renderWorldCopies: false,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
  });
  (el as HTMLElement & { maplibreMap?: maplibregl.Map }).maplibreMap = map;
  map.once('idle', () => {
    performance.mark('kooperationsatlas:ready');
    document.documentElement.dataset['ready'] = 'true';
  });
}

void start();
