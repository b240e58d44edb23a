/**
 * The import's second half: typed rows → the version and the cooperation records (keys in the
 * order of data/cooperations.json), with the cell each field came from. Rows join the
 * cooperation named in their id cell, or the one above when it is empty; a cooperation cell
 * repeated on another row is fine when it agrees.
 */
import type { CooperationRecord } from '../../../src/data/model.ts';
import {
  COLUMNS,
  KEY_ORDER,
  OPTIONAL_PAIRS,
  PART_LISTS,
  columnsOf,
  ordered,
  setPath,
  type ColumnSpec,
  type PartType,
  type RowType,
} from './columns.ts';
import { shorten, type CsvCell, type CsvProblem } from './problems.ts';
import type { Row, Sheet } from './read.ts';

interface Group {
  id: string;
  /** False for a cooperation row without id or with a repeated id: its rows are dropped. */
  keep: boolean;
  coop: Row;
  parts: Record<PartType, Record<string, unknown>[]>;
}

export interface Assembled {
  version: string | null;
  records: CooperationRecord[];
  locations: Map<string, CsvCell>;
}

const EXAMPLES: Record<string, string> = {
  topics: 'it-security;open-source',
  source_supports: 'signed;partners',
};

/** The lists of parts are located at the cooperation row, not at their first part. */
const LIST_KEYS = new Set<string>(Object.values(PART_LISTS));

export const locationKey = (id: string, field: string): string => `${id}\u0000${field}`;

