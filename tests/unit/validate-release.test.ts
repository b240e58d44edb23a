/** The release version, the publisher-kind rule and its exceptions, and data/README.md's tables. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import cooperationsSchema from '../../data/schema/cooperations.schema.json' with { type: 'json' };
import { validateDataset, type Problem } from '../../scripts/lib/validate.ts';
import { PUBLISHER_KIND_EXCEPTIONS } from '../../scripts/lib/validate/publishers.ts';
import { newestRelease } from '../../scripts/lib/validate/release.ts';
import { TRACKING_PARAMETERS, UNFIT_DOMAINS } from '../../scripts/lib/validate/sources.ts';
import { LIMITS } from '../../scripts/lib/validate/text.ts';
import { PUBLISHER_KINDS, SUPPORT_TOKENS, type RawDataset } from '../../src/data/model.ts';
import { dayNumber } from '../../src/data/partial-date.ts';
import { createCooperation, createDataset, toFiles } from './fixtures.ts';
import { only } from './validate-helpers.ts';

const TODAY = dayNumber(2026, 11, 23);
const CHANGELOG =
  '# Changelog\n\nIntro.\n\n## 2026.12.1 (2026-12-02)\n\n- …\n\n## 2026.11.2 (2026-11-20)\n';

function problemsOf(d: RawDataset, changelog?: string): Problem[] {
  const files = toFiles(d);
  const extra =
    changelog === undefined ? {} : { changelog: { file: 'data/CHANGELOG.md', text: changelog } };
  return validateDataset({ ...files, ...extra }, TODAY).problems;
}

describe('release version', () => {
  it('accepts a version that is the newest release of the changelog', () => {
    expect(problemsOf(createDataset(), CHANGELOG)).toEqual([]);
    expect(newestRelease(CHANGELOG)).toBe('2026.12.1');
    const result = validateDataset(toFiles(createDataset()), TODAY);
    expect(result.dataset?.version).toBe('2026.12.1');
  });

  it('rejects a malformed version', () => {
    for (const version of ['2026-12-1', 'v2026.12.1', '2026.123.1', '26.12.1']) {
      const d = { ...createDataset(), version };
      const p = only(problemsOf(d));
      expect(p).toMatchObject({ file: 'data/cooperations.json', field: 'version' });
      expect(p.message).toMatch(/^malformed version/);
    }
  });

  it('rejects a missing version', () => {
    const files = toFiles(createDataset());
    files.cooperations.text = JSON.stringify({ cooperations: createDataset().cooperations });
    const p = only(validateDataset(files, TODAY).problems);
    expect(p.message).toBe('missing required field "version"');
  });

  it('rejects a version that is not the newest release in the changelog', () => {
    const p = only(problemsOf({ ...createDataset(), version: '2026.11.2' }, CHANGELOG));
    expect(p).toMatchObject({ file: 'data/cooperations.json', field: 'version' });
    expect(p.message).toContain('is not the newest release in data/CHANGELOG.md (2026.12.1)');
  });

  it('rejects a changelog without a release heading', () => {
    const p = only(problemsOf(createDataset(), '# Changelog\n\nNothing yet.\n'));
    expect(p).toMatchObject({ file: 'data/CHANGELOG.md' });
    expect(p.message).toContain('no release heading');
  });
});

describe('publisher kinds', () => {
  const pressOnly = (id: string) => {
    const d = createDataset();
    const base = createCooperation();
    d.cooperations = [
      createCooperation({ id, sources: [{ ...base.sources[0]!, publisherKind: 'press' }] }),
    ];
    return problemsOf(d);
  };

  it('needs a source by a party, an official body, a news agency or the trade press', () => {
    const p = only(pressOnly('be-bb-test-2013'));
    expect(p).toMatchObject({ id: 'be-bb-test-2013', field: 'sources' });
    expect(p.message).toContain('no source of kind party, official, news-agency, trade-press');
    expect(problemsOf(createDataset())).toEqual([]);
  });

  it('accepts the documented exceptions, and reports an exception that is no longer needed', () => {
    const id = PUBLISHER_KIND_EXCEPTIONS[0]!.id;
    expect(pressOnly(id)).toEqual([]);
    const d = createDataset();
    d.cooperations = [createCooperation({ id })];
    expect(only(problemsOf(d)).message).toContain('remove the exception');
  });
});

describe('data/README.md shows what the validator enforces', () => {
  const readme = readFileSync('data/README.md', 'utf8');

  it('lists exactly the exceptions to the publisher-kind rule', () => {
    const table =
      /<!-- publisher-kind-exceptions -->\n([^]*?)<!-- \/publisher-kind-exceptions -->/.exec(
        readme,
      )?.[1];
    expect(table).toBeDefined();
    const rows = table!
      .trim()
      .split('\n')
      .slice(2)
      .map((l) => /^\| `([^`]+)` \| (.*) \|$/.exec(l)?.slice(1));
    expect(rows).toEqual(PUBLISHER_KIND_EXCEPTIONS.map((e) => [e.id, e.reason]));
  });

  it('names every publisher kind, unfit domain, tracking parameter and limit', () => {
    for (const kind of PUBLISHER_KINDS) expect(readme).toContain(`| \`${kind}\``);
    for (const d of UNFIT_DOMAINS) expect(readme).toContain(`| \`${d.domain}\` |`);
    for (const p of TRACKING_PARAMETERS) expect(readme).toContain(`\`${p}\``);
    for (const limit of Object.values(LIMITS)) expect(readme).toContain(String(limit));
  });

  it('keeps the types and the schema in step', () => {
    const source = cooperationsSchema.$defs.source.properties;
    expect(source.publisherKind.enum).toEqual([...PUBLISHER_KINDS]);
    const pattern = new RegExp(source.supports.items.pattern);
    for (const token of SUPPORT_TOKENS) expect(pattern.test(token)).toBe(true);
    expect(pattern.test('joined:DE-ST')).toBe(true);
    expect(pattern.test('founded')).toBe(false);
  });
});
