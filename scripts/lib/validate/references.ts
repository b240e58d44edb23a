/**
 * Cross-references and dates: unknown regions and organisations, duplicate ids, AGS keys of
 * their Land, partners listed twice, fewer than two partners, dates in order and not in the
 * future, project leads among the partners.
 */
import type {
  CooperationRecord,
  OrganisationRecord,
  RegionRecord,
} from '../../../src/data/model.ts';
import { formatDay, parsePartialDate, type PartialDate } from '../../../src/data/partial-date.ts';
import type { Checker } from './problems.ts';

const EARLIEST_YEAR = 1990;

function checkDuplicates(c: Checker, file: string, records: { id: string }[], what: string): void {
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.id)) c.add(file, r.id, 'id', `duplicate ${what} id "${r.id}"`);
    seen.add(r.id);
  }
}

export function checkRegions(c: Checker, file: string, regions: RegionRecord[]): void {
  checkDuplicates(c, file, regions, 'region');
  const byId = new Map(regions.map((r) => [r.id, r]));
  for (const r of regions) {
    if (r.kind === 'federal' && r.id !== 'DE') c.add(file, r.id, 'id', 'the Bund has the id "DE"');
    if (r.kind === 'state') {
      if (!/^DE-[A-Z]{2}$/.test(r.id)) c.add(file, r.id, 'id', 'a Land has an ISO 3166-2 id');
      if (!r.ags || r.ags.length !== 2) c.add(file, r.id, 'ags', 'a Land needs its 2-digit AGS');
    }
    if (r.kind === 'district' || r.kind === 'municipality') {
      const digits = r.kind === 'district' ? 5 : 8;
      if (r.ags !== r.id || r.id.length !== digits)
        c.add(file, r.id, 'ags', `a ${r.kind} has its ${digits}-digit AGS as id and ags`);
      const state = r.state ? byId.get(r.state) : undefined;
      if (!r.state) c.add(file, r.id, 'state', `missing the Land of this ${r.kind}`);
      else if (!state || state.kind !== 'state')
        c.add(file, r.id, 'state', `unknown Land "${r.state}"`);
      else if (state.ags && !r.id.startsWith(state.ags))
        c.add(file, r.id, 'state', `AGS ${r.id} does not belong to ${state.id} (AGS ${state.ags})`);
    }
  }
}

export function checkOrganisations(
  c: Checker,
  file: string,
  organisations: OrganisationRecord[],
  regionIds: Set<string>,
): void {
  checkDuplicates(c, file, organisations, 'organisation');
  for (const o of organisations) {
    o.home.forEach((h, i) => {
      if (!regionIds.has(h)) c.add(file, o.id, `home[${i}]`, `unknown region "${h}"`);
    });
    o.owners?.forEach((h, i) => {
      if (!regionIds.has(h)) c.add(file, o.id, `owners[${i}]`, `unknown region "${h}"`);
    });
  }
}

export function checkCooperations(
  c: Checker,
  file: string,
  cooperations: CooperationRecord[],
  regionIds: Set<string>,
  organisationIds: Set<string>,
  today: number,
): void {
  checkDuplicates(c, file, cooperations, 'cooperation');
  const future = (text: string): string =>
    `${text} lies in the future (today is ${formatDay(today)})`;
  for (const co of cooperations) {
    const date = (field: string, text: string | undefined): PartialDate | null => {
      if (text === undefined) return null;
      const d = parsePartialDate(text);
      if (!d) {
        c.add(file, co.id, field, `malformed date "${text}": expected YYYY, YYYY-MM or YYYY-MM-DD`);
        return null;
      }
      return d;
    };
    const signed = date('signed', co.signed);
    const effective = date('effective', co.effective);
    const ended = date('ended', co.ended);
    if (signed) {
      if (signed.start > today) c.add(file, co.id, 'signed', `signed ${future(co.signed)}`);
      if (signed.year < EARLIEST_YEAR)
        c.add(file, co.id, 'signed', `signed ${co.signed} lies before ${EARLIEST_YEAR}`);
    }
    if (ended) {
      if (signed && ended.start < signed.start)
        c.add(file, co.id, 'ended', `ended ${co.ended} lies before signed ${co.signed}`);
      if (effective && ended.start < effective.start)
        c.add(file, co.id, 'ended', `ended ${co.ended} lies before effective ${co.effective}`);
      if (ended.start > today) c.add(file, co.id, 'ended', `ended ${future(String(co.ended))}`);
    }
    if (effective && effective.year < EARLIEST_YEAR)
      c.add(file, co.id, 'effective', `effective ${co.effective} lies before ${EARLIEST_YEAR}`);

    if (co.partners.length < 2)
      c.add(file, co.id, 'partners', `needs at least two partners, has ${co.partners.length}`);
    const seenPartners = new Map<string, number>();
    const partnerRefs = new Set<string>();
    co.partners.forEach((p, i) => {
      const f = `partners[${i}]`;
      if (!regionIds.has(p.region))
        c.add(file, co.id, `${f}.region`, `unknown region "${p.region}"`);
      if (p.organisation !== undefined && !organisationIds.has(p.organisation))
        c.add(file, co.id, `${f}.organisation`, `unknown organisation "${p.organisation}"`);
      const key = `${p.region}|${p.organisation ?? ''}`;
      const first = seenPartners.get(key);
      if (first !== undefined)
        c.add(
          file,
          co.id,
          f,
          `partner ${p.region}${p.organisation ? ` (${p.organisation})` : ''} is listed twice (also partners[${first}])`,
        );
      else seenPartners.set(key, i);
      partnerRefs.add(p.region);
      if (p.organisation) partnerRefs.add(p.organisation);
      const joined = date(`${f}.joined`, p.joined);
      if (joined) {
        const from = effective && signed ? Math.min(effective.start, signed.start) : signed?.start;
        if (from !== undefined && joined.start < from)
          c.add(file, co.id, `${f}.joined`, `joined ${p.joined} lies before signed ${co.signed}`);
        if (joined.start > today)
          c.add(file, co.id, `${f}.joined`, `joined ${future(String(p.joined))}`);
        if (ended && joined.start > ended.start)
          c.add(file, co.id, `${f}.joined`, `joined ${p.joined} lies after ended ${co.ended}`);
      }
    });
    co.projects?.forEach((pr, i) => {
      if (!partnerRefs.has(pr.lead))
        c.add(file, co.id, `projects[${i}].lead`, `lead "${pr.lead}" is not one of the partners`);
    });
    co.sources.forEach((s, i) => {
      const published = date(`sources[${i}].published`, s.published);
      if (published && published.start > today)
        c.add(file, co.id, `sources[${i}].published`, `published ${future(String(s.published))}`);
    });
  }
}
