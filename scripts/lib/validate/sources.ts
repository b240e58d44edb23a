/**
 * Source hygiene: a URL that `new URL()` can read, http or https (any case), no user name or
 * password, no tracking parameters, no unfit domain, and no source twice in one record.
 */
import type { CooperationRecord } from '../../../src/data/model.ts';
import type { Checker } from './problems.ts';

/**
 * Domains never cited (subdomains included): AI-written or low-quality aggregators, mirrors,
 * Wikipedia and its mirrors, blog hosts, document-mirror sites, social networks.
 */
export const UNFIT_DOMAINS: readonly { domain: string; why: string }[] = [
  { domain: 'mittelhessen.app', why: 'AI-written news aggregator' },
  { domain: 'ad-hoc-news.de', why: 'low-quality news aggregator' },
  { domain: 'pubt.io', why: 'mirror of press releases' },
  { domain: 'ifg.cc', why: 'news aggregator (IfG.CC Potsdam)' },
  { domain: 'wikipedia.org', why: 'Wikipedia: cite its sources instead' },
  { domain: 'wikiwand.com', why: 'Wikipedia mirror' },
  { domain: 'dewiki.de', why: 'Wikipedia mirror' },
  { domain: 'zxc.wiki', why: 'Wikipedia mirror' },
  { domain: 'twilightline.com', why: 'Wikipedia mirror' },
  { domain: 'hqproductreviews.com', why: 'Wikipedia mirror' },
  { domain: 'blogspot.com', why: 'blog host' },
  { domain: 'docslib.org', why: 'document-mirror site' },
  { domain: '9dok.net', why: 'document-mirror site' },
  { domain: 'xing.com', why: 'social network' },
];

/** Query parameters that track a visit (names compared case-insensitively). */
export const TRACKING_PARAMETERS: readonly string[] = [
  'utm_*',
  'pk_*',
  'mtm_*',
  'matomo_*',
  'cflt',
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'wt_mc',
  'wt_zmc',
  'yclid',
  '_hsenc',
  '_hsmi',
  'igshid',
  'ref_src',
  'jsessionid',
];

export function isTrackingParameter(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMETERS.some((p) =>
    p.endsWith('*') ? n.startsWith(p.slice(0, -1)) : n === p,
  );
}

export function unfitDomain(hostname: string): { domain: string; why: string } | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return UNFIT_DOMAINS.find((d) => host === d.domain || host.endsWith(`.${d.domain}`));
}

/** The URL as compared for duplicates: https, lower-case host without www., no fragment or final /. */
export function normaliseUrl(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return `https://${host}${port}${path}${url.search}`;
}

export function checkSources(c: Checker, file: string, co: CooperationRecord): void {
  const seen = new Map<string, number>();
  co.sources.forEach((s, i) => {
    // A URL that is no http(s) URL without spaces is the schema's to report.
    if (typeof s.url !== 'string' || !/^https?:\/\/\S+$/i.test(s.url)) return;
    const field = `sources[${i}].url`;
    let url: URL;
    try {
      url = new URL(s.url);
    } catch {
      c.add(file, co.id, field, `not a valid URL: ${JSON.stringify(s.url)}`);
      return;
    }
    if (url.username || url.password)
      c.add(
        file,
        co.id,
        field,
        `URL with a user name or password ("${url.username}@…"): the host is ` +
          `${url.hostname}, not what precedes the "@"`,
      );
    const tracking = [...url.searchParams.keys()].filter(isTrackingParameter);
    if (/;jsessionid=/i.test(url.pathname)) tracking.push('jsessionid');
    if (tracking.length > 0)
      c.add(
        file,
        co.id,
        field,
        `tracking or session parameter${tracking.length > 1 ? 's' : ''} ${[...new Set(tracking)].join(', ')} ` +
          `in the URL: remove ${tracking.length > 1 ? 'them' : 'it'}`,
      );
    const unfit = unfitDomain(url.hostname);
    if (unfit)
      c.add(
        file,
        co.id,
        field,
        `unfit source domain ${unfit.domain} (${unfit.why}): cite the original instead`,
      );
    const key = normaliseUrl(url);
    const first = seen.get(key);
    if (first !== undefined)
      c.add(file, co.id, `sources[${i}]`, `duplicate source: the same URL as sources[${first}]`);
    else seen.set(key, i);
  });
}
