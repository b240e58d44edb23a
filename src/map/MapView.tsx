/**
 * The MapLibre map. React owns the container; MapLibre owns the canvas. The map is created once
 * per dataset; view changes only set feature-state on the features that changed (map/sync.ts).
 * While it exists it offers its camera to the rest of the app as the MapHandle.
 */
import { captionDock, fitPadding, type FrameMode } from '../view/layout.ts';
import { useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './map.css';
import { GERMANY_BOUNDS } from '../geo/anchors.ts';
import { STRINGS } from '../i18n/strings.ts';
import { select } from '../view/actions.ts';
import { useAct, useAtlas, useDerived, useView } from '../ui/atlas-context.tsx';
import type { Camera } from '../view/deck.ts';
import { PairBadges } from './PairBadges.tsx';
import { pick, targetOf } from './picking.ts';
import { RegionLabels } from './RegionLabels.tsx';
import { pairOf } from '../model/atlas-model.ts';
import { NEAR_ZOOM, PLACE_LOOK, STATE_BITS, startKey } from '../style/link-style.ts';
import { LocalBadges, NationwideBadge } from './OverviewBadges.tsx';
import { kindOf } from './picking.ts';
import { DETAIL, SOURCE } from './layers.ts';
import { applyPaint, overviewSinkOf, sinkOf } from './sinks.ts';
import { sizePaint, themedPaint } from './paint.ts';
import { createFill, type Fill } from './fill.ts';
import { buildStyle, firstView, laterFids } from './style.ts';
import {
  regionKeys,
  restateMoved,
  selectedRegions,
  syncLinks,
  syncPairs,
  syncRegions,
  type AppliedPairs,
} from './sync.ts';
import { tipFor, type TipText } from './tooltip.ts';

export interface MapViewProps {
  /** Called once, after the first complete frame. */
  onReady: () => void;
  onWebglMissing: () => void;
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function MapView({ onReady, onWebglMissing }: MapViewProps) {
  const env = useAtlas();
  const { model } = env;
  const derived = useDerived();
  const selection = useView((v) => v.select);
  const hover = useView((v) => v.hover);
  const lang = useView((v) => v.lang);
  const theme = useView((v) => v.theme);
  const present = useView((v) => v.present);
  const embed = useView((v) => v.embed);
  const act = useAct();

  const container = useRef<HTMLDivElement>(null);
  /** The map once its style is loaded (its sources exist; tiles may still be on their way). */
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [tip, setTip] = useState<(TipText & { x: number; y: number }) | null>(null);
  /** What the map shows now: detail states, overview states, pair counts, region states. */
  const appliedLinks = useRef<Uint8Array | null>(null);
  const appliedOverview = useRef<Uint8Array | null>(null);
  const appliedPairs = useRef<AppliedPairs | null>(null);
  const appliedRegions = useRef<Map<number, string>>(new Map());
  /** The sources filled after the first frame, when first needed (map/fill.ts). */
  const fill = useRef<Fill | null>(null);
  /** Theme and projector mode the map's paint properties currently show. */
  const painted = useRef<{ theme: typeof theme; present: boolean } | null>(null);
  /** Whether the map's framing leaves room for a docked caption (it was created framed so). */
  const framedDocked = useRef(false);

  const latest = useEffectEvent(() => ({ derived, selection, lang, theme, present, embed }));
  /** Padding that frames Germany beside the caption, if one is docked (view/layout.ts). */
  const paddingOf = (el: HTMLElement, mode: FrameMode & { selection: string | null }) =>
    fitPadding(
      mode,
      el.clientHeight,
      captionDock(mode, el.clientWidth, el.clientHeight, mode.selection !== null),
    );
  /** Set once the user moves the map: until then it keeps Germany framed when the frame resizes. */
  const userMoved = useRef(false);
  const ready = useEffectEvent(() => onReady());
  const webglMissing = useEffectEvent(() => onWebglMissing());
  const choose = useEffectEvent((id: string | null) => act(select(id)));

  // Create the map once per dataset, before the first paint (a layout effect), so that
  // MapLibre starts loading its sources as early as possible.
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const initial = latest();
    const later = laterFids(model, initial.derived);
    // The start view's look, carried by the first source's features (map/style.ts).
    const first = firstView(
      model,
      initial.derived,
      selectedRegions(initial.selection, initial.derived),
    );
    let m: maplibregl.Map;
    try {
      m = new maplibregl.Map({
        container: el,
        style: buildStyle(model, { theme: initial.theme, present: initial.present }, later, first),
        bounds: GERMANY_BOUNDS,
        fitBoundsOptions: { padding: paddingOf(el, initial) },
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        maxZoom: 11,
        minZoom: 3.5,
        renderWorldCopies: false,
        fadeDuration: 0,
        // Validated in the unit tests (style.test.ts); here it took ~35 ms before the first frame.
        validateStyle: false,
        canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
        locale: { 'Map.Title': STRINGS[initial.lang].mapLabel },
      });
    } catch {
      webglMissing();
      return;
    }
    m.touchZoomRotate.disableRotation();
    m.keyboard.disableRotation();
    userMoved.current = false;
    m.on('movestart', (e) => {
      if ((e as { originalEvent?: unknown }).originalEvent) userMoved.current = true;
    });
    // Until the user moves it, the map keeps Germany framed as its frame resizes (embeds).
    m.on('resize', () => {
      if (userMoved.current) return;
      m.fitBounds(GERMANY_BOUNDS, { padding: paddingOf(m.getContainer(), latest()), duration: 0 });
    });
    painted.current = { theme: initial.theme, present: initial.present };
    framedDocked.current = (initial.embed || initial.present) && initial.selection !== null;
    appliedLinks.current = null;
    appliedOverview.current = null;
    appliedPairs.current = null;
    appliedRegions.current = new Map();
    const f = createFill(m, model, later, first, {
      onDetail: () => {
        appliedLinks.current = syncLinks(sinkOf(m, DETAIL), null, latest().derived.featureState);
      },
      onMoved: (fids) =>
        restateMoved(sinkOf(m, SOURCE), fids, appliedOverview.current, appliedPairs.current),
    });
    fill.current = f;
    // A handle for the end-to-end tests (to find the pixel of a place); not an API.
    (el as HTMLDivElement & { maplibreMap?: maplibregl.Map }).maplibreMap = m;
    const atlasSink = sinkOf(m, SOURCE);
    const overviewSink = overviewSinkOf(m, f.sourceOf);
    // The first complete frame already shows the links, the selection and the labels: states
    // are set as soon as the style (and so its sources) exists, while the worker cuts the tiles.
    m.once('style.load', () => {
      const now = latest();
      // The first source's features carry the start view's look (style.ts withStart and
      // withRegionStart): only what changed since is set.
      appliedOverview.current = syncLinks(
        overviewSink,
        initial.derived.overviewState,
        now.derived.overviewState,
      );
      appliedPairs.current = syncPairs(
        overviewSink,
        initial.derived.pairCounts,
        now.derived.pairCounts,
      );
      appliedRegions.current = syncRegions(
        atlasSink,
        model,
        now.derived,
        selectedRegions(now.selection, now.derived),
        regionKeys(first.regions),
      );
      f.follow(now.derived);
      setMap(m);
    });
    m.once('idle', ready);
    // For hosts and tests: whether the map has drawn everything it was asked to (MapLibre's idle).
    const idle = (value: boolean) => () => {
      document.documentElement.dataset['mapIdle'] = String(value);
    };
    m.on('idle', idle(true));
    m.on('movestart', idle(false));
    m.on('sourcedataloading', idle(false));
    env.map.set({
      camera: () => {
        const c = m.getCenter();
        return [c.lng, c.lat, m.getZoom()];
      },
      visibleBox: () => {
        const b = m.getBounds();
        return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
      },
      zoom: () => m.getZoom(),
      moveTo: (camera: Camera | null) => {
        const duration = reducedMotion() ? 0 : 700;
        userMoved.current = camera !== null;
        if (camera) m.easeTo({ center: [camera[0], camera[1]], zoom: camera[2], duration });
        else
          m.fitBounds(GERMANY_BOUNDS, { padding: paddingOf(m.getContainer(), latest()), duration });
      },
    });
    /** Whether a link, pair or hub under the pointer is drawn now (not hidden, not dimmed). */
    const pairCount = (fid: number) =>
      (m.getZoom() >= NEAR_ZOOM ? appliedPairs.current?.near : appliedPairs.current?.far)?.[fid] ??
      0;
    const isDrawn = (f: maplibregl.MapGeoJSONFeature) => {
      const kind = kindOf(f);
      const fid = Number(f.id);
      if (kind === 'pair') return pairCount(fid) > 0;
      // A place is clicked only where it has a dot at this level (view/places.ts): its state
      // once set, else the start look it carries (map/style.ts).
      if (kind === 'place') {
        const level = m.getZoom() >= NEAR_ZOOM ? 'near' : 'far';
        const look = m.getFeatureState(f)[level] ?? f.properties[startKey(level)] ?? 0;
        return look !== PLACE_LOOK.hidden;
      }
      if (kind !== 'hub' && kind !== 'link') return true;
      const bits =
        (f.source === DETAIL ? appliedLinks.current : appliedOverview.current)?.[fid] ?? 0;
      const level = (f.properties as { Z?: string }).Z;
      if (level === (m.getZoom() >= NEAR_ZOOM ? 'far' : 'near')) return false;
      return (bits & STATE_BITS.shown) !== 0 && (bits & STATE_BITS.dim) === 0;
    };
    m.on('click', (e) => {
      const f = pick(m, e.point, isDrawn);
      choose(f ? targetOf(f) : null);
    });
    m.on('mousemove', (e) => {
      const f = pick(m, e.point, isDrawn);
      m.getCanvas().style.cursor = f ? 'pointer' : '';
      const id = f ? targetOf(f) : null;
      const count = f && kindOf(f) === 'pair' ? pairCount(Number(f.id)) : undefined;
      const text = id ? tipFor(id, model, latest().derived, latest().lang, count) : null;
      setTip(text ? { ...text, x: e.point.x, y: e.point.y } : null);
    });
    m.on('mouseout', () => setTip(null));
    return () => {
      f.stop();
      fill.current = null;
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
    const apply = (paints: Record<string, Record<string, unknown>>) => applyPaint(map, paints);
    if (before.theme !== theme) apply(themedPaint(theme));
    if (before.present !== present) {
      apply(sizePaint(present));
      if (!userMoved.current)
        map.fitBounds(GERMANY_BOUNDS, {
          padding: paddingOf(map.getContainer(), latest()),
          duration: 0,
        });
    }
  }, [map, theme, present, embed]);

  // Embeds and presentations: a caption docks beside the map when something is selected, and
  // Germany moves over to make room, so the caption never covers the selection.
  // Only a change: the map was created framed for the start, and an animation to where it already
  // is would repaint for 300 ms while its worker cuts the first tiles.
  const docked = (embed || present) && selection !== null;
  useEffect(() => {
    if (!map || userMoved.current || framedDocked.current === docked) return;
    framedDocked.current = docked;
    map.fitBounds(GERMANY_BOUNDS, {
      padding: paddingOf(map.getContainer(), latest()),
      duration: reducedMotion() ? 0 : 300,
    });
  }, [map, docked]);

  // Feature states: only the features whose state changed. A selection needs the detail source,
  // a view that draws what the start view left for later the NEAR source.
  useEffect(() => {
    const f = fill.current;
    if (!map || !f) return;
    document.documentElement.dataset['mapIdle'] = 'false';
    map.triggerRepaint();
    const atlasSink = sinkOf(map, SOURCE);
    const overviewSink = overviewSinkOf(map, f.sourceOf);
    appliedOverview.current = syncLinks(
      overviewSink,
      appliedOverview.current,
      derived.overviewState,
    );
    appliedPairs.current = syncPairs(overviewSink, appliedPairs.current, derived.pairCounts);
    appliedRegions.current = syncRegions(
      atlasSink,
      model,
      derived,
      selectedRegions(selection, derived),
      appliedRegions.current,
    );
    f.follow(derived);
    if (appliedLinks.current)
      appliedLinks.current = syncLinks(
        sinkOf(map, DETAIL),
        appliedLinks.current,
        derived.featureState,
      );
  }, [map, model, derived, selection]);

  // Hovered elsewhere (timeline, panel, matrix): a cooperation's own drawing, or a pair's line.
  useEffect(() => {
    const f = fill.current;
    if (!map || !f || !hover) return;
    const pair = pairOf(model, hover);
    if (!pair) {
      f.preview(hover, appliedLinks.current);
      return () => f.preview(null, null);
    }
    const id = model.overview.pairByKey.get(pair.join('|'))?.fid;
    if (id === undefined) return;
    const target = { source: f.sourceOf(id), id };
    map.setFeatureState(target, { hover: true });
    return () => map.setFeatureState(target, { hover: false });
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
    const frame = paddingOf(map.getContainer(), { present, embed, selection });
    const extra = embed ? 16 : 56;
    const padding = {
      top: frame.top + extra,
      bottom: frame.bottom + extra,
      left: frame.left + extra,
      right: frame.right + extra,
    };
    userMoved.current = true;
    map.fitBounds(bounds, {
      padding,
      maxZoom: present ? 6.6 : 7.5,
      duration: reducedMotion() ? 0 : 600,
    });
  }, [map, model, selection, present, embed]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" />
      {derived.overview ? (
        <>
          <LocalBadges map={map} model={model} derived={derived} lang={lang} />
          <NationwideBadge
            map={map}
            derived={derived}
            lang={lang}
            onSelect={(id) => act(select(id))}
          />
        </>
      ) : (
        <PairBadges map={map} model={model} derived={derived} lang={lang} />
      )}
      <RegionLabels
        map={map}
        model={model}
        lang={lang}
        selection={selection}
        derived={derived}
        onSelect={(id) => act(select(id))}
      />
      {tip && (
        <div className="tip map-tip" role="tooltip" style={{ left: tip.x + 14, top: tip.y + 14 }}>
          <strong>
            <bdi>{tip.title}</bdi>
          </strong>
          <span>{tip.detail}</span>
        </div>
      )}
    </div>
  );
}
