/**
 * The MapLibre map. React owns the container; MapLibre owns the canvas. The map is created once
 * per dataset; view changes only set feature-state on the features that changed (map/sync.ts).
 * While it exists it offers its camera to the rest of the app as the MapHandle.
 */
import { useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './map.css';
import { GERMANY_BOUNDS } from '../geo/anchors.ts';
import { STRINGS } from '../i18n/strings.ts';
import { select } from '../view/actions.ts';
import { useAct, useAtlas, useDerived, useView, type Camera } from '../ui/atlas-context.tsx';
import { PairBadges } from './PairBadges.tsx';
import { pick, targetOf } from './picking.ts';
import { RegionLabels } from './RegionLabels.tsx';
import { buildStyle, SOURCE, sizePaint, themedPaint } from './style.ts';
import { syncLinks, syncRegions, type FeatureStateSink } from './sync.ts';
import { tipFor, type TipText } from './tooltip.ts';

export interface MapViewProps {
  /** Called once, after the first complete frame. */
  onReady: () => void;
  onWebglMissing: () => void;
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const FIT_PADDING = 12;

export function MapView({ onReady, onWebglMissing }: MapViewProps) {
  const env = useAtlas();
  const { model } = env;
  const derived = useDerived();
  const selection = useView((v) => v.select);
  const hover = useView((v) => v.hover);
  const lang = useView((v) => v.lang);
  const theme = useView((v) => v.theme);
  const present = useView((v) => v.present);
  const act = useAct();

  const container = useRef<HTMLDivElement>(null);
  /** The map once its style is loaded (its sources exist; tiles may still be on their way). */
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [tip, setTip] = useState<(TipText & { x: number; y: number }) | null>(null);
  const appliedLinks = useRef<Uint8Array | null>(null);
  const appliedRegions = useRef<Map<number, string>>(new Map());
  /** Theme and projector mode the map's paint properties currently show. */
  const painted = useRef<{ theme: typeof theme; present: boolean } | null>(null);

  const latest = useEffectEvent(() => ({ derived, selection, lang, theme, present }));
  const ready = useEffectEvent(() => onReady());
  const webglMissing = useEffectEvent(() => onWebglMissing());
  const choose = useEffectEvent((id: string | null) => act(select(id)));

  // Create the map once per dataset, before the first paint (a layout effect), so that
  // MapLibre starts loading its sources as early as possible.
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const initial = latest();
    let m: maplibregl.Map;
    try {
      m = new maplibregl.Map({
        container: el,
        style: buildStyle(model, { theme: initial.theme, present: initial.present }),
        bounds: GERMANY_BOUNDS,
        fitBoundsOptions: { padding: FIT_PADDING },
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        maxZoom: 11,
        minZoom: 3.5,
        renderWorldCopies: false,
        fadeDuration: 0,
        canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
        locale: { 'Map.Title': STRINGS[initial.lang].mapLabel },
      });
    } catch {
      webglMissing();
      return;
    }
    m.touchZoomRotate.disableRotation();
    m.keyboard.disableRotation();
    painted.current = { theme: initial.theme, present: initial.present };
    appliedLinks.current = null;
    appliedRegions.current = new Map();
    // A handle for the end-to-end tests (to find the pixel of a place); not an API.
    (el as HTMLDivElement & { maplibreMap?: maplibregl.Map }).maplibreMap = m;
    const sink: FeatureStateSink = {
      setFeatureState: (id, state) => m.setFeatureState({ source: SOURCE, id }, state),
    };
    // The first complete frame already shows the links, the selection and the labels: states
    // are set as soon as the style (and so its source) exists, while the worker cuts the tiles.
    m.once('style.load', () => {
      const now = latest();
      appliedLinks.current = syncLinks(sink, null, now.derived.featureState);
      appliedRegions.current = syncRegions(sink, model, now.derived, now.selection, new Map());
      setMap(m);
    });
    m.once('idle', () => ready());
    env.map.set({
      camera: () => {
        const c = m.getCenter();
        return [c.lng, c.lat, m.getZoom()];
      },
      visibleBox: () => {
        const b = m.getBounds();
        return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
      },
      moveTo: (camera: Camera | null) => {
        const duration = reducedMotion() ? 0 : 700;
        if (camera) m.easeTo({ center: [camera[0], camera[1]], zoom: camera[2], duration });
        else m.fitBounds(GERMANY_BOUNDS, { padding: FIT_PADDING, duration });
      },
    });
    const stateOf = (fid: number) => appliedLinks.current?.[fid] ?? 0;
    m.on('click', (e) => {
      const f = pick(m, e.point, stateOf);
      choose(f ? targetOf(f) : null);
    });
    m.on('mousemove', (e) => {
      const f = pick(m, e.point, stateOf);
      m.getCanvas().style.cursor = f ? 'pointer' : '';
      const id = f ? targetOf(f) : null;
      const text = id ? tipFor(id, model, latest().derived, latest().lang) : null;
      setTip(text ? { ...text, x: e.point.x, y: e.point.y } : null);
    });
    m.on('mouseout', () => setTip(null));
    return () => {
      env.map.set(null);
      setMap(null);
      m.remove();
    };
  }, [model, env]);

  // The canvas's accessible name follows the language.
  useEffect(() => {
    map?.getCanvas().setAttribute('aria-label', STRINGS[lang].mapLabel);
  }, [map, lang]);

  // Theme and projector mode: repaint, never re-create; and only when they changed since the
  // style was built (a needless repaint costs a whole frame in software WebGL).
  useEffect(() => {
    const before = painted.current;
    if (!map || !before) return;
    painted.current = { theme, present };
    const apply = (paints: Record<string, Record<string, unknown>>) => {
      for (const [layer, paint] of Object.entries(paints))
        for (const [prop, value] of Object.entries(paint))
          map.setPaintProperty(layer, prop as never, value as never);
    };
    if (before.theme !== theme) apply(themedPaint(theme));
    if (before.present !== present) apply(sizePaint(present));
  }, [map, theme, present]);

  // Feature states: only the features whose state changed.
  useEffect(() => {
    if (!map) return;
    const sink: FeatureStateSink = {
      setFeatureState: (id, state) => map.setFeatureState({ source: SOURCE, id }, state),
    };
    appliedLinks.current = syncLinks(sink, appliedLinks.current, derived.featureState);
    appliedRegions.current = syncRegions(sink, model, derived, selection, appliedRegions.current);
  }, [map, model, derived, selection]);

  // A cooperation hovered elsewhere (timeline, panel): drawn emphasised.
  useEffect(() => {
    if (!map || !hover) return;
    const parts = model.geometry.parts.get(hover);
    if (!parts) return;
    const fids = [...parts.lines, ...parts.points].map((p) => p.fid);
    for (const id of fids) map.setFeatureState({ source: SOURCE, id }, { hover: true });
    return () => {
      for (const id of fids) map.setFeatureState({ source: SOURCE, id }, { hover: false });
    };
  }, [map, model, hover]);

  // A selected cooperation: fit the map to its partners.
  useEffect(() => {
    if (!map || !selection) return;
    const c = model.atlas.cooperationById.get(selection);
    if (!c) return;
    const points = c.regions.map((r) => model.anchors.get(r)).filter((p) => p !== undefined);
    if (points.length === 0) return;
    const bounds = new maplibregl.LngLatBounds(points[0], points[0]);
    for (const p of points) bounds.extend(p);
    const padding = present ? { top: 80, bottom: 260, left: 80, right: 80 } : 80;
    map.fitBounds(bounds, {
      padding,
      maxZoom: present ? 6.6 : 7.5,
      duration: reducedMotion() ? 0 : 600,
    });
  }, [map, model, selection, present]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" />
      <PairBadges map={map} model={model} derived={derived} lang={lang} />
      <RegionLabels
        map={map}
        model={model}
        lang={lang}
        selection={selection}
        derived={derived}
        onSelect={(id) => act(select(id))}
      />
      {tip && (
        <div className="map-tip" role="tooltip" style={{ left: tip.x + 14, top: tip.y + 14 }}>
          <strong>
            <bdi>{tip.title}</bdi>
          </strong>
          <span>{tip.detail}</span>
        </div>
      )}
    </div>
  );
}
