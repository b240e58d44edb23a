/** What an export shows: the view, the map's visible part and level, the view's permalink. */
import type { Level } from '../geo/overview.ts';
import type { ViewState } from '../view/view-state.ts';

export interface Shot {
  view: ViewState;
  level: Level;
  link: string;
  bounds?: [number, number, number, number];
}
