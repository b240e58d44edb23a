/** Which source backs which fact: the panel's reference marks. */
import { describe, expect, it } from 'vitest';
import { buildAtlas } from '../../src/data/atlas.ts';
import { joinedSourcesOf, sourcesOf } from '../../src/view/provenance.ts';
import { createCooperation, createDataset, loadRealData } from './fixtures.ts';

describe('provenance marks', () => {
  it('numbers the sources that state each fact; accessions by their own key or in general', () => {
    const d = createDataset();
    const src = (supports: string[], n: number) => ({
      url: `https://example.org/${n}`,
      publisher: `P${n}`,
      publisherKind: 'party' as const,
      title: `T${n}`,
      supports: supports as never,
    });
    d.cooperations = [
      createCooperation({
        id: 'x',
        signed: '2015',
        partners: [
          { region: 'DE-BE', organisation: 'itdz-berlin', role: 'lead' },
          { region: 'DE-BB', joined: '2017' },
          { region: 'DE-SN', joined: '2019' },
        ],
        sources: [
          src(['signed', 'partners', 'lead', 'projects', 'summary'], 1),
          src(['joined:DE-BB'], 2),
          src(['joined', 'summary'], 3),
        ],
      }),
    ];
    const c = buildAtlas(d).cooperationById.get('x')!;
    expect(sourcesOf(c, 'signed')).toEqual([1]);
    expect(sourcesOf(c, 'summary')).toEqual([1, 3]);
    expect(sourcesOf(c, 'effective')).toEqual([]);
    expect(joinedSourcesOf(c, c.partners[1]!)).toEqual([2, 3]);
    expect(joinedSourcesOf(c, c.partners[2]!)).toEqual([3]);
  });

  it('every fact of the real data has a mark (the validator guarantees it; the panel relies on it)', () => {
    const atlas = buildAtlas(loadRealData().raw);
    for (const c of atlas.cooperations) {
      expect(sourcesOf(c, 'signed'), c.id).not.toEqual([]);
      expect(sourcesOf(c, 'partners'), c.id).not.toEqual([]);
      if (c.effective) expect(sourcesOf(c, 'effective'), c.id).not.toEqual([]);
      if (c.ended) expect(sourcesOf(c, 'ended'), c.id).not.toEqual([]);
      for (const p of c.partners) if (p.joined) expect(joinedSourcesOf(c, p), c.id).not.toEqual([]);
    }
  });
});
