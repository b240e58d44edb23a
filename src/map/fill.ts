/**
 * The sources filled after the first frame: NEAR (the near level, and what the start view does
 * not draw; `later` marks its fids, map/style.ts) and the detail. Each is filled once, when first
 * needed: on the first sign of use (a pointer, a key, a wheel, a touch) — not at idle, since
 * filling is a long task of its own (~120 ms here) and a page that is only looked at never needs
 * them —, on zooming in, and when a view needs them (`follow`, on every change of the view) or
 * a hover from elsewhere needs the detail.
 */
import type * as maplibregl from 'maplibre-gl';
import type { AtlasModel } from '../model/atlas-model.ts';
import { NEAR_ZOOM } from '../style/link-style.ts';
import { DETAIL, NEAR } from './layers.ts';
import type { Derived } from '../view/derive.ts';
import { detailFeatures, drawsLater, nearFeatures, type FirstView } from './style.ts';

export interface Fill {
  /** Which overview fids live in NEAR (1). */
  later: Uint8Array;
  near(): void;
  detail(): void;
  /**
   * Fills what a view needs: NEAR once it draws what the start view left there, the detail once
   * something is selected. Cheap once both are filled (every date step calls it).
   */
  follow(view: FirstView & Pick<Derived, 'overview'>): void;
  /** Removes the listeners. */
  stop(): void;
}

const INTENT = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** `onDetail` runs once the detail source has its data (to set its states). */
export function createFill(
  m: maplibregl.Map,
  model: AtlasModel,
  later: Uint8Array,
  start: FirstView,
  onDetail: () => void,
): Fill {
  const filled = { near: false, detail: false };
  const setData = (source: string, data: unknown) =>
    (m.getSource(source) as maplibregl.GeoJSONSource).setData(data as never);
  const near = () => {
    if (filled.near) return;
    filled.near = true;
    setData(NEAR, nearFeatures(model, later, start));
  };
  const detail = () => {
    if (filled.detail) return;
    filled.detail = true;
    setData(DETAIL, detailFeatures(model));
    onDetail();
  };
  const follow = (view: FirstView & Pick<Derived, 'overview'>) => {
    if (!filled.near && drawsLater(model, later, view)) near();
    if (!view.overview) detail();
  };
  const onIntent = () => {
    stop();
    near();
    detail();
  };
  const onZoom = () => {
    if (m.getZoom() >= NEAR_ZOOM - 0.5) near();
  };
  function stop() {
    for (const type of INTENT) window.removeEventListener(type, onIntent, true);
  }
  for (const type of INTENT)
    window.addEventListener(type, onIntent, { capture: true, passive: true });
  m.on('zoom', onZoom);
  return { later, near, detail, follow, stop };
}
