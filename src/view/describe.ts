/**
 * A view in words, for the exports' title block and the citation: the date line, the name of
 * the selection, and the whole view in one line. Pure.
 */
import { formatLongDay } from '../i18n/format.ts';
import { fill, modeLabel, STRINGS } from '../i18n/strings.ts';
import { regionName } from '../i18n/text.ts';
import { pairOf, type AtlasModel } from '../model/atlas-model.ts';
import { isRangeMode } from '../time/in-force.ts';
import type { UrlView } from './view-state.ts';

/**
 * "Stand: 11. Dezember 2020", or the two dates "1. Januar 2020 – 11. Dezember 2020" in the range
 * modes (signed, diff).
 */
export function dateLine(view: Pick<UrlView, 'mode' | 'date' | 'from' | 'lang'>): string {
  if (isRangeMode(view.mode))
    return `${formatLongDay(view.from, view.lang)} – ${formatLongDay(view.date, view.lang)}`;
  return fill(STRINGS[view.lang].exportAsOf, { date: formatLongDay(view.date, view.lang) });
}

/** The selected cooperation's title, region's name or pair's two names; null without one. */
export function selectionName(
  model: Pick<AtlasModel, 'atlas'>,
  view: Pick<UrlView, 'select' | 'lang'>,
): string | null {
  if (!view.select) return null;
  const c = model.atlas.cooperationById.get(view.select);
  if (c) return c.title[view.lang];
  const r = model.atlas.regions.get(view.select);
  if (r) return regionName(r, view.lang);
  const pair = pairOf(model, view.select);
  if (!pair) return null;
  const [a, b] = pair.map((id) => regionName(model.atlas.regions.get(id), view.lang, id));
  return fill(STRINGS[view.lang].panelPairOf, { a: a!, b: b! });
}

/** "In Kraft am Stichtag, Stand: 2. Dezember 2026; Bayern; Themen: IT-Sicherheit & CERT". */
export function describeView(
  model: Pick<AtlasModel, 'atlas'>,
  view: Pick<UrlView, 'mode' | 'date' | 'from' | 'lang' | 'select' | 'topics' | 'kinds'>,
): string {
  const s = STRINGS[view.lang];
  const filters = [...view.topics.map((t) => s.topic[t]), ...view.kinds.map((k) => s.kind[k])];
  return [
    `${modeLabel(s, view.mode)}, ${dateLine(view)}`,
    selectionName(model, view),
    filters.length > 0 ? `${s.filters}: ${filters.join(', ')}` : null,
  ]
    .filter((x): x is string => x !== null)
    .join('; ');
}
