/**
 * Cooperations as CSV for spreadsheet editors (layout: scripts/lib/csv.ts and data/README.md).
 *
 *   npm run data:export-csv [-- --data DIR] [--out FILE] [--semicolon]
 *     checks DIR like `npm run data:check` (the same validator: it accepts and refuses the same
 *     datasets) and writes DIR/cooperations.json as CSV (default DIR/cooperations.csv).
 *   npm run data:import-csv [-- --data DIR] [--in FILE]
 *     reads the CSV (default DIR/cooperations.csv), reports every problem with row and column,
 *     validates the result with the folder's regions, organisations, geometry and changelog, and
 *     only when there is no problem at all writes DIR/cooperations.json.
 *
 * Exit 0 with a one-line summary, 1 on any problem. Files are written through a temp file and a
 * rename, so they are never half-written.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
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
  type DataFiles,
  type Problem,
} from './lib/validate.ts';
import { todayInGermany } from '../src/data/partial-date.ts';

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

/** The data folder's files as the validator reads them, cooperations.json optionally replaced. */
function folderFiles(dir: string, cooperations?: DataFile): DataFiles {
  const read = (name: string): DataFile => {
    const path = join(dir, name);
    return { file: shown(path), text: existsSync(path) ? readFileSync(path, 'utf8') : '' };
  };
  const optional = (name: string): Record<string, DataFile> => {
    const key = { 'geo/states.geojson': 'states', 'geo/places.geojson': 'places' }[name];
    return existsSync(join(dir, name)) ? { [key ?? 'changelog']: read(name) } : {};
  };
  const files = {
    regions: read('regions.json'),
    organisations: read('organisations.json'),
    cooperations: cooperations ?? read('cooperations.json'),
    ...optional('geo/states.geojson'),
    ...optional('geo/places.geojson'),
    ...optional('CHANGELOG.md'),
  };
  const missing = [files.regions, files.organisations, files.cooperations]
    .filter((f) => f.text === '')
    .map((f) => `${f.file}: file is missing or empty`);
  if (missing.length > 0) fail(missing, `${process.argv[2] ?? 'data-csv'}: nothing was written.`);
  return files;
}

/** The first place where two JSON values differ, as a field path with both values. */
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (Object.is(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      const sub = Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      const d = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        sub,
      );
      if (d) return d;
    }
    const order = JSON.stringify(Object.keys(a)) === JSON.stringify(Object.keys(b));
    return order ? null : `${path || 'the record'}: the key order would change`;
  }
  return `${path}: ${JSON.stringify(a)} would come back as ${JSON.stringify(b)}`;
}

function exportCsv(dir: string): void {
  const outPath = argValue('--out') ?? join(dir, 'cooperations.csv');
  const delimiter = process.argv.includes('--semicolon') ? ';' : ',';
  const files = folderFiles(dir);
  const { problems, dataset } = validateDataset(files, todayInGermany());
  if (problems.length > 0 || !dataset)
    fail(
      problems.map(formatProblem),
      `data:export-csv: ${problems.length} problem(s) in ${shown(dir)}/ (the same that ` +
        `npm run data:check reports); nothing was written.`,
    );
  const records = dataset.cooperations;
  const csv = cooperationsToCsv(dataset, { delimiter });

  // The export must be lossless: read it back before writing it.
  const back = csvToCooperations(csv, shown(outPath));
  const lines = back.problems.map(formatCsvProblem);
  if (back.version !== dataset.version)
    lines.push(`version: ${dataset.version} would come back as ${String(back.version)}`);
  records.forEach((r, i) => {
    const d = firstDifference(r, back.records[i]);
    if (d) lines.push(`${files.cooperations.file}, record "${r.id}", field ${d}`);
  });
  if (back.records.length !== records.length)
    lines.push(`${records.length} records would come back as ${back.records.length}`);
  if (lines.length > 0)
    fail(
      lines,
      `data:export-csv: the CSV would not reproduce ${files.cooperations.file} exactly (a fault ` +
        `of the CSV layout, please report it); nothing was written.`,
    );
  writeAtomically(outPath, csv);
  console.log(
    `data:export-csv: wrote ${shown(outPath)}: version ${dataset.version}, ${records.length} ` +
      `cooperations in ${csvRowCount(records)} rows (plus the header row).`,
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
  // "missing required field" names the field in its message (an empty required cell).
  const missing = /^missing required field "([^"]+)"$/.exec(p.message)?.[1];
  const field = missing !== undefined ? (p.field ? `${p.field}.${missing}` : missing) : p.field;
  return csvProblems.some(
    (c) =>
      c.field !== undefined &&
      c.id === p.id &&
      field !== undefined &&
      (field === c.field || field.startsWith(`${c.field}.`) || field.startsWith(`${c.field}[`)),
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
  const json = { $schema: schema, version: result.version, cooperations: result.records };
  const text = `${JSON.stringify(json, null, 2)}\n`;
  const validation = validateDataset(folderFiles(dir, { file: jsonFile, text }), todayInGermany());

  const lines: string[] = result.problems.map(formatCsvProblem);
  for (const p of validation.problems) {
    if (coveredBy(p, result.problems)) continue;
    // A missing dataset row is already reported with its place in the CSV.
    if (result.version === null && !p.id && /"version"/.test(p.message)) continue;
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
