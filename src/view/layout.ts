/**
 * Where things go on the map area in embeds and presentations: the caption of a selection docks
 * at the side (landscape frames) or at the bottom (portrait ones), and the map frames Germany in
 * the space that is left, so the caption never covers the selection. The map's camera and the
 * caption card both read this module. Pure.
 */
/** Padding in px on each side (what MapLibre's fitBounds takes). */
export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface FrameMode {
  embed: boolean;
  present: boolean;
}

export type CaptionDock = { side: 'right'; width: number } | { side: 'bottom'; height: number };

/** The gap between the caption and the map's frame (px). */
const GAP = 8;

/**
 * Where the caption of a selection goes in a map area of this size, or null where it needs no
 * room of its own (the app's normal view shows the selection in the side panel).
 */
export function captionDock(
  mode: FrameMode,
  width: number,
  height: number,
  hasCaption: boolean,
): CaptionDock | null {
  if (!hasCaption || (!mode.embed && !mode.present)) return null;
  if (width / Math.max(1, height) >= 1.2) {
    const [frac, min, max] = mode.present ? [0.28, 300, 560] : [0.3, 170, 300];
    return { side: 'right', width: Math.round(Math.min(max, Math.max(min, width * frac))) };
  }
  return { side: 'bottom', height: Math.round(Math.min(220, height * 0.3)) };
}

/**
 * Padding for framing Germany: room for the overlays of each mode (status line, timeline-side
 * attribution, a docked caption), small margins in small frames.
 */
export function fitPadding(
  mode: FrameMode,
  height: number,
  dock: CaptionDock | null = null,
): Padding {
  // Small frames get small margins: every pixel counts in a 320 × 240 embed.
  const small = height < 420;
  const base: Padding = mode.present
    ? { top: 56, bottom: 34, left: 24, right: 24 }
    : mode.embed
      ? { top: small ? 30 : 40, bottom: small ? 16 : 22, left: 6, right: 6 }
      : { top: 14, bottom: 22, left: 12, right: 12 };
  if (dock?.side === 'right') base.right += dock.width + GAP;
  if (dock?.side === 'bottom') base.bottom += dock.height + GAP;
  return base;
}

/** The height an embed asks its host for (`kooperationsatlas:resize`), clamped to these bounds. */
export const EMBED_HEIGHT = { min: 240, max: 2400 } as const;

/**
 * The height an embed of this width wants: the map's 16:10 (what the share dialog's snippet
 * uses), or more where its content needs it (the matrix with the timeline). Depends only on the
 * width and the content, never on the current height, so a host that follows it cannot start a
 * loop.
 */
export function preferredEmbedHeight(width: number, content = 0): number {
  const wanted = Math.max(Math.round((width * 10) / 16), Math.ceil(content));
  return Math.min(EMBED_HEIGHT.max, Math.max(EMBED_HEIGHT.min, wanted));
}
