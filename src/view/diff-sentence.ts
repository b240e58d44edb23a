/**
 * The sentence that sums up a diff, in German and English: the numbers from the diff, the words
 * from the string table, plurals by Intl.PluralRules, lists by Intl.ListFormat, dates in long
 * form. "Zwischen 1. Januar 2019 und 1. Januar 2023: 14 neue Kooperationen und 3 beendete; die
 * meisten neuen Beteiligungen: Bayern (+5)." Pure.
 */
import type { Region } from '../data/atlas.ts';
import type { Lang } from '../data/model.ts';
import { formatLongDay, formatNumber } from '../i18n/format.ts';
import { fill, STRINGS } from '../i18n/strings.ts';
import { regionName } from '../i18n/text.ts';
import { topGainers, type Diff } from './diff.ts';

/** Gainers named in full before the rest is summed up ("… und 2 weitere"). */
const NAMED = 3;

const LIST: Record<Lang, Intl.ListFormat> = {
  de: new Intl.ListFormat('de-DE', { type: 'conjunction' }),
  en: new Intl.ListFormat('en-GB', { type: 'conjunction' }),
};
const PLURAL: Record<Lang, Intl.PluralRules> = {
  de: new Intl.PluralRules('de-DE'),
  en: new Intl.PluralRules('en-GB'),
};

export function diffSentence(
  diff: Pick<Diff, 'from' | 'to' | 'added' | 'ended' | 'gains'>,
  lang: Lang,
  regions: ReadonlyMap<string, Region>,
): string {
  const s = STRINGS[lang];
  const added = diff.added.length;
  const ended = diff.ended.length;
  let changes: string;
  if (added === 0 && ended === 0) changes = s.diffNone;
  else {
    changes = fill(s.diffCounts, {
      added: added === 0 ? s.diffAddedZero : fill(s.diffAdded, { n: formatNumber(added, lang) }),
      ended: ended === 0 ? s.diffEndedZero : fill(s.diffEnded, { n: formatNumber(ended, lang) }),
      // "1 neue Kooperation und 3 beendete", "keine neuen Kooperationen und 1 beendete".
      noun: PLURAL[lang].select(added) === 'one' ? s.diffNoun.one : s.diffNoun.other,
    });
    const top = topGainers(diff);
    if (top.count > 0) {
      const names = top.regions.map((id) => regionName(regions.get(id), lang, id));
      const shown =
        names.length > NAMED + 1
          ? [...names.slice(0, NAMED), fill(s.diffMore, { n: names.length - NAMED })]
          : names;
      const n = `+${formatNumber(top.count, lang)}`;
      changes += `; ${fill(s.diffGains, {
        who: LIST[lang].format(shown),
        n: names.length > 1 ? fill(s.diffGainsEach, { n }) : n,
      })}`;
    }
  }
  return `${fill(s.diffBetween, {
    from: formatLongDay(diff.from, lang),
    to: formatLongDay(diff.to, lang),
    changes,
  })}.`;
}
