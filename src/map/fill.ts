/**
 * The map's sources after the first frame. The first source (SOURCE) starts with just what the
 * start view draws zoomed out (`later` marks the overview fids left out, map/style.ts); NEAR (the
 * near level) and the detail start empty. Each is completed or filled once, when first needed:
 *
 * - SOURCE gets the rest of the far level at the first sign of use (a pointer, a key, a wheel, a
 *   touch) or when a view draws what the start view left out (`follow`, on every change of the
 *   view); not at idle, since a page that is only looked at never needs it.
 * - NEAR is filled when the map is zoomed in towards the near level (NEAR_FILL_ZOOM), the only
 *   place its features are drawn; its layers are not drawn below that zoom.
 * - The detail only when a view (a selection, diff mode) draws it, and its layers are shown only
 *   while one does. A cooperation hovered elsewhere is drawn from a source of its own features.
 *
 * Before, the near level and the detail were filled at the first sign of use: at 10 000
 * cooperations that kept MapLibre's worker busy for seconds cutting ~50 000 features that the
 * overview zoomed out never shows, competing with the main thread while the user scrubbed.
 */
import type * as maplibregl from 'maplibre-gl';
import type { AtlasModel } from '../model/atlas-model.ts';
import { featureStateOf, NEAR_FILL_ZOOM } from '../style/link-style.ts';
import { DETAIL, HOVER, NEAR, SOURCE } from './layers.ts';
import type { Derived } from '../view/derive.ts';
import {
  atlasFeatures,
  detailFeatures,
  drawsLater,
  nearFeatures,
  nearFids,
  previewFeatures,
  type FirstView,
} from './style.ts';

export interface Fill {
  /** The source an overview feature lives in now (states go there). */
  sourceOf(fid: number): string;
  /**
   * Fills what a view needs: the rest of the far level once it draws what the start view left
   * out, the detail once something is selected; shows the detail's layers while the view draws
   * them. Cheap once everything is filled (every date step calls it).
   */
  follow(view: FirstView & Pick<Derived, 'overview'>): void;
  /**
   * Draws a cooperation hovered elsewhere (panel, timeline) from the hover source, with the look
   * of its detail `states` and hovered; `null` clears it.
   */
  preview(id: string | null, states: Uint8Array | null): void;
  /** Removes the listeners. */
  stop(): void;
}

export interface FillEvents {
  /** The detail source has its data (to set its states). */
  onDetail(): void;
  /** These overview fids moved from NEAR to SOURCE (to set their states there). */
  onMoved(fids: number[]): void;
}

const INTENT = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function createFill(
  m: maplibregl.Map,
  model: AtlasModel,
  later: Uint8Array,
  start: FirstView,
  events: FillEvents,
): Fill {
  const nearOnly = nearFids(model);
  /** Which overview fids live in NEAR now: `later` until the far level is complete. */
  let inNear = later;
  const filled = { far: false, near: false, detail: false };
  const setData = (source: string, data: unknown) =>
    (m.getSource(source) as maplibregl.GeoJSONSource).setData(data as never);
  const far = () => {
    if (filled.far) return;
    filled.far = true;
    stop();
    const moved: number[] = [];
    for (let fid = 0; fid < later.length; fid++) if (later[fid] && !nearOnly[fid]) moved.push(fid);
    inNear = nearOnly;
    if (moved.length === 0) return;
    setData(SOURCE, atlasFeatures(model, nearOnly, start));
    events.onMoved(moved);
  };
  const near = () => {
    if (filled.near) return;
    far();
    filled.near = true;
    setData(NEAR, nearFeatures(model, nearOnly, start));
  };
  const detail = () => {
    if (filled.detail) return;
    filled.detail = true;
    setData(DETAIL, detailFeatures(model));
    events.onDetail();
  };
  const onZoom = () => {
    if (!filled.near && m.getZoom() >= NEAR_FILL_ZOOM) near();
  };
  // Whether the detail's layers are shown (the style starts them hidden).
  let shown = false;
  const show = (on: boolean) => {
    if (on) detail();
    if (on === shown) return;
    shown = on;
    for (const id of m.getLayersOrder())
      if (m.getLayer(id)?.source === DETAIL)
        m.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
  };
  const follow = (view: FirstView & Pick<Derived, 'overview'>) => {
    if (!filled.far && drawsLater(model, later, view)) far();
    onZoom();
    show(!view.overview);
  };
  const preview = (id: string | null, states: Uint8Array | null) => {
    const data = id ? previewFeatures(model, id) : { type: 'FeatureCollection', features: [] };
    setData(HOVER, data);
    for (const f of data.features) {
      const fid = (f as { properties: { fid: number } }).properties.fid;
      m.setFeatureState(
        { source: HOVER, id: fid },
        { ...featureStateOf(states?.[fid] ?? 0), hover: true },
      );
    }
  };
  function stop() {
    for (const type of INTENT) window.removeEventListener(type, far, true);
  }
  for (const type of INTENT) window.addEventListener(type, far, { capture: true, passive: true });
  m.on('zoom', onZoom);
  return {
    sourceOf: (fid) => (inNear[fid] ? NEAR : SOURCE),
    follow,
    preview,
    stop,
  };
}
