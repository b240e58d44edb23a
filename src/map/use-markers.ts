/**
 * HTML markers on the map kept in step with a list (no glyph server needed): a marker per key,
 * created once, its text and title rewritten only when they change, removed when its key goes.
 * Runs on every date step, so it touches the DOM only where something changed.
 */
import { useEffect, useRef } from 'react';
import type * as maplibregl from 'maplibre-gl';
import { placeMarker } from './marker.ts';

export interface MarkerSpec {
  key: string;
  at: [number, number];
  className: string;
  offset?: [number, number];
  /** data-* attributes, set when the marker is made. */
  data?: Record<string, string>;
  text: string;
  title: string;
}

interface Placed {
  marker: maplibregl.Marker;
  el: HTMLSpanElement;
  shown: string;
}

export function useMarkers(map: maplibregl.Map | null, specs: readonly MarkerSpec[]): void {
  const markers = useRef(new Map<string, Placed>());
  useEffect(() => {
    if (!map) return;
    const seen = new Set<string>();
    for (const spec of specs) {
      seen.add(spec.key);
      let m = markers.current.get(spec.key);
      if (!m) {
        const el = document.createElement('span');
        el.className = spec.className;
        for (const [k, v] of Object.entries(spec.data ?? {})) el.dataset[k] = v;
        const marker = placeMarker(map, spec.at, {
          element: el,
          ...(spec.offset ? { offset: spec.offset } : {}),
        });
        m = { el, marker, shown: '' };
        markers.current.set(spec.key, m);
      }
      const shown = `${spec.text}|${spec.title}`;
      if (m.shown === shown) continue;
      m.shown = shown;
      m.el.textContent = spec.text;
      m.el.title = spec.title;
    }
    for (const [key, m] of markers.current)
      if (!seen.has(key)) {
        m.marker.remove();
        markers.current.delete(key);
      }
  }, [map, specs]);
  useEffect(
    () => () => {
      for (const m of markers.current.values()) m.marker.remove();
      markers.current.clear();
    },
    [map],
  );
}
