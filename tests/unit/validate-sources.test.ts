/** Source hygiene and the gaps of issue 17, item 4: one failing and one passing case each. */
import { describe, expect, it } from 'vitest';
import { validateDataset, type Problem } from '../../scripts/lib/validate.ts';
import { dayNumber } from '../../src/data/partial-date.ts';
import type { OrganisationRecord, SourceRecord } from '../../src/data/model.ts';
import { createCooperation, createDataset, toFiles } from './fixtures.ts';
import { only } from './validate-helpers.ts';

const TODAY = dayNumber(2026, 11, 23);
const BASE = createCooperation().sources[0]!;

function withSources(...sources: Partial<SourceRecord>[]): Problem[] {
  const d = createDataset();
  d.cooperations = [createCooperation({ sources: sources.map((s) => ({ ...BASE, ...s })) })];
  return validateDataset(toFiles(d), TODAY).problems;
}
const withUrl = (url: string): Problem[] => withSources({ url });

describe('source URLs', () => {
  it('accepts http and https in any case, with ordinary query parameters', () => {
    expect(withUrl('HTTPS://Example.org/a?id=3&page=2')).toEqual([]);
    expect(withUrl('http://example.org/b')).toEqual([]);
  });

  it('rejects tracking parameters, naming record, field and parameter', () => {
    for (const [url, name] of [
      ['https://example.org/a?utm_source=x&id=1', 'utm_source'],
      ['https://example.org/a?pk_campaign=rss', 'pk_campaign'],
      ['https://example.org/a?mtm_kwd=x', 'mtm_kwd'],
      ['https://example.org/a?cflt=1', 'cflt'],
      ['https://example.org/a?FBCLID=1', 'FBCLID'],
      ['https://example.org/a?wt_mc=nl', 'wt_mc'],
      ['https://example.org/a;jsessionid=ABC123', 'jsessionid'],
    ]) {
      const p = only(withUrl(url!));
      expect(p).toMatchObject({
        file: 'data/cooperations.json',
        id: 'be-bb-test-2013',
        field: 'sources[0].url',
      });
      expect(p.message).toContain(`parameter ${name}`);
    }
  });

  it('rejects unfit domains and their subdomains, not look-alikes', () => {
    for (const url of [
      'https://mittelhessen.app/x',
      'https://www.ad-hoc-news.de/x',
      'https://de.wikipedia.org/wiki/FITKO',
      'https://de.zxc.wiki/wiki/X',
      'https://wiki.twilightline.com/x',
      'https://someone.blogspot.com/x',
      'https://www.xing.com/pages/x',
    ]) {
      const p = only(withUrl(url));
      expect(p).toMatchObject({ field: 'sources[0].url' });
      expect(p.message).toMatch(/^unfit source domain /);
    }
    expect(withUrl('https://notwikipedia.org.example/x')).toEqual([]);
  });

  it('rejects a URL new URL() cannot read, a user name and other schemes', () => {
    expect(only(withUrl('https://exa mple.org/')).message).toMatch(/^not a valid URL|http/);
    expect(only(withUrl('https://[::1/x')).message).toMatch(/^not a valid URL/);
    const p = only(withUrl('https://www.bund.de@evil.example/'));
    expect(p).toMatchObject({ field: 'sources[0].url' });
    expect(p.message).toContain('the host is evil.example');
    expect(only(withUrl('ftp://example.org/x')).message).toContain('http://');
  });

  it('rejects the same URL twice in one record, after normalising it', () => {
    const p = only(
      withSources(
        { url: 'https://www.example.org/a/' },
        { url: 'http://EXAMPLE.org/a#top', publisher: 'Other' },
      ),
    );
    expect(p).toMatchObject({ field: 'sources[1]' });
    expect(p.message).toContain('the same URL as sources[0]');
    expect(withSources({ url: 'https://example.org/a' }, { url: 'https://example.org/b' })).toEqual(
      [],
    );
  });
});

describe('source fields', () => {
  it('rejects a whitespace-only publisher or title', () => {
    expect(only(withSources({ publisher: '  ' }))).toMatchObject({
      field: 'sources[0].publisher',
      message: 'empty text',
    });
    expect(only(withSources({ title: '\t' }))).toMatchObject({
      field: 'sources[0].title',
      message: 'empty text',
    });
  });

  it('rejects a published date in the future, accepts today', () => {
    const p = only(withSources({ published: '2026-11-24' }));
    expect(p).toMatchObject({ field: 'sources[0].published' });
    expect(p.message).toContain('in the future');
    expect(withSources({ published: '2026-11-23' })).toEqual([]);
  });

  it('rejects an unknown publisher kind', () => {
    const p = only(withSources({ publisherKind: 'blog' as never }));
    expect(p).toMatchObject({ field: 'sources[0].publisherKind' });
    expect(p.message).toContain('unknown publisher kind "blog"');
  });
});

describe('organisations', () => {
  it('rejects a duplicate home or owner entry', () => {
    const d = createDataset();
    const o = d.organisations[0] as OrganisationRecord;
    o.home = ['DE-BE', 'DE-BE'];
    const p = only(validateDataset(toFiles(d), TODAY).problems);
    expect(p).toMatchObject({ file: 'data/organisations.json', id: 'itdz-berlin', field: 'home' });
    expect(p.message).toContain('duplicate');
    o.home = ['DE-BE', 'DE-BB'];
    expect(validateDataset(toFiles(d), TODAY).problems).toEqual([]);
  });
});
