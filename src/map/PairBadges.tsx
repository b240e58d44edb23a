/** Count badges where several arcs join the same two partners (HTML markers: no glyphs needed). */
import { useMemo } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { Lang } from '../data/model.ts';
import { countText, regionName } from '../i18n/text.ts';
import type { AtlasModel } from '../model/atlas-model.ts';
import { pairBadges, type Derived } from '../view/derive.ts';
import { useMarkers } from './use-markers.ts';

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
  const specs = useMemo(
    () =>
      pairBadges(model.geometry, derived.featureState).map((b) => {
        const [a, c] = b.key
          .split('|')
          .map((id) => regionName(model.atlas.regions.get(id), lang, id));
        return {
          key: b.key,
          at: b.label,
          className: 'pair-badge',
          text: String(b.count),
          title: `${a} – ${c}: ${countText(b.count, lang)}`,
        };
      }),
    [model, derived, lang],
  );
  useMarkers(map, specs);
  return null;
}
