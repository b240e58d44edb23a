/**
 * Cooperations as CSV for spreadsheet editors (layout: src/data/csv.ts and data/README.md).
 *
 *   npm run data:export-csv [-- --data DIR] [--out FILE] [--semicolon]
 *     writes DIR/cooperations.json as CSV (default DIR/cooperations.csv).
 *   npm run data:import-csv [-- --data DIR] [--in FILE]
 *     reads the CSV (default DIR/cooperations.csv), reports every problem with row and column,
 *     validates the result with the folder's regions, organisations and geometry, and only when
 *     there is no problem at all writes DIR/cooperations.json.
 *
 * Exit 0 with a one-line summary, 1 on any problem. Files are written through a temp file and a
 * rename, so they are never half-written.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join, relative } from 'node:path';
import {
  cooperationsToCsv,
  csvRowCount,
  csvToCooperations,
  formatCsvProblem,
  type CsvImportResult,
  type CsvProblem,
} from './lib/csv.ts';
import {
  formatProblem,
  parseJson,
  validateDataset,
  type DataFile,
  type Problem,
} from './lib/validate.ts';
import { todayInGermany } from '../src/data/partial-date.ts';
import type { CooperationRecord } from '../src/data/model.ts';

const DEFAULT_SCHEMA = './schema/cooperations.schema.json';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const shown = (path: string): string => relative(process.cwd(), path) || path;

function fail(lines: string[], summary: string): never {
  for (const line of lines) console.error(line);
  console.error(summary);
  process.exit(1);
}

/** Writes a file through a temp file in the same folder and a rename. */
function writeAtomically(path: string, content: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content, 'utf8');
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** JSON with the keys of every object sorted, to compare records regardless of key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function readCooperations(path: string): { schema: string; records: CooperationRecord[] } {
  const file = shown(path);
  if (!existsSync(path)) fail([], `${file}: file is missing`);
  const parsed = parseJson({ file, text: readFileSync(path, 'utf8') });
  if ('problem' in parsed) fail([formatProblem(parsed.problem)], `${file}: cannot read it`);
  const value = parsed.value as { $schema?: unknown; cooperations?: unknown } | null;
  if (!value || typeof value !== 'object' || !Array.isArray(value.cooperations))
    fail([], `${file}: expected an object with a "cooperations" list`);
  return {
    schema: typeof value.$schema === 'string' ? value.$schema : DEFAULT_SCHEMA,
    records: value.cooperations as CooperationRecord[],
  };
}

function exportCsv(dir: string): void {
  const jsonPath = join(dir, 'cooperations.json');
  const outPath = argValue('--out') ?? join(dir, 'cooperations.csv');
  const delimiter = process.argv.includes('--semicolon') ? ';' : ',';
  const { records } = readCooperations(jsonPath);
  const csv = cooperationsToCsv(records, { delimiter });

  // The export must be lossless: read it back before writing it.
  const back = csvToCooperations(csv, shown(outPath));
  if (back.problems.length > 0 || canonical(back.records) !== canonical(records)) {
    const index = records.findIndex((r, i) => canonical(r) !== canonical(back.records[i] ?? null));
    const which = index >= 0 ? `record "${String(records[index]?.id)}"` : 'the list of records';
    fail(
      back.problems.map(formatCsvProblem),
      `data:export-csv: ${which} in ${shown(jsonPath)} would not survive the CSV round trip ` +
        `(an empty list or text, a field the layout does not know, or a problem ` +
        `npm run data:check reports); nothing was written.`,
    );
  }
  writeAtomically(outPath, csv);
  console.log(
    `data:export-csv: wrote ${shown(outPath)}: ${records.length} cooperations in ` +
      `${csvRowCount(records)} rows (plus the header row).`,
  );
}

