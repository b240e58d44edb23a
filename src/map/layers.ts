/** The map's sources, feature-id ranges and layers: names the style, the sync and the picking share. */
/** The source of the states, places and the overview; its feature ids are the `fid` property. */
export const SOURCE = 'atlas';
/** The source of the detail drawing (single cooperations). */
export const DETAIL = 'detail';
/**
 * The source of what the overview draws only zoomed in (cities' hubs, spokes and pair lines);
 * filled after the first frame, so the first tiles are cut from far less. Its features keep
 * their overview `fid`.
 */
export const NEAR = 'atlas-near';
/**
 * The source of a cooperation hovered elsewhere (panel, timeline, table): just its own arcs and
 * hubs, so that the overview needs no detail source to show one.
 */
export const HOVER = 'hover';

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
  /** The overview's lines and hubs of the near level only (source NEAR). */
  nearLines: 'overview-lines-near',
  nearPoints: 'points-near',
  /** A selection's arcs and spokes. */
  lines: 'link-lines',
  /** A selection's hubs and single-region markers. */
  detailPoints: 'detail-points',
  /** A hovered cooperation's arcs, spokes and hubs (source HOVER), on top of everything. */
  hoverLines: 'hover-lines',
  hoverPoints: 'hover-points',
} as const;

/** The kinds of dot in the points layer, bottom to top. */
export const POINT_KINDS = ['city-state', 'hub', 'place'] as const;

/**
 * Layers that draw another source the way a layer does (the near level, the hovered
 * cooperation): the layer whose paint and picking each one shares.
 */
export const TWIN: Record<string, string> = {
  [LAYER.nearLines]: LAYER.overviewLines,
  [LAYER.nearPoints]: LAYER.points,
  [LAYER.hoverLines]: LAYER.lines,
  [LAYER.hoverPoints]: LAYER.detailPoints,
};
