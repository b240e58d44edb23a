/**
 * The view: what the URL describes (the public contract) plus the session's transient state.
 * Every change goes through view/actions.ts.
 */
import type { Kind, Lang, Topic } from '../data/model.ts';
import { startOfYear } from '../data/partial-date.ts';
import type { TimeMode } from '../time/in-force.ts';
import type { Theme } from '../style/palette.ts';
import type { Scene } from './deck.ts';
import type { MatrixOrder } from './matrix.ts';

export type Tab = 'map' | 'table' | 'matrix';

/** Everything the URL carries. */
export interface UrlView {
  mode: TimeMode;
  /** Handle date (inforce, cumulative) or range end (signed), as a day number. */
  date: number;
  /** Range start (signed mode). */
  from: number;
  /** Selected region id or cooperation id. */
  select: string | null;
  topics: Topic[];
  kinds: Kind[];
  lang: Lang;
  theme: Theme;
  embed: boolean;
  present: boolean;
  /**
   * The audience's window of a presentation (`present=1&role=audience`): only the map and the
   * caption, following the presenter's window.
   */
  audience: boolean;
  /**
   * The host pages (origins) the embed talks to (`origins=`): empty for any. Set by a publisher
   * in the iframe's address; never carried into share links.
   */
  origins: string[];
  tab: Tab;
  /** The presentation deck (in the URL as `scenes=`). */
  scenes: Scene[];
  /** The matrix's order of rows and columns (`order=`). */
  order: MatrixOrder;
  /** Whether the matrix counts the nationwide agreements (`nationwide=0` leaves them out). */
  nationwide: boolean;
}

/** Transient: never in the URL. */
export interface Session {
  playing: boolean;
  speed: number;
  /** A cooperation hovered in the timeline, the panel or the map. */
  hover: string | null;
  /** The scene shown last (-1: none). */
  sceneIndex: number;
  blank: boolean;
}

export type ViewState = UrlView & Session;

export function defaultView(today: number): ViewState {
  return {
    mode: 'inforce',
    date: today,
    from: startOfYear(today),
    select: null,
    topics: [],
    kinds: [],
    lang: 'de',
    theme: 'light',
    embed: false,
    present: false,
    audience: false,
    origins: [],
    tab: 'map',
    scenes: [],
    order: 'geo',
    nationwide: true,
    playing: false,
    speed: 1,
    hover: null,
    sceneIndex: -1,
    blank: false,
  };
}
