/**
 * Validates a data folder: JSON syntax, the JSON Schemas in data/schema, and every
 * cross-reference. Reports every problem at once, each with file, record id and field.
 * Pure: texts in, problems out (the CLI in scripts/data-check.ts reads the files).
 */
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import commonSchema from '../../data/schema/common.schema.json' with { type: 'json' };
import regionsSchema from '../../data/schema/regions.schema.json' with { type: 'json' };
import organisationsSchema from '../../data/schema/organisations.schema.json' with { type: 'json' };
import cooperationsSchema from '../../data/schema/cooperations.schema.json' with { type: 'json' };
import type {
  CooperationRecord,
  OrganisationRecord,
  RawDataset,
  RegionRecord,
} from '../../src/data/model.ts';
import { parsePartialDate, formatDay, type PartialDate } from '../../src/data/partial-date.ts';

export interface Problem {
  file: string;
  /** The record id, where the problem belongs to a record. */
  id?: string;
  /** The field, as a path inside the record (e.g. "partners[1].region"). */
  field?: string;
  message: string;
}

export interface DataFile {
  file: string;
  text: string;
}
export interface DataFiles {
  regions: DataFile;
  organisations: DataFile;
  cooperations: DataFile;
  /** Optional geometry files; checked when given. */
  states?: DataFile;
  places?: DataFile;
}

export interface ValidationResult {
  problems: Problem[];
  /** The parsed dataset, only when there are no problems. */
  dataset: RawDataset | null;
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.id ? `record "${p.id}"` : '', p.field ? `field ${p.field}` : '']
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}`;
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** JSON.parse with a problem naming line and column instead of an exception. */
export function parseJson(file: DataFile): { value: unknown } | { problem: Problem } {
  try {
    return { value: JSON.parse(file.text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    let where: string;
    if (lc) where = `line ${lc[1]}, column ${lc[2]}`;
    else if (pos) {
      const { line, column } = lineColumn(file.text, Number(pos[1]));
      where = `line ${line}, column ${column}`;
    } else {
      const { line, column } = lineColumn(file.text, file.text.length);
      where = `line ${line}, column ${column} (end of file)`;
    }
    const reason = message
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/ in JSON at position \d+.*$/, '');
    return { problem: { file: file.file, message: `invalid JSON at ${where}: ${reason}` } };
  }
}

let ajvCache: Ajv2020 | null = null;
function ajv(): Ajv2020 {
  if (!ajvCache) {
    ajvCache = new Ajv2020({ allErrors: true, strict: false });
    ajvCache.addSchema(commonSchema);
    ajvCache.addSchema(regionsSchema);
    ajvCache.addSchema(organisationsSchema);
    ajvCache.addSchema(cooperationsSchema);
  }
  return ajvCache;
}

/** "/cooperations/3/partners/1/region" → { index: 3, field: "partners[1].region" } */
function splitPath(path: string): { index: number | null; field: string } {
  const parts = path.split('/').slice(1);
  if (parts.length < 2) return { index: null, field: parts.join('.') };
  const index = Number(parts[1]);
  let field = '';
  for (const part of parts.slice(2)) {
    if (/^\d+$/.test(part)) field += `[${part}]`;
    else field += field ? `.${part}` : part;
  }
  return { index: Number.isNaN(index) ? null : index, field };
}

const DATE_FIELDS = /(^|\.)(signed|effective|ended|joined|published)$/;

function describeSchemaError(e: ErrorObject, field: string, value: unknown): string {
  const shown = JSON.stringify(value);
  switch (e.keyword) {
    case 'required':
      return `missing required field "${String(e.params['missingProperty'])}"`;
    case 'additionalProperties':
      return `unknown field "${String(e.params['additionalProperty'])}"`;
    case 'enum': {
      const allowed = (e.params['allowedValues'] as unknown[]).join(', ');
      if (/topics\[\d+\]$/.test(field)) return `unknown topic ${shown} (allowed: ${allowed})`;
      if (/^kind$/.test(field)) return `unknown kind ${shown} (allowed: ${allowed})`;
      return `${shown} is not one of: ${allowed}`;
    }
    case 'pattern':
    case 'minLength':
      if (DATE_FIELDS.test(field))
        return `malformed date ${shown}: expected YYYY, YYYY-MM or YYYY-MM-DD`;
      if (/url$/.test(field)) return `source URL must start with http:// or https://: ${shown}`;
      if (/(title|summary|name|fullName)\.(de|en)$/.test(field) || /(^|\.)title$/.test(field))
        return `empty text`;
      if (/(region|home\[\d+\]|owners\[\d+\]|^id$|state)$/.test(field))
        return `malformed id ${shown}`;
      return `invalid value ${shown}`;
    case 'type':
      return `must be of type ${String(e.params['type'])}, got ${shown}`;
    case 'minItems':
      if (/^topics$/.test(field)) return 'needs at least one topic';
      if (/^sources$/.test(field)) return 'needs at least one source';
      return `needs at least ${String(e.params['limit'])} item(s)`;
    case 'uniqueItems':
      return `contains a duplicate value`;
    default:
      return e.message ?? 'invalid';
  }
}

function getAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const part of path.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function schemaProblems(
  file: string,
  schemaId: string,
  listKey: string,
  value: unknown,
): Problem[] {
  const validate = ajv().getSchema(schemaId);
  if (!validate) throw new Error(`schema ${schemaId} missing`);
  if (validate(value)) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    // An "enum"/"pattern" error inside anyOf-like constructs can repeat; keep one per path.
    const split = splitPath(e.instancePath);
    const field = split.field;
    let index = split.index;
    if (e.keyword === 'required' || e.keyword === 'additionalProperties') {
      // Errors on the record object itself.
      if (index === null && e.instancePath.startsWith(`/${listKey}/`)) {
        index = Number(e.instancePath.split('/')[2]);
      }
    }
    const list = (value as Record<string, unknown> | null)?.[listKey];
    const record = Array.isArray(list) && index !== null ? (list[index] as unknown) : undefined;
    const id =
      record && typeof record === 'object' && typeof (record as { id?: unknown }).id === 'string'
        ? (record as { id: string }).id
        : index !== null
          ? `#${index + 1}`
          : undefined;
    const message = describeSchemaError(e, field, getAt(value, e.instancePath));
    const key = `${id}|${field}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const problem: Problem = { file, message };
    if (id !== undefined) problem.id = id;
    if (field) problem.field = field;
    problems.push(problem);
  }
  return problems;
}

const EARLIEST_YEAR = 1990;

interface Checker {
  problems: Problem[];
  add(file: string, id: string | undefined, field: string | undefined, message: string): void;
}

function checker(): Checker {
  const problems: Problem[] = [];
  return {
    problems,
    add(file, id, field, message) {
      const p: Problem = { file, message };
      if (id !== undefined) p.id = id;
      if (field !== undefined) p.field = field;
      problems.push(p);
    },
  };
}

function checkDuplicates(c: Checker, file: string, records: { id: string }[], what: string): void {
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.id)) c.add(file, r.id, 'id', `duplicate ${what} id "${r.id}"`);
    seen.add(r.id);
  }
}

function checkRegions(c: Checker, file: string, regions: RegionRecord[]): void {
  checkDuplicates(c, file, regions, 'region');
  const byId = new Map(regions.map((r) => [r.id, r]));
  for (const r of regions) {
    if (r.kind === 'federal' && r.id !== 'DE') c.add(file, r.id, 'id', 'the Bund has the id "DE"');
    if (r.kind === 'state') {
      if (!/^DE-[A-Z]{2}$/.test(r.id)) c.add(file, r.id, 'id', 'a Land has an ISO 3166-2 id');
      if (!r.ags || r.ags.length !== 2) c.add(file, r.id, 'ags', 'a Land needs its 2-digit AGS');
    }
    if (r.kind === 'district' || r.kind === 'municipality') {
      const digits = r.kind === 'district' ? 5 : 8;
      if (r.ags !== r.id || r.id.length !== digits)
        c.add(file, r.id, 'ags', `a ${r.kind} has its ${digits}-digit AGS as id and ags`);
      const state = r.state ? byId.get(r.state) : undefined;
      if (!r.state) c.add(file, r.id, 'state', `missing the Land of this ${r.kind}`);
      else if (!state || state.kind !== 'state')
        c.add(file, r.id, 'state', `unknown Land "${r.state}"`);
      else if (state.ags && !r.id.startsWith(state.ags))
        c.add(file, r.id, 'state', `AGS ${r.id} does not belong to ${state.id} (AGS ${state.ags})`);
    }
  }
}

function checkOrganisations(
  c: Checker,
  file: string,
  organisations: OrganisationRecord[],
  regionIds: Set<string>,
): void {
  checkDuplicates(c, file, organisations, 'organisation');
  for (const o of organisations) {
    o.home.forEach((h, i) => {
      if (!regionIds.has(h)) c.add(file, o.id, `home[${i}]`, `unknown region "${h}"`);
    });
    o.owners?.forEach((h, i) => {
      if (!regionIds.has(h)) c.add(file, o.id, `owners[${i}]`, `unknown region "${h}"`);
    });
  }
}

function checkCooperations(
  c: Checker,
  file: string,
  cooperations: CooperationRecord[],
  regionIds: Set<string>,
  organisationIds: Set<string>,
  today: number,
): void {
  checkDuplicates(c, file, cooperations, 'cooperation');
  for (const co of cooperations) {
    const date = (field: string, text: string | undefined): PartialDate | null => {
      if (text === undefined) return null;
      const d = parsePartialDate(text);
      if (!d) {
        c.add(file, co.id, field, `malformed date "${text}": expected YYYY, YYYY-MM or YYYY-MM-DD`);
        return null;
      }
      return d;
    };
    const signed = date('signed', co.signed);
    const effective = date('effective', co.effective);
    const ended = date('ended', co.ended);
    if (signed) {
      if (signed.start > today)
        c.add(
          file,
          co.id,
          'signed',
          `signed ${co.signed} lies in the future (today is ${formatDay(today)})`,
        );
      if (signed.year < EARLIEST_YEAR)
        c.add(file, co.id, 'signed', `signed ${co.signed} lies before ${EARLIEST_YEAR}`);
    }
    if (ended) {
      if (signed && ended.start < signed.start)
        c.add(file, co.id, 'ended', `ended ${co.ended} lies before signed ${co.signed}`);
      if (effective && ended.start < effective.start)
        c.add(file, co.id, 'ended', `ended ${co.ended} lies before effective ${co.effective}`);
      if (ended.start > today)
        c.add(
          file,
          co.id,
          'ended',
          `ended ${co.ended} lies in the future (today is ${formatDay(today)})`,
        );
    }
    if (effective && effective.year < EARLIEST_YEAR)
      c.add(file, co.id, 'effective', `effective ${co.effective} lies before ${EARLIEST_YEAR}`);

    if (co.partners.length < 2)
      c.add(file, co.id, 'partners', `needs at least two partners, has ${co.partners.length}`);
    const seenPartners = new Map<string, number>();
    const partnerRefs = new Set<string>();
    co.partners.forEach((p, i) => {
      const f = `partners[${i}]`;
      if (!regionIds.has(p.region))
        c.add(file, co.id, `${f}.region`, `unknown region "${p.region}"`);
      if (p.organisation !== undefined && !organisationIds.has(p.organisation))
        c.add(file, co.id, `${f}.organisation`, `unknown organisation "${p.organisation}"`);
      const key = `${p.region}|${p.organisation ?? ''}`;
      const first = seenPartners.get(key);
      if (first !== undefined)
        c.add(
          file,
          co.id,
          f,
          `partner ${p.region}${p.organisation ? ` (${p.organisation})` : ''} is listed twice (also partners[${first}])`,
        );
      else seenPartners.set(key, i);
      partnerRefs.add(p.region);
      if (p.organisation) partnerRefs.add(p.organisation);
      const joined = date(`${f}.joined`, p.joined);
      if (joined) {
        const from = effective && signed ? Math.min(effective.start, signed.start) : signed?.start;
        if (from !== undefined && joined.start < from)
          c.add(file, co.id, `${f}.joined`, `joined ${p.joined} lies before signed ${co.signed}`);
        if (joined.start > today)
          c.add(
            file,
            co.id,
            `${f}.joined`,
            `joined ${p.joined} lies in the future (today is ${formatDay(today)})`,
          );
        if (ended && joined.start > ended.start)
          c.add(file, co.id, `${f}.joined`, `joined ${p.joined} lies after ended ${co.ended}`);
      }
    });
    co.projects?.forEach((pr, i) => {
      if (!partnerRefs.has(pr.lead))
        c.add(file, co.id, `projects[${i}].lead`, `lead "${pr.lead}" is not one of the partners`);
    });
    co.sources.forEach((s, i) => {
      if (s.published !== undefined) date(`sources[${i}].published`, s.published);
    });
  }
}

interface GeoFeature {
  id?: unknown;
  properties?: { id?: unknown } | null;
  geometry?: { type?: unknown } | null;
}

function checkGeometry(c: Checker, files: DataFiles, regions: RegionRecord[]): void {
  if (files.states) {
    const parsed = parseJson(files.states);
    if ('problem' in parsed) c.problems.push(parsed.problem);
    else {
      const features = (parsed.value as { features?: GeoFeature[] }).features ?? [];
      const ids = new Set(features.map((f) => String(f.properties?.id ?? f.id)));
      for (const r of regions.filter((x) => x.kind === 'state'))
        if (!ids.has(r.id)) c.add(files.states.file, r.id, 'geometry', `no polygon for ${r.id}`);
    }
  }
  if (files.places) {
    const parsed = parseJson(files.places);
    if ('problem' in parsed) c.problems.push(parsed.problem);
    else {
      const features = (parsed.value as { features?: GeoFeature[] }).features ?? [];
      const ids = new Set(features.map((f) => String(f.properties?.id ?? f.id)));
      for (const r of regions.filter((x) => x.kind === 'municipality' || x.kind === 'district'))
        if (!ids.has(r.id))
          c.add(files.places.file, r.id, 'geometry', `no point for ${r.id} (run npm run data:geo)`);
    }
  }
}

/** Validates the three data files (and the geometry, when given) against schema and references. */
export function validateDataset(files: DataFiles, today: number): ValidationResult {
  const c = checker();
  const parsed = {
    regions: parseJson(files.regions),
    organisations: parseJson(files.organisations),
    cooperations: parseJson(files.cooperations),
  };
  const values: Partial<Record<keyof typeof parsed, unknown>> = {};
  for (const key of ['regions', 'organisations', 'cooperations'] as const) {
    const p = parsed[key];
    if ('problem' in p) c.problems.push(p.problem);
    else values[key] = p.value;
  }
  const schemaIds = {
    regions: 'https://kooperationsatlas.invalid/schema/regions.schema.json',
    organisations: 'https://kooperationsatlas.invalid/schema/organisations.schema.json',
    cooperations: 'https://kooperationsatlas.invalid/schema/cooperations.schema.json',
  };
  let schemaOk = true;
  for (const key of ['regions', 'organisations', 'cooperations'] as const) {
    if (!(key in values)) continue;
    const ps = schemaProblems(files[key].file, schemaIds[key], key, values[key]);
    if (ps.length) schemaOk = false;
    c.problems.push(...ps);
  }
  // Cross-references run on whatever is structurally sound, so one run reports as much as possible.
  const list = <T>(key: 'regions' | 'organisations' | 'cooperations'): T[] => {
    const v = values[key] as Record<string, unknown> | undefined;
    const arr = v?.[key];
    return Array.isArray(arr) ? (arr.filter((x) => x && typeof x === 'object') as T[]) : [];
  };
  const regions = list<RegionRecord>('regions').filter((r) => typeof r.id === 'string');
  const organisations = list<OrganisationRecord>('organisations').filter(
    (o) => typeof o.id === 'string' && Array.isArray(o.home),
  );
  const cooperations = list<CooperationRecord>('cooperations').filter(
    (co) => typeof co.id === 'string' && Array.isArray(co.partners) && Array.isArray(co.sources),
  );
  const regionIds = new Set(regions.map((r) => r.id));
  const organisationIds = new Set(organisations.map((o) => o.id));
  checkRegions(c, files.regions.file, regions);
  checkOrganisations(c, files.organisations.file, organisations, regionIds);
  // Dates already reported by the schema are not reported twice.
  const before = c.problems.length;
  checkCooperations(c, files.cooperations.file, cooperations, regionIds, organisationIds, today);
  const seen = new Set(c.problems.slice(0, before).map((p) => `${p.id}|${p.field}|${p.message}`));
  c.problems.splice(
    before,
    c.problems.length - before,
    ...c.problems.slice(before).filter((p) => !seen.has(`${p.id}|${p.field}|${p.message}`)),
  );
  checkGeometry(c, files, regions);
  const ok = c.problems.length === 0 && schemaOk && Object.keys(values).length === 3;
  return {
    problems: c.problems,
    dataset: ok ? { regions, organisations, cooperations } : null,
  };
}
