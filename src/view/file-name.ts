/** File names of exports, made only of known ids and dates. Pure. */
import { isRangeMode } from '../time/in-force.ts';
import { formatDay } from '../data/partial-date.ts';
import type { Tab, UrlView } from './view-state.ts';

/** Keeps [A-Za-z0-9-] only: anything else becomes "-", runs collapse, ends are trimmed. */
export function sanitizeFilePart(text: string): string {
  return text
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * "kooperationsatlas-2020-12-11-DE-BB.svg"; in signed mode the period
 * "kooperationsatlas-2020-01-01_2020-12-11.png", in diff mode the two dates
 * "kooperationsatlas-diff-2019-01-01_2023-01-01.png". The selection is named only when it is known
 * (`isKnown`), and kept to [A-Za-z0-9-]. The matrix is "kooperationsatlas-matrix-2020-12-11.svg".
 */
export function exportFileName(
  view: Pick<UrlView, 'mode' | 'date' | 'from' | 'select'> & { tab?: Tab },
  isKnown: (id: string) => boolean,
  ext: string,
): string {
  const range = `${formatDay(view.from)}_${formatDay(view.date)}`;
  const when = !isRangeMode(view.mode)
    ? formatDay(view.date)
    : view.mode === 'diff'
      ? `diff-${range}`
      : range;
  const select = view.select !== null && isKnown(view.select) ? sanitizeFilePart(view.select) : '';
  const what = view.tab === 'matrix' ? 'matrix-' : '';
  return `kooperationsatlas-${what}${when}${select ? `-${select}` : ''}.${ext}`;
}
