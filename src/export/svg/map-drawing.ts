/**
 * The map drawn into a box: its layer (states, links, hubs, places) and its labels, from the
 * view and the page's colours — as the exported page, each storyboard cell and each video frame
 * draw it. Pure.
 */
import type { Level } from '../../geo/overview.ts';
import type { AtlasModel } from '../../model/atlas-model.ts';
import type { Derived } from '../../view/derive.ts';
import type { Box } from '../../view/labels.ts';
import type { UrlView } from '../../view/view-state.ts';
import { labels } from './labels.ts';
import { mapLayer, type MapLayer } from './map-layer.ts';
import type { Sheet } from './sheet.ts';

export interface MapDrawingInput {
  model: AtlasModel;
  derived: Derived;
  view: Pick<UrlView, 'select' | 'lang' | 'theme'>;
  box: Box;
  bounds: [number, number, number, number] | undefined;
  level: Level;
  /** Layout unit and line width factor of the map. */
  u: number;
  w: number;
  /** Layout unit of the labels (default: the map's). */
  labelU?: number;
  /** Prefix of the element ids (several maps on one page). */
  idPrefix?: string;
  /** Name the Länder by their abbreviations (small maps). */
  abbreviate?: boolean;
}

export function mapDrawing(
  sheet: Sheet,
  input: MapDrawingInput,
): { layer: MapLayer; labels: string[] } {
  const { model, derived, view, box, level, u } = input;
  const prefix = input.idPrefix === undefined ? {} : { idPrefix: input.idPrefix };
  const layer = mapLayer({
    model,
    derived,
    select: view.select,
    lang: view.lang,
    colours: sheet.c,
    topicColours: sheet.topicColours,
    box,
    bounds: input.bounds,
    level,
    u,
    w: input.w,
    ...prefix,
  });
  const labelParts = labels({
    model,
    layer,
    derived,
    level,
    colours: sheet.c,
    select: view.select,
    partners: new Set(derived.partnerCounts.keys()),
    lang: view.lang,
    pc: sheet.pc,
    theme: view.theme,
    box,
    u: input.labelU ?? u,
    ...prefix,
    ...(input.abbreviate ? { abbreviate: true } : {}),
  });
  return { layer, labels: labelParts };
}
