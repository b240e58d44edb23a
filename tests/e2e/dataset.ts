/** The real dataset, joined the same way the app joins it, for comparisons in the tests. */
import { readFileSync } from 'node:fs';
import { buildAtlas, type Atlas } from '../../src/data/atlas.ts';
import type { RawDataset } from '../../src/data/model.ts';

export function loadAtlas(): Atlas {
  const read = <T>(f: string): T => JSON.parse(readFileSync(`data/${f}`, 'utf8')) as T;
  const raw: RawDataset = {
    version: read<{ version: string }>('cooperations.json').version,
    regions: read<{ regions: RawDataset['regions'] }>('regions.json').regions,
    organisations: read<{ organisations: RawDataset['organisations'] }>('organisations.json')
      .organisations,
    cooperations: read<{ cooperations: RawDataset['cooperations'] }>('cooperations.json')
      .cooperations,
  };
  return buildAtlas(raw);
}
