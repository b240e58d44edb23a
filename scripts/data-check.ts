/**
 * npm run data:check [-- --data DIR]
 * Validates a data folder (default data/; its CHANGELOG.md too, when there is one) and reports
 * every problem at once.
 * Exit 0 with a one-line summary, 1 on any problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatProblem, validateDataset, type DataFile } from './lib/validate.ts';
import { todayInGermany } from '../src/data/partial-date.ts';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const dir = argValue('--data') ?? 'data';
const read = (name: string): DataFile => {
  const path = join(dir, name);
  const file = relative(process.cwd(), path) || path;
  if (!existsSync(path)) return { file, text: '' };
  return { file, text: readFileSync(path, 'utf8') };
};
const optional = (name: string): DataFile | undefined =>
  existsSync(join(dir, name)) ? read(name) : undefined;

const files = {
  regions: read('regions.json'),
  organisations: read('organisations.json'),
  cooperations: read('cooperations.json'),
  ...(optional('geo/states.geojson') ? { states: read('geo/states.geojson') } : {}),
  ...(optional('geo/places.geojson') ? { places: read('geo/places.geojson') } : {}),
  ...(optional('CHANGELOG.md') ? { changelog: read('CHANGELOG.md') } : {}),
};
for (const f of [files.regions, files.organisations, files.cooperations]) {
  if (f.text === '') {
    console.error(`${f.file}: file is missing or empty`);
    process.exit(1);
  }
}

const { problems, dataset } = validateDataset(files, todayInGermany());
if (problems.length > 0 || !dataset) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`data:check: ${problems.length} problem(s) in ${dir}/`);
  process.exit(1);
}
console.log(
  `data:check: ${dir}/ is valid: release ${dataset.version}, ${dataset.cooperations.length} cooperations, ` +
    `${dataset.regions.length} regions, ${dataset.organisations.length} organisations.`,
);
