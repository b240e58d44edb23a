/** The JSON Schemas of data/schema, run with Ajv; errors become problems with record and field. */
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import commonSchema from '../../../data/schema/common.schema.json' with { type: 'json' };
import regionsSchema from '../../../data/schema/regions.schema.json' with { type: 'json' };
import organisationsSchema from '../../../data/schema/organisations.schema.json' with { type: 'json' };
import cooperationsSchema from '../../../data/schema/cooperations.schema.json' with { type: 'json' };
import { SUPPORT_TOKENS } from '../../../src/data/model.ts';
import type { Problem } from './problems.ts';

export const SCHEMA_IDS = {
  regions: 'https://kooperationsatlas.invalid/schema/regions.schema.json',
  organisations: 'https://kooperationsatlas.invalid/schema/organisations.schema.json',
  cooperations: 'https://kooperationsatlas.invalid/schema/cooperations.schema.json',
} as const;

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
const TEXT_FIELDS = /(^|\.)(title|publisher|name)$|(title|summary|note|name|fullName)\.(de|en)$/;

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
      if (/publisherKind$/.test(field))
        return `unknown publisher kind ${shown} (allowed: ${allowed})`;
      return `${shown} is not one of: ${allowed}`;
    }
    case 'pattern':
    case 'minLength':
      if (DATE_FIELDS.test(field))
        return `malformed date ${shown}: expected YYYY, YYYY-MM or YYYY-MM-DD`;
      if (/url$/.test(field)) return `source URL must start with http:// or https://: ${shown}`;
      if (field === 'version') return `malformed version ${shown}: expected YEAR.MONTH.N`;
      if (/supports\[\d+\]$/.test(field))
        return `unknown supports token ${shown} (allowed: ${SUPPORT_TOKENS.join(', ')}, joined:<key>)`;
      if (TEXT_FIELDS.test(field)) return `empty text`;
      if (/(region|home\[\d+\]|owners\[\d+\]|^id$|state)$/.test(field))
        return `malformed id ${shown}`;
      return `invalid value ${shown}`;
    case 'type':
      return `must be of type ${String(e.params['type'])}, got ${shown}`;
    case 'minItems':
      if (/^topics$/.test(field)) return 'needs at least one topic';
      if (/^sources$/.test(field)) return 'needs at least one source';
      if (/supports$/.test(field)) return 'names no fact: list what the source states';
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

/** The schema problems of one file; each names the record (by id, else "#n") and the field. */
export function schemaProblems(
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
    // An error inside anyOf-like constructs can repeat; keep one per path and message.
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
