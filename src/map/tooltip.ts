/** The map's tooltip text for what is under the pointer. Pure. */
import type { Lang } from '../data/model.ts';
import { formatPartialDate } from '../i18n/format.ts';
import { STRINGS } from '../i18n/strings.ts';
import { countText, plural, regionName } from '../i18n/text.ts';
import { pairOf, type AtlasModel } from '../model/atlas-model.ts';
import { takesPart, type Derived } from '../view/derive.ts';

export interface TipText {
  title: string;
  detail: string;
}

/**
 * For a cooperation: its title, date and kind. For a pair: how many cooperations the two have
 * on their own (the line's width) and together with others. For a region: its name and count.
 */
export function tipFor(
  id: string,
  model: Pick<AtlasModel, 'atlas' | 'landOf'>,
  derived: Pick<Derived, 'partnerCounts' | 'visible'>,
  lang: Lang,
  /** For a pair line: the count its width shows (at the zoom level shown). */
  pairCount?: number,
): TipText | null {
  const s = STRINGS[lang];
  const c = model.atlas.cooperationById.get(id);
  if (c)
    return {
      title: c.title[lang],
      detail: `${formatPartialDate(c.signed, lang)} · ${s.kind[c.kind]}`,
    };
  const pair = pairOf(model, id);
  if (pair) {
    const [a, b] = pair;
    const shared = derived.visible.filter((v) => {
      const active = new Set(v.regions);
      return takesPart(active, a, model.landOf) && takesPart(active, b, model.landOf);
    }).length;
    const name = (r: string) => regionName(model.atlas.regions.get(r), lang, r);
    return {
      title: `${name(a)} – ${name(b)}`,
      detail: `${plural(s.pairOwn, pairCount ?? 0, lang)} · ${plural(s.pairShared, shared, lang)}`,
    };
  }
  const r = model.atlas.regions.get(id);
  if (!r) return null;
  const shared = derived.partnerCounts.get(r.id);
  return {
    title: regionName(r, lang),
    detail:
      shared !== undefined
        ? plural(s.partnerOf, shared, lang)
        : countText(derived.visible.filter((v) => v.regions.includes(r.id)).length, lang),
  };
}
