/** The view: everything the URL describes. */
import type { Kind, Lang, Topic } from '../data/model.ts';
import { parsePartialDate } from '../data/partial-date.ts';
import type { TimeMode } from '../time/in-force.ts';
import type { Scene } from '../present/deck.ts';

export type Theme = 'light' | 'dark';
export type Tab = 'map' | 'table';

export interface ViewState {
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
  tab: Tab;
  /** The presentation deck (in the URL as `scenes=`). */
  scenes: Scene[];
  /** Transient (not in the URL): timeline playing, its speed, a hovered cooperation. */
  playing: boolean;
  speed: number;
  hover: string | null;
  /** Transient: the scene shown last (-1: none), a blanked screen, a camera to move to. */
  sceneIndex: number;
  blank: boolean;
  camera: { target: [number, number, number] | null; seq: number };
}

/** The timeline starts on 1 January 2006. */
export const TIMELINE_START = parsePartialDate('2006-01-01')!.start;

export function defaultView(today: number): ViewState {
  return {
    mode: 'inforce',
    date: today,
    from: parsePartialDate(String(new Date(today * 86_400_000).getUTCFullYear()))!.start,
    select: null,
    topics: [],
    kinds: [],
    lang: 'de',
    theme: 'light',
    embed: false,
    present: false,
    tab: 'map',
    scenes: [],
    playing: false,
    speed: 1,
    hover: null,
    sceneIndex: -1,
    blank: false,
    camera: { target: null, seq: 0 },
  };
}
