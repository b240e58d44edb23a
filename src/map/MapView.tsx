/**
 * The MapLibre map. React owns the container; MapLibre owns the canvas. The map is created
 * once per scene; view changes only set feature-state on the features that changed.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Scene } from '../app/scene.ts';
import type { Lang } from '../data/model.ts';
import { GERMANY_BOUNDS } from '../geo/anchors.ts';
import {
  pairBadges,
  changedFeatures,
  DIMMED,
  ENDED,
  FOCUS,
  RECENT,
  SELECTED,
  SHOWN,
  type Derived,
} from '../view/derive.ts';
import type { Theme } from '../view/view-state.ts';
import { declutter, labelPriority, type LabelBox } from './declutter.ts';
import { buildStyle, CITY_STATES, FID, LAYER, SOURCE, sizePaint, themedPaint } from './style.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import { formatPartialDate } from '../i18n/format.ts';
import { injectFault } from '../app/fault.ts';

export interface MapViewProps {
  scene: Scene;
  derived: Derived;
  selection: string | null;
  /** A cooperation hovered elsewhere (timeline, panel): drawn emphasised. */
  hover: string | null;
  lang: Lang;
  theme: Theme;
  present: boolean;
  onSelect: (id: string | null) => void;
  /** Called once, after the first complete frame. */
  onReady: () => void;
  onWebglMissing: () => void;
  /** A camera to move to (null: all of Germany); a new seq triggers the move. */
  camera: { target: [number, number, number] | null; seq: number };
  /** Receives the map's camera and visible bounds after every move. */
  onCamera: (camera: [number, number, number], bounds: [number, number, number, number]) => void;
}

interface Tip {
  x: number;
  y: number;
  title: string;
  detail: string;
}

const INTERACTIVE = [LAYER.points, LAYER.lines, LAYER.stateFill];

/** What a feature under the pointer is: a hub or marker, a city, a link, a city-state, a Land. */
function kindOf(f: MapGeoJSONFeature): string {
  return f.layer.id === LAYER.points ? String((f.properties as { L?: unknown }).L) : f.layer.id;
}
/** Which of several features under the pointer wins (the smaller, the more specific). */
const PICK_ORDER = ['hub', 'place', LAYER.lines, 'city-state', LAYER.stateFill];
/** Links and hubs: their feature-state bits say whether they are shown. */
const isLink = (f: MapGeoJSONFeature) => f.layer.id === LAYER.lines || kindOf(f) === 'hub';

function stateFor(bits: number): Record<string, boolean> {
  return {
    shown: (bits & SHOWN) !== 0,
    recent: (bits & RECENT) !== 0,
    ended: (bits & ENDED) !== 0,
    sel: (bits & SELECTED) !== 0,
    dim: (bits & DIMMED) !== 0,
    focus: (bits & FOCUS) !== 0,
  };
}

/** Sets feature-state on the link features whose state byte changed since the last call. */
function applyLinkStates(
  map: maplibregl.Map,
  scene: Scene,
  derived: Derived,
  applied: { current: Uint8Array | null },
): void {
  const next = derived.featureState;
  for (const fid of changedFeatures(applied.current, next)) {
    map.setFeatureState({ source: SOURCE, id: fid }, stateFor(next[fid] ?? 0));
  }
  applied.current = next;
}

/** Sets selection, partner tint and activity on states, city-state dots and places that changed. */
function applyRegionStates(
  map: maplibregl.Map,
  scene: Scene,
  derived: Derived,
  selection: string | null,
  applied: { current: Map<number, string> },
): void {
  const wanted = new Map<number, string>();
  scene.data.states.features.forEach((f, i) => {
    const id = f.properties.id;
    const tint = Math.min(derived.partnerTint.get(id) ?? 0, 3);
    const key = `${id === selection ? 1 : 0}|${tint}`;
    wanted.set(i, key);
    if (applied.current.get(i) === key) return;
    const state = { selected: id === selection, tint };
    map.setFeatureState({ source: SOURCE, id: FID.state(i) }, state);
    if (CITY_STATES.includes(id))
      map.setFeatureState({ source: SOURCE, id: FID.cityState(i) }, state);
  });
  scene.data.places.features.forEach((f, i) => {
    const id = f.properties.id;
    const active = derived.activeRegions.has(id);
    const key = `${id === selection ? 1 : 0}|${active ? 1 : 0}`;
    wanted.set(1000 + i, key);
    if (applied.current.get(1000 + i) !== key)
      map.setFeatureState(
        { source: SOURCE, id: FID.place(i) },
        { selected: id === selection, active },
      );
  });
  applied.current = wanted;
}

