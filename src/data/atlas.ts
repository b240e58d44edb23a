/**
 * The joined, typed model the app works with: regions, organisations and cooperations
 * resolved against each other, dates parsed, indexes by id and by region. Pure.
 */
import type {
  CooperationRecord,
  Kind,
  Localized,
  OrganisationRecord,
  ProjectRecord,
  RawDataset,
  RegionRecord,
  SourceRecord,
  Topic,
} from './model.ts';
import { parsePartialDate, type PartialDate } from './partial-date.ts';

export type Region = RegionRecord;
export type Organisation = OrganisationRecord;
/** A source as stored: with its publisher kind and the facts it backs (`supports`). */
export type Source = SourceRecord;

export interface Partner {
  region: string;
  organisation: string | null;
  role: 'lead' | 'member';
  /** A later accession: the partner takes part from this date on (founders: null). */
  joined: PartialDate | null;
}

export interface Cooperation {
  id: string;
  /** Position in the atlas's cooperations (sorted by signing date): an index for per-dataset arrays. */
  index: number;
  title: Localized;
  summary: Localized;
  kind: Kind;
  topics: Topic[];
  signed: PartialDate;
  effective: PartialDate | null;
  ended: PartialDate | null;
  /** First day in force: effective, else signed. */
  inForceFrom: number;
  /** First day no longer in force (ended), or null. */
  inForceUntil: number | null;
  partners: Partner[];
  /** Distinct partner regions, in partner order. */
  regions: string[];
  projects: ProjectRecord[];
  sources: Source[];
  /** Editorial note in both languages, or null. */
  note: Localized | null;
}

export interface Atlas {
  /** The data release the atlas was built from (data/cooperations.json `version`). */
  dataVersion: string;
  regions: Map<string, Region>;
  organisations: Map<string, Organisation>;
  /** Sorted by signing date (then id). */
  cooperations: Cooperation[];
  /** The same, newest first (signing date descending, then id): the order of every list. */
  newestFirst: Cooperation[];
  cooperationById: Map<string, Cooperation>;
  /** Cooperations in which a region takes part (directly). */
  cooperationsByRegion: Map<string, Cooperation[]>;
}

function mustParse(text: string, what: string): PartialDate {
  const d = parsePartialDate(text);
  if (!d) throw new Error(`malformed date ${what}: "${text}"`);
  return d;
}

export function toCooperation(r: CooperationRecord): Cooperation {
  const signed = mustParse(r.signed, `${r.id}.signed`);
  const effective = r.effective ? mustParse(r.effective, `${r.id}.effective`) : null;
  const ended = r.ended ? mustParse(r.ended, `${r.id}.ended`) : null;
  const partners: Partner[] = r.partners.map((p) => {
    const joined = p.joined ? mustParse(p.joined, `${r.id}.joined`) : null;
    return {
      region: p.region,
      organisation: p.organisation ?? null,
      role: p.role ?? 'member',
      joined,
    };
  });
  return {
    id: r.id,
    index: -1,
    title: r.title,
    summary: r.summary,
    kind: r.kind,
    topics: r.topics,
    signed,
    effective,
    ended,
    inForceFrom: (effective ?? signed).start,
    inForceUntil: ended ? ended.start : null,
    partners,
    regions: [...new Set(partners.map((p) => p.region))],
    projects: r.projects ?? [],
    sources: r.sources,
    note: r.note ?? null,
  };
}

/** Joins a validated dataset. Cooperations are sorted by signing date (then id). */
export function buildAtlas(raw: RawDataset): Atlas {
  const regions = new Map(raw.regions.map((r) => [r.id, r]));
  const organisations = new Map(raw.organisations.map((o) => [o.id, o]));
  const cooperations = raw.cooperations
    .map(toCooperation)
    .sort((a, b) => a.signed.start - b.signed.start || a.id.localeCompare(b.id))
    .map((c, index) => ({ ...c, index }));
  const cooperationById = new Map(cooperations.map((c) => [c.id, c]));
  const cooperationsByRegion = new Map<string, Cooperation[]>();
  for (const c of cooperations)
    for (const region of c.regions) {
      const list = cooperationsByRegion.get(region) ?? [];
      list.push(c);
      cooperationsByRegion.set(region, list);
    }
  const newestFirst = [...cooperations].sort(
    (a, b) => b.signed.start - a.signed.start || a.id.localeCompare(b.id),
  );
  return {
    dataVersion: raw.version,
    regions,
    organisations,
    cooperations,
    newestFirst,
    cooperationById,
    cooperationsByRegion,
  };
}

/** The Land a region lies in (itself for a Land, null for the Bund). */
export function stateOf(region: Region): string | null {
  if (region.kind === 'state') return region.id;
  return region.state ?? null;
}
