/** File names of exports, made only of known ids and dates. Pure. */
import { formatDay } from '../data/partial-date.ts';
import type { UrlView } from '../view/view-state.ts';

/** Keeps [A-Za-z0-9-] only: anything else becomes "-", runs collapse, ends are trimmed. */
export function sanitizeFilePart(text: string): string {
  return text
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * "kooperationsatlas-2020-12-11-DE-BB.svg"; in signed mode the period
 * "kooperationsatlas-2020-01-01_2020-12-11.png". The selection is named only when it is known
 * (`isKnown`), and kept to [A-Za-z0-9-].
 */
export function exportFileName(
  view: Pick<UrlView, 'mode' | 'date' | 'from' | 'select'>,
  isKnown: (id: string) => boolean,
  ext: string,
): string {
  const when =
    view.mode === 'signed'
      ? `${formatDay(view.from)}_${formatDay(view.date)}`
      : formatDay(view.date);
  const select = view.select !== null && isKnown(view.select) ? sanitizeFilePart(view.select) : '';
  return `kooperationsatlas-${when}${select ? `-${select}` : ''}.${ext}`;
}
