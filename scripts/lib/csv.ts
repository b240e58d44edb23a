/**
 * Cooperations as CSV, for editors who work in a spreadsheet (LibreOffice Calc, Excel).
 *
 * Layout ("long" layout, one table, one row per thing): every row has an `id` (the cooperation it
 * belongs to) and a `row_type`:
 *   - `cooperation`: exactly one per cooperation, carries its own fields
 *     (title_de, title_en, summary_de, summary_en, signed, effective, ended, kind, topics, note);
 *   - `partner`:  one per partner  (partner_region, partner_organisation, partner_role, partner_joined);
 *   - `project`:  one per project  (project_title_de, project_title_en, project_summary_de,
 *                                   project_summary_en, project_lead);
 *   - `source`:   one per source   (source_url, source_publisher, source_published, source_title).
 * Partners, projects and sources keep the order of their rows. `topics` is a list `a;b`. An empty
 * cell means "absent". The export writes UTF-8 with a BOM and CRLF line ends (RFC 4180); the import
 * strips the BOM, accepts CRLF or LF, a comma, semicolon or tab as delimiter (detected from row 1),
 * the columns in any order, blank rows, rows whose id cell is empty (they belong to the cooperation
 * above) and cooperation fields repeated on other rows (when they agree).
 *
 * Pure: text in, records and problems out. Dates, vocabularies and references are checked
 * afterwards by validateDataset (src/data/validate.ts); the CLI is scripts/data-csv.ts.
 */
import Papa from 'papaparse';
import type {
  CooperationRecord,
  Kind,
  PartnerRecord,
  ProjectRecord,
  SourceRecord,
  Topic,
} from '../../src/data/model.ts';

export const ROW_TYPES = ['cooperation', 'partner', 'project', 'source'] as const;
export type RowType = (typeof ROW_TYPES)[number];

