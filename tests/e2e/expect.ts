/**
 * Expected results computed straight from the data files, independently of the app's code:
 * a cooperation is in force on day D when (effective ?? signed) <= D < ended, and a partner
 * takes part from its joined date. Dates count from the first day of their period.
 */
import { readFileSync } from 'node:fs';

interface Rec {
  id: string;
  title: { de: string; en: string };
  signed: string;
  effective?: string;
  ended?: string;
  partners: { region: string; joined?: string }[];
}

const start = (d: string): string =>
  d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;

export function records(): Rec[] {
  return (JSON.parse(readFileSync('data/cooperations.json', 'utf8')) as { cooperations: Rec[] })
    .cooperations;
}

export function inForceOn(day: string, region?: string): string[] {
  return records()
    .filter((c) => start(c.effective ?? c.signed) <= day && (!c.ended || day < start(c.ended)))
    .filter(
      (c) =>
        !region ||
        c.partners.some((p) => p.region === region && (!p.joined || start(p.joined) <= day)),
    )
    .map((c) => c.id)
    .sort();
}

export function signedWithin(from: string, to: string): string[] {
  return records()
    .filter((c) => start(c.signed) >= from && start(c.signed) <= to)
    .map((c) => c.id)
    .sort();
}

/** Cumulative: everything signed up to the day, also what is not yet (or no longer) in force. */
export function cumulativeOn(day: string): string[] {
  return records()
    .filter((c) => start(c.signed) <= day)
    .map((c) => c.id)
    .sort();
}

export function todayInBerlin(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
}

export interface TimeView {
  mode: 'inforce' | 'signed' | 'cumulative';
  date: string;
  /** Range start (signed mode). */
  from?: string;
}

/** The ids the map shows under a time view (all partners' cooperations, no filters). */
export function shownIds(v: TimeView): string[] {
  if (v.mode === 'signed') return signedWithin(v.from!, v.date);
  return v.mode === 'cumulative' ? cumulativeOn(v.date) : inForceOn(v.date);
}

/** The records of data/regions.json, in their order. */
function regionRecords(): { id: string; kind: string; state?: string }[] {
  return (
    JSON.parse(readFileSync('data/regions.json', 'utf8')) as {
      regions: { id: string; kind: string; state?: string }[];
    }
  ).regions;
}

/** The Land each region counts for, straight from data/regions.json ('DE' for the Bund). */
function landOfRegion(): Map<string, string> {
  const regions = regionRecords();
  return new Map(
    regions.map((r) => [r.id, r.kind === 'state' || r.kind === 'federal' ? r.id : r.state!]),
  );
}

/**
 * For each shown cooperation: the Länder (and the Bund) taking part at the date, partners
 * counted from their joined date, cities and districts for their Land.
 */
export function landsOn(v: TimeView): Map<string, Set<string>> {
  const land = landOfRegion();
  const shown = new Set(shownIds(v));
  const out = new Map<string, Set<string>>();
  for (const c of records())
    if (shown.has(c.id))
      out.set(
        c.id,
        new Set(
          c.partners
            .filter((p) => !p.joined || start(p.joined) <= v.date)
            .map((p) => land.get(p.region)!),
        ),
      );
  return out;
}

/** Whether every Land takes part (a nationwide agreement). */
export const nationwide = (lands: Set<string>): boolean =>
  [...lands].filter((r) => r !== 'DE').length >= 16;

/** The Länder matrix: "A|B" (and "A|A") → the number of shown cooperations both take part in. */
export function matrixOn(v: TimeView, withNationwide: boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const lands of landsOn(v).values()) {
    if (!withNationwide && nationwide(lands)) continue;
    for (const a of lands)
      for (const b of lands) counts.set(`${a}|${b}`, (counts.get(`${a}|${b}`) ?? 0) + 1);
  }
  return counts;
}

/** The shown cooperations both regions of a pair take part in (Länder through their cities). */
export function sharedBy(v: TimeView, a: string, b: string): string[] {
  return [...landsOn(v)]
    .filter(([, lands]) => lands.has(a) && lands.has(b))
    .map(([id]) => id)
    .sort();
}

/** Diff mode: added = in force at `to`, not at `from`; ended = the reverse (sorted ids). */
export function diffOn(from: string, to: string): { added: string[]; ended: string[] } {
  const before = new Set(inForceOn(from));
  const after = new Set(inForceOn(to));
  return {
    added: [...after].filter((id) => !before.has(id)).sort(),
    ended: [...before].filter((id) => !after.has(id)).sort(),
  };
}

/** Per Land: cooperations it takes part in at `to` (cities for their Land) but not at `from`. */
export function gainsOn(from: string, to: string): Map<string, number> {
  const land = landOfRegion();
  const landsAt = (c: Rec, day: string) =>
    new Set(
      c.partners.filter((p) => !p.joined || start(p.joined) <= day).map((p) => land.get(p.region)!),
    );
  const inForce = (c: Rec, day: string) =>
    start(c.effective ?? c.signed) <= day && (!c.ended || day < start(c.ended));
  const gains = new Map<string, number>();
  for (const c of records()) {
    if (!inForce(c, to)) continue;
    const before = inForce(c, from) ? landsAt(c, from) : new Set<string>();
    for (const l of landsAt(c, to)) if (!before.has(l)) gains.set(l, (gains.get(l) ?? 0) + 1);
  }
  return gains;
}

/**
 * The places (cities and districts) that take part in some cooperation, in the order of
 * data/regions.json: the places the map labels.
 */
export function placesTakingPart(): string[] {
  const used = new Set(records().flatMap((c) => c.partners.map((p) => p.region)));
  return regionRecords()
    .filter((r) => r.kind !== 'state' && r.kind !== 'federal' && used.has(r.id))
    .map((r) => r.id);
}
