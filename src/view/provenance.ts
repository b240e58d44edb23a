/**
 * Which of a cooperation's sources back which fact (the `supports` of each source): the
 * reference marks the panel writes after a date, the partners, an accession, the lead or the
 * summary. Numbers are 1-based positions in the cooperation's list of sources. Pure.
 */
import type { Cooperation, Partner } from '../data/atlas.ts';
import type { SupportToken } from '../data/model.ts';

export type Fact = Exclude<SupportToken, `joined:${string}` | 'joined'>;

const positions = (c: Cooperation, backs: (tokens: readonly SupportToken[]) => boolean) =>
  c.sources.flatMap((s, i) => (backs(s.supports) ? [i + 1] : []));

/** The sources that state a fact of the record. */
export function sourcesOf(c: Cooperation, fact: Fact): number[] {
  return positions(c, (t) => t.includes(fact));
}

/** The key a source names a partner's accession by: its organisation, else its region. */
export const partnerKey = (p: Pick<Partner, 'organisation' | 'region'>): string =>
  p.organisation ?? p.region;

/** The sources that state a partner's accession (`joined`, or `joined:<its key>`). */
export function joinedSourcesOf(c: Cooperation, p: Partner): number[] {
  const own = `joined:${partnerKey(p)}` as SupportToken;
  return positions(c, (t) => t.includes(own) || t.includes('joined'));
}
