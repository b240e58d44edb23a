/**
 * The accessible alternative to the map: a table of the cooperations shown (the same time and
 * filters as the map), sortable by every column, downloadable as CSV and JSON exactly as shown.
 * In diff mode a column says what changed.
 */
import './panel.css';
import { useMemo, useState } from 'react';
import { formatDay } from '../data/partial-date.ts';
import { formatPartialDate } from '../i18n/format.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import { isKnownId } from '../model/atlas-model.ts';
import { select } from '../view/actions.ts';
import { changesOf } from '../view/diff.ts';
import { exportFileName } from '../view/file-name.ts';
import {
  columnsFor,
  DEFAULT_SORT,
  downloadRecords,
  nextSort,
  partnerNames,
  sortRows,
  type TableSort,
} from '../view/table.ts';
import { viewLink } from '../view/url.ts';
import { useAct, useAtlas, useDerived, useView } from '../ui/atlas-context.tsx';
import { download } from '../ui/download.ts';

const CHANGE_MARK = { added: '+', ended: '−', continued: '=' } as const;

export function TableView() {
  const { model, store } = useAtlas();
  const derived = useDerived();
  const lang = useView((v) => v.lang);
  const act = useAct();
  const s = STRINGS[lang];
  const [sort, setSort] = useState<TableSort>(DEFAULT_SORT);
  const ctx = useMemo(() => ({ atlas: model.atlas, lang }), [model, lang]);
  const rows = useMemo(() => {
    const changes = derived.diff ? changesOf(derived.diff) : null;
    const all = derived.visible.map((c) => ({
      cooperation: c,
      change: changes?.get(c.id) ?? null,
    }));
    return sortRows(all, sort, ctx);
  }, [derived, sort, ctx]);
  const columns = columnsFor(derived.diff !== null);

  const save = async (kind: 'csv' | 'json') => {
    const { recordsToCsv, recordsToJson } = await import('../view/table-csv.ts');
    const view = store.get();
    const records = downloadRecords(rows, ctx);
    const name = exportFileName(view, (id) => isKnownId(model, id), kind);
    const text =
      kind === 'csv'
        ? recordsToCsv(records, derived.diff !== null)
        : recordsToJson(records, {
            dataVersion: model.atlas.dataVersion,
            view: viewLink(window.location.href, view, model.today),
            accessed: formatDay(model.today),
          });
    const type = kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
    download(new Blob([text], { type }), name);
  };

  return (
    <div className="table-wrap" data-testid="table">
      <div className="table-tools">
        <button
          type="button"
          className="text-button"
          onClick={() => void save('csv')}
          data-testid="download-csv"
        >
          {s.downloadCsv}
        </button>
        <button
          type="button"
          className="text-button"
          onClick={() => void save('json')}
          data-testid="download-json"
        >
          {s.downloadJson}
        </button>
      </div>
      <table className="coop-table">
        <caption>{fill(s.tableCaption, { n: rows.length })}</caption>
        <thead>
          <tr>
            {columns.map((col) => {
              const sorted = sort.column === col.key ? sort.direction : undefined;
              return (
                <th key={col.key} scope="col" aria-sort={sorted} data-column={col.key}>
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => setSort(nextSort(sort, col.key))}
                  >
                    {col.header(lang)}
                    <span className="sort-mark" aria-hidden="true">
                      {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
                    </span>
                    {sorted && <span className="visually-hidden">, {s.tableSorted[sorted]}</span>}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ cooperation: c, change }) => (
            <tr
              key={c.id}
              data-cooperation={c.id}
              className={change ? `is-${change}` : undefined}
              {...(change ? { 'data-change': change } : {})}
            >
              <th scope="row">
                <button type="button" className="link-button" onClick={() => act(select(c.id))}>
                  <bdi>{c.title[lang]}</bdi>
                </button>
              </th>
              <td>
                <time dateTime={c.signed.iso}>{formatPartialDate(c.signed, lang)}</time>
              </td>
              <td>{s.kind[c.kind]}</td>
              <td>
                <bdi>{partnerNames(c, ctx).join(', ')}</bdi>
              </td>
              <td>{c.topics.map((t) => s.topic[t]).join(', ')}</td>
              {change && (
                <td className="change-cell">
                  <span className="change-mark" aria-hidden="true">
                    {CHANGE_MARK[change]}
                  </span>{' '}
                  {s[`change_${change}`]}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
