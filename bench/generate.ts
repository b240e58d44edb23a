/**
 * Seeded synthetic datasets: N cooperations over the REAL regions and organisations of data/,
 * deterministic for the same N, seed and end date (today). Every text says it is synthetic.
 *
 *   npx tsx bench/generate.ts 10000     → bench/.data-10000/ (kept while nothing it depends on changes)
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  KINDS,
  TOPICS,
  type CooperationRecord,
  type Kind,
  type OrganisationRecord,
  type PartnerRecord,
  type RegionRecord,
  type Topic,
} from '../src/data/model.ts';
import type { LoadedData } from '../src/model/atlas-model.ts';
import {
  addMonths,
  dayNumber,
  dayToDate,
  formatDay,
  todayInGermany,
} from '../src/data/partial-date.ts';
import { formatProblem, validateDataset } from '../scripts/lib/validate.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REAL = join(ROOT, 'data');
const SEED = 7;
const FIRST_YEAR = 2006;

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted<T>(random: () => number, items: readonly T[], weights: readonly number[]): T {
  let r = random() * weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

const int = (random: () => number, lo: number, hi: number): number =>
  lo + Math.floor(random() * (hi - lo + 1));

/** Rough shares in the real data, in the order of TOPICS and KINDS. */
const TOPIC_WEIGHTS = [31, 7, 20, 13, 4, 5, 8, 18, 9, 4, 4, 5];
const KIND_WEIGHTS = [33, 5, 6, 8, 4, 5, 2, 6, 7];
/** Activity of the Länder (larger ones take part more often). */
const STATE_WEIGHT = Object.fromEntries(
  'BW:9 BY:10 BE:8 BB:6 HB:5 HH:7 HE:8 MV:5 NI:8 NW:10 RP:6 SL:4 SN:7 ST:5 SH:7 TH:5'
    .split(' ')
    .map((s) => [`DE-${s.slice(0, 2)}`, Number(s.slice(3))]),
);

interface RealData {
  version: string;
  regions: RegionRecord[];
  organisations: OrganisationRecord[];
}

