/** Texts: length limits, bidi control characters, invisible-only and empty notes. */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../scripts/lib/validate/text.ts';
import { createCooperation, createDataset } from './fixtures.ts';
import { only, problemsOf, withCooperation } from './validate-helpers.ts';

const source = createCooperation().sources[0]!;

describe('length limits', () => {
  it('accepts texts up to the limit and rejects longer ones, naming the field', () => {
    const at = 'x'.repeat(LIMITS.title);
    expect(withCooperation({ title: { de: at, en: 'ok' } })).toEqual([]);
    const p = only(withCooperation({ title: { de: `${at}x`, en: 'ok' } }));
    expect(p).toMatchObject({ id: 'be-bb-test-2013', field: 'title.de' });
    expect(p.message).toBe(`too long: ${LIMITS.title + 1} characters (limit ${LIMITS.title})`);
  });

  it('limits summaries, notes, source fields and URLs', () => {
    const long = (n: number): string => 'y'.repeat(n + 1);
    expect(
      only(withCooperation({ summary: { de: 'ok', en: long(LIMITS.summary) } })),
    ).toMatchObject({ field: 'summary.en' });
    expect(only(withCooperation({ note: { de: long(LIMITS.note), en: 'ok' } }))).toMatchObject({
      field: 'note.de',
    });
    const fields = [
      ['publisher', long(LIMITS.sourcePublisher)],
      ['title', long(LIMITS.sourceTitle)],
      ['url', `https://example.org/${long(LIMITS.sourceUrl)}`],
    ] as const;
    for (const [field, value] of fields)
      expect(only(withCooperation({ sources: [{ ...source, [field]: value }] }))).toMatchObject({
        field: `sources[0].${field}`,
      });
  });

  it('limits the number of partners and sources', () => {
    const sources = Array.from({ length: LIMITS.sources + 1 }, (_, i) => ({
      ...source,
      url: `https://example.org/${i}`,
    }));
    expect(only(withCooperation({ sources }))).toMatchObject({
      field: 'sources',
      message: `too many: ${LIMITS.sources + 1} (limit ${LIMITS.sources})`,
    });
    expect(withCooperation({ sources: sources.slice(1) })).toEqual([]);
  });
});

describe('bidi control characters and invisible text', () => {
  it('rejects a bidi override or mark in a title, a summary, a note or a publisher', () => {
    for (const ch of ['\u202E', '\u2066', '\u200F', '\u200E']) {
      const p = only(withCooperation({ title: { de: `Vertrag ${ch}gnarts`, en: 'Treaty' } }));
      expect(p).toMatchObject({ field: 'title.de' });
      expect(p.message).toContain(`U+${ch.charCodeAt(0).toString(16).toUpperCase()}`);
    }
    expect(only(withCooperation({ note: { de: 'a', en: 'b\u202Bc' } }))).toMatchObject({
      field: 'note.en',
    });
    expect(
      only(withCooperation({ sources: [{ ...source, publisher: 'Senat\u202E' }] })),
    ).toMatchObject({ field: 'sources[0].publisher' });
    expect(withCooperation({ title: { de: 'Vertrag (Süd–Ost) „neu“', en: 'Treaty' } })).toEqual([]);
  });

  it('rejects region and organisation names with bidi controls', () => {
    const d = createDataset();
    d.regions[1]!.name = { de: 'Ber\u202Elin', en: 'Berlin' };
    d.organisations[0]!.name = 'ITDZ\u2067';
    const ps = problemsOf(d);
    expect(ps.map((p) => [p.file, p.id, p.field])).toEqual([
      ['data/regions.json', 'DE-BE', 'name.de'],
      ['data/organisations.json', 'itdz-berlin', 'name'],
    ]);
  });

  it('rejects texts made only of invisible characters, keeps a soft hyphen inside a word', () => {
    const p = only(withCooperation({ summary: { de: '\u200B\u200B', en: 'ok' } }));
    expect(p).toMatchObject({ field: 'summary.de' });
    expect(p.message).toBe('consists only of invisible characters');
    expect(
      only(withCooperation({ sources: [{ ...source, title: '\u2060 \uFEFF' }] })),
    ).toMatchObject({ field: 'sources[0].title' });
    expect(withCooperation({ summary: { de: 'Verwal\u00ADtung', en: 'ok' } })).toEqual([]);
  });

  it('rejects an empty or whitespace-only note in either language', () => {
    expect(only(withCooperation({ note: { de: '', en: 'Note' } }))).toMatchObject({
      field: 'note.de',
      message: 'empty text',
    });
    expect(only(withCooperation({ note: { de: 'Notiz', en: ' \n ' } }))).toMatchObject({
      field: 'note.en',
      message: 'empty text',
    });
    expect(withCooperation({ note: { de: 'Notiz', en: 'Note' } })).toEqual([]);
  });

  it('rejects a note that is a plain string (notes are bilingual)', () => {
    const p = only(withCooperation({ note: 'English only' as never }));
    expect(p).toMatchObject({ field: 'note' });
  });
});
