/**
 * Provenance per fact: every fact of a record is backed by a source that names it in `supports`
 * (data/README.md, "Provenance"). signed, partners, every lead role, every joined date,
 * effective, ended and the projects each need such a source; `joined:<key>` names one partner by
 * its organisation id, else its region id. Unknown tokens are the schema's to report.
 */
import type { CooperationRecord } from '../../../src/data/model.ts';
import type { Checker } from './problems.ts';

/** The key a `joined:<key>` token uses for a partner. */
export function partnerKey(p: { region: string; organisation?: string }): string {
  return p.organisation ?? p.region;
}

export function checkProvenance(c: Checker, file: string, co: CooperationRecord): void {
  const keys = new Set(co.partners.map(partnerKey));
  const backed = new Set<string>();
  co.sources.forEach((s, i) => {
    if (!Array.isArray(s.supports)) return;
    s.supports.forEach((token, j) => {
      if (typeof token !== 'string') return;
      const field = `sources[${i}].supports[${j}]`;
      if (token.startsWith('joined:')) {
        const key = token.slice('joined:'.length);
        if (!keys.has(key))
          c.add(
            file,
            co.id,
            field,
            `"${token}" names no partner of this record (the key is the partner's ` +
              `organisation id, else its region id; partners: ${[...keys].join(', ')})`,
          );
      }
      backed.add(token);
    });
  });
  const need = (token: string, field: string, fact: string): void => {
    if (!backed.has(token))
      c.add(
        file,
        co.id,
        field,
        `no source backs ${fact}: add "${token}" to the supports of a source that states it`,
      );
  };
  need('signed', 'signed', `the date signed ${co.signed}`);
  need('partners', 'partners', 'the partners');
  if (co.effective !== undefined) need('effective', 'effective', `effective ${co.effective}`);
  if (co.ended !== undefined) need('ended', 'ended', `ended ${co.ended}`);
  if (co.projects && co.projects.length > 0) need('projects', 'projects', 'the projects');
  co.partners.forEach((p, i) => {
    const who = partnerKey(p);
    if (p.role === 'lead') need('lead', `partners[${i}].role`, `the lead role of ${who}`);
    if (p.joined !== undefined && !backed.has('joined') && !backed.has(`joined:${who}`))
      c.add(
        file,
        co.id,
        `partners[${i}].joined`,
        `no source backs the accession of ${who} (joined ${p.joined}): add "joined" or ` +
          `"joined:${who}" to the supports of a source that states it`,
      );
  });
}
