/**
 * Labels for the Länder, the cities and the Bund as HTML markers (no glyph server needed). Each
 * is a button, so every region is reachable by keyboard. Where two would overlap, the
 * lower-ranked one is clipped (view/labels.ts); it keeps its name and shows when focused.
 */
import { useCallback, useEffect, useEffectEvent, useMemo, useRef } from 'react';
import type * as maplibregl from 'maplibre-gl';
import { placeMarker } from './marker.ts';
import type { Lang } from '../data/model.ts';
import { STRINGS } from '../i18n/strings.ts';
import { plural, regionName } from '../i18n/text.ts';
import type { AtlasModel } from '../model/atlas-model.ts';
import type { Derived } from '../view/derive.ts';
import { declutter, labelPriority, labelledRegions, type LabelBox } from '../view/labels.ts';
import { NEAR_ZOOM } from '../style/link-style.ts';

interface LabelProps {
  map: maplibregl.Map | null;
  model: AtlasModel;
  lang: Lang;
  selection: string | null;
  derived: Derived;
  onSelect: (id: string) => void;
}

export function RegionLabels({ map, model, lang, selection, derived, onSelect }: LabelProps) {
  const markers = useRef(new Map<string, { marker: maplibregl.Marker; el: HTMLButtonElement }>());
  const select = useEffectEvent((id: string) => onSelect(id));
  /** The rank of each label: the selection, then the Bund, then partners, then Länder, then places. */
  const priorities = useRef(new Map<string, number>());
  /** What each label shows now (language, selection, partnership, activity). */
  const rendered = useRef(new Map<string, string>());
  const labelled = useMemo(() => {
    const l = labelledRegions(model.atlas, model.anchors);
    return { ...l, order: [...l.rank.keys()] };
  }, [model]);

  const declutterLabels = useCallback(() => {
    const boxes: LabelBox[] = [];
    for (const [id, { el }] of markers.current) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      boxes.push({
        id,
        x0: r.left,
        y0: r.top,
        x1: r.right,
        y1: r.bottom,
        priority: priorities.current.get(id) ?? 1,
      });
    }
    const hidden = declutter(boxes);
    for (const [id, { el }] of markers.current)
      el.classList.toggle('is-overlapped', hidden.has(id));
  }, []);

  /**
   * Sets a label's text and state for the current language, selection and date; says whether its
   * size may have changed (then the labels are decluttered again).
   */
  const paint = useEffectEvent((id: string, el: HTMLButtonElement): boolean => {
    const region = model.atlas.regions.get(id);
    if (!region) return false;
    const s = STRINGS[lang];
    const count = derived.partnerCounts.get(id);
    const active = derived.activeRegions.has(id);
    const selected = selection === id;
    const layout = `${lang}|${selected}|${count !== undefined}|`;
    const key = `${layout}${count ?? ''}|${active}`;
    const before = rendered.current.get(id);
    if (before === key && el.firstChild) return false;
    rendered.current.set(id, key);
    priorities.current.set(
      id,
      labelPriority(region.kind, { selected, partner: count !== undefined }),
    );
    const relaidOut = !before?.startsWith(layout) || !el.firstChild;
    el.replaceChildren();
    // Name and abbreviation are both in the accessible name; CSS shows one of them (by zoom),
    // so the visible text is always part of the name (WCAG 2.5.3).
    const full = document.createElement('span');
    full.className = 'label-full';
    full.textContent = region.kind === 'federal' ? s.bundShort : regionName(region, lang);
    el.append(full);
    if (region.kind === 'state' && region.abbr) {
      const abbr = document.createElement('span');
      abbr.className = 'label-short';
      abbr.textContent = ` ${region.abbr}`;
      el.append(abbr);
    }
    if (count) {
      const extra = document.createElement('span');
      extra.className = 'visually-hidden';
      extra.textContent = `: ${plural(s.partnerOf, count, lang)}`;
      el.append(extra);
    }
    el.setAttribute('aria-pressed', String(selected));
    el.classList.toggle('is-selected', selected);
    el.classList.toggle('is-partner', count !== undefined);
    el.classList.toggle('is-active', active);
    return relaidOut;
  });

  /**
   * Adds the markers of `ids` that do not exist yet, in the order of `labelled` (so the tab order
   * follows the regions' order whenever they were made), each with its text.
   */
  const ensure = useEffectEvent((m: maplibregl.Map, ids: Iterable<string>): boolean => {
    let added = false;
    for (const id of ids) {
      if (markers.current.has(id)) continue;
      const at = model.anchors.get(id);
      const region = model.atlas.regions.get(id);
      if (!at || !region) continue;
      const big = region.kind === 'state' || region.kind === 'federal';
      const el = document.createElement('button');
      el.type = 'button';
      el.className = `region-label region-${region.kind}`;
      el.dataset['region'] = id;
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        select(id);
      });
      const marker = placeMarker(m, at, {
        element: el,
        anchor: big ? 'center' : 'left',
        offset: big ? [0, 0] : [7, 0],
      });
      // Before the next label in the regions' order that exists already.
      for (let i = labelled.rank.get(id)! + 1; i < labelled.order.length; i++) {
        const next = markers.current.get(labelled.order[i]!);
        if (next) {
          next.el.before(el);
          break;
        }
      }
      markers.current.set(id, { marker, el });
      paint(id, el);
      added = true;
    }
    return added;
  });

  // The Länder and the Bund are labelled from the start. A place's label is shown only zoomed
  // in, or while it is selected or a partner of the selection (map.css), so it is made then.
  useEffect(() => {
    if (!map) return;
    ensure(map, labelled.big);
    const zoomClass = () => {
      const z = map.getZoom();
      map.getContainer().classList.toggle('zoom-far', z < 4.9);
      map.getContainer().classList.toggle('zoom-near', z >= NEAR_ZOOM);
      if (z >= NEAR_ZOOM && ensure(map, labelled.places)) declutterLabels();
    };
    zoomClass();
    map.on('zoom', zoomClass);
    map.on('moveend', declutterLabels);
    map.on('resize', declutterLabels);
    const shown = rendered.current;
    return () => {
      map.off('zoom', zoomClass);
      map.off('moveend', declutterLabels);
      map.off('resize', declutterLabels);
      for (const { marker } of markers.current.values()) marker.remove();
      markers.current = new Map();
      shown.clear();
    };
  }, [map, labelled, declutterLabels]);

  // Texts and states of the labels. The DOM is touched only where something changed, and only
  // text, selection and partnership change a label's size: scrubbing costs (almost) nothing here.
  useEffect(() => {
    if (!map) return;
    const wanted = [...derived.partnerCounts.keys()];
    if (selection) wanted.push(selection);
    let relaidOut = ensure(
      map,
      wanted.filter((id) => labelled.rank.has(id)),
    );
    for (const [id, { el }] of markers.current) if (paint(id, el)) relaidOut = true;
    if (relaidOut) declutterLabels();
  }, [lang, selection, derived, map, labelled, declutterLabels]);

  return null;
}
