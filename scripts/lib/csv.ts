/**
 * Cooperations as CSV, for editors who work in a spreadsheet (LibreOffice Calc, Excel).
 *
 * Layout ("long" layout, one table, one row per thing; the columns and their fields are one
 * table in csv/columns.ts): every row has an `id` (the cooperation it belongs to) and a
 * `row_type`: one `dataset` row with the `version`, then per cooperation one `cooperation` row
 * and one row per partner, project and source. Lists (`topics`, `source_supports`) are `a;b`; an
 * empty cell means "absent". The export (csv/write.ts, Papa.unparse) writes UTF-8 with a BOM,
 * CRLF row ends and formula-escaped cells; the import (csv/read.ts, csv/assemble.ts) takes what
 * spreadsheets write back. Dates, vocabularies and references are checked afterwards by the
 * one validator (scripts/lib/validate.ts); the CLI is scripts/data-csv.ts.
 *
 * Pure: text in, records and problems out.
 */
import type { CooperationRecord } from '../../src/data/model.ts';
import { assemble, locationKey } from './csv/assemble.ts';
import type { CsvCell, CsvProblem } from './csv/problems.ts';
import { readSheet } from './csv/read.ts';

export { CSV_COLUMNS, type CsvColumn } from './csv/columns.ts';
export { columnLetter, formatCsvProblem, type CsvCell, type CsvProblem } from './csv/problems.ts';
export { cooperationsToCsv, csvRowCount } from './csv/write.ts';

export interface CsvImportResult {
  /** The dataset version from the dataset row, or null when it is missing. */
  version: string | null;
  records: CooperationRecord[];
  problems: CsvProblem[];
  /** Where a record field came from: the cell for (id, field), or the closest enclosing one. */
  locate(id: string, field?: string): CsvCell | undefined;
}

/**
 * Parses the CSV text into the version and the cooperation records (key order as in
 * data/cooperations.json) and reports every problem of the CSV layout with its row and column.
 */
export function csvToCooperations(input: string, file: string): CsvImportResult {
  const problems: CsvProblem[] = [];
  const sheet = readSheet(input, file, problems);
  const { version, records, locations } = sheet
    ? assemble(sheet, file, problems)
    : { version: null, records: [], locations: new Map<string, CsvCell>() };
  problems.sort((a, b) => a.row - b.row); // stable: in order of discovery within a row
  const locate = (id: string, field = ''): CsvCell | undefined => {
    for (let f = field; ;) {
      const hit = locations.get(locationKey(id, f));
      if (hit) return hit;
      if (f === '') return undefined;
      const parent = f.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      f = parent === f ? '' : parent;
    }
  };
  return { version, records, problems, locate };
}
