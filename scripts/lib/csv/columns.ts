/**
 * The one table of the CSV layout: every column, the row type it belongs to and the field of the
 * record it maps to. The export writes and the import reads the columns in this order.
 */

export const ROW_TYPES = ['dataset', 'cooperation', 'partner', 'project', 'source'] as const;
export type RowType = (typeof ROW_TYPES)[number];

/** The row types of a cooperation's parts: each maps to a list of the record. */
export const PART_LISTS = { partner: 'partners', project: 'projects', source: 'sources' } as const;
export type PartType = keyof typeof PART_LISTS;

export interface ColumnSpec {
  name: string;
  /** The row type whose rows fill it; null for `id` and `row_type`, which every row has. */
  row: RowType | null;
  /** The field inside the row's object (the dataset, the record, a partner, project or source). */
  field: string;
  /** text: kept verbatim; code: trimmed; list: trimmed items joined with ";". */
  kind: 'text' | 'code' | 'list';
  /** A row of its type must fill it. */
  need: boolean;
  /** Row 1 must name it (always, or only when the file has rows of its type). */
  header: 'required' | 'optional' | 'with-rows';
}

const col = (
  name: string,
  row: RowType | null,
  field: string,
  kind: ColumnSpec['kind'],
  need: boolean,
  header: ColumnSpec['header'] = need ? 'required' : 'optional',
): ColumnSpec => ({ name, row, field, kind, need, header });

export const COLUMNS: readonly ColumnSpec[] = [
  col('id', null, 'id', 'code', false, 'required'),
  col('row_type', null, 'row_type', 'code', true),
  col('version', 'dataset', 'version', 'code', true),
  col('title_de', 'cooperation', 'title.de', 'text', true),
  col('title_en', 'cooperation', 'title.en', 'text', true),
  col('summary_de', 'cooperation', 'summary.de', 'text', true),
  col('summary_en', 'cooperation', 'summary.en', 'text', true),
  col('signed', 'cooperation', 'signed', 'code', true),
  col('effective', 'cooperation', 'effective', 'code', false),
  col('ended', 'cooperation', 'ended', 'code', false),
  col('kind', 'cooperation', 'kind', 'code', true),
  col('topics', 'cooperation', 'topics', 'list', true),
  col('note_de', 'cooperation', 'note.de', 'text', false),
  col('note_en', 'cooperation', 'note.en', 'text', false),
  col('partner_region', 'partner', 'region', 'code', true),
  col('partner_organisation', 'partner', 'organisation', 'code', false),
  col('partner_role', 'partner', 'role', 'code', false),
  col('partner_joined', 'partner', 'joined', 'code', false),
  col('project_title_de', 'project', 'title.de', 'text', true, 'with-rows'),
  col('project_title_en', 'project', 'title.en', 'text', true, 'with-rows'),
  col('project_summary_de', 'project', 'summary.de', 'text', false),
  col('project_summary_en', 'project', 'summary.en', 'text', false),
  col('project_lead', 'project', 'lead', 'code', true, 'with-rows'),
  col('source_url', 'source', 'url', 'code', true),
  col('source_publisher', 'source', 'publisher', 'text', true),
  col('source_publisher_kind', 'source', 'publisherKind', 'code', true),
  col('source_published', 'source', 'published', 'code', false),
  col('source_title', 'source', 'title', 'text', true),
  col('source_supports', 'source', 'supports', 'list', true),
];

/** The column names in the order the export writes them. */
export const CSV_COLUMNS = COLUMNS.map((c) => c.name);
export type CsvColumn = string;

export const columnSpec = (name: string): ColumnSpec | undefined =>
  COLUMNS.find((c) => c.name === name);

/** The columns of one row type, in table order. */
export const columnsOf = (row: RowType): ColumnSpec[] => COLUMNS.filter((c) => c.row === row);

/** Key orders of the JSON objects (data/README.md); the import writes keys in these orders. */
export const KEY_ORDER = {
  cooperation: [
    'id',
    'title',
    'summary',
    'signed',
    'effective',
    'ended',
    'kind',
    'partners',
    'projects',
    'topics',
    'sources',
    'note',
  ],
  partner: ['region', 'organisation', 'role', 'joined'],
  project: ['title', 'summary', 'lead'],
  source: ['url', 'publisher', 'publisherKind', 'published', 'title', 'supports'],
} as const;

/** Localized pairs that are optional as a whole: present when either language is filled. */
export const OPTIONAL_PAIRS: Partial<Record<RowType, string>> = {
  cooperation: 'note',
  project: 'summary',
};

/** The value at a dotted path ("title.de") of an object, or undefined. */
export function getPath(object: unknown, path: string): unknown {
  let cur: unknown = object;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Sets a dotted path, creating the objects on the way. */
export function setPath(object: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = object;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (next === null || typeof next !== 'object') cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]!] = value;
}

/** The cell text of a field: lists joined with ";", absent values empty. */
export function cellOf(spec: ColumnSpec, object: unknown): string {
  const value = getPath(object, spec.field);
  if (spec.kind === 'list') return Array.isArray(value) ? value.join(';') : '';
  return typeof value === 'string' ? value : '';
}

/** An object with its keys in the given order (keys not in the order last, as they came). */
export function ordered<T extends object>(object: T, order: readonly string[]): T {
  const entries = Object.entries(object);
  const rank = (k: string): number => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b))) as T;
}
