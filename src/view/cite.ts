/**
 * How to cite a view of the atlas: as text (APA-like), BibTeX and CSL-JSON, each with the title,
 * the data release, the day of access and the permalink of the view. Pure.
 */
import { dayToDate, formatDay } from '../data/partial-date.ts';
import type { Lang } from '../data/model.ts';
import { formatLongDay } from '../i18n/format.ts';
import { fill, STRINGS } from '../i18n/strings.ts';

/** The authors as CITATION.cff names them. */
export const CITATION_AUTHOR = 'Kooperationsatlas contributors';

export interface CiteInput {
  lang: Lang;
  /** The data release, e.g. "2026.12.1". */
  dataVersion: string;
  /** The day of access (day number). */
  accessed: number;
  permalink: string;
  /** The view in words (view/describe.ts). */
  view: string;
}

export interface Citation {
  text: string;
  bibtex: string;
  csl: string;
}

/** The year and month of a release "YYYY.M.N" (null for another form). */
function releaseDate(version: string): [number, number] | null {
  const m = /^(\d{4})\.(\d{1,2})\.\d+$/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** BibTeX special characters in a text field, escaped. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) =>
    c === '\\'
      ? '\\textbackslash{}'
      : c === '~'
        ? '\\textasciitilde{}'
        : c === '^'
          ? '\\textasciicircum{}'
          : `\\${c}`,
  );
}

export function citation(input: CiteInput): Citation {
  const s = STRINGS[input.lang];
  const title = `${s.appTitle}: ${s.appTagline}`;
  const released = releaseDate(input.dataVersion);
  const year = released ? String(released[0]) : 'n.d.';
  const accessed = formatDay(input.accessed);
  const note = `${s.citeDataset}, ${s.citeView}: ${input.view}`;

  const text = `${CITATION_AUTHOR}. (${year}). ${title} (Version ${input.dataVersion}) [${note}]. ${fill(
    s.citeRetrieved,
    { date: formatLongDay(input.accessed, input.lang), url: input.permalink },
  )}`;

  const key = `kooperationsatlas_${input.dataVersion.replace(/[^0-9A-Za-z]+/g, '_')}`;
  const bibtex = [
    `@misc{${key},`,
    `  author = {{${CITATION_AUTHOR}}},`,
    `  title = {${escapeBibtex(title)}},`,
    `  year = {${year}},`,
    `  version = {${escapeBibtex(input.dataVersion)}},`,
    `  note = {${escapeBibtex(note)}},`,
    `  url = {${input.permalink}},`,
    `  urldate = {${accessed}},`,
    '}',
  ].join('\n');

  const day = dayToDate(input.accessed);
  const csl = JSON.stringify(
    [
      {
        id: key,
        type: 'dataset',
        title,
        author: [{ literal: CITATION_AUTHOR }],
        ...(released ? { issued: { 'date-parts': [released] } } : {}),
        version: input.dataVersion,
        URL: input.permalink,
        accessed: {
          'date-parts': [[day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()]],
        },
        note,
        language: input.lang,
      },
    ],
    null,
    2,
  );
  return { text, bibtex, csl };
}
