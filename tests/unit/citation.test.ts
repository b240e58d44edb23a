/** Citing: CITATION.cff names the data release; the citation texts carry release, day and link. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/data/partial-date.ts';
import { citation, escapeBibtex } from '../../src/view/cite.ts';

const release = (
  JSON.parse(readFileSync(new URL('../../data/cooperations.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

describe('citation', () => {
  const input = {
    lang: 'de' as const,
    dataVersion: '2026.12.1',
    accessed: dayNumber(2026, 12, 2),
    permalink: 'https://atlas.example/?mode=diff&from=2019-01-01&to=2023-01-01',
    view: 'Vergleich zweier Stichtage, 1. Januar 2019 – 1. Januar 2023; Themen: IT-Sicherheit & CERT',
  };

  it('CITATION.cff carries the release of the data', () => {
    const cff = readFileSync(new URL('../../CITATION.cff', import.meta.url), 'utf8');
    expect(cff).toMatch(new RegExp(`^version: ${release.replaceAll('.', '\\.')}$`, 'm'));
    expect(cff).toMatch(/^license: MIT$/m);
    expect(cff).toMatch(/^cff-version: 1\.2\.0$/m);
  });

  it('as text: authors, year, title, version, view, day of access and permalink', () => {
    const { text } = citation(input);
    expect(text).toBe(
      'Kooperationsatlas contributors. (2026). Kooperationsatlas: Zusammenarbeit von Bund, Ländern und Kommunen in der Verwaltungsdigitalisierung (Version 2026.12.1) [Datensatz, Ansicht: Vergleich zweier Stichtage, 1. Januar 2019 – 1. Januar 2023; Themen: IT-Sicherheit & CERT]. Abgerufen am 2. Dezember 2026, von https://atlas.example/?mode=diff&from=2019-01-01&to=2023-01-01',
    );
    expect(citation({ ...input, lang: 'en' }).text).toContain(
      '(Version 2026.12.1) [Data set, view: Vergleich',
    );
    expect(citation({ ...input, lang: 'en' }).text).toContain('Retrieved 2 December 2026, from');
  });

  it('as BibTeX: escaped text fields, the link verbatim', () => {
    const { bibtex } = citation(input);
    expect(bibtex).toMatch(/^@misc\{kooperationsatlas_2026_12_1,\n/);
    expect(bibtex).toContain('  version = {2026.12.1},');
    expect(bibtex).toContain('  urldate = {2026-12-02},');
    expect(bibtex).toContain(`  url = {${input.permalink}},`);
    expect(bibtex).toContain('IT-Sicherheit \\& CERT');
    expect(escapeBibtex('50% {a}_#$~^\\')).toBe(
      '50\\% \\{a\\}\\_\\#\\$\\textasciitilde{}\\textasciicircum{}\\textbackslash{}',
    );
  });

  it('as CSL-JSON: a dataset with version, issued month, accessed day and URL', () => {
    const [item] = JSON.parse(citation(input).csl);
    expect(item).toMatchObject({
      type: 'dataset',
      version: '2026.12.1',
      URL: input.permalink,
      issued: { 'date-parts': [[2026, 12]] },
      accessed: { 'date-parts': [[2026, 12, 2]] },
      author: [{ literal: 'Kooperationsatlas contributors' }],
    });
  });
});
