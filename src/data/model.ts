/** Raw records as they are stored in data/*.json (the public contract for editors). */

export type Lang = 'de' | 'en';
export interface Localized {
  de: string;
  en: string;
}

export type RegionKind = 'federal' | 'state' | 'district' | 'municipality';
export interface RegionRecord {
  id: string;
  kind: RegionKind;
  ags?: string;
  name: Localized;
  abbr?: string;
  state?: string;
}

export type OrganisationKind =
  | 'it-provider'
  | 'ministry'
  | 'agency'
  | 'municipal-association'
  | 'association'
  | 'company'
  | 'administration';
export interface OrganisationRecord {
  id: string;
  name: string;
  fullName: Localized;
  kind: OrganisationKind;
  home: string[];
  owners?: string[];
  homeFromGeneralKnowledge?: boolean;
  url?: string;
}

export const KINDS = [
  'agreement',
  'state-treaty',
  'administrative-agreement',
  'declaration',
  'association',
  'joint-institution',
  'cooperative',
  'decision',
  'pilot',
] as const;
export type Kind = (typeof KINDS)[number];

/** Topic vocabulary; the order is the legend order. */
export const TOPICS = [
  'online-services',
  'user-accounts',
  'it-security',
  'data-centres',
  'open-source',
  'registers',
  'ai-data',
  'governance',
  'specialist-procedures',
  'digital-workplace',
  'procurement',
  'infrastructure',
] as const;
export type Topic = (typeof TOPICS)[number];

export interface PartnerRecord {
  region: string;
  organisation?: string;
  role?: 'lead' | 'member';
  joined?: string;
}
export interface ProjectRecord {
  title: Localized;
  summary?: Localized;
  lead: string;
}
/** Who published a source, relative to the cooperation (data/README.md, "Publisher kinds"). */
export const PUBLISHER_KINDS = [
  'party',
  'official',
  'news-agency',
  'trade-press',
  'press',
  'association',
  'other',
] as const;
export type PublisherKind = (typeof PUBLISHER_KINDS)[number];

/** The facts a source can back; `joined` may name one partner: `joined:<organisation or region id>`. */
export const SUPPORT_TOKENS = [
  'signed',
  'effective',
  'ended',
  'partners',
  'joined',
  'lead',
  'projects',
  'summary',
] as const;
export type SupportToken = (typeof SUPPORT_TOKENS)[number] | `joined:${string}`;

export interface SourceRecord {
  url: string;
  publisher: string;
  publisherKind: PublisherKind;
  published?: string;
  title: string;
  /** The facts of the record this source states. */
  supports: SupportToken[];
}
export interface CooperationRecord {
  id: string;
  title: Localized;
  summary: Localized;
  signed: string;
  effective?: string;
  ended?: string;
  kind: Kind;
  partners: PartnerRecord[];
  projects?: ProjectRecord[];
  topics: Topic[];
  sources: SourceRecord[];
  /** Editorial note on dates, partners or uncertainty, in both languages. */
  note?: Localized;
}

export interface RawDataset {
  /** The data release, e.g. "2026.12.1" (data/CHANGELOG.md). */
  version: string;
  regions: RegionRecord[];
  organisations: OrganisationRecord[];
  cooperations: CooperationRecord[];
}
