/** Builders for small, valid datasets; every test makes its own copy. And the real data. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadedData } from '../../src/model/atlas-model.ts';
import { SUPPORT_TOKENS, type CooperationRecord, type RawDataset } from '../../src/data/model.ts';
import type { DataFiles } from '../../scripts/lib/validate.ts';
import { buildLinkGeometry, type Position } from '../../src/geo/links.ts';
import { buildOverview, landMap } from '../../src/geo/overview.ts';
import { buildAtlas } from '../../src/data/atlas.ts';

/** Anchor points for the regions of createDataset(). */
export const ANCHORS = new Map<string, Position>([
  ['DE', [6.75, 54.72]],
  ['DE-BE', [13.38, 52.52]],
  ['DE-BB', [13.84, 51.93]],
  ['DE-SN', [13.2, 51.0]],
  ['DE-TH', [11.0, 50.9]],
  ['14612000', [13.79, 51.06]],
  ['14713000', [12.37, 51.36]],
]);

export function createDataset(): RawDataset {
  return {
    version: '2026.12.1',
    regions: [
      { id: 'DE', kind: 'federal', name: { de: 'Bund', en: 'Federal Government' }, abbr: 'Bund' },
      { id: 'DE-BE', kind: 'state', ags: '11', name: { de: 'Berlin', en: 'Berlin' }, abbr: 'BE' },
      {
        id: 'DE-BB',
        kind: 'state',
        ags: '12',
        name: { de: 'Brandenburg', en: 'Brandenburg' },
        abbr: 'BB',
      },
      { id: 'DE-SN', kind: 'state', ags: '14', name: { de: 'Sachsen', en: 'Saxony' }, abbr: 'SN' },
      {
        id: 'DE-TH',
        kind: 'state',
        ags: '16',
        name: { de: 'Thüringen', en: 'Thuringia' },
        abbr: 'TH',
      },
      {
        id: '14612000',
        kind: 'municipality',
        ags: '14612000',
        name: { de: 'Dresden', en: 'Dresden' },
        state: 'DE-SN',
      },
      {
        id: '14713000',
        kind: 'municipality',
        ags: '14713000',
        name: { de: 'Leipzig', en: 'Leipzig' },
        state: 'DE-SN',
      },
    ],
    organisations: [
      {
        id: 'itdz-berlin',
        name: 'ITDZ Berlin',
        fullName: { de: 'IT-Dienstleistungszentrum Berlin', en: 'IT Service Centre Berlin' },
        kind: 'it-provider',
        home: ['DE-BE'],
      },
      {
        id: 'zit-bb',
        name: 'ZIT-BB',
        fullName: {
          de: 'Brandenburgischer IT-Dienstleister',
          en: 'Brandenburg IT service provider',
        },
        kind: 'it-provider',
        home: ['DE-BB'],
      },
    ],
    cooperations: [createCooperation()],
  };
}

export function createCooperation(over: Partial<CooperationRecord> = {}): CooperationRecord {
  return {
    id: 'be-bb-test-2013',
    title: { de: 'Kooperation Berlin–Brandenburg', en: 'Berlin–Brandenburg cooperation' },
    summary: { de: 'Eine Testkooperation.', en: 'A test cooperation.' },
    signed: '2013-11',
    kind: 'agreement',
    partners: [
      { region: 'DE-BE', organisation: 'itdz-berlin', role: 'lead' },
      { region: 'DE-BB', organisation: 'zit-bb' },
    ],
    projects: [{ title: { de: 'Mobiles Arbeiten', en: 'Mobile working' }, lead: 'itdz-berlin' }],
    topics: ['digital-workplace'],
    sources: [
      {
        url: 'https://example.org/a',
        publisher: 'Example',
        publisherKind: 'trade-press',
        published: '2013-11-29',
        title: 'A',
        supports: [...SUPPORT_TOKENS],
      },
    ],
    ...over,
  };
}

export function toFiles(d: RawDataset): DataFiles {
  return {
    regions: { file: 'data/regions.json', text: JSON.stringify({ regions: d.regions }, null, 2) },
    organisations: {
      file: 'data/organisations.json',
      text: JSON.stringify({ organisations: d.organisations }, null, 2),
    },
    cooperations: {
      file: 'data/cooperations.json',
      text: JSON.stringify({ version: d.version, cooperations: d.cooperations }, null, 2),
    },
  };
}

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));
const readJson = <T>(name: string): T => JSON.parse(readFileSync(dataDir + name, 'utf8')) as T;

/** The real dataset and geometry of data/, as the app loads them. */
export function loadRealData(): LoadedData {
  return {
    raw: {
      version: readJson<{ version: string }>('cooperations.json').version,
      regions: readJson<{ regions: LoadedData['raw']['regions'] }>('regions.json').regions,
      organisations: readJson<{ organisations: LoadedData['raw']['organisations'] }>(
        'organisations.json',
      ).organisations,
      cooperations: readJson<{ cooperations: LoadedData['raw']['cooperations'] }>(
        'cooperations.json',
      ).cooperations,
    },
    states: readJson<LoadedData['states']>('geo/states.geojson'),
    places: readJson<LoadedData['places']>('geo/places.geojson'),
  };
}

/** The parts of the model derive() needs, for a small dataset over ANCHORS. */
export function deriveModelOf(raw: RawDataset, anchors: ReadonlyMap<string, Position> = ANCHORS) {
  const atlas = buildAtlas(raw);
  const overview = buildOverview(atlas, anchors);
  return {
    atlas,
    geometry: buildLinkGeometry(atlas, anchors, overview.hubAt),
    overview,
    landOf: landMap(atlas),
  };
}