/** A validator problem about cooperations.json, moved to the CSV cell it came from. */
function toCsvProblem(
  p: Problem,
  result: CsvImportResult,
  csvFile: string,
  jsonFile: string,
): CsvProblem | null {
  if (p.file !== jsonFile || !p.id) return null;
  const cell = result.locate(p.id, p.field);
  if (!cell) return null;
  const moved: CsvProblem = { ...cell, file: csvFile, id: p.id, message: p.message };
  if (p.field) moved.field = p.field;
  return moved;
}

/** True when a CSV problem already covers this field (the same cell or a part of it). */
function coveredBy(p: Problem, csvProblems: CsvProblem[]): boolean {
  return csvProblems.some(
    (c) =>
      c.field !== undefined &&
      c.id === p.id &&
      p.field !== undefined &&
      (p.field === c.field ||
        p.field.startsWith(`${c.field}.`) ||
        p.field.startsWith(`${c.field}[`)),
  );
}

function importCsv(dir: string): void {
  const csvPath = argValue('--in') ?? join(dir, 'cooperations.csv');
  const jsonPath = join(dir, 'cooperations.json');
  const csvFile = shown(csvPath);
  const jsonFile = shown(jsonPath);
  if (!existsSync(csvPath))
    fail([], `${csvFile}: file is missing (npm run data:export-csv writes it)`);

  const result = csvToCooperations(readFileSync(csvPath, 'utf8'), csvFile);
  const current = existsSync(jsonPath) ? readFileSync(jsonPath, 'utf8') : null;
  let schema = DEFAULT_SCHEMA;
  if (current !== null) {
    const parsed = parseJson({ file: jsonFile, text: current });
    const value = 'value' in parsed ? (parsed.value as { $schema?: unknown } | null) : null;
    if (value && typeof value.$schema === 'string') schema = value.$schema;
  }
  const text = `${JSON.stringify({ $schema: schema, cooperations: result.records }, null, 2)}\n`;

  const read = (name: string): DataFile => {
    const path = join(dir, name);
    return { file: shown(path), text: existsSync(path) ? readFileSync(path, 'utf8') : '' };
  };
  const optional = (name: string): DataFile | undefined =>
    existsSync(join(dir, name)) ? read(name) : undefined;
  const regions = read('regions.json');
  const organisations = read('organisations.json');
  const missing = [regions, organisations]
    .filter((f) => f.text === '')
    .map((f) => `${f.file}: file is missing or empty`);
  if (missing.length > 0) fail(missing, `data:import-csv: ${jsonFile} was not changed.`);
  const states = optional('geo/states.geojson');
  const places = optional('geo/places.geojson');
  const validation = validateDataset(
    {
      regions,
      organisations,
      cooperations: { file: jsonFile, text },
      ...(states ? { states } : {}),
      ...(places ? { places } : {}),
    },
    todayInGermany(),
  );

  const lines: string[] = result.problems.map(formatCsvProblem);
  for (const p of validation.problems) {
    if (coveredBy(p, result.problems)) continue;
    const moved = toCsvProblem(p, result, csvFile, jsonFile);
    lines.push(moved ? formatCsvProblem(moved) : formatProblem(p));
  }
  if (lines.length > 0)
    fail(
      lines,
      `data:import-csv: ${lines.length} problem(s) in ${csvFile}; ${jsonFile} was not changed.`,
    );

  const count = `${result.records.length} cooperations from ${csvFile}`;
  if (text === current) {
    console.log(`data:import-csv: ${jsonFile} is already up to date (${count}).`);
    return;
  }
  writeAtomically(jsonPath, text);
  console.log(`data:import-csv: wrote ${jsonFile}: ${count}.`);
}

const command = process.argv[2];
const dir = argValue('--data') ?? 'data';
if (command === 'export') exportCsv(dir);
else if (command === 'import') importCsv(dir);
else
  fail(
    [],
    'usage: tsx scripts/data-csv.ts export [--data DIR] [--out FILE] [--semicolon]\n' +
      '       tsx scripts/data-csv.ts import [--data DIR] [--in FILE]',
  );
