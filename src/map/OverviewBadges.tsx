/**
 * The overview's HTML markers (no glyph server needed): a count beside each region for the
 * cooperations within it (per zoom level: a Land's own and its cities' when zoomed out, a city's
 * own when zoomed in), and one calm element for the nationwide agreements, by the Bund's marker,
 * that lists them on click.
 */
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type * as maplibregl from 'maplibre-gl';
import type { Lang } from '../data/model.ts';
import { BUND_ANCHOR } from '../geo/anchors.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import { plural, regionName } from '../i18n/text.ts';
import type { AtlasModel } from '../model/atlas-model.ts';
import type { Derived } from '../view/derive.ts';
import { placeMarker } from './marker.ts';
import { useMarkers } from './use-markers.ts';

const titles = new WeakMap<AtlasModel, Map<string, string>>();

/** A count badge's title ("12 Kooperationen in Bayern"), made once per dataset, language, region
 * and count: the badges are rebuilt on every date step. */
function badgeTitle(model: AtlasModel, region: string, n: number, lang: Lang): string {
  let known = titles.get(model);
  if (!known) titles.set(model, (known = new Map()));
  const key = `${lang}|${region}|${n}`;
  let title = known.get(key);
  if (title === undefined) {
    title = fill(plural(STRINGS[lang].localCount, n, lang), {
      name: regionName(model.atlas.regions.get(region), lang, region),
    });
    known.set(key, title);
  }
  return title;
}

/** Count badges for the cooperations within a region, at both zoom levels. */
export function LocalBadges({
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
  const specs = useMemo(() => {
    return (['far', 'near'] as const).flatMap((level) =>
      [...derived.local[level]].flatMap(([region, n]) => {
        const at = model.anchors.get(region);
        if (!at) return [];
        const big = model.atlas.regions.get(region)?.kind === 'state';
        return [
          {
            key: `${level}|${region}`,
            at,
            className: `local-badge level-${level}`,
            offset: (big ? [0, 16] : [-9, 0]) as [number, number],
            data: { within: region },
            text: String(n),
            title: badgeTitle(model, region, n, lang),
          },
        ];
      }),
    );
  }, [model, derived, lang]);
  useMarkers(map, specs);
  return null;
}

/** "Alle Länder · 10 bundesweite Vereinbarungen", by the Bund's marker; a click lists them. */
export function NationwideBadge({
  map,
  derived,
  lang,
  onSelect,
}: {
  map: maplibregl.Map | null;
  derived: Derived;
  lang: Lang;
  onSelect: (id: string) => void;
}) {
  // The element the map places by the Bund; React renders the badge into it.
  const [host] = useState(() => {
    const el = document.createElement('div');
    el.className = 'nationwide-host';
    // Clicks and drags on the element are its own: the map beneath must not pan or select.
    for (const type of ['click', 'dblclick', 'mousedown', 'pointerdown', 'touchstart', 'wheel'])
      el.addEventListener(type, (e) => e.stopPropagation());
    return el;
  });
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!map) return;
    const marker = placeMarker(map, BUND_ANCHOR, {
      element: host,
      anchor: 'top-left',
      offset: [-34, 18],
    });
    return () => {
      marker.remove();
    };
  }, [map, host]);
  // The open list lies above the labels and badges (each marker is a stacking context of its own).
  useEffect(() => {
    host.classList.toggle('is-open', open);
  }, [host, open]);
  const n = derived.nationwide.length;
  if (!map || n === 0) return null;
  const s = STRINGS[lang];
  return createPortal(
    <div className="nationwide" data-testid="nationwide">
      <button
        type="button"
        className="nationwide-button"
        aria-expanded={open}
        title={s.nationwideTitle}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        <span className="nationwide-ring" aria-hidden="true">
          {n}
        </span>
        <span className="nationwide-text" aria-hidden="true">
          <strong>{s.nationwideAll}</strong>
          <span>{s.nationwideShort}</span>
        </span>
        <span className="visually-hidden">
          {s.nationwideAll}: {plural(s.nationwideCount, n, lang)}
        </span>
      </button>
      {open && (
        <ul className="nationwide-list" aria-label={s.nationwideTitle}>
          {derived.nationwide.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setOpen(false);
                  onSelect(c.id);
                }}
              >
                <bdi>{c.title[lang]}</bdi>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>,
    host,
  );
}
