/** The map's tooltip text for what is under the pointer. Pure. */
import type { Lang } from '../data/model.ts';
import { formatPartialDate } from '../i18n/format.ts';
import { STRINGS } from '../i18n/strings.ts';
import { countText, plural, regionName } from '../i18n/text.ts';
import type { AtlasModel } from '../model/atlas-model.ts';
import type { Derived } from '../view/derive.ts';

export interface TipText {
  title: string;
  detail: string;
}

/** For a cooperation: its title, date and kind; for a region: its name and count. */
export function tipFor(
  id: string,
  model: Pick<AtlasModel, 'atlas'>,
  derived: Pick<Derived, 'partnerCounts' | 'visible'>,
  lang: Lang,
): TipText | null {
  const s = STRINGS[lang];
  const c = model.atlas.cooperationById.get(id);
  if (c)
    return {
      title: c.title[lang],
      detail: `${formatPartialDate(c.signed, lang)} · ${s.kind[c.kind]}`,
    };
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
