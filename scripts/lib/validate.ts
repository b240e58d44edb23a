/**
 * Validates a data folder: JSON syntax, the JSON Schemas in data/schema, every cross-reference,
 * the provenance of each fact, publisher kinds, source hygiene, texts and the release version.
 * Reports every problem at once, each with file, record id and field. Pure: texts in, problems
 * out. One validator for `npm run data:check` (scripts/data-check.ts) and the CSV export and
 * import (scripts/data-csv.ts); its rules live in scripts/lib/validate/, one concept a module.
 */
import type {
  CooperationRecord,
  OrganisationRecord,
  RawDataset,
  RegionRecord,
} from '../../src/data/model.ts';
import { checkGeometry } from './validate/geometry.ts';
import { parseJson } from './validate/json.ts';
import { checker, type DataFile, type Problem } from './validate/problems.ts';
import { checkProvenance } from './validate/provenance.ts';
import { checkPublisherKinds } from './validate/publishers.ts';
import { checkCooperations, checkOrganisations, checkRegions } from './validate/references.ts';
import { checkVersion } from './validate/release.ts';
import { SCHEMA_IDS, schemaProblems } from './validate/schema.ts';
import { checkSources } from './validate/sources.ts';
import {
  checkCooperationTexts,
  checkOrganisationTexts,
  checkRegionTexts,
} from './validate/text.ts';

export { formatProblem, type DataFile, type Problem } from './validate/problems.ts';
export { parseJson } from './validate/json.ts';

export interface DataFiles {
  regions: DataFile;
  organisations: DataFile;
  cooperations: DataFile;
  /** Optional geometry files; checked when given. */
  states?: DataFile;
  places?: DataFile;
  /** Optional data/CHANGELOG.md: its newest release must be the dataset's version. */
  changelog?: DataFile;
}

export interface ValidationResult {
  problems: Problem[];
  /** The parsed dataset, only when there are no problems. */
  dataset: RawDataset | null;
}

const KEYS = ['regions', 'organisations', 'cooperations'] as const;
type Key = (typeof KEYS)[number];

/** Validates the data files (and the geometry and changelog, when given). */
export function validateDataset(files: DataFiles, today: number): ValidationResult {
  const c = checker();
  const values: Partial<Record<Key, unknown>> = {};
  for (const key of KEYS) {
    const p = parseJson(files[key]);
    if ('problem' in p) c.problems.push(p.problem);
    else values[key] = p.value;
  }
  let schemaOk = true;
  for (const key of KEYS) {
    if (!(key in values)) continue;
    const ps = schemaProblems(files[key].file, SCHEMA_IDS[key], key, values[key]);
    if (ps.length) schemaOk = false;
    c.problems.push(...ps);
  }
  // The other checks run on whatever is structurally sound, so one run reports as much as possible.
  const list = <T>(key: Key): T[] => {
    const v = values[key] as Record<string, unknown> | undefined;
    const arr = v?.[key];
    return Array.isArray(arr) ? (arr.filter((x) => x && typeof x === 'object') as T[]) : [];
  };
  const regions = list<RegionRecord>('regions').filter((r) => typeof r.id === 'string');
  const organisations = list<OrganisationRecord>('organisations').filter(
    (o) => typeof o.id === 'string' && Array.isArray(o.home),
  );
  const cooperations = list<CooperationRecord>('cooperations').filter(
    (co) =>
      typeof co.id === 'string' &&
      Array.isArray(co.partners) &&
      Array.isArray(co.sources) &&
      [...co.partners, ...co.sources].every((x) => x && typeof x === 'object'),
  );
  const regionIds = new Set(regions.map((r) => r.id));
  const organisationIds = new Set(organisations.map((o) => o.id));
  const before = c.problems.length;
  checkRegions(c, files.regions.file, regions);
  for (const r of regions) checkRegionTexts(c, files.regions.file, r);
  checkOrganisations(c, files.organisations.file, organisations, regionIds);
  for (const o of organisations) checkOrganisationTexts(c, files.organisations.file, o);
  const file = files.cooperations.file;
  checkCooperations(c, file, cooperations, regionIds, organisationIds, today);
  for (const co of cooperations) {
    checkProvenance(c, file, co);
    checkPublisherKinds(c, file, co);
    checkSources(c, file, co);
    checkCooperationTexts(c, file, co);
  }
  const version = (values.cooperations as { version?: unknown } | undefined)?.version;
  checkVersion(c, file, version, files.changelog);
  // What the schema already reported is not reported twice.
  const key = (p: Problem): string => `${p.id}|${p.field}|${p.message}`;
  const seen = new Set(c.problems.slice(0, before).map(key));
  const rest = c.problems.slice(before).filter((p) => !seen.has(key(p)));
  c.problems.splice(before, c.problems.length - before, ...rest);
  checkGeometry(c, files, regions);
  const ok = c.problems.length === 0 && schemaOk && Object.keys(values).length === KEYS.length;
  return {
    problems: c.problems,
    dataset:
      ok && typeof version === 'string' ? { version, regions, organisations, cooperations } : null,
  };
}
