/** The table: sorting by each column, and the downloads (CSV with escaped formulae, JSON). */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { derive } from '../../src/view/derive.ts';
import { recordsToCsv, recordsToJson } from '../../src/view/table-csv.ts';
import {
  columnsFor,
  DEFAULT_SORT,
  downloadRecords,
  nextSort,
  sortRows,
  type TableRow,
} from '../../src/view/table.ts';
import { parseDay } from '../../src/data/partial-date.ts';
import { createCooperation, createDataset, deriveModelOf } from './fixtures.ts';

function rows(): { rows: TableRow[]; ctx: Parameters<typeof sortRows>[2] } {
  const d = createDataset();
  d.cooperations = [
    createCooperation({
      id: 'alpha',
      title: { de: 'Zeta-Verbund', en: 'Zeta alliance' },
      signed: '2014-05-01',
      kind: 'association',
      topics: ['it-security'],
      partners: [{ region: 'DE-BE' }, { region: 'DE-BB' }, { region: 'DE-SN' }],
      projects: [],
    }),
    createCooperation({
      id: 'beta',
      title: { de: '=HYPERLINK("http://evil.example","klick")', en: '=HYPERLINK("x")' },
      signed: '2018-02-01',
      kind: 'agreement',
      topics: ['open-source'],
      partners: [{ region: 'DE-BE' }, { region: 'DE-BB' }],
      projects: [],
    }),
    createCooperation({
      id: 'gamma',
      title: { de: 'Äpfel-Abkommen', en: 'Apple accord' },
      summary: { de: 'Zeile eins\r\nZeile zwei', en: 'x' },
      signed: '2011',
      kind: 'state-treaty',
      topics: ['registers', 'governance'],
      partners: [{ region: 'DE-TH' }, { region: 'DE-SN' }],
      projects: [],
    }),
  ];
  const model = deriveModelOf(d);
  const shown = derive(
    model,
    { mode: 'inforce', date: parseDay('2020-01-01')!, from: 0 },
    { topics: new Set(), kinds: new Set() },
    null,
  ).visible;
  return {
    rows: shown.map((cooperation) => ({ cooperation, change: null })),
    ctx: { atlas: model.atlas, lang: 'de' },
  };
}

const ids = (r: TableRow[]) => r.map((x) => x.cooperation.id);

describe('sorting the table', () => {
  const { rows: all, ctx } = rows();

  it('starts newest first, and sorts every column both ways', () => {
    expect(ids(sortRows(all, DEFAULT_SORT, ctx))).toEqual(['beta', 'alpha', 'gamma']);
    const by = (column: Parameters<typeof nextSort>[1], direction: 'ascending' | 'descending') =>
      ids(sortRows(all, { column, direction }, ctx));
    expect(by('signed', 'ascending')).toEqual(['gamma', 'alpha', 'beta']);
    // German collation: Ä sorts with A, "=" before letters.
    expect(by('title', 'ascending')).toEqual(['beta', 'gamma', 'alpha']);
    expect(by('title', 'descending')).toEqual(['alpha', 'gamma', 'beta']);
    expect(by('partners', 'descending')[0]).toBe('alpha');
    expect(by('kind', 'ascending')).toEqual(['beta', 'gamma', 'alpha']); // Kooperationsv. < Staatsv. < Verbund
    expect(by('topics', 'ascending')).toEqual(['alpha', 'beta', 'gamma']); // IT-S… < Open … < Reg…
  });

  it('a header click turns the sorted column around, another column starts in its natural order', () => {
    expect(nextSort(DEFAULT_SORT, 'signed')).toEqual({ column: 'signed', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'title')).toEqual({ column: 'title', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'partners').direction).toBe('descending');
  });

  it('has a change column only in diff mode', () => {
    expect(columnsFor(false).map((c) => c.key)).not.toContain('change');
    expect(columnsFor(true).map((c) => c.key)).toContain('change');
  });
});

describe('the table downloads', () => {
  const { rows: all, ctx } = rows();
  const records = downloadRecords(sortRows(all, DEFAULT_SORT, ctx), ctx);

  it('CSV: BOM, CRLF, the id first, one row per shown cooperation, formulae escaped', () => {
    const csv = recordsToCsv(records, false);
    expect(csv.startsWith('\uFEFFid,title,signed,')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed.slice(1).map((r) => r[0])).toEqual(['beta', 'alpha', 'gamma']);
    // The escaped cell starts with a quote mark, so no spreadsheet evaluates it.
    expect(parsed[1]![1]).toBe(`'=HYPERLINK("http://evil.example","klick")`);
    expect(parsed[2]![6]).toBe('Berlin; Brandenburg; Sachsen');
  });

  it('CSV in diff mode has the change column', () => {
    const withChange = downloadRecords(
      all.map((r) => ({ ...r, change: 'added' as const })),
      ctx,
    );
    const header = recordsToCsv(withChange, true).slice(1).split('\r\n')[0]!;
    expect(header.split(',')).toContain('change');
  });

  it('JSON: the same rows with the data version and the view', () => {
    const json = JSON.parse(
      recordsToJson(records, {
        dataVersion: '2026.12.1',
        view: 'https://x/?a',
        accessed: '2026-12-02',
      }),
    );
    expect(json.dataVersion).toBe('2026.12.1');
    expect(json.rows.map((r: { id: string }) => r.id)).toEqual(['beta', 'alpha', 'gamma']);
    expect(json.rows[1].partner_ids).toEqual(['DE-BE', 'DE-BB', 'DE-SN']);
  });
});
