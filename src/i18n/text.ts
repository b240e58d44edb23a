/** Texts made from data: names of regions and counts with the right plural. Pure. */
import type { Region } from '../data/atlas.ts';
import type { Lang } from '../data/model.ts';
import { formatNumber } from './format.ts';
import { fill, STRINGS } from './strings.ts';

/** The two plural forms German and English need; `{n}` is the number. */
export interface Plural {
  one: string;
  other: string;
}

const RULES: Record<Lang, Intl.PluralRules> = {
  de: new Intl.PluralRules('de-DE'),
  en: new Intl.PluralRules('en-GB'),
};

export function plural(forms: Plural, n: number, lang: Lang): string {
  return fill(RULES[lang].select(n) === 'one' ? forms.one : forms.other, {
    n: formatNumber(n, lang),
  });
}

/** "1 Kooperation", "12 Kooperationen". */
export function countText(n: number, lang: Lang): string {
  return plural(STRINGS[lang].cooperations, n, lang);
}

/** A region's abbreviation (the Länder's two letters, "Bund" / "Fed."); else its name. */
export function regionAbbr(region: Region | undefined, lang: Lang, id = ''): string {
  if (!region) return id;
  return region.kind === 'federal' ? STRINGS[lang].bundAbbr : (region.abbr ?? region.name[lang]);
}

/** A region's name; the Bund is "Bund" / "Federal Government". Unknown ids stay as they are. */
export function regionName(region: Region | undefined, lang: Lang, id = ''): string {
  if (!region) return id;
  return region.kind === 'federal' ? STRINGS[lang].bund : region.name[lang];
}
