/**
 * The export: one row per thing (a dataset row with the version, then per cooperation its
 * cooperation row, partners, projects and sources), written by Papa.unparse: UTF-8 with a BOM,
 * CRLF row ends, cells quoted where needed. Formula escaping: a cell that starts with =, +, -,
 * @, a tab, a CR or an apostrophe gets an apostrophe in front, so no spreadsheet runs it as a
 * formula; the import removes exactly one leading apostrophe, which makes the round trip
 * lossless (the apostrophe is in the pattern so that a text that itself starts with one
 * survives, and the pattern has no `$`, so a cell with a line break is escaped as well).
 */
import Papa from 'papaparse';
import type { CooperationRecord } from '../../../src/data/model.ts';
import { COLUMNS, PART_LISTS, cellOf, type PartType, type RowType } from './columns.ts';

export const FORMULA_START = /^[=+\-@\t\r']/;

export interface CsvExportOptions {
  /** The delimiter; default ",". German Excel reads and writes ";" by default. */
  delimiter?: ',' | ';';
}

const list = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);

/** The number of data rows (without the header) the export writes for these records. */
export function csvRowCount(records: CooperationRecord[]): number {
  return records.reduce(
    (n, r) => n + 1 + list(r.partners).length + list(r.projects).length + list(r.sources).length,
    1,
  );
}

/** The dataset as CSV text. */
export function cooperationsToCsv(
  dataset: { version: string; cooperations: CooperationRecord[] },
  options: CsvExportOptions = {},
): string {
  const rows: string[][] = [];
  const push = (id: string, type: RowType, object: unknown): void => {
    rows.push(
      COLUMNS.map((c) => {
        if (c.name === 'id') return id;
        if (c.name === 'row_type') return type;
        return c.row === type ? cellOf(c, object) : '';
      }),
    );
  };
  push('', 'dataset', { version: dataset.version });
  for (const r of dataset.cooperations) {
    const id = typeof r.id === 'string' ? r.id : '';
    push(id, 'cooperation', r);
    for (const type of Object.keys(PART_LISTS) as PartType[])
      for (const part of list(r[PART_LISTS[type]] as unknown[] | undefined)) push(id, type, part);
  }
  const csv = Papa.unparse(
    { fields: COLUMNS.map((c) => c.name), data: rows },
    {
      delimiter: options.delimiter ?? ',',
      newline: '\r\n',
      quoteChar: '"',
      escapeFormulae: FORMULA_START,
    },
  );
  return `\uFEFF${csv}\r\n`;
}
