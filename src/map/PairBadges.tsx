/** Count badges where several arcs join the same two partners (HTML markers: no glyphs needed). */
import { useEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { Lang } from '../data/model.ts';
import { countText, regionName } from '../i18n/text.ts';
import type { AtlasModel } from '../model/atlas-model.ts';
import { pairBadges, type Derived } from '../view/derive.ts';

export function PairBadges({
  map,
  model,
  derived,
  lang,
}: {
  map: maplibregl.Map | null;
  model: AtlasModel;
  derived: Derived;
  lang: Lang;
}) {
  const markers = useRef(
    new Map<string, { marker: maplibregl.Marker; el: HTMLSpanElement; text: string }>(),
  );
  useEffect(() => {
    if (!map) return;
    const seen = new Set<string>();
    for (const b of pairBadges(model.geometry, derived.featureState)) {
      seen.add(b.key);
      let m = markers.current.get(b.key);
      if (!m) {
        const el = document.createElement('span');
        el.className = 'pair-badge';
        const marker = new maplibregl.Marker({ element: el }).setLngLat(b.label).addTo(map);
        m = { el, marker, text: '' };
        markers.current.set(b.key, m);
      }
      const text = `${lang}|${b.count}`;
      if (m.text === text) continue;
      m.text = text;
      m.el.textContent = String(b.count);
      const [a, c] = b.key
        .split('|')
        .map((id) => regionName(model.atlas.regions.get(id), lang, id));
      m.el.title = `${a} – ${c}: ${countText(b.count, lang)}`;
    }
    for (const [key, m] of markers.current)
      if (!seen.has(key)) {
        m.marker.remove();
        markers.current.delete(key);
      }
  }, [map, model, derived, lang]);
  useEffect(
    () => () => {
      for (const m of markers.current.values()) m.marker.remove();
      markers.current.clear();
    },
    [map],
  );
  return null;
}