/** N cooperation records over the given regions and organisations. Pure. */
function generateCooperations(real: RealData, n: number, until: number): CooperationRecord[] {
  const random = rng(SEED);
  const { regions } = real;
  const states = regions.filter((r) => r.kind === 'state');
  const locals = regions.filter((r) => r.kind === 'municipality' || r.kind === 'district');
  const byId = new Map(regions.map((r) => [r.id, r]));
  const orgsByRegion = new Map<string, OrganisationRecord[]>();
  for (const o of real.organisations)
    for (const h of o.home) orgsByRegion.set(h, [...(orgsByRegion.get(h) ?? []), o]);
  // Länder by activity, the Bund often, cities and districts now and then.
  const regionIds = regions.map((r) => r.id);
  const regionWeights = regions.map((r) =>
    r.kind === 'federal' ? 9 : r.kind === 'state' ? (STATE_WEIGHT[r.id] ?? 5) : 1.2,
  );
  const abbr = (id: string): string => byId.get(id)?.abbr ?? byId.get(id)?.name.de ?? id;
  // Growth: each year ~13 % more cooperations signed than the year before.
  const years: number[] = [];
  for (let y = FIRST_YEAR; y <= dayToDate(until).getUTCFullYear(); y++) years.push(y);
  const yearWeights = years.map((y) => Math.pow(1.13, y - FIRST_YEAR));
  const randomDay = (): number => {
    const year = pickWeighted(random, years, yearWeights);
    const first = dayNumber(year, 1, 1);
    return int(random, first, Math.max(first, Math.min(dayNumber(year, 12, 31), until)));
  };
  /** The day in a random precision (mostly day, some month, few year), not before minDay. */
  const withPrecision = (day: number, minDay: number): { text: string; start: number } => {
    const iso = formatDay(day);
    const r = random();
    if (r < 0.05) {
      const start = dayNumber(Number(iso.slice(0, 4)), 1, 1);
      if (start >= minDay) return { text: iso.slice(0, 4), start };
    }
    if (r < 0.2) {
      const start = dayNumber(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 1);
      if (start >= minDay) return { text: iso.slice(0, 7), start };
    }
    return { text: iso, start: day };
  };
  const firstOfMonth = (day: number): number => {
    const d = dayToDate(day);
    return dayNumber(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  };

  const out: CooperationRecord[] = [];
  for (let number = 1; number <= n; number++) {
    const id = `synthetic-${String(number).padStart(5, '0')}`;
    const shapes = ['pair', 'local', 'hub', 'large', 'nationwide'] as const;
    const shape = pickWeighted(random, shapes, [72, 4, 19, 2.5, 2.5]);
    let regionSet: string[];
    if (shape === 'nationwide') regionSet = ['DE', ...states.map((s) => s.id)];
    else if (shape === 'local') {
      const homes = [...orgsByRegion.keys()].filter((h) => byId.has(h));
      regionSet = [homes[int(random, 0, homes.length - 1)]!];
    } else {
      const size =
        shape === 'pair'
          ? 2
          : shape === 'hub'
            ? pickWeighted(random, [3, 4, 5, 6], [50, 25, 14, 11])
            : int(random, 7, 12);
      const chosen = new Set<string>();
      while (chosen.size < size) {
        // A city often cooperates with its own Land.
        const last = byId.get([...chosen].at(-1) ?? '');
        if (last?.state && random() < 0.35 && !chosen.has(last.state)) chosen.add(last.state);
        else if (shape === 'large' && random() < 0.8)
          chosen.add(states[int(random, 0, states.length - 1)]!.id);
        else chosen.add(pickWeighted(random, regionIds, regionWeights));
      }
      regionSet = [...chosen];
      if (shape === 'pair' && random() < 0.08 && locals.length > 0) {
        const a = locals[int(random, 0, locals.length - 1)]!.id;
        const b = locals[int(random, 0, locals.length - 1)]!.id;
        regionSet = [a, a === b ? (byId.get(a)?.state ?? 'DE') : b];
      }
    }

    // Signed; sometimes effective later (15 %) or backdated (3 %); sometimes ended (14 %).
    const signed = withPrecision(randomDay(), dayNumber(FIRST_YEAR, 1, 1));
    let effective: number | null = null;
    const er = random();
    if (er < 0.15) {
      const day = addMonths(signed.start, int(random, 1, 18));
      if (day <= until) effective = firstOfMonth(day);
    } else if (er < 0.18 && signed.start > dayNumber(FIRST_YEAR + 1, 1, 1))
      effective = firstOfMonth(addMonths(signed.start, -int(random, 1, 6)));
    if (effective === signed.start) effective = null;
    const from = effective !== null ? Math.max(effective, signed.start) : signed.start;
    let ended: { text: string; start: number } | null = null;
    if (random() < 0.14) {
      const day = addMonths(from, int(random, 6, 120));
      if (day <= until) ended = withPrecision(day, from + 1);
      if (ended && ended.start <= from) ended = null;
    }

    // Partners: the regions, some through one of their organisations; later accessions.
    const partners: PartnerRecord[] = [];
    if (shape === 'local') {
      const region = regionSet[0]!;
      const orgs = orgsByRegion.get(region) ?? [];
      const org = orgs[int(random, 0, orgs.length - 1)];
      partners.push({ region, role: 'lead' });
      partners.push(
        org ? { region, organisation: org.id } : { region: byId.get(region)?.state ?? 'DE' },
      );
    } else
      regionSet.forEach((region, k) => {
        const p: PartnerRecord = { region };
        const orgs = orgsByRegion.get(region);
        if (orgs && random() < 0.15) p.organisation = orgs[int(random, 0, orgs.length - 1)]!.id;
        if (k === 0 && (shape === 'nationwide' || random() < 0.3)) p.role = 'lead';
        if (regionSet.length >= 3 && k >= 2 && random() < 0.22) {
          const day = addMonths(from, int(random, 2, 72));
          if (day <= (ended ? ended.start : until)) p.joined = withPrecision(day, from).text;
        }
        partners.push(p);
      });
    const regionsOf = [...new Set(partners.map((p) => p.region))];

    const topics: Topic[] = [];
    const topicCount = pickWeighted(random, [1, 2, 3], [55, 35, 10]);
    while (topics.length < topicCount) {
      const t = pickWeighted(random, TOPICS, TOPIC_WEIGHTS);
      if (!topics.includes(t)) topics.push(t);
    }
    const kind: Kind =
      shape === 'nationwide'
        ? pickWeighted(random, ['state-treaty', 'decision', 'administrative-agreement'], [3, 5, 2])
        : pickWeighted(random, KINDS, KIND_WEIGHTS);
    const who = regionsOf.length > 6 ? `${regionsOf.length}` : regionsOf.map(abbr).join(', ');
    const record: CooperationRecord = {
      id,
      title: {
        de: `Synthetische Kooperation ${number} – ${topics[0]} (${who})`,
        en: `Synthetic cooperation ${number} – ${topics[0]} (${who})`,
      },
      summary: {
        de: `Synthetischer Datensatz für Benchmarks, keine echte Kooperation (${regionsOf.length} Partner).`,
        en: `Synthetic record for benchmarks, not a real cooperation (${regionsOf.length} partners).`,
      },
      signed: signed.text,
      ...(effective !== null ? { effective: formatDay(effective) } : {}),
      ...(ended ? { ended: ended.text } : {}),
      kind,
      partners,
      topics,
      sources: [],
    };
    if (random() < 0.1) {
      const lead = partners[int(random, 0, partners.length - 1)]!;
      const title = { de: `Synthetisches Teilprojekt ${number}`, en: `Synthetic part ${number}` };
      record.projects = [{ title, lead: lead.organisation ?? lead.region }];
    }
    const sourceCount = pickWeighted(random, [1, 2, 3], [60, 30, 10]);
    for (let s = 1; s <= sourceCount; s++)
      record.sources.push({
        url: `https://example.org/kooperationsatlas-synthetic/${id}/${s}`,
        publisher: 'Synthetische Testdaten (example.org)',
        publisherKind: 'party',
        ...(s === 1 ? { published: signed.text } : {}),
        title: `Synthetische Quelle ${s} zu Kooperation ${number}`,
        // The first source backs every fact of the record (the provenance rules hold).
        supports:
          s === 1
            ? ['signed', 'effective', 'ended', 'partners', 'joined', 'lead', 'projects', 'summary']
            : ['summary'],
      });
    if (random() < 0.3)
      record.note = {
        de: 'Synthetischer Datensatz für Benchmarks; die Daten sind zufällig.',
        en: 'Synthetic benchmark record; dates are random.',
      };
    out.push(record);
  }
  return out;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/**
 * bench/.data-N/: data/'s regions, organisations and geometry with N synthetic cooperations,
 * checked like `npm run data:check`. Regenerated only when the stamp (generator, real data, end
 * date) changes.
 */
export function ensureDataset(n: number): string {
  const dir = join(ROOT, 'bench', `.data-${n}`);
  const until = todayInGermany();
  const hash = createHash('sha256').update(readFileSync(join(ROOT, 'bench', 'generate.ts')));
  for (const file of [
    'regions.json',
    'organisations.json',
    'geo/states.geojson',
    'geo/places.geojson',
  ])
    hash.update(readFileSync(join(REAL, file)));
  const stamp = JSON.stringify({
    n,
    seed: SEED,
    until: formatDay(until),
    hash: hash.digest('hex'),
  });
  const stampFile = join(dir, 'generated.json');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return dir;
  const real: RealData = loadDataFolder(REAL).raw;
  const files = {
    regions: { regions: real.regions },
    organisations: { organisations: real.organisations },
    cooperations: { version: real.version, cooperations: generateCooperations(real, n, until) },
  };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(REAL, 'geo'), join(dir, 'geo'), { recursive: true });
  const texts = Object.fromEntries(
    Object.entries(files).map(([key, value]) => {
      const text = `${JSON.stringify(value, null, 2)}\n`;
      writeFileSync(join(dir, `${key}.json`), text);
      return [key, { file: `${key}.json`, text }];
    }),
  ) as Record<keyof typeof files, { file: string; text: string }>;
  const { problems } = validateDataset(texts, until);
  if (problems.length > 0)
    throw new Error(`${dir}: ${problems.slice(0, 5).map(formatProblem).join('; ')}`);
  writeFileSync(stampFile, stamp);
  return dir;
}

/** A data folder as the app loads it. */
export function loadDataFolder(dir: string): LoadedData {
  return {
    raw: {
      version: readJson<{ version: string }>(join(dir, 'cooperations.json')).version,
      regions: readJson<RealData>(join(dir, 'regions.json')).regions,
      organisations: readJson<RealData>(join(dir, 'organisations.json')).organisations,
      cooperations: readJson<{ cooperations: CooperationRecord[] }>(join(dir, 'cooperations.json'))
        .cooperations,
    },
    states: readJson<LoadedData['states']>(join(dir, 'geo', 'states.geojson')),
    places: readJson<LoadedData['places']>(join(dir, 'geo', 'places.geojson')),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  console.log(ensureDataset(Number(process.argv[2] ?? 10000)));
