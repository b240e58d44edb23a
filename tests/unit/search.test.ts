import { describe, expect, it } from 'vitest';
import { buildAtlas } from '../../src/data/atlas.ts';
import { buildSearchIndex, search } from '../../src/model/search.ts';
import { createDataset } from './fixtures.ts';

const index = buildSearchIndex(buildAtlas(createDataset()));
const first = (q: string) => search(index, q)[0]?.entry.id;

describe('search', () => {
  it('ignores case and umlaut spelling', () => {
    expect(first('thueringen')).toBe('DE-TH');
    expect(first('Thüringen')).toBe('DE-TH');
    expect(first('thuringen')).toBe('DE-TH');
    expect(first('THÜR')).toBe('DE-TH');
  });
  it('finds English names, organisations and cooperations', () => {
    expect(first('thuringia')).toBe('DE-TH');
    expect(first('saxony')).toBe('DE-SN');
    expect(search(index, 'itdz')[0]?.entry).toMatchObject({
      kind: 'organisation',
      target: 'DE-BE',
    });
    expect(search(index, 'kooperation berlin')[0]?.entry.kind).toBe('cooperation');
  });
  it('returns nothing for an empty query', () => {
    expect(search(index, '   ')).toEqual([]);
  });
});
