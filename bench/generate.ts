/**
 * Synthetic datasets for the benchmarks: N cooperations over the REAL regions and organisations
 * of data/, seeded and deterministic (the same seed, N and end date give the same files).
 *
 *   npx tsx bench/generate.ts [--n 10000] [--seed 7] [--until YYYY-MM-DD] [--out bench/.data-10000]
 *
 * The mix follows the real data: mostly two partners, some hubs of 3–6, a few large alliances
 * and nationwide ones (Bund + 16 Länder), a few "local" ones (a region with one of its own
 * organisations); signing dates 2006 → end date with growth over time, some with an effective
 * date ≠ signed, some ended, some partners joining later. Every text says it is synthetic.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
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
import {
  addMonths,
  dayNumber,
  dayToDate,
  formatDay,
  parseDay,
  todayInGermany,
} from '../src/data/partial-date.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REAL_DATA = join(ROOT, 'data');
export const FIRST_YEAR = 2006;

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function rng(seed: number): () => number {
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
  let total = 0;
  for (const w of weights) total += w;
  let r = random() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

const int = (random: () => number, lo: number, hi: number): number =>
  lo + Math.floor(random() * (hi - lo + 1));

const TOPIC_LABEL: Record<Topic, { de: string; en: string }> = {
  'online-services': { de: 'Onlinedienste', en: 'online services' },
  'user-accounts': { de: 'Nutzerkonten', en: 'user accounts' },
  'it-security': { de: 'IT-Sicherheit', en: 'IT security' },
  'data-centres': { de: 'Rechenzentren', en: 'data centres' },
  'open-source': { de: 'Open Source', en: 'open source' },
  registers: { de: 'Register', en: 'registers' },
  'ai-data': { de: 'KI und Daten', en: 'AI and data' },
  governance: { de: 'Steuerung', en: 'governance' },
  'specialist-procedures': { de: 'Fachverfahren', en: 'specialist procedures' },
  'digital-workplace': { de: 'Digitaler Arbeitsplatz', en: 'digital workplace' },
  procurement: { de: 'Beschaffung', en: 'procurement' },
  infrastructure: { de: 'Infrastruktur', en: 'infrastructure' },
};
/** Rough shares in the real data (online services and IT security lead). */
const TOPIC_WEIGHT: Record<Topic, number> = {
  'online-services': 31,
  'user-accounts': 7,
  'it-security': 20,
  'data-centres': 13,
  'open-source': 4,
  registers: 5,
  'ai-data': 8,
  governance: 18,
  'specialist-procedures': 9,
  'digital-workplace': 4,
  procurement: 4,
  infrastructure: 5,
};
const KIND_WEIGHT: Record<Kind, number> = {
  agreement: 33,
  'state-treaty': 5,
  'administrative-agreement': 6,
  declaration: 8,
  association: 4,
  'joint-institution': 5,
  cooperative: 2,
  decision: 6,
  pilot: 7,
};

/** Activity weight of a Land in cooperations (larger Länder take part more often). */
const STATE_WEIGHT: Record<string, number> = {
  'DE-BW': 9,
  'DE-BY': 10,
  'DE-BE': 8,
  'DE-BB': 6,
  'DE-HB': 5,
  'DE-HH': 7,
  'DE-HE': 8,
  'DE-MV': 5,
  'DE-NI': 8,
  'DE-NW': 10,
  'DE-RP': 6,
  'DE-SL': 4,
  'DE-SN': 7,
  'DE-ST': 5,
  'DE-SH': 7,
  'DE-TH': 5,
};

export interface RealData {
  regions: RegionRecord[];
  organisations: OrganisationRecord[];
}

export function readRealData(dir = REAL_DATA): RealData {
  const regions = (
    JSON.parse(readFileSync(join(dir, 'regions.json'), 'utf8')) as {
      regions: RegionRecord[];
    }
  ).regions;
  const organisations = (
    JSON.parse(readFileSync(join(dir, 'organisations.json'), 'utf8')) as {
      organisations: OrganisationRecord[];
    }
  ).organisations;
  return { regions, organisations };
}

export interface GenerateOptions {
  n: number;
  seed?: number;
  /** Last possible date (day number); default: today in Germany. */
  until?: number;
}