/** The columns in the order the export writes them. */
export const CSV_COLUMNS = [
  'id',
  'row_type',
  'title_de',
  'title_en',
  'summary_de',
  'summary_en',
  'signed',
  'effective',
  'ended',
  'kind',
  'topics',
  'note',
  'partner_region',
  'partner_organisation',
  'partner_role',
  'partner_joined',
  'project_title_de',
  'project_title_en',
  'project_summary_de',
  'project_summary_en',
  'project_lead',
  'source_url',
  'source_publisher',
  'source_published',
  'source_title',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The row type a column belongs to (`id` and `row_type` belong to every row). */
export function columnOwner(column: CsvColumn): RowType | null {
  if (column === 'id' || column === 'row_type') return null;
  if (column.startsWith('partner_')) return 'partner';
  if (column.startsWith('project_')) return 'project';
  if (column.startsWith('source_')) return 'source';
  return 'cooperation';
}

/** Columns that must be in row 1 (the project columns only when there is a project row). */
const REQUIRED_COLUMNS: readonly CsvColumn[] = [
  'id',
  'row_type',
  'title_de',
  'title_en',
  'summary_de',
  'summary_en',
  'signed',
  'kind',
  'topics',
  'partner_region',
  'source_url',
  'source_publisher',
  'source_title',
];
const REQUIRED_PROJECT_COLUMNS: readonly CsvColumn[] = [
  'project_title_de',
  'project_title_en',
  'project_lead',
];

/**
 * Free texts are taken verbatim; all other cells (ids, codes, dates, URLs, lists) are trimmed.
 */
const TEXT_COLUMNS = new Set<CsvColumn>([
  'title_de',
  'title_en',
  'summary_de',
  'summary_en',
  'note',
  'project_title_de',
  'project_title_en',
  'project_summary_de',
  'project_summary_en',
  'source_publisher',
  'source_title',
]);

/** A cell of the spreadsheet. */
export interface CsvCell {
  /** 1-based row as the spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column name from row 1. */
  column?: string;
  /** The column letter (A, B, …, Z, AA, …); absent when the column itself is missing. */
  letter?: string;
}

export interface CsvProblem extends CsvCell {
  file: string;
  /** The cooperation id, where known. */
  id?: string;
  /** The field inside the record the cell maps to (e.g. "partners[1].region"), where it does. */
  field?: string;
  message: string;
}

export interface CsvImportResult {
  records: CooperationRecord[];
  problems: CsvProblem[];
  /** Where a record field came from: the cell for (id, field), or the closest enclosing one. */
  locate(id: string, field?: string): CsvCell | undefined;
}

export interface CsvExportOptions {
  /** The delimiter; default ",". German Excel reads and writes ";" by default. */
  delimiter?: ',' | ';';
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `file, row N, column X (name), record "id": message` */
export function formatCsvProblem(p: CsvProblem): string {
  const parts = [p.file, `row ${p.row}`];
  if (p.column !== undefined)
    parts.push(p.letter ? `column ${p.letter} (${p.column})` : `column ${p.column}`);
  else if (p.letter) parts.push(`column ${p.letter}`);
  if (p.id) parts.push(`record "${p.id}"`);
  return `${parts.join(', ')}: ${p.message}`;
}

// ---------------------------------------------------------------------------------------------
// Export

function quoteCell(value: string, delimiter: string): string {
  if (value === '') return '';
  const needsQuotes =
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r') ||
    /^\s|\s$/.test(value);
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);

/** The number of data rows (without the header) the export writes for these records. */
export function csvRowCount(records: CooperationRecord[]): number {
  return records.reduce(
    (n, r) => n + 1 + list(r.partners).length + list(r.projects).length + list(r.sources).length,
    0,
  );
}

/** The records as CSV: UTF-8 BOM, header row, CRLF line ends, cells quoted where needed. */
export function cooperationsToCsv(
  records: CooperationRecord[],
  options: CsvExportOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const lines: string[] = [CSV_COLUMNS.join(delimiter)];
  const push = (id: string, rowType: RowType, cells: Partial<Record<CsvColumn, unknown>>): void => {
    const row = CSV_COLUMNS.map((column) => {
      if (column === 'id') return id;
      if (column === 'row_type') return rowType;
      return text(cells[column]);
    });
    lines.push(row.map((v) => quoteCell(v, delimiter)).join(delimiter));
  };
  for (const r of records) {
    const id = text(r.id);
    push(id, 'cooperation', {
      title_de: r.title?.de,
      title_en: r.title?.en,
      summary_de: r.summary?.de,
      summary_en: r.summary?.en,
      signed: r.signed,
      effective: r.effective,
      ended: r.ended,
      kind: r.kind,
      topics: list(r.topics).join(';'),
      note: r.note,
    });
    for (const p of list(r.partners))
      push(id, 'partner', {
        partner_region: p.region,
        partner_organisation: p.organisation,
        partner_role: p.role,
        partner_joined: p.joined,
      });
    for (const p of list(r.projects))
      push(id, 'project', {
        project_title_de: p.title?.de,
        project_title_en: p.title?.en,
        project_summary_de: p.summary?.de,
        project_summary_en: p.summary?.en,
        project_lead: p.lead,
      });
    for (const s of list(r.sources))
      push(id, 'source', {
        source_url: s.url,
        source_publisher: s.publisher,
        source_published: s.published,
        source_title: s.title,
      });
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Import

interface Row {
  /** Spreadsheet row (1-based, header = 1). */
  row: number;
  type: RowType;
  cells: string[];
}

interface Group {
  id: string;
  /** False for a cooperation row without id or with a repeated id: its rows are dropped. */
  keep: boolean;
  coop: Row;
  partners: { row: Row; value: PartnerRecord }[];
  projects: { row: Row; value: ProjectRecord }[];
  sources: { row: Row; value: SourceRecord }[];
}

function detectDelimiter(body: string): string {
  const firstLine = (body.split('\n', 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (d: string): number => firstLine.split(d).length - 1;
  const candidates = [',', ';', '\t'];
  let best = ',';
  for (const d of candidates) if (count(d) > count(best)) best = d;
  return best;
}

function shorten(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 57)}…` : flat);
}

const isColumn = (name: string): name is CsvColumn =>
  (CSV_COLUMNS as readonly string[]).includes(name);

/**
 * Parses the CSV text into cooperation records (key order as in data/cooperations.json) and
 * reports every problem of the CSV layout with its row and column.
 */
export function csvToCooperations(input: string, file: string): CsvImportResult {
  const problems: CsvProblem[] = [];
  const locations = new Map<string, CsvCell>();
  const key = (id: string, field: string): string => `${id}\u0000${field}`;
  const locate = (id: string, field = ''): CsvCell | undefined => {
    let f = field;
    for (;;) {
      const hit = locations.get(key(id, f));
      if (hit) return hit;
      if (f === '') return undefined;
      const parent = f.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      f = parent === f ? '' : parent;
    }
  };
  const result = (records: CooperationRecord[]): CsvImportResult => {
    problems.sort((a, b) => a.row - b.row); // stable: in order of discovery within a row
    return { records, problems, locate };
  };

  const body = (input.startsWith('\uFEFF') ? input.slice(1) : input).replace(/\r\n/g, '\n');
  const delimiter = detectDelimiter(body);
  const parsed = Papa.parse<string[]>(body, {
    delimiter,
    newline: '\n',
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
    return result([]);
  }

  // Row 1: the header.
  const header = (data[0] ?? []).map((h) => h.trim().toLowerCase());
  if (header.every((h) => h === '')) {
    problems.push({
      file,
      row: 1,
      message: `the header row is empty: row 1 names the columns (${CSV_COLUMNS.join(', ')})`,
    });
    return result([]);
  }
  const columnIndex = new Map<CsvColumn, number>();
  header.forEach((name, index) => {
    if (name === '') return;
    const letter = columnLetter(index);
    if (!isColumn(name)) {
      problems.push({
        file,
        row: 1,
        column: name,
        letter,
        message: `unknown column "${name}" (known columns: ${CSV_COLUMNS.join(', ')})`,
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
  const cell = (cells: string[], column: CsvColumn): string => {
    const index = columnIndex.get(column);
    const raw = index === undefined ? '' : (cells[index] ?? '');
    return TEXT_COLUMNS.has(column) ? raw : raw.trim();
  };
  const at = (row: number, column: CsvColumn): CsvCell => {
    const index = columnIndex.get(column);
    return index === undefined ? { row, column } : { row, column, letter: columnLetter(index) };
  };
  const problem = (
    row: number,
    column: CsvColumn,
    message: string,
    extra: { id?: string; field?: string } = {},
  ): void => {
    const p: CsvProblem = { file, ...at(row, column), message };
    if (extra.id) p.id = extra.id;
    if (extra.field) p.field = extra.field;
    problems.push(p);
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
    const idCell = cell(cells, 'id');
    const ids = idCell ? { id: idCell } : {};
    if (rowType === '') {
      if (columnIndex.has('row_type'))
        problem(
          row,
          'row_type',
          `empty required cell: row_type must be one of ${ROW_TYPES.join(', ')}`,
          ids,
        );
      continue;
    }
    if (!(ROW_TYPES as readonly string[]).includes(rowType)) {
      problem(
        row,
        'row_type',
        `unknown row_type "${rowType}": expected one of ${ROW_TYPES.join(', ')}`,
        ids,
      );
      continue;
    }
    rows.push({ row, type: rowType as RowType, cells });
  }
  if (badEncoding !== null) {
    problems.push({
      ...badEncoding,
      file,
      message:
        `the file is not valid UTF-8 (${badEncodingCount} cell(s) with unreadable characters, ` +
        `the first here): save it as "CSV UTF-8" / "Unicode (UTF-8)"`,
    });
  }

  // Missing columns (after the rows, so the project columns are only required when used).
  const required = rows.some((r) => r.type === 'project')
    ? [...REQUIRED_COLUMNS, ...REQUIRED_PROJECT_COLUMNS]
    : REQUIRED_COLUMNS;
  const missing = required.filter((column) => !columnIndex.has(column));
  for (const column of missing)
    problems.push({ file, row: 1, column, message: `missing required column "${column}"` });
  // Without a required column every record would be incomplete: stop before a cascade.
  if (missing.length > 0) return result([]);

  // Pass 1: the cooperation rows.
  const groups: Group[] = [];
  const byId = new Map<string, Group>();
  for (const r of rows) {
    if (r.type !== 'cooperation') continue;
    const id = cell(r.cells, 'id');
    const group: Group = { id, keep: true, coop: r, partners: [], projects: [], sources: [] };
    if (id === '') {
      group.keep = false;
      problem(r.row, 'id', 'empty required cell: a cooperation row needs its id');
    } else {
      const first = byId.get(id);
      if (first) {
        group.keep = false;
        problem(
          r.row,
          'row_type',
          `cooperation "${id}" already has its cooperation row in row ${first.coop.row}; ` +
            `each cooperation has exactly one (its other rows are partner, project or source rows)`,
          { id },
        );
      } else byId.set(id, group);
    }
    groups.push(group);
  }

  // Pass 2: every row in order; partner, project and source rows join their cooperation.
  const groupOfRow = new Map<Row, Group>();
  for (const g of groups) groupOfRow.set(g.coop, g);
  let current: Group | null = null;
  for (const r of rows) {
    if (r.type === 'cooperation') {
      current = groupOfRow.get(r) ?? null;
      checkCooperationRow(r, current);
      continue;
    }
    const idCell = cell(r.cells, 'id');
    let group: Group | null;
    if (idCell !== '') {
      group = byId.get(idCell) ?? null;
      if (!group)
        problem(
          r.row,
          'id',
          `this ${r.type} row belongs to no cooperation: no row with row_type "cooperation" ` +
            `has the id "${idCell}"`,
          { id: idCell },
        );
    } else {
      group = current;
      if (!group)
        problem(
          r.row,
          'id',
          `this ${r.type} row belongs to no cooperation: its id is empty and no cooperation ` +
            `row comes before it`,
        );
    }
    current = group;
    if (group) addSubRow(r, group);
  }

  function checkCooperationRow(r: Row, group: Group | null): void {
    for (const column of CSV_COLUMNS) {
      const owner = columnOwner(column);
      if (owner === null || owner === 'cooperation') continue;
      if (cell(r.cells, column).trim() !== '')
        problem(
          r.row,
          column,
          `column ${column} belongs to ${owner} rows: put the ${owner} in a row of its own ` +
            `with row_type "${owner}"`,
          group?.id ? { id: group.id } : {},
        );
    }
  }

  function addSubRow(r: Row, group: Group): void {
    const id = group.id ? { id: group.id } : {};
    for (const column of CSV_COLUMNS) {
      const owner = columnOwner(column);
      if (owner === null || owner === r.type) continue;
      const value = cell(r.cells, column);
      if (value.trim() === '') continue;
      if (owner === 'cooperation') {
        // A repeated cooperation field is fine when it agrees with the cooperation row.
        const expected = cell(group.coop.cells, column);
        if (value !== expected)
          problem(
            r.row,
            column,
            `${shorten(value)} contradicts the cooperation row (row ${group.coop.row}), ` +
              `which has ${expected === '' ? 'this cell empty' : shorten(expected)}: leave the ` +
              `cell empty or repeat the same value`,
            id,
          );
      } else
        problem(
          r.row,
          column,
          `column ${column} belongs to ${owner} rows, but this is a ${r.type} row`,
          id,
        );
    }
    const need = (column: CsvColumn, field: string): string => {
      const value = cell(r.cells, column);
      if (value.trim() === '')
        problem(r.row, column, `empty required cell: a ${r.type} row needs ${column}`, {
          ...id,
          field,
        });
      return value;
    };
    const optional = (column: CsvColumn): string | undefined => {
      const value = cell(r.cells, column);
      return value.trim() === '' ? undefined : value;
    };
    const place = (field: string, column: CsvColumn): void => {
      if (group.keep) locations.set(key(group.id, field), at(r.row, column));
    };

    if (r.type === 'partner') {
      const i = group.partners.length;
      const f = `partners[${i}]`;
      const region = need('partner_region', `${f}.region`);
      const organisation = optional('partner_organisation');
      const role = optional('partner_role');
      const joined = optional('partner_joined');
      const value: PartnerRecord = { region };
      if (organisation !== undefined) value.organisation = organisation;
      if (role !== undefined) value.role = role as NonNullable<PartnerRecord['role']>;
      if (joined !== undefined) value.joined = joined;
      group.partners.push({ row: r, value });
      place(f, 'partner_region');
      place(`${f}.region`, 'partner_region');
      place(`${f}.organisation`, 'partner_organisation');
      place(`${f}.role`, 'partner_role');
      place(`${f}.joined`, 'partner_joined');
    } else if (r.type === 'project') {
      const i = group.projects.length;
      const f = `projects[${i}]`;
      const titleDe = need('project_title_de', `${f}.title.de`);
      const titleEn = need('project_title_en', `${f}.title.en`);
      const summaryDe = optional('project_summary_de');
      const summaryEn = optional('project_summary_en');
      const lead = need('project_lead', `${f}.lead`);
      const value: ProjectRecord =
        summaryDe !== undefined || summaryEn !== undefined
          ? {
              title: { de: titleDe, en: titleEn },
              summary: { de: summaryDe ?? '', en: summaryEn ?? '' },
              lead,
            }
          : { title: { de: titleDe, en: titleEn }, lead };
      group.projects.push({ row: r, value });
      place(f, 'project_title_de');
      place(`${f}.title`, 'project_title_de');
      place(`${f}.title.de`, 'project_title_de');
      place(`${f}.title.en`, 'project_title_en');
      place(`${f}.summary`, 'project_summary_de');
      place(`${f}.summary.de`, 'project_summary_de');
      place(`${f}.summary.en`, 'project_summary_en');
      place(`${f}.lead`, 'project_lead');
    } else {
      const i = group.sources.length;
      const f = `sources[${i}]`;
      const url = need('source_url', `${f}.url`);
      const publisher = need('source_publisher', `${f}.publisher`);
      const published = optional('source_published');
      const title = need('source_title', `${f}.title`);
      const value: SourceRecord =
        published !== undefined ? { url, publisher, published, title } : { url, publisher, title };
      group.sources.push({ row: r, value });
      place(f, 'source_url');
      place(`${f}.url`, 'source_url');
      place(`${f}.publisher`, 'source_publisher');
      place(`${f}.published`, 'source_published');
      place(`${f}.title`, 'source_title');
    }
  }

  // Assemble the records, keys in the order of data/cooperations.json.
  const records: CooperationRecord[] = [];
  for (const g of groups) {
    if (!g.keep) continue;
    const r = g.coop;
    const id = g.id;
    const need = (column: CsvColumn, field: string): string => {
      const value = cell(r.cells, column);
      if (value.trim() === '')
        problem(r.row, column, `empty required cell: a cooperation row needs ${column}`, {
          id,
          field,
        });
      return value;
    };
    const optional = (column: CsvColumn): string | undefined => {
      const value = cell(r.cells, column);
      return value.trim() === '' ? undefined : value;
    };
    const title = { de: need('title_de', 'title.de'), en: need('title_en', 'title.en') };
    const summary = { de: need('summary_de', 'summary.de'), en: need('summary_en', 'summary.en') };
    const signed = need('signed', 'signed');
    const effective = optional('effective');
    const ended = optional('ended');
    const kind = need('kind', 'kind') as Kind;
    const topics = parseTopics(r, id);
    const note = optional('note');

    const record: CooperationRecord = { id, title, summary, signed } as CooperationRecord;
    if (effective !== undefined) record.effective = effective;
    if (ended !== undefined) record.ended = ended;
    record.kind = kind;
    record.partners = g.partners.map((p) => p.value);
    if (g.projects.length > 0) record.projects = g.projects.map((p) => p.value);
    record.topics = topics;
    record.sources = g.sources.map((s) => s.value);
    if (note !== undefined) record.note = note;
    records.push(record);

    const place = (field: string, column: CsvColumn): void => {
      locations.set(key(id, field), at(r.row, column));
    };
    place('', 'id');
    place('id', 'id');
    place('title', 'title_de');
    place('title.de', 'title_de');
    place('title.en', 'title_en');
    place('summary', 'summary_de');
    place('summary.de', 'summary_de');
    place('summary.en', 'summary_en');
    for (const f of ['signed', 'effective', 'ended', 'kind', 'topics', 'note'] as const)
      place(f, f);
  }

  function parseTopics(r: Row, id: string): Topic[] {
    const raw = cell(r.cells, 'topics');
    if (raw === '') {
      problem(r.row, 'topics', 'empty required cell: a cooperation row needs topics', {
        id,
        field: 'topics',
      });
      return [];
    }
    const items = raw.split(';').map((t) => t.trim());
    if (items.some((t) => t === ''))
      problem(
        r.row,
        'topics',
        `malformed list ${shorten(raw)}: an empty item (write the topics as a;b, with no ` +
          `leading, trailing or doubled ";")`,
        { id, field: 'topics' },
      );
    else if (items.some((t) => /[\s,]/.test(t)))
      problem(
        r.row,
        'topics',
        `malformed list ${shorten(raw)}: separate the topics with ";" (e.g. it-security;open-source)`,
        { id, field: 'topics' },
      );
    return items.filter((t) => t !== '') as Topic[];
  }

  return result(records);
}
