/**
 * Texts: length limits per field (data/README.md, "Limits"), no bidirectional control
 * characters (they can reorder what a reader sees) and no text made only of invisible
 * characters, in every title, summary, note, name and publisher.
 */
import type {
  CooperationRecord,
  OrganisationRecord,
  RegionRecord,
} from '../../../src/data/model.ts';
import type { Checker } from './problems.ts';

/** The longest text of each field, in characters, and the most items of each list. */
export const LIMITS = {
  title: 200,
  summary: 1200,
  note: 2000,
  projectTitle: 200,
  projectSummary: 1000,
  sourcePublisher: 200,
  sourceTitle: 400,
  sourceUrl: 2048,
  regionName: 120,
  organisationName: 80,
  organisationFullName: 300,
  partners: 100,
  sources: 30,
  projects: 30,
} as const;

/** U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates), U+200E/U+200F (marks). */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/u;
/** Whitespace, format characters (zero-width, soft hyphen …) and blank-looking letters. */
const INVISIBLE_ONLY = /^[\s\p{Cf}\u034F\u115F\u1160\u2800\u3164\uFFA0]*$/u;

const codePoint = (ch: string): string =>
  `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

interface Text {
  field: string;
  value: unknown;
  limit: number;
  /** Checked for bidi controls and invisible-only content (URLs are not). */
  prose: boolean;
}

function checkText(c: Checker, file: string, id: string, t: Text): void {
  if (typeof t.value !== 'string') return;
  if (t.value.length > t.limit)
    c.add(file, id, t.field, `too long: ${t.value.length} characters (limit ${t.limit})`);
  if (!t.prose) return;
  const bidi = BIDI.exec(t.value);
  if (bidi)
    c.add(
      file,
      id,
      t.field,
      `contains the bidirectional control character ${codePoint(bidi[0])}: remove it`,
    );
  else if (t.value.trim() !== '' && INVISIBLE_ONLY.test(t.value))
    c.add(file, id, t.field, 'consists only of invisible characters');
}

function localized(field: string, value: unknown, limit: number): Text[] {
  const v = value as { de?: unknown; en?: unknown } | undefined;
  if (!v || typeof v !== 'object') return [];
  return [
    { field: `${field}.de`, value: v.de, limit, prose: true },
    { field: `${field}.en`, value: v.en, limit, prose: true },
  ];
}

function count(c: Checker, file: string, id: string, field: string, list: unknown, limit: number) {
  if (Array.isArray(list) && list.length > limit)
    c.add(file, id, field, `too many: ${list.length} (limit ${limit})`);
}

export function checkCooperationTexts(c: Checker, file: string, co: CooperationRecord): void {
  const texts: Text[] = [
    ...localized('title', co.title, LIMITS.title),
    ...localized('summary', co.summary, LIMITS.summary),
    ...localized('note', co.note, LIMITS.note),
  ];
  co.projects?.forEach((p, i) => {
    texts.push(...localized(`projects[${i}].title`, p.title, LIMITS.projectTitle));
    texts.push(...localized(`projects[${i}].summary`, p.summary, LIMITS.projectSummary));
  });
  co.sources.forEach((s, i) => {
    const f = `sources[${i}]`;
    texts.push({ field: `${f}.url`, value: s.url, limit: LIMITS.sourceUrl, prose: false });
    texts.push({
      field: `${f}.publisher`,
      value: s.publisher,
      limit: LIMITS.sourcePublisher,
      prose: true,
    });
    texts.push({ field: `${f}.title`, value: s.title, limit: LIMITS.sourceTitle, prose: true });
  });
  for (const t of texts) checkText(c, file, co.id, t);
  count(c, file, co.id, 'partners', co.partners, LIMITS.partners);
  count(c, file, co.id, 'sources', co.sources, LIMITS.sources);
  count(c, file, co.id, 'projects', co.projects, LIMITS.projects);
}

export function checkRegionTexts(c: Checker, file: string, r: RegionRecord): void {
  for (const t of localized('name', r.name, LIMITS.regionName)) checkText(c, file, r.id, t);
}

export function checkOrganisationTexts(c: Checker, file: string, o: OrganisationRecord): void {
  const texts: Text[] = [
    { field: 'name', value: o.name, limit: LIMITS.organisationName, prose: true },
    ...localized('fullName', o.fullName, LIMITS.organisationFullName),
  ];
  for (const t of texts) checkText(c, file, o.id, t);
}
