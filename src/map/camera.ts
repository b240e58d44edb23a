/**
 * How the map frames Germany: padding for the overlays of each mode, so Germany fills the map
 * area at every size (from a 320 px embed to a 1920 × 1080 projector) without hiding under the
 * status line, the caption or the attribution.
 */
import type { PaddingOptions } from 'maplibre-gl';

export function fitPadding(
  mode: { embed: boolean; present: boolean },
  height: number,
): PaddingOptions {
  // Small frames get small margins: every pixel counts in a 320 × 240 embed.
  const small = height < 420;
  if (mode.present) return { top: 56, bottom: 34, left: 24, right: 24 };
  if (mode.embed) return { top: small ? 30 : 40, bottom: small ? 16 : 22, left: 6, right: 6 };
  return { top: 14, bottom: 22, left: 12, right: 12 };
}