export function assemble(sheet: Sheet, file: string, problems: CsvProblem[]): Assembled {
  const locations = new Map<string, CsvCell>();
  const problem = (
    row: number,
    column: string,
    message: string,
    extra: { id?: string; field?: string } = {},
  ): void => {
    const p: CsvProblem = { file, ...sheet.at(row, column), message };
    if (extra.id) p.id = extra.id;
    if (extra.field) p.field = extra.field;
    problems.push(p);
  };

  /** The object of one row: its columns' values at their fields; problems for empty needs. */
  function build(
    r: Row,
    type: RowType,
    id: string,
    prefix: string,
    record: boolean,
  ): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    for (const spec of columnsOf(type)) {
      const value = sheet.cell(r, spec.name);
      const field = `${prefix}${spec.field}`;
      if (record) place(id, field, r.row, spec.name);
      if (value.trim() === '') {
        if (spec.need)
          problem(r.row, spec.name, `empty required cell: a ${type} row needs ${spec.name}`, {
            ...(id ? { id } : {}),
            field,
          });
        continue;
      }
      setPath(object, spec.field, spec.kind === 'list' ? listOf(r, spec, value, id, field) : value);
    }
    const pair = OPTIONAL_PAIRS[type];
    const half = pair ? (object[pair] as { de?: string; en?: string } | undefined) : undefined;
    if (pair && half) object[pair] = { de: half.de ?? '', en: half.en ?? '' };
    return object;
  }

  function place(id: string, field: string, row: number, column: string): void {
    if (!id) return;
    const cell = sheet.at(row, column);
    for (let f = field; !LIST_KEYS.has(f);) {
      if (!locations.has(locationKey(id, f))) locations.set(locationKey(id, f), cell);
      const parent = f.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      if (parent === f || parent === '') break;
      f = parent;
    }
  }

  function listOf(r: Row, spec: ColumnSpec, raw: string, id: string, field: string): string[] {
    const items = raw.split(';').map((t) => t.trim());
    const example = EXAMPLES[spec.name] ?? 'a;b';
    const extra = { ...(id ? { id } : {}), field };
    if (items.some((t) => t === ''))
      problem(
        r.row,
        spec.name,
        `malformed list ${shorten(raw)}: an empty item (write the items as ${example}, with no ` +
          `leading, trailing or doubled ";")`,
        extra,
      );
    else if (items.some((t) => /[\s,]/.test(t)))
      problem(
        r.row,
        spec.name,
        `malformed list ${shorten(raw)}: separate the items with ";" (e.g. ${example})`,
        extra,
      );
    return items.filter((t) => t !== '');
  }

  /** Cells of columns that do not belong to the row's type. */
  function foreignCells(r: Row, group: Group | null): void {
    const id = group?.id ? { id: group.id } : {};
    for (const spec of COLUMNS) {
      if (spec.row === null || spec.row === r.type) continue;
      const value = sheet.cell(r, spec.name);
      if (value.trim() === '') continue;
      if (spec.row === 'cooperation' && group && r.type !== 'dataset') {
        // A repeated cooperation field is fine when it agrees with the cooperation row.
        const expected = sheet.cell(group.coop, spec.name);
        if (r.type !== 'cooperation' && value !== expected)
          problem(
            r.row,
            spec.name,
            `${shorten(value)} contradicts the cooperation row (row ${group.coop.row}), which has ` +
              `${expected === '' ? 'this cell empty' : shorten(expected)}: leave the cell empty or ` +
              `repeat the same value`,
            id,
          );
        continue;
      }
      problem(
        r.row,
        spec.name,
        r.type === 'cooperation'
          ? `column ${spec.name} belongs to ${spec.row} rows: put the ${spec.row} in a row of its ` +
              `own with row_type "${spec.row}"`
          : `column ${spec.name} belongs to ${spec.row} rows, but this is a ${r.type} row`,
        id,
      );
    }
  }

  // The dataset row: exactly one, without an id.
  let version: string | null = null;
  const datasetRows = sheet.rows.filter((r) => r.type === 'dataset');
  if (datasetRows.length === 0)
    problems.push({
      file,
      ...sheet.at(1, 'version'),
      message: 'no dataset row: add a row with row_type "dataset" and the version (e.g. 2026.12.1)',
    });
  datasetRows.forEach((r, i) => {
    if (i > 0) {
      problem(r.row, 'row_type', `a second dataset row (the first is row ${datasetRows[0]!.row})`);
      return;
    }
    if (sheet.cell(r, 'id') !== '')
      problem(r.row, 'id', 'the dataset row has no id: leave the cell empty');
    foreignCells(r, null);
    const value = build(r, 'dataset', '', '', false)['version'];
    version = typeof value === 'string' ? value : null;
  });

  // Pass 1: the cooperation rows.
  const groups: Group[] = [];
  const byId = new Map<string, Group>();
  for (const r of sheet.rows) {
    if (r.type !== 'cooperation') continue;
    const id = sheet.cell(r, 'id');
    const group: Group = {
      id,
      keep: true,
      coop: r,
      parts: { partner: [], project: [], source: [] },
    };
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
          `cooperation "${id}" already has its cooperation row in row ${first.coop.row}; each ` +
            `cooperation has exactly one (its other rows are partner, project or source rows)`,
          { id },
        );
      } else byId.set(id, group);
    }
    groups.push(group);
  }

  // Pass 2: every row in order; partner, project and source rows join their cooperation.
  const groupOfRow = new Map(groups.map((g) => [g.coop, g]));
  let current: Group | null = null;
  for (const r of sheet.rows) {
    if (r.type === 'dataset') continue;
    if (r.type === 'cooperation') {
      current = groupOfRow.get(r) ?? null;
      foreignCells(r, current);
      continue;
    }
    const idCell = sheet.cell(r, 'id');
    let group: Group | null;
    if (idCell !== '') {
      group = byId.get(idCell) ?? null;
      if (!group)
        problem(
          r.row,
          'id',
          `this ${r.type} row belongs to no cooperation: no row with row_type "cooperation" has ` +
            `the id "${idCell}"`,
          { id: idCell },
        );
    } else {
      group = current;
      if (!group)
        problem(
          r.row,
          'id',
          `this ${r.type} row belongs to no cooperation: its id is empty and no cooperation row ` +
            `comes before it`,
        );
    }
    current = group;
    if (!group) continue;
    foreignCells(r, group);
    const type = r.type as PartType;
    const prefix = `${PART_LISTS[type]}[${group.parts[type].length}].`;
    const id = group.keep ? group.id : '';
    group.parts[type].push(ordered(build(r, type, id, prefix, group.keep), KEY_ORDER[type]));
  }

  // The records, keys in the order of data/cooperations.json.
  const records: CooperationRecord[] = [];
  for (const g of groups) {
    if (!g.keep) continue;
    place(g.id, '', g.coop.row, 'id');
    place(g.id, 'id', g.coop.row, 'id');
    const record = build(g.coop, 'cooperation', g.id, '', true);
    record['id'] = g.id;
    for (const type of Object.keys(PART_LISTS) as PartType[])
      if (g.parts[type].length > 0 || type !== 'project') record[PART_LISTS[type]] = g.parts[type];
    records.push(ordered(record, KEY_ORDER.cooperation) as unknown as CooperationRecord);
  }
  return { version, records, locations };
}
