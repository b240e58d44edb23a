/**
 * The import's first half: CSV text → header and typed rows. Papa.parse finds the delimiter
 * (comma, semicolon or tab) and the row ends (CRLF, LF or CR) itself; a BOM is dropped; line
 * breaks inside quoted cells are kept exactly. Each cell loses one leading apostrophe (the
 * export's formula escape); code and list cells are trimmed, texts are kept as they are.
 */
import Papa from 'papaparse';
import { COLUMNS, ROW_TYPES, columnSpec, type ColumnSpec, type RowType } from './columns.ts';
import { columnLetter, type CsvCell, type CsvProblem } from './problems.ts';

export interface Row {
  /** Spreadsheet row (1-based, header = 1). */
  row: number;
  type: RowType;
  cells: string[];
}

export interface Sheet {
  rows: Row[];
  /** The value of a column in a row ("" when the column is missing). */
  cell(row: Row, column: string): string;
  /** The cell of a column in a row, for a problem. */
  at(row: number, column: string): CsvCell;
  has(column: string): boolean;
}

/** The cell's value: one leading apostrophe removed, codes and lists trimmed. */
export function cellValue(raw: string, spec: ColumnSpec | undefined): string {
  const value = raw.startsWith("'") ? raw.slice(1) : raw;
  return spec && spec.kind !== 'text' ? value.trim() : value;
}

/** Reads the text into a sheet; layout problems go to `problems`. Null when nothing can be read. */
export function readSheet(input: string, file: string, problems: CsvProblem[]): Sheet | null {
  const body = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const parsed = Papa.parse<string[]>(body, {
    delimiter: '',
    delimitersToGuess: [',', ';', '\t'],
    quoteChar: '"',
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const data = parsed.data;

  // Broken quoting shifts every later cell: report it alone rather than a cascade.
  const quoteErrors = parsed.errors.filter((e) => e.type === 'Quotes');
  if (quoteErrors.length > 0) {
    const seen = new Set<number>();
    for (const e of quoteErrors) {
      const index = e.row ?? 0;
      if (seen.has(index)) continue;
      seen.add(index);
      const cells = data[index] ?? [];
      problems.push({
        file,
        row: index + 1,
        letter: columnLetter(Math.max(0, cells.length - 1)),
        message:
          e.code === 'MissingQuotes'
            ? 'a quoted cell is never closed: a cell that starts with " must end with "'
            : 'malformed quotes: a quote inside a quoted cell must be doubled ("")',
      });
    }
    return null;
  }

  // Row 1: the header.
  const header = (data[0] ?? []).map((h) => h.trim().toLowerCase());
  const known = COLUMNS.map((c) => c.name).join(', ');
  if (header.every((h) => h === '')) {
    problems.push({
      file,
      row: 1,
      message: `the header row is empty: row 1 names the columns (${known})`,
    });
    return null;
  }
  const columnIndex = new Map<string, number>();
  header.forEach((name, index) => {
    if (name === '') return;
    const letter = columnLetter(index);
    if (!columnSpec(name)) {
      problems.push({
        file,
        row: 1,
        column: name,
        letter,
        message: `unknown column "${name}" (known columns: ${known})`,
      });
      return;
    }
    const first = columnIndex.get(name);
    if (first !== undefined) {
      problems.push({
        file,
        row: 1,
        column: name,
        letter,
        message: `column "${name}" appears twice (also column ${columnLetter(first)})`,
      });
      return;
    }
    columnIndex.set(name, index);
  });
  const cell = (cells: string[], column: string): string => {
    const index = columnIndex.get(column);
    return cellValue(index === undefined ? '' : (cells[index] ?? ''), columnSpec(column));
  };
  const at = (row: number, column: string): CsvCell => {
    const index = columnIndex.get(column);
    return index === undefined ? { row, column } : { row, column, letter: columnLetter(index) };
  };

  // Rows 2…: classify by row_type.
  const rows: Row[] = [];
  let badEncoding: CsvCell | null = null;
  let badEncodingCount = 0;
  for (let index = 1; index < data.length; index++) {
    const cells = data[index] ?? [];
    const row = index + 1;
    if (cells.every((c) => c.trim() === '')) continue;
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i] ?? '';
      const name = header[i] ?? '';
      if (value.includes('\uFFFD')) {
        badEncodingCount++;
        badEncoding ??= { row, letter: columnLetter(i), ...(name ? { column: name } : {}) };
      }
      if (value.trim() !== '' && name === '')
        problems.push({
          file,
          row,
          letter: columnLetter(i),
          message: 'this cell has no column: row 1 has no name above it',
        });
    }
    const rowType = cell(cells, 'row_type').toLowerCase();
    const id = cell(cells, 'id');
    const problem = (message: string): void => {
      problems.push({ file, ...at(row, 'row_type'), ...(id ? { id } : {}), message });
    };
    if (rowType === '') {
      if (columnIndex.has('row_type'))
        problem(`empty required cell: row_type must be one of ${ROW_TYPES.join(', ')}`);
      continue;
    }
    if (!(ROW_TYPES as readonly string[]).includes(rowType)) {
      problem(`unknown row_type "${rowType}": expected one of ${ROW_TYPES.join(', ')}`);
      continue;
    }
    rows.push({ row, type: rowType as RowType, cells });
  }
  if (badEncoding !== null)
    problems.push({
      ...badEncoding,
      file,
      message:
        `the file is not valid UTF-8 (${badEncodingCount} cell(s) with unreadable characters, ` +
        `the first here): save it as "CSV UTF-8" / "Unicode (UTF-8)"`,
    });

  // Missing columns (after the rows, so the project columns are only required when used).
  const used = new Set(rows.map((r) => r.type));
  const missing = COLUMNS.filter(
    (c) =>
      !columnIndex.has(c.name) &&
      (c.header === 'required' || (c.header === 'with-rows' && c.row !== null && used.has(c.row))),
  );
  for (const c of missing)
    problems.push({ file, row: 1, column: c.name, message: `missing required column "${c.name}"` });
  // Without a required column every record would be incomplete: stop before a cascade.
  if (missing.length > 0) return null;

  return {
    rows,
    cell: (row, column) => cell(row.cells, column),
    at,
    has: (column) => columnIndex.has(column),
  };
}
