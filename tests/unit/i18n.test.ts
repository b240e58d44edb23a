import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../src/i18n/strings.ts';
import { formatPartialDate, formatLongDay } from '../../src/i18n/format.ts';
import { parsePartialDate, dayNumber } from '../../src/data/partial-date.ts';

/** Every key path of a nested string table, with its value. */
function entries(o: object, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [[`${prefix}${k}`, v] as [string, string]]
      : entries(v as object, `${prefix}${k}.`),
  );
}

describe('translations', () => {
  const de = new Map(entries(STRINGS.de));
  const en = new Map(entries(STRINGS.en));
  it('have the same keys in German and English, none empty', () => {
    expect([...en.keys()].sort()).toEqual([...de.keys()].sort());
    for (const [k, v] of [...de, ...en]) expect(v.trim(), k).not.toBe('');
  });
  it('use the same placeholders in both languages', () => {
    for (const [k, v] of de) {
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(en.get(k)!), k).toEqual(ph(v));
    }
  });
  it('are really translated (no German word left in English texts)', () => {
    // "Länder" is the word English writing on German federalism uses for the states.
    const umlaut = /[äöüß]/;
    for (const [k, v] of en)
      if (!k.startsWith('appTitle'))
        expect(umlaut.test(v.replaceAll('Länder', '')), `${k}: ${v}`).toBe(false);
  });
});

describe('dates in their real precision', () => {
  it('formats day, month and year precision in both languages', () => {
    expect(formatPartialDate(parsePartialDate('2013-11')!, 'de')).toBe('November 2013');
    expect(formatPartialDate(parsePartialDate('2013-11')!, 'en')).toBe('November 2013');
    expect(formatPartialDate(parsePartialDate('2020-12-09')!, 'de')).toBe('9. Dezember 2020');
    expect(formatPartialDate(parsePartialDate('2020-12-09')!, 'en')).toBe('9 December 2020');
    expect(formatPartialDate(parsePartialDate('2018')!, 'de')).toBe('2018');
    expect(formatLongDay(dayNumber(2020, 12, 11), 'de')).toBe('11. Dezember 2020');
  });
});
