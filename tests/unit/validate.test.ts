import { describe, expect, it } from 'vitest';
import { formatProblem, validateDataset } from '../../scripts/lib/validate.ts';
import { createCooperation, createDataset, toFiles } from './fixtures.ts';
import { only, problemsOf, TODAY, withCooperation } from './validate-helpers.ts';

describe('validateDataset', () => {
  it('accepts a valid dataset and returns it', () => {
    const result = validateDataset(toFiles(createDataset()), TODAY);
    expect(result.problems).toEqual([]);
    expect(result.dataset?.cooperations).toHaveLength(1);
  });

  it('reports invalid JSON with file, line and column', () => {
    const files = toFiles(createDataset());
    files.cooperations.text = '{\n  "cooperations": [\n    { "id": "x", }\n  ]\n}';
    const p = only(validateDataset(files, TODAY).problems);
    expect(p.file).toBe('data/cooperations.json');
    expect(p.message).toMatch(/^invalid JSON at line 3, column \d+/);
    expect(validateDataset(files, TODAY).dataset).toBeNull();
  });

  it('reports an unknown region with the record id and the field', () => {
    const p = only(
      withCooperation({ partners: [{ region: 'DE-BE' }, { region: 'DE-XX' }], projects: [] }),
    );
    expect(p).toMatchObject({
      file: 'data/cooperations.json',
      id: 'be-bb-test-2013',
      field: 'partners[1].region',
    });
    expect(p.message).toContain('unknown region "DE-XX"');
  });

  it('reports an unknown organisation', () => {
    const p = only(
      withCooperation({
        partners: [{ region: 'DE-BE', organisation: 'nope' }, { region: 'DE-BB' }],
        projects: [],
      }),
    );
    expect(p).toMatchObject({ field: 'partners[0].organisation' });
    expect(p.message).toContain('unknown organisation "nope"');
  });

  it('reports a duplicate id', () => {
    const d = createDataset();
    d.cooperations = [createCooperation(), createCooperation()];
    const p = only(problemsOf(d));
    expect(p).toMatchObject({ id: 'be-bb-test-2013', field: 'id' });
    expect(p.message).toContain('duplicate cooperation id');
  });

  it('reports a partner listed twice, but allows one region with two organisations', () => {
    const p = only(
      withCooperation({
        partners: [{ region: 'DE-BE' }, { region: 'DE-BB' }, { region: 'DE-BE' }],
        projects: [],
      }),
    );
    expect(p).toMatchObject({ field: 'partners[2]' });
    expect(p.message).toContain('listed twice');
    expect(
      withCooperation({
        partners: [{ region: 'DE-BE' }, { region: 'DE-BE', organisation: 'itdz-berlin' }],
      }),
    ).toEqual([]);
  });

  it('reports fewer than two partners', () => {
    const p = only(
      withCooperation({ partners: [{ region: 'DE-BE', organisation: 'itdz-berlin' }] }),
    );
    expect(p).toMatchObject({ field: 'partners' });
    expect(p.message).toContain('at least two partners');
  });

  it('reports malformed dates, including impossible days', () => {
    const p = only(withCooperation({ signed: '13.11.2013' }));
    expect(p).toMatchObject({ field: 'signed' });
    expect(p.message).toContain('malformed date "13.11.2013"');
    const q = only(withCooperation({ ended: '2021-02-30' }));
    expect(q).toMatchObject({ field: 'ended' });
    expect(q.message).toContain('malformed date');
  });

  it('reports signed in the future or before 1990', () => {
    expect(only(withCooperation({ signed: '2027-01-01' })).message).toContain('in the future');
    expect(only(withCooperation({ signed: '1989-12' })).message).toContain('before 1990');
  });

  it('reports ended or joined before signed', () => {
    expect(only(withCooperation({ ended: '2012' }))).toMatchObject({ field: 'ended' });
    const p = only(
      withCooperation({
        partners: [{ region: 'DE-BE' }, { region: 'DE-BB', joined: '2013-10-31' }],
        projects: [],
      }),
    );
    expect(p).toMatchObject({ field: 'partners[1].joined' });
    expect(p.message).toContain('before signed');
  });

  it('allows a partner to join in the month of signing and a backdated effective date', () => {
    expect(
      withCooperation({
        partners: [{ region: 'DE-BE' }, { region: 'DE-BB', joined: '2013-11-15' }],
        projects: [],
      }),
    ).toEqual([]);
    expect(withCooperation({ signed: '2013-09-27', effective: '2013-01-01' })).toEqual([]);
  });

  it('reports a source URL that is not http(s)', () => {
    const p = only(
      withCooperation({
        sources: [{ ...createCooperation().sources[0]!, url: 'javascript:alert(1)' }],
      }),
    );
    expect(p).toMatchObject({ field: 'sources[0].url' });
    expect(p.message).toContain('http://');
  });

  it('reports an empty title or summary in either language', () => {
    expect(only(withCooperation({ title: { de: 'Titel', en: '' } }))).toMatchObject({
      field: 'title.en',
      message: 'empty text',
    });
    expect(only(withCooperation({ summary: { de: '   ', en: 'x' } }))).toMatchObject({
      field: 'summary.de',
      message: 'empty text',
    });
  });

  it('reports an unknown topic or kind', () => {
    const p = only(withCooperation({ topics: ['blockchain' as never] }));
    expect(p).toMatchObject({ field: 'topics[0]' });
    expect(p.message).toContain('unknown topic "blockchain"');
    const q = only(withCooperation({ kind: 'marriage' as never }));
    expect(q).toMatchObject({ field: 'kind' });
    expect(q.message).toContain('unknown kind "marriage"');
  });

  it('reports a project lead that is not a partner', () => {
    const p = only(withCooperation({ projects: [{ title: { de: 'a', en: 'a' }, lead: 'DE-SN' }] }));
    expect(p).toMatchObject({ field: 'projects[0].lead' });
  });

  it('reports a municipality whose AGS does not belong to its Land', () => {
    const d = createDataset();
    d.regions.push({
      id: '15003000',
      kind: 'municipality',
      ags: '15003000',
      name: { de: 'Magdeburg', en: 'Magdeburg' },
      state: 'DE-SN',
    });
    const p = only(problemsOf(d));
    expect(p).toMatchObject({ file: 'data/regions.json', id: '15003000', field: 'state' });
  });

  it('reports every problem of a file in one run', () => {
    const d = createDataset();
    d.cooperations = [
      createCooperation({ id: 'a-2013', signed: '2099', topics: ['x' as never] }),
      createCooperation({
        id: 'b-2013',
        partners: [{ region: 'DE-ZZ' }, { region: 'DE-BB' }],
        projects: [],
      }),
    ];
    d.organisations.push({ ...d.organisations[0]!, home: ['DE-QQ'] });
    const problems = problemsOf(d);
    const lines = problems.map(formatProblem);
    expect(lines.some((l) => l.includes('record "a-2013"') && l.includes('field signed'))).toBe(
      true,
    );
    expect(lines.some((l) => l.includes('record "a-2013"') && l.includes('field topics[0]'))).toBe(
      true,
    );
    expect(
      lines.some((l) => l.includes('record "b-2013"') && l.includes('partners[0].region')),
    ).toBe(true);
    expect(
      lines.some((l) => l.startsWith('data/organisations.json') && l.includes('duplicate')),
    ).toBe(true);
    expect(
      lines.some(
        (l) => l.startsWith('data/organisations.json') && l.includes('unknown region "DE-QQ"'),
      ),
    ).toBe(true);
  });
});