/** Generates N cooperation records over the given regions and organisations. Pure. */
export function generateCooperations(
  real: RealData,
  options: GenerateOptions,
): CooperationRecord[] {
  const random = rng(options.seed ?? 7);
  const until = options.until ?? todayInGermany();
  const lastYear = dayToDate(until).getUTCFullYear();
  const regions = real.regions;
  const states = regions.filter((r) => r.kind === 'state');
  const locals = regions.filter((r) => r.kind === 'municipality' || r.kind === 'district');
  const byId = new Map(regions.map((r) => [r.id, r]));
  const orgsByRegion = new Map<string, OrganisationRecord[]>();
  for (const o of real.organisations)
    for (const h of o.home) orgsByRegion.set(h, [...(orgsByRegion.get(h) ?? []), o]);

  // Region weights: Länder by activity, the Bund often, cities and districts now and then.
  const regionIds = regions.map((r) => r.id);
  const regionWeights = regions.map((r) =>
    r.kind === 'federal' ? 9 : r.kind === 'state' ? (STATE_WEIGHT[r.id] ?? 5) : 1.2,
  );
  const abbr = (id: string): string => {
    const r = byId.get(id);
    return r?.abbr ?? r?.name.de ?? id;
  };

  // Growth over time: each year ~13 % more cooperations signed than the year before.
  const years: number[] = [];
  for (let y = FIRST_YEAR; y <= lastYear; y++) years.push(y);
  const yearWeights = years.map((y) => Math.pow(1.13, y - FIRST_YEAR));

  const randomDay = (): number => {
    const year = pickWeighted(random, years, yearWeights);
    const first = dayNumber(year, 1, 1);
    const last = Math.min(dayNumber(year, 12, 31), until);
    return int(random, first, Math.max(first, last));
  };
  /** A day in a random precision (mostly day, some month, few year); returns text and start. */
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

  const out: CooperationRecord[] = [];
  for (let i = 0; i < options.n; i++) {
    const id = `synthetic-${String(i + 1).padStart(5, '0')}`;
    const number = i + 1;

    // Shape: 2 partners (most), local, hubs of 3–6, large alliances, nationwide.
    const shape = pickWeighted(
      random,
      ['pair', 'local', 'hub', 'large', 'nationwide'] as const,
      [72, 4, 19, 2.5, 2.5],
    );
    let regionSet: string[] = [];
    const partners: PartnerRecord[] = [];
    if (shape === 'nationwide') {
      regionSet = ['DE', ...states.map((s) => s.id)];
    } else if (shape === 'local') {
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
      // A city often cooperates with its own Land or a neighbour city.
      while (chosen.size < size) {
        const last = [...chosen].at(-1);
        const lastRegion = last ? byId.get(last) : undefined;
        if (lastRegion?.state && random() < 0.35 && !chosen.has(lastRegion.state))
          chosen.add(lastRegion.state);
        else if (shape === 'large' && random() < 0.8)
          chosen.add(states[int(random, 0, states.length - 1)]!.id);
        else chosen.add(pickWeighted(random, regionIds, regionWeights));
      }
      regionSet = [...chosen];
      if (shape === 'pair' && random() < 0.08 && locals.length > 0) {
        // A pair of two cities or districts.
        const a = locals[int(random, 0, locals.length - 1)]!.id;
        let b = locals[int(random, 0, locals.length - 1)]!.id;
        if (a === b) b = byId.get(a)?.state ?? 'DE';
        regionSet = [a, b];
      }
    }

    // Dates: signed; sometimes effective ≠ signed; sometimes ended.
    const signedDay = randomDay();
    const signed = withPrecision(signedDay, dayNumber(FIRST_YEAR, 1, 1));
    let effective: { text: string; start: number } | null = null;
    const er = random();
    if (er < 0.15) {
      const day = addMonths(signed.start, int(random, 1, 18));
      if (day <= until) {
        const d = dayToDate(day);
        effective = {
          text: formatDay(dayNumber(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)),
          start: dayNumber(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
        };
      }
    } else if (er < 0.18 && signed.start > dayNumber(FIRST_YEAR + 1, 1, 1)) {
      // Backdated: in force before it was signed.
      const day = addMonths(signed.start, -int(random, 1, 6));
      const d = dayToDate(day);
      const start = dayNumber(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      effective = { text: formatDay(start), start };
    }
    if (effective && effective.start === signed.start) effective = null;
    const from = effective ? Math.max(effective.start, signed.start) : signed.start;
    let ended: { text: string; start: number } | null = null;
    if (random() < 0.14) {
      const day = addMonths(from, int(random, 6, 120));
      if (day <= until) ended = withPrecision(day, from + 1);
      if (ended && ended.start <= from) ended = null;
    }

    // Partners: the regions, some through one of their organisations; later accessions.
    if (shape === 'local') {
      const region = regionSet[0]!;
      const orgs = orgsByRegion.get(region) ?? [];
      partners.push({ region, role: 'lead' });
      const org = orgs[int(random, 0, orgs.length - 1)];
      if (org) partners.push({ region, organisation: org.id });
      else partners.push({ region: byId.get(region)?.state ?? 'DE' });
    } else {
      regionSet.forEach((region, k) => {
        const p: PartnerRecord = { region };
        const orgs = orgsByRegion.get(region);
        if (orgs && random() < 0.15) p.organisation = orgs[int(random, 0, orgs.length - 1)]!.id;
        if (k === 0 && (shape === 'nationwide' || random() < 0.3)) p.role = 'lead';
        const joinable = regionSet.length >= 3 && k >= 2;
        if (joinable && random() < 0.22) {
          const day = addMonths(from, int(random, 2, 72));
          const limit = ended ? ended.start : until;
          if (day <= limit) p.joined = withPrecision(day, from).text;
        }
        partners.push(p);
      });
    }
    const regionsOf = [...new Set(partners.map((p) => p.region))];

    const topicCount = pickWeighted(random, [1, 2, 3], [55, 35, 10]);
    const topics: Topic[] = [];
    while (topics.length < topicCount) {
      const t = pickWeighted(
        random,
        TOPICS,
        TOPICS.map((x) => TOPIC_WEIGHT[x]),
      );
      if (!topics.includes(t)) topics.push(t);
    }
    const kind: Kind =
      shape === 'nationwide'
        ? pickWeighted(random, ['state-treaty', 'decision', 'administrative-agreement'], [3, 5, 2])
        : pickWeighted(
            random,
            KINDS,
            KINDS.map((k) => KIND_WEIGHT[k]),
          );
    const topic = TOPIC_LABEL[topics[0]!];
    const who =
      regionsOf.length > 6 ? `${regionsOf.length} Partner` : regionsOf.map(abbr).join(', ');
    const whoEn =
      regionsOf.length > 6 ? `${regionsOf.length} partners` : regionsOf.map(abbr).join(', ');
    const record: CooperationRecord = {
      id,
      title: {
        de: `Synthetische Kooperation ${number} – ${topic.de} (${who})`,
        en: `Synthetic cooperation ${number} – ${topic.en} (${whoEn})`,
      },
      summary: {
        de: `Synthetischer Datensatz für Benchmarks, keine echte Kooperation: ${regionsOf.length} Partner arbeiten beim Thema ${topic.de} zusammen.`,
        en: `Synthetic record for benchmarks, not a real cooperation: ${regionsOf.length} partners work together on ${topic.en}.`,
      },
      signed: signed.text,
      ...(effective ? { effective: effective.text } : {}),
      ...(ended ? { ended: ended.text } : {}),
      kind,
      partners,
      topics,
      sources: [],
    };
    if (random() < 0.1) {
      const lead = partners[int(random, 0, partners.length - 1)]!;
      record.projects = [
        {
          title: {
            de: `Synthetisches Teilprojekt ${number}`,
            en: `Synthetic sub-project ${number}`,
          },
          lead: lead.organisation ?? lead.region,
        },
      ];
    }
    const sourceCount = pickWeighted(random, [1, 2, 3], [60, 30, 10]);
    for (let s = 1; s <= sourceCount; s++)
      record.sources.push({
        url: `https://example.org/kooperationsatlas-synthetic/${id}/${s}`,
        publisher: 'Synthetische Testdaten (example.org)',
        ...(s === 1 ? { published: signed.text } : {}),
        title: `Synthetische Quelle ${s} zu Kooperation ${number}`,
      });
    if (random() < 0.3) record.note = 'Synthetic benchmark record; dates are random.';
    out.push(record);
  }
  return out;
}

/** JSON as Prettier would write it, so the folder passes `prettier --check` of the project. */
async function formatJson(value: unknown, file: string): Promise<string> {
  const options = (await prettier.resolveConfig(join(ROOT, 'package.json'))) ?? {};
  return prettier.format(JSON.stringify(value), { ...options, parser: 'json', filepath: file });
}

export interface WrittenDataset {
  dir: string;
  n: number;
  seed: number;
  until: string;
  bytes: number;
}

/** Writes a complete data folder (regions, organisations, cooperations, geo/). */
export async function writeDataset(
  dir: string,
  options: GenerateOptions,
  realDir = REAL_DATA,
): Promise<WrittenDataset> {
  const real = readRealData(realDir);
  const until = options.until ?? todayInGermany();
  const cooperations = generateCooperations(real, { ...options, until });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'geo'), { recursive: true });
  // The schemas are referenced by "$schema" (editors); copy them so the folder stands alone.
  cpSync(join(realDir, 'schema'), join(dir, 'schema'), { recursive: true });
  const files: [string, unknown][] = [
    ['regions.json', { $schema: './schema/regions.schema.json', regions: real.regions }],
    [
      'organisations.json',
      { $schema: './schema/organisations.schema.json', organisations: real.organisations },
    ],
    ['cooperations.json', { $schema: './schema/cooperations.schema.json', cooperations }],
  ];
  for (const name of ['states.geojson', 'places.geojson'])
    files.push([
      `geo/${name}`,
      JSON.parse(readFileSync(join(realDir, 'geo', name), 'utf8')) as unknown,
    ]);
  let bytes = 0;
  for (const [name, value] of files) {
    const text = await formatJson(value, name);
    writeFileSync(join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, n: options.n, seed: options.seed ?? 7, until: formatDay(until), bytes };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(argValue('--n') ?? 10000);
  const seed = Number(argValue('--seed') ?? 7);
  const untilText = argValue('--until');
  const until = untilText ? (parseDay(untilText) ?? undefined) : undefined;
  const out = resolve(argValue('--out') ?? join(ROOT, 'bench', `.data-${n}`));
  const t0 = performance.now();
  const written = await writeDataset(out, { n, seed, ...(until !== undefined ? { until } : {}) });
  console.log(
    `generate: ${written.n} cooperations (seed ${written.seed}, until ${written.until}) → ${out} ` +
      `(${(written.bytes / 1e6).toFixed(1)} MB, ${Math.round(performance.now() - t0)} ms)`,
  );
}
