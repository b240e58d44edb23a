/**
 * The frames of a video, as pure functions of the span, the length and the frame rate: frame i's
 * date and timestamp, so the same view always gives the same frames. Pure.
 */
import { spreadDays } from '../steps.ts';

export const VIDEO_FPS = 30;
/** GIF delays are counted in hundredths of a second and browsers slow down short ones: 10 fps. */
export const GIF_FPS = 10;
/** The GIF's size (a slide of 960 × 540). */
export const GIF_SIZE = [960, 540] as const;
export const VIDEO_LENGTHS = [10, 20, 30] as const;
export type VideoLength = (typeof VIDEO_LENGTHS)[number];
export const VIDEO_SIZES = {
  '1080': [1920, 1080],
  '720': [1280, 720],
} as const satisfies Record<string, readonly [number, number]>;
export type VideoSize = keyof typeof VIDEO_SIZES;
/** The last second holds the end date, so the final picture can be read. */
export const HOLD_SECONDS = 1;
/** A key frame every two seconds (seeking in slide tools). */
export const KEY_FRAME_SECONDS = 2;

export function frameCount(seconds: number, fps = VIDEO_FPS): number {
  return Math.max(1, Math.round(seconds * fps));
}

/**
 * The date of every frame: the span stepped evenly over all frames but the held ones at the end
 * (which show the end date). The first frame shows the start, the last one the end.
 */
export function frameDates(start: number, end: number, count: number, fps = VIDEO_FPS): number[] {
  const hold = Math.min(Math.round(HOLD_SECONDS * fps), Math.floor(count / 4));
  const moving = spreadDays(start, end, count - hold);
  return [...moving, ...Array.from({ length: hold }, () => end)];
}

/** Frame i's presentation time in microseconds (integers, as WebCodecs wants them). */
export function frameTimestamp(i: number, fps = VIDEO_FPS): number {
  return Math.round((i * 1_000_000) / fps);
}

/** Frame i's duration in microseconds: up to the next frame's timestamp. */
export function frameDuration(i: number, fps = VIDEO_FPS): number {
  return frameTimestamp(i + 1, fps) - frameTimestamp(i, fps);
}

export const isKeyFrame = (i: number, fps = VIDEO_FPS): boolean =>
  i % Math.round(KEY_FRAME_SECONDS * fps) === 0;

/** A bit rate for a size: about 0.1 bit per pixel and frame (a map changes slowly). */
export function bitrateFor(width: number, height: number, fps = VIDEO_FPS): number {
  return Math.round((width * height * fps * 0.1) / 100_000) * 100_000;
}

/**
 * A GIF's frames: the frame dates with each run of equal dates drawn once, shown as long as the
 * run lasts (the held end is one frame of a second).
 */
export function gifFrames(
  dates: readonly number[],
  fps = GIF_FPS,
): { date: number; delay: number }[] {
  const out: { date: number; delay: number }[] = [];
  for (const date of dates) {
    const last = out.at(-1);
    if (last && last.date === date) last.delay += 1000 / fps;
    else out.push({ date, delay: 1000 / fps });
  }
  return out;
}
