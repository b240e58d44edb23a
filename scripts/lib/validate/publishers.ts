/**
 * Publisher kinds: every record needs at least one source published by a party to the
 * cooperation, an official body, a news agency or the trade press. The documented exceptions
 * live here, and only here; data/README.md shows them (a unit test keeps the two in step).
 */
import {
  PUBLISHER_KINDS,
  type CooperationRecord,
  type PublisherKind,
} from '../../../src/data/model.ts';
import type { Checker } from './problems.ts';

/** The kinds that can carry a record on their own. */
export const STRONG_PUBLISHER_KINDS: readonly PublisherKind[] = [
  'party',
  'official',
  'news-agency',
  'trade-press',
];

/** Records kept without a strong source, and why. */
export const PUBLISHER_KIND_EXCEPTIONS: readonly { id: string; reason: string }[] = [
  {
    id: 'it-verbund-stormarn-2012',
    reason:
      'Only regional press was found: three Hamburger Abendblatt reports and the Stormarner ' +
      'Tageblatt agree on owners, founding and start of operations; the joint announcement of ' +
      'the founding contract exists only on a document-mirror site, which is not cited.',
  },
  {
    id: 'sl-rlp-cert-kommunal-2019',
    reason:
      "homburg1.de and socialon reprint the Saarland finance ministry's release and agree on " +
      "every fact; neither Land's nor eGo-Saar's own release and no trade-press report were found.",
  },
  {
    id: 'st-landkreise-digitalisierungsprojekte-2025',
    reason:
      "The only source is the statement of the Landkreistag Sachsen-Anhalt, the districts' own " +
      'association, which quotes two district administrators; no release of a district or of ' +
      'the Land was found.',
  },
];

export function checkPublisherKinds(c: Checker, file: string, co: CooperationRecord): void {
  // An unknown kind is the schema's to report; the rule needs every kind known.
  if (!co.sources.every((s) => (PUBLISHER_KINDS as readonly string[]).includes(s.publisherKind)))
    return;
  const strong = co.sources.some((s) => STRONG_PUBLISHER_KINDS.includes(s.publisherKind));
  const exception = PUBLISHER_KIND_EXCEPTIONS.some((e) => e.id === co.id);
  if (!strong && !exception)
    c.add(
      file,
      co.id,
      'sources',
      `no source of kind ${STRONG_PUBLISHER_KINDS.join(', ')}: add one (e.g. the press release ` +
        `of a partner), or document the record as an exception (data/README.md)`,
    );
  if (strong && exception)
    c.add(
      file,
      co.id,
      'sources',
      'listed as an exception to the publisher-kind rule, but has a source of a strong kind: ' +
        'remove the exception',
    );
}
