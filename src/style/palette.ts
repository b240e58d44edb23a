/**
 * Every colour of the app, in one place: the colour-blind-safe topic palette (Okabe–Ito plus
 * Tol's muted set), the map's colours, the page's colours (written as CSS variables by
 * style/tokens.ts) and the export's. Nothing else writes a colour.
 */
import type { Topic } from '../data/model.ts';

export type Theme = 'light' | 'dark';

export const TOPIC_COLOURS: Record<Topic, string> = {
  'online-services': '#0072B2',
  'user-accounts': '#56B4E9',
  'it-security': '#D55E00',
  'data-centres': '#332288',
  'open-source': '#009E73',
  registers: '#E69F00',
  'ai-data': '#CC79A7',
  governance: '#5F5F5F',
  'specialist-procedures': '#882255',
  'digital-workplace': '#44AA99',
  procurement: '#999933',
  infrastructure: '#8C6D31',
};

/**
 * A second cue besides colour (WCAG 1.4.1): every topic also has a line pattern, in units of the
 * line width — solid, dashed or dotted, cycling through the topics so neighbours in the legend differ.
 */
export const TOPIC_DASH: Record<Topic, number[] | null> = {
  'online-services': null,
  'user-accounts': [2.2, 1.3],
  'it-security': [0.9, 1.3],
  'data-centres': null,
  'open-source': [2.2, 1.3],
  registers: [0.9, 1.3],
  'ai-data': null,
  governance: [2.2, 1.3],
  'specialist-procedures': [0.9, 1.3],
  'digital-workplace': null,
  procurement: [2.2, 1.3],
  infrastructure: [0.9, 1.3],
};

/** Dark theme: the same hues, lightened where they would vanish on a dark ground. */
export const TOPIC_COLOURS_DARK: Record<Topic, string> = {
  ...TOPIC_COLOURS,
  'online-services': '#4DA3E0',
  'data-centres': '#8F86E0',
  governance: '#BDBDBD',
  'specialist-procedures': '#D9739F',
  infrastructure: '#C9A25F',
};

export interface MapColours {
  sea: string;
  land: string;
  border: string;
  selectedFill: string;
  selectedBorder: string;
  tint: [string, string, string];
  hubFill: string;
  ended: string;
  city: string;
  /** The overview's pair lines (who with whom, how much): neutral, not a topic. */
  pair: string;
}

export const MAP_COLOURS: Record<Theme, MapColours> = {
  light: {
    sea: '#dde7ee',
    land: '#fbfaf7',
    border: '#8d99a6',
    selectedFill: '#ffe08a',
    selectedBorder: '#1d2b36',
    tint: ['#dcebf7', '#b3d2ee', '#82b3e0'],
    hubFill: '#ffffff',
    ended: '#8a8a8a',
    city: '#1d2b36',
    pair: '#3f5566',
  },
  dark: {
    sea: '#0f1720',
    land: '#1f2a35',
    border: '#5d6d7c',
    selectedFill: '#6b5a1e',
    selectedBorder: '#ffe08a',
    tint: ['#23405a', '#2f5f86', '#3f7fb5'],
    hubFill: '#0f1720',
    ended: '#777777',
    city: '#e8eef3',
    pair: '#b9c8d4',
  },
};

/** The page around the map (CSS variables `--bg`, `--fg`, …; see style/tokens.ts). */
export interface UiColours {
  bg: string;
  bgSoft: string;
  fg: string;
  fgSoft: string;
  line: string;
  accent: string;
  accentFg: string;
  focus: string;
  chip: string;
  notice: string;
}

export const UI_COLOURS: Record<Theme, UiColours> = {
  light: {
    bg: '#ffffff',
    bgSoft: '#f4f6f8',
    fg: '#1d2b36',
    fgSoft: '#4a5a68',
    line: '#d3dae1',
    accent: '#0b5cad',
    accentFg: '#ffffff',
    focus: '#c2410c',
    chip: '#e9eef3',
    notice: '#fff4d6',
  },
  dark: {
    bg: '#131b23',
    bgSoft: '#1b252f',
    fg: '#e8eef3',
    fgSoft: '#b3c1cd',
    line: '#34424f',
    accent: '#7db7ef',
    accentFg: '#0d1620',
    focus: '#ffb36b',
    chip: '#26333f',
    notice: '#3d3413',
  },
};

/** The exported page (SVG, PNG, video): title block, labels, the Bund marker. */
export interface PageColours {
  page: string;
  ink: string;
  muted: string;
  label: string;
  halo: string;
  rule: string;
  bundFill: string;
  bundText: string;
  bundBorder: string;
  bundSelected: string;
}

export const PAGE_COLOURS: Record<Theme, PageColours> = {
  light: {
    page: '#ffffff',
    ink: '#1d2b36',
    muted: '#55636f',
    label: '#33424f',
    halo: '#ffffff',
    rule: '#d5dde3',
    bundFill: '#1d2b36',
    bundText: '#ffffff',
    bundBorder: '#ffffff',
    bundSelected: '#ffb000',
  },
  dark: {
    page: '#0b1219',
    ink: '#e8eef3',
    muted: '#a3b2bf',
    label: '#dfe7ee',
    halo: '#000000',
    rule: '#2a3846',
    bundFill: '#e8eef3',
    bundText: '#131b23',
    bundBorder: '#131b23',
    bundSelected: '#ffb000',
  },
};

export const topicColours = (theme: Theme): Record<Topic, string> =>
  theme === 'dark' ? TOPIC_COLOURS_DARK : TOPIC_COLOURS;

/**
 * The matrix's sequential ramp (none → many shared cooperations), with the text colour that
 * keeps its contrast on each step.
 */
export const MATRIX_RAMP: Record<Theme, { fill: string[]; text: string[] }> = {
  light: {
    fill: ['#f4f6f8', '#dcebf7', '#b3d2ee', '#82b3e0', '#4f8fc8', '#2b6aa6', '#123f6e'],
    text: ['#4a5a68', '#1d2b36', '#1d2b36', '#1d2b36', '#0b1219', '#ffffff', '#ffffff'],
  },
  dark: {
    fill: ['#1b252f', '#23405a', '#2f5f86', '#336b99', '#5c9bd3', '#8dbde6', '#c6e0f5'],
    text: ['#b3c1cd', '#e8eef3', '#ffffff', '#ffffff', '#0d1620', '#0d1620', '#0d1620'],
  },
};
