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
export interface SourceRecord {
  url: string;
  publisher: string;
  published?: string;
  title: string;
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
  note?: string;
}

export interface RawDataset {
  regions: RegionRecord[];
  organisations: OrganisationRecord[];
  cooperations: CooperationRecord[];
}
