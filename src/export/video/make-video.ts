/**
 * The growth of cooperation as a video (loaded on demand): every frame is the SVG export of the
 * view at the frame's date, derived by the app's deriver, rasterised and encoded — WebM or MP4
 * with WebCodecs and mediabunny, or an animated GIF with gifenc; each library loads only when its
 * format is asked for. Deterministic: frame i's date depends only on the span and the frame count.
 */
import type { AtlasModel } from '../../model/atlas-model.ts';
import type { Level } from '../../geo/overview.ts';
import { createDeriver } from '../../view/selectors.ts';
import type { ViewState } from '../../view/view-state.ts';
import { drawSvg } from '../raster.ts';
import { growthSpan, spanFileName } from '../steps.ts';
import { renderSvg } from '../svg/render.ts';
import { pickCodec, type Container } from './codec.ts';
import {
  frameCount,
  frameDates,
  GIF_FPS,
  GIF_SIZE,
  gifFrames,
  VIDEO_SIZES,
  type VideoLength,
  type VideoSize,
} from './frames.ts';

export type VideoFormat = Container | 'gif';

export interface VideoRequest {
  model: AtlasModel;
  view: ViewState;
  seconds: VideoLength;
  /** The size of a WebM or MP4 (a GIF is 960 × 540). */
  size: VideoSize;
  format: VideoFormat;
  bounds?: [number, number, number, number];
  level?: Level;
  link?: string;
  onProgress: (done: number, total: number) => void;
  signal: AbortSignal;
}

export class VideoUnsupportedError extends Error {}

/** The page is laid out at 1920 × 1080 and scaled, so text keeps its proportions. */
const LAYOUT: [number, number] = [1920, 1080];

/** Draws the view at a date onto a canvas, skipping a date the canvas already shows. */
function frameDrawer(r: VideoRequest, width: number, height: number) {
  // A deriver of its own: the app's one keeps its last result for the view on screen.
  const derive = createDeriver(r.model);
  let shown = NaN;
  return async (date: number, canvas: HTMLCanvasElement): Promise<void> => {
    if (date === shown) return;
    const view = { ...r.view, date };
    const svg = renderSvg({
      model: r.model,
      derived: derive(view),
      view,
      width: LAYOUT[0],
      height: LAYOUT[1],
      ...(r.level ? { level: r.level } : {}),
      ...(r.link ? { link: r.link } : {}),
      ...(r.bounds ? { bounds: r.bounds } : {}),
    });
    await drawSvg(svg, canvas, width, height);
    shown = date;
  };
}

export async function makeVideo(r: VideoRequest): Promise<{ blob: Blob; name: string }> {
  const { start, end } = growthSpan(r.view);
  const name = spanFileName('video', start, end, r.format);
  if (r.format === 'gif') {
    const frames = gifFrames(frameDates(start, end, frameCount(r.seconds, GIF_FPS), GIF_FPS));
    const [width, height] = GIF_SIZE;
    const draw = frameDrawer(r, width, height);
    const { encodeGif } = await import('./gif.ts');
    const blob = await encodeGif({
      width,
      height,
      delays: frames.map((f) => f.delay),
      // The palette comes from the last frame, which shows the most.
      draw: (i, canvas) => draw(frames.at(i)!.date, canvas),
      onProgress: r.onProgress,
      signal: r.signal,
    });
    return { blob, name };
  }
  const [width, height] = VIDEO_SIZES[r.size];
  const choice = await pickCodec(r.format, width, height);
  if (!choice) throw new VideoUnsupportedError(`${r.format} ${width}×${height}`);
  const dates = frameDates(start, end, frameCount(r.seconds));
  const draw = frameDrawer(r, width, height);
  const { encodeVideo } = await import('./encode.ts');
  const blob = await encodeVideo({
    choice,
    count: dates.length,
    signal: r.signal,
    onProgress: r.onProgress,
    draw: (i, canvas) => draw(dates[i]!, canvas),
  });
  return { blob, name };
}