export function MapView(props: MapViewProps) {
  injectFault('map');
  const {
    scene,
    derived,
    selection,
    hover,
    lang,
    theme,
    present,
    onSelect,
    onReady,
    onWebglMissing,
    camera,
    onCamera,
  } = props;
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  /** The map once its style is loaded (its sources exist; tiles may still be on their way). */
  const [loadedMap, setLoadedMap] = useState<maplibregl.Map | null>(null);
  const loaded = loadedMap !== null;
  const [tip, setTip] = useState<Tip | null>(null);
  const appliedState = useRef<Uint8Array | null>(null);
  /** Theme and projector mode the map's paint properties currently show. */
  const painted = useRef<{ theme: Theme; present: boolean } | null>(null);
  const appliedRegions = useRef<Map<number, string>>(new Map());
  const handlers = useRef({ onSelect, onReady, lang, derived, onCamera, selection });
  useLayoutEffect(() => {
    handlers.current = { onSelect, onReady, lang, derived, onCamera, selection };
  });

  // Create the map once per scene, before the first paint (a layout effect), so that MapLibre
  // starts loading its sources as early as possible.
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: el,
        style: buildStyle(scene, { theme, present }),
        bounds: GERMANY_BOUNDS,
        fitBoundsOptions: { padding: 12 },
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        maxZoom: 11,
        minZoom: 3.5,
        renderWorldCopies: false,
        fadeDuration: 0,
        canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
        locale: { 'Map.Title': STRINGS[lang].mapLabel },
      });
    } catch {
      onWebglMissing();
      return;
    }
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    mapRef.current = map;
    painted.current = null;
    // A handle for the end-to-end tests (to find the pixel of a place); not an API.
    (el as HTMLDivElement & { maplibreMap?: maplibregl.Map }).maplibreMap = map;
    appliedState.current = null;
    appliedRegions.current = new Map();
    // The first complete frame already shows the links, the selection and the labels: states
    // are set and the label markers made as soon as the style (and so its sources) exists,
    // while the worker still cuts the tiles, not in the busy frame after they arrive.
    map.once('style.load', () => {
      const h = handlers.current;
      applyLinkStates(map, scene, h.derived, appliedState);
      applyRegionStates(map, scene, h.derived, h.selection, appliedRegions);
      setLoadedMap(map);
    });
    map.once('idle', () => handlers.current.onReady());
    const reportCamera = () => {
      const c = map.getCenter();
      const b = map.getBounds();
      handlers.current.onCamera(
        [c.lng, c.lat, map.getZoom()],
        [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      );
    };
    map.on('moveend', reportCamera);
    map.once('load', reportCamera);

    const pick = (p: maplibregl.PointLike): MapGeoJSONFeature | null => {
      const pt = maplibregl.Point.convert(p);
      const box: [maplibregl.PointLike, maplibregl.PointLike] = [
        [pt.x - 5, pt.y - 5],
        [pt.x + 5, pt.y + 5],
      ];
      const features = map.queryRenderedFeatures(box, { layers: INTERACTIVE });
      // Links and hubs that are hidden by time or filters do not count.
      const state = appliedState.current;
      const live = features.filter((f) => {
        if (isLink(f)) {
          const bits = state?.[Number(f.id)] ?? 0;
          return (bits & SHOWN) !== 0 && (bits & DIMMED) === 0;
        }
        return true;
      });
      live.sort((a, b) => PICK_ORDER.indexOf(kindOf(a)) - PICK_ORDER.indexOf(kindOf(b)));
      // Among links, prefer the one nearest the pointer: query the exact point first.
      if (live[0]?.layer.id === LAYER.lines) {
        const exact = map
          .queryRenderedFeatures(pt, { layers: [LAYER.lines] })
          .filter((f) => ((state?.[Number(f.id)] ?? 0) & SHOWN) !== 0);
        if (exact[0]) return exact[0];
      }
      return live[0] ?? null;
    };
    const targetOf = (f: MapGeoJSONFeature): string | null => {
      const p = f.properties as Record<string, unknown>;
      if (isLink(f)) return String(p['cooperation']);
      return typeof p['id'] === 'string' ? p['id'] : null;
    };
    map.on('click', (e) => {
      const f = pick(e.point);
      handlers.current.onSelect(f ? targetOf(f) : null);
    });
    map.on('mousemove', (e) => {
      const f = pick(e.point);
      map.getCanvas().style.cursor = f ? 'pointer' : '';
      if (!f) {
        setTip(null);
        return;
      }
      const s = STRINGS[handlers.current.lang];
      const id = targetOf(f);
      const c = id ? scene.atlas.cooperationById.get(id) : undefined;
      if (c) {
        setTip({
          x: e.point.x,
          y: e.point.y,
          title: c.title[handlers.current.lang],
          detail: `${formatPartialDate(c.signed, handlers.current.lang)} · ${s.kind[c.kind]}`,
        });
        return;
      }
      const r = id ? scene.atlas.regions.get(id) : undefined;
      if (r) {
        const count = handlers.current.derived.partnerCounts.get(r.id);
        const own = handlers.current.derived.visible.filter((v) => v.regions.includes(r.id)).length;
        setTip({
          x: e.point.x,
          y: e.point.y,
          title: r.name[handlers.current.lang],
          detail:
            count !== undefined
              ? fill(s.partnerOf, { n: count })
              : own === 1
                ? s.visibleCountOne
                : fill(s.visibleCount, { n: own }),
        });
      }
    });
    map.on('mouseout', () => setTip(null));
    return () => {
      mapRef.current = null;
      setLoadedMap(null);
      map.remove();
    };
    // The map is created once per scene; theme and present are applied below without re-creating it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scene]);

  // The canvas's accessible name follows the language.
  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', STRINGS[lang].mapLabel);
  }, [lang, loaded]);

  // Theme and projector mode: repaint, never re-create; and only when they changed since the
  // style was built (a needless repaint costs a whole frame in software WebGL).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    const before = painted.current;
    painted.current = { theme, present };
    if (!before) return; // the style was built with these values
    const apply = (paints: Record<string, Record<string, unknown>>) => {
      for (const [layer, paint] of Object.entries(paints))
        for (const [prop, value] of Object.entries(paint))
          map.setPaintProperty(layer, prop as never, value as never);
    };
    if (before.theme !== theme) apply(themedPaint(theme));
    if (before.present !== present) apply(sizePaint(present));
  }, [theme, present, loaded]);

  // A camera command (scenes): move there, or back to all of Germany.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || camera.seq === 0) return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (camera.target) {
      const [lng, lat, zoom] = camera.target;
      map.easeTo({ center: [lng, lat], zoom, duration: reduced ? 0 : 700 });
    } else map.fitBounds(GERMANY_BOUNDS, { padding: 12, duration: reduced ? 0 : 700 });
  }, [camera, loaded]);

  // Link states: only the features whose state byte changed.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    applyLinkStates(map, scene, derived, appliedState);
  }, [derived, loaded, scene]);

  // Hover from the timeline or the panel.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || !hover) return;
    const parts = scene.geometry.parts.get(hover);
    if (!parts) return;
    for (const part of parts.lines)
      map.setFeatureState({ source: SOURCE, id: part.fid }, { hover: true });
    for (const part of parts.points)
      map.setFeatureState({ source: SOURCE, id: part.fid }, { hover: true });
    return () => {
      for (const part of parts.lines)
        map.setFeatureState({ source: SOURCE, id: part.fid }, { hover: false });
      for (const part of parts.points)
        map.setFeatureState({ source: SOURCE, id: part.fid }, { hover: false });
    };
  }, [hover, loaded, scene]);

  // Region states: selection and partner tint.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    applyRegionStates(map, scene, derived, selection, appliedRegions);
  }, [derived, selection, loaded, scene]);

  // A selected cooperation: fit the map to its partners.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || !selection) return;
    const c = scene.atlas.cooperationById.get(selection);
    if (!c) return;
    const points = c.regions.map((r) => scene.anchors.get(r)).filter((p) => p !== undefined);
    if (points.length === 0) return;
    const bounds = new maplibregl.LngLatBounds(points[0], points[0]);
    for (const p of points) bounds.extend(p);
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const padding = present ? { top: 80, bottom: 260, left: 80, right: 80 } : 80;
    map.fitBounds(bounds, { padding, maxZoom: present ? 6.6 : 7.5, duration: reduced ? 0 : 600 });
  }, [selection, loaded, scene, present]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" />
      <PairBadges map={loadedMap} scene={scene} derived={derived} lang={lang} />
      <RegionLabels
        map={loadedMap}
        loaded={loaded}
        scene={scene}
        lang={lang}
        selection={selection}
        onSelect={onSelect}
        derived={derived}
      />
      {tip && (
        <div className="map-tip" role="tooltip" style={{ left: tip.x + 14, top: tip.y + 14 }}>
          <strong>{tip.title}</strong>
          <span>{tip.detail}</span>
        </div>
      )}
    </div>
  );
}

