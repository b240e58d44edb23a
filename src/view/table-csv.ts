/**
 * The table's downloads as files: CSV written by Papa Parse (RFC 4180, CRLF, UTF-8 with a BOM so
 * that spreadsheets read the umlauts, and `escapeFormulae` so that no cell runs as a formula) and
 * JSON of the same rows. Loaded on demand (only when a download is asked for). Pure.
 */
import Papa from 'papaparse';
import type { DownloadRecord } from './table.ts';

const FIELDS = [
  'id',
  'title',
  'signed',
  'effective',
  'ended',
  'kind',
  'partners',
  'partner_ids',
  'topics',
  'change',
  'sources',
] as const satisfies readonly (keyof DownloadRecord)[];

/** Lists are joined with "; " inside one cell. */
const LIST_SEPARATOR = '; ';

export function recordsToCsv(records: readonly DownloadRecord[], withChange: boolean): string {
  const fields = FIELDS.filter((f) => withChange || f !== 'change');
  const data = records.map((r) =>
    fields.map((f) => {
      const v = r[f];
      return Array.isArray(v) ? v.join(LIST_SEPARATOR) : (v ?? '');
    }),
  );
  return `\uFEFF${Papa.unparse({ fields: [...fields], data }, { escapeFormulae: true, newline: '\r\n' })}\r\n`;
}

export interface DownloadMeta {
  dataVersion: string;
  /** The permalink of the view the rows come from. */
  view: string;
  /** The day of the download (YYYY-MM-DD). */
  accessed: string;
}

export function recordsToJson(records: readonly DownloadRecord[], meta: DownloadMeta): string {
  return `${JSON.stringify({ source: 'Kooperationsatlas', ...meta, rows: records }, null, 2)}\n`;
}
