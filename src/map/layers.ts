/** The map's sources, feature-id ranges and layers: names the style, the sync and the picking share. */
/** The source of the states, places and the overview; its feature ids are the `fid` property. */
export const SOURCE = 'atlas';
/** The source of the detail drawing (single cooperations). */
export const DETAIL = 'detail';

/** Feature ids in the atlas source: the overview keeps 0 … n; regions get their own ranges. */
export const FID = {
  state: (i: number) => 1_000_000 + i,
  cityState: (i: number) => 2_000_000 + i,
  place: (i: number) => 3_000_000 + i,
};

/** City-states keep a minimum visible (and clickable) size when zoomed out. */
export const CITY_STATES = ['DE-BE', 'DE-HH', 'DE-HB'];
export const LAYER = {
  stateFill: 'state-fill',
  stateBorder: 'state-border',
  stateSelected: 'state-selected',
  /** The overview's pair lines and spokes. */
  overviewLines: 'overview-lines',
  /** City-state dots, places and the overview's hubs (`L`: city-state, place, hub). */
  points: 'points',
  /** A selection's arcs and spokes. */
  lines: 'link-lines',
  /** A selection's hubs and single-region markers. */
  detailPoints: 'detail-points',
} as const;

/** The kinds of dot in the points layer, bottom to top. */
export const POINT_KINDS = ['city-state', 'hub', 'place'] as const;
