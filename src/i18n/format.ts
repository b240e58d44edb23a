/** Dates and numbers with Intl, dates in their real precision ("November 2013"). */
import type { Lang } from '../data/model.ts';
import { dayToDate, type PartialDate } from '../data/partial-date.ts';

const LOCALE: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat>();

function fmt(lang: Lang, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', ...opts });
    cache.set(key, f);
  }
  return f;
}

export function formatPartialDate(d: PartialDate, lang: Lang): string {
  const date = dayToDate(d.start);
  switch (d.precision) {
    case 'year':
      return String(d.year);
    case 'month':
      return fmt(lang, { year: 'numeric', month: 'long' }).format(date);
    case 'day':
      return fmt(lang, { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
  }
}

/** A day number as a long date ("11. Dezember 2020"). */
export function formatLongDay(day: number, lang: Lang): string {
  return fmt(lang, { year: 'numeric', month: 'long', day: 'numeric' }).format(dayToDate(day));
}

/** A day number as a short date ("11.12.2020" / "11/12/2020"). */
export function formatShortDay(day: number, lang: Lang): string {
  return fmt(lang, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(dayToDate(day));
}

/** One number format per language: making one costs far more than using it. */
const NUMBERS: Record<Lang, Intl.NumberFormat> = {
  de: new Intl.NumberFormat(LOCALE.de),
  en: new Intl.NumberFormat(LOCALE.en),
};

export function formatNumber(n: number, lang: Lang): string {
  return NUMBERS[lang].format(n);
}