interface LabelProps {
  map: maplibregl.Map | null;
  loaded: boolean;
  scene: Scene;
  lang: Lang;
  selection: string | null;
  derived: Derived;
  onSelect: (id: string | null) => void;
}

/**
 * Labels for the Länder, the cities and the Bund as HTML markers (no glyph server needed).
 * Each is a button, so every region is reachable by keyboard.
 */
function RegionLabels({ map, loaded, scene, lang, selection, derived, onSelect }: LabelProps) {
  const markers = useRef<Map<string, { marker: maplibregl.Marker; el: HTMLButtonElement }>>(
    new Map(),
  );
  const onSelectRef = useRef(onSelect);
  useLayoutEffect(() => {
    onSelectRef.current = onSelect;
  });

  // Where two shown labels would overlap, the lower-ranked one fades out (it stays in the tab
  // order and shows when focused). Measured after a move and when texts or states change.
  const declutterLabels = useCallback(() => {
    const boxes: LabelBox[] = [];
    for (const [id, { el }] of markers.current) {
      const r = el.getBoundingClientRect();
      const region = scene.atlas.regions.get(id);
      if (r.width === 0 || !region) continue;
      const state = {
        selected: el.classList.contains('is-selected'),
        partner: el.classList.contains('is-partner'),
      };
      const priority = labelPriority(region.kind, state);
      boxes.push({ id, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, priority });
    }
    const hidden = declutter(boxes);
    for (const [id, { el }] of markers.current)
      el.classList.toggle('is-overlapped', hidden.has(id));
  }, [scene]);

  useEffect(() => {
    if (!map || !loaded) return;
    const made = new Map<string, { marker: maplibregl.Marker; el: HTMLButtonElement }>();
    const usedRegions = new Set(scene.atlas.cooperations.flatMap((c) => c.regions));
    for (const region of scene.atlas.regions.values()) {
      if (region.kind !== 'state' && region.kind !== 'federal' && !usedRegions.has(region.id))
        continue;
      const at = scene.anchors.get(region.id);
      if (!at) continue;
      const el = document.createElement('button');
      el.type = 'button';
      el.className = `region-label region-${region.kind}`;
      el.dataset['region'] = region.id;
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        onSelectRef.current(region.id);
      });
      const marker = new maplibregl.Marker({
        element: el,
        anchor: region.kind === 'state' || region.kind === 'federal' ? 'center' : 'left',
        offset: region.kind === 'state' || region.kind === 'federal' ? [0, 0] : [7, 0],
      })
        .setLngLat(at)
        .addTo(map);
      made.set(region.id, { marker, el });
    }
    markers.current = made;
    const onMoved = () => declutterLabels();
    map.on('moveend', onMoved);
    map.on('resize', onMoved);
    const zoomClass = () => {
      const z = map.getZoom();
      map.getContainer().classList.toggle('zoom-far', z < 4.9);
      map.getContainer().classList.toggle('zoom-near', z >= 6.6);
    };
    zoomClass();
    map.on('zoom', zoomClass);
    return () => {
      map.off('zoom', zoomClass);
      map.off('moveend', onMoved);
      map.off('resize', onMoved);
      for (const { marker } of made.values()) marker.remove();
      markers.current = new Map();
    };
  }, [map, loaded, scene, declutterLabels]);

  // Texts and states of the labels (language, selection, partner tint). The DOM is touched only
  // where something changed, so scrubbing the timeline costs (almost) nothing here.
  const rendered = useRef(new Map<string, string>());
  useEffect(() => {
    if (!loaded) rendered.current.clear();
    const s = STRINGS[lang];
    // Only text, selection and partnership change a label's size or visibility; the timeline
    // changes activity and counts on every step, which need no new collision pass.
    let relaidOut = false;
    for (const [id, { el }] of markers.current) {
      const region = scene.atlas.regions.get(id);
      if (!region) continue;
      const count = derived.partnerCounts.get(id);
      const active = derived.activeRegions.has(id);
      const layout = `${lang}|${selection === id}|${count !== undefined}|`;
      const key = `${layout}${count ?? ''}|${active}`;
      const before = rendered.current.get(id);
      if (before === key && el.firstChild) continue;
      rendered.current.set(id, key);
      if (!before?.startsWith(layout) || !el.firstChild) relaidOut = true;
      const name = region.kind === 'federal' ? s.bund : region.name[lang];
      el.replaceChildren();
      // Name and abbreviation are both in the accessible name; CSS shows one of them (by zoom),
      // so the visible text is always part of the name (WCAG 2.5.3).
      const full = document.createElement('span');
      full.className = 'label-full';
      full.textContent = region.kind === 'federal' ? (lang === 'de' ? 'Bund' : 'Federal') : name;
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
        extra.textContent = `: ${fill(s.partnerOf, { n: count })}`;
        el.append(extra);
      }
      el.setAttribute('aria-pressed', String(selection === id));
      el.classList.toggle('is-selected', selection === id);
      el.classList.toggle('is-partner', count !== undefined);
      el.classList.toggle('is-active', active);
    }
    if (relaidOut) declutterLabels();
  }, [lang, selection, derived, scene, loaded, map, declutterLabels]);

  return null;
}

/** Count badges where several arcs join the same two partners (HTML markers: no glyphs needed). */
function PairBadges({
  map,
  scene,
  derived,
  lang,
}: {
  map: maplibregl.Map | null;
  scene: Scene;
  derived: Derived;
  lang: Lang;
}) {
  const markers = useRef<
    Map<string, { marker: maplibregl.Marker; el: HTMLSpanElement; text: string }>
  >(new Map());
  useEffect(() => {
    if (!map) return;
    const wanted = pairBadges(scene.geometry, derived.featureState);
    const seen = new Set<string>();
    for (const b of wanted) {
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
        .map((id) => scene.atlas.regions.get(id ?? '')?.name[lang] ?? id);
      m.el.title = `${a} – ${c}: ${fill(STRINGS[lang].visibleCount, { n: b.count })}`;
    }
    for (const [key, m] of markers.current)
      if (!seen.has(key)) {
        m.marker.remove();
        markers.current.delete(key);
      }
  }, [map, scene, derived, lang]);
  useEffect(
    () => () => {
      for (const m of markers.current.values()) m.marker.remove();
      markers.current.clear();
    },
    [map],
  );
  return null;
}
