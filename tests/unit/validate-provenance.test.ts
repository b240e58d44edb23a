/** Provenance per fact: each fact of a record is named in the `supports` of one of its sources. */
import { describe, expect, it } from 'vitest';
import { validateDataset, type Problem } from '../../scripts/lib/validate.ts';
import { dayNumber } from '../../src/data/partial-date.ts';
import type { CooperationRecord, SourceRecord, SupportToken } from '../../src/data/model.ts';
import { createCooperation, createDataset, toFiles } from './fixtures.ts';

const TODAY = dayNumber(2026, 11, 23);

function check(over: Partial<CooperationRecord>, ...supports: SupportToken[][]): Problem[] {
  const base = createCooperation().sources[0]!;
  const sources: SourceRecord[] = supports.map((s, i) => ({
    ...base,
    url: `https://example.org/${i}`,
    supports: s,
  }));
  const d = createDataset();
  d.cooperations = [createCooperation({ projects: [], ...over, sources })];
  return validateDataset(toFiles(d), TODAY).problems;
}
const messages = (ps: Problem[]): string[] => ps.map((p) => `${p.field}: ${p.message}`);

const PARTNERS = [{ region: 'DE-BE' }, { region: 'DE-BB' }];
const BASIC: SupportToken[] = ['signed', 'partners'];

describe('provenance', () => {
  it('accepts a record whose facts are each backed, by one source or several', () => {
    expect(check({ partners: PARTNERS }, BASIC)).toEqual([]);
    expect(check({ partners: PARTNERS }, ['signed'], ['partners', 'summary'])).toEqual([]);
  });

  it('needs a source for signed and for the partners', () => {
    expect(messages(check({ partners: PARTNERS }, ['summary']))).toEqual([
      'signed: no source backs the date signed 2013-11: add "signed" to the supports of a source that states it',
      'partners: no source backs the partners: add "partners" to the supports of a source that states it',
    ]);
  });

  it('needs a source for effective and ended', () => {
    const over = { partners: PARTNERS, effective: '2014', ended: '2020' };
    expect(messages(check(over, BASIC))).toEqual([
      expect.stringMatching(/^effective: no source backs effective 2014/),
      expect.stringMatching(/^ended: no source backs ended 2020/),
    ]);
    expect(check(over, [...BASIC, 'effective', 'ended'])).toEqual([]);
  });

  it('needs a source for the projects', () => {
    const over = {
      partners: PARTNERS,
      projects: [{ title: { de: 'P', en: 'P' }, lead: 'DE-BE' }],
    };
    expect(messages(check(over, BASIC))).toEqual([
      expect.stringMatching(/^projects: no source backs the projects/),
    ]);
    expect(check(over, [...BASIC, 'projects'])).toEqual([]);
  });

  it('needs a source for every lead role', () => {
    const over = { partners: [{ region: 'DE-BE', role: 'lead' as const }, { region: 'DE-BB' }] };
    expect(messages(check(over, BASIC))).toEqual([
      expect.stringMatching(/^partners\[0\]\.role: no source backs the lead role of DE-BE/),
    ]);
    expect(check(over, [...BASIC, 'lead'])).toEqual([]);
  });

  it('needs a source for every joined date: joined, or joined:<organisation, else region>', () => {
    const over = {
      partners: [
        { region: 'DE-BE' },
        { region: 'DE-BB', joined: '2015' },
        { region: 'DE-BE', organisation: 'itdz-berlin', joined: '2016' },
      ],
    };
    expect(messages(check(over, BASIC))).toEqual([
      expect.stringMatching(/^partners\[1\]\.joined: no source backs the accession of DE-BB/),
      expect.stringMatching(/^partners\[2\]\.joined: .*"joined:itdz-berlin"/),
    ]);
    expect(messages(check(over, BASIC, ['joined:DE-BB']))).toEqual([
      expect.stringMatching(/^partners\[2\]\.joined: /),
    ]);
    expect(check(over, BASIC, ['joined:DE-BB', 'joined:itdz-berlin'])).toEqual([]);
    expect(check(over, [...BASIC, 'joined'])).toEqual([]);
  });

  it('rejects an unknown token and a joined key that names no partner', () => {
    const ps = check({ partners: PARTNERS }, [...BASIC, 'founded' as never, 'joined:DE-SN']);
    expect(ps).toHaveLength(2);
    expect(ps[0]).toMatchObject({ field: 'sources[0].supports[2]' });
    expect(ps[0]!.message).toContain('unknown supports token "founded"');
    expect(ps[1]).toMatchObject({ field: 'sources[0].supports[3]' });
    expect(ps[1]!.message).toContain('"joined:DE-SN" names no partner');
  });

  it('rejects a source that names no fact', () => {
    const ps = check({ partners: PARTNERS }, BASIC, []);
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ field: 'sources[1].supports' });
    expect(ps[0]!.message).toContain('names no fact');
  });
});
