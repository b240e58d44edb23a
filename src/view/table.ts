/**
 * The table of the shown cooperations: its columns (one table of header, cell text and sort
 * key), sorting, and the records a download writes (the same rows, the id first). Pure.
 */
import type { Atlas, Cooperation } from '../data/atlas.ts';
import type { Lang } from '../data/model.ts';
import { formatPartialDate } from '../i18n/format.ts';
import { STRINGS } from '../i18n/strings.ts';
import { regionName } from '../i18n/text.ts';
import type { Change } from '../time/in-force.ts';

export type ColumnKey = 'title' | 'signed' | 'kind' | 'partners' | 'topics' | 'change';
export type SortDirection = 'ascending' | 'descending';
export interface TableSort {
  column: ColumnKey;
  direction: SortDirection;
}
/** The table's first order: newest first, as every list of the app. */
export const DEFAULT_SORT: TableSort = { column: 'signed', direction: 'descending' };

export interface TableRow {
  cooperation: Cooperation;
  change: Change | null;
}

export interface TableContext {
  atlas: Pick<Atlas, 'regions'>;
  lang: Lang;
}

const CHANGE_ORDER: Record<Change, number> = { added: 0, continued: 1, ended: 2 };
const COLLATOR: Record<Lang, Intl.Collator> = {
  de: new Intl.Collator('de-DE', { sensitivity: 'base', numeric: true }),
  en: new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true }),
};

export const partnerNames = (c: Cooperation, ctx: TableContext): string[] =>
  c.regions.map((id) => regionName(ctx.atlas.regions.get(id), ctx.lang, id));

interface Column {
  key: ColumnKey;
  header: (lang: Lang) => string;
  /** The cell as text (what the table and the CSV show). */
  text: (row: TableRow, ctx: TableContext) => string;
  /** Compares two rows ascending (ties are broken by date, then id). */
  compare: (a: TableRow, b: TableRow, ctx: TableContext) => number;
}

const byText =
  (text: Column['text']): Column['compare'] =>
  (a, b, ctx) =>
    COLLATOR[ctx.lang].compare(text(a, ctx), text(b, ctx));

const title: Column['text'] = (r, ctx) => r.cooperation.title[ctx.lang];
const kind: Column['text'] = (r, ctx) => STRINGS[ctx.lang].kind[r.cooperation.kind];
const topics: Column['text'] = (r, ctx) =>
  r.cooperation.topics.map((t) => STRINGS[ctx.lang].topic[t]).join(', ');
const change: Column['text'] = (r, ctx) =>
  r.change ? STRINGS[ctx.lang][`change_${r.change}`] : '';

export const COLUMNS: readonly Column[] = [
  { key: 'title', header: (l) => STRINGS[l].tableTitle, text: title, compare: byText(title) },
  {
    key: 'signed',
    header: (l) => STRINGS[l].tableDate,
    text: (r, ctx) => formatPartialDate(r.cooperation.signed, ctx.lang),
    compare: (a, b) => a.cooperation.signed.start - b.cooperation.signed.start,
  },
  { key: 'kind', header: (l) => STRINGS[l].tableKind, text: kind, compare: byText(kind) },
  {
    key: 'partners',
    header: (l) => STRINGS[l].tablePartners,
    text: (r, ctx) => partnerNames(r.cooperation, ctx).join(', '),
    // By how many take part (the question a researcher asks of this column).
    compare: (a, b) => a.cooperation.regions.length - b.cooperation.regions.length,
  },
  { key: 'topics', header: (l) => STRINGS[l].tableTopics, text: topics, compare: byText(topics) },
  {
    key: 'change',
    header: (l) => STRINGS[l].tableChange,
    text: change,
    compare: (a, b) =>
      (a.change ? CHANGE_ORDER[a.change] : 3) - (b.change ? CHANGE_ORDER[b.change] : 3),
  },
];

/** The columns of a view: the change only in diff mode. */
export function columnsFor(diff: boolean): readonly Column[] {
  return diff ? COLUMNS : COLUMNS.filter((c) => c.key !== 'change');
}

/** Rows sorted by a column; equal rows stay newest first, then by id. Returns a new array. */
export function sortRows(
  rows: readonly TableRow[],
  sort: TableSort,
  ctx: TableContext,
): TableRow[] {
  const column = COLUMNS.find((c) => c.key === sort.column) ?? COLUMNS[1]!;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort(
    (a, b) =>
      sign * column.compare(a, b, ctx) ||
      b.cooperation.signed.start - a.cooperation.signed.start ||
      (a.cooperation.id < b.cooperation.id ? -1 : 1),
  );
}

/** Clicking a column's header: the same column turns around, another starts in its natural order. */
export function nextSort(current: TableSort, column: ColumnKey): TableSort {
  if (current.column === column)
    return {
      column,
      direction: current.direction === 'ascending' ? 'descending' : 'ascending',
    };
  // Dates and partner counts start with the most; texts from A.
  const most = column === 'signed' || column === 'partners';
  return { column, direction: most ? 'descending' : 'ascending' };
}

/** One record per row for a download: machine-readable values, the id first. */
export interface DownloadRecord {
  id: string;
  title: string;
  signed: string;
  effective: string;
  ended: string;
  kind: string;
  partners: string[];
  partner_ids: string[];
  topics: string[];
  change?: string;
  sources: string[];
}

export function downloadRecords(rows: readonly TableRow[], ctx: TableContext): DownloadRecord[] {
  return rows.map(({ cooperation: c, change: ch }) => ({
    id: c.id,
    title: c.title[ctx.lang],
    signed: c.signed.iso,
    effective: c.effective?.iso ?? '',
    ended: c.ended?.iso ?? '',
    kind: c.kind,
    partners: partnerNames(c, ctx),
    partner_ids: [...c.regions],
    topics: [...c.topics],
    ...(ch ? { change: ch } : {}),
    sources: c.sources.map((s) => s.url),
  }));
}
