/**
 * The growth as an animated GIF (gifenc, loaded on demand) for tools that take no video: one
 * palette for all frames, taken from the richest frame (the last), and every frame after the
 * first stores only the pixels that changed (the rest transparent, the previous frame kept), so
 * the file stays small. Written out frame by frame as Blob parts.
 */
import { applyPalette, GIFEncoder, quantize, type Palette } from 'gifenc';
import { yieldToPage } from './yield.ts';

export interface GifJob {
  width: number;
  height: number;
  /** Each frame's display time in ms. */
  delays: readonly number[];
  /** Draws frame i (-1: the frame the palette is taken from) onto the canvas. */
  draw: (i: number, canvas: HTMLCanvasElement) => Promise<void>;
  onProgress: (done: number, total: number) => void;
  signal: AbortSignal;
}

/** The palette's colours plus one more index, left for the transparent pixels. */
export function withTransparentIndex(palette: Palette): { palette: Palette; transparent: number } {
  const colours = palette.slice(0, 255);
  return { palette: [...colours, [255, 0, 255]], transparent: colours.length };
}

/** Marks the pixels that equal the previous frame's as transparent (in place). */
export function maskUnchanged(
  index: Uint8Array,
  previous: Uint8Array | null,
  transparent: number,
): Uint8Array {
  if (previous)
    for (let i = 0; i < index.length; i++) if (index[i] === previous[i]) index[i] = transparent;
  return index;
}

export async function encodeGif(job: GifJob): Promise<Blob> {
  const { width, height, signal } = job;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas');
  const pixels = () => ctx.getImageData(0, 0, width, height).data;
  const parts: Blob[] = [];
  try {
    await job.draw(-1, canvas);
    signal.throwIfAborted();
    const { palette, transparent } = withTransparentIndex(quantize(pixels(), 255));
    const colours = palette.slice(0, transparent);
    const gif = GIFEncoder({ auto: false });
    gif.writeHeader();
    let previous: Uint8Array | null = null;
    for (let i = 0; i < job.delays.length; i++) {
      signal.throwIfAborted();
      await job.draw(i, canvas);
      signal.throwIfAborted();
      const index = applyPalette(pixels(), colours);
      const shown = index.slice();
      gif.writeFrame(maskUnchanged(index, previous, transparent), width, height, {
        ...(i === 0 ? { first: true, palette, repeat: 0 } : {}),
        transparent: i > 0,
        transparentIndex: transparent,
        delay: job.delays[i]!,
        // Keep the frame: the next one draws only what changed over it.
        dispose: 1,
      });
      previous = shown;
      parts.push(new Blob([gif.bytesView()]));
      gif.reset();
      job.onProgress(i + 1, job.delays.length);
      await yieldToPage();
    }
    gif.finish();
    parts.push(new Blob([gif.bytesView()]));
    return new Blob(parts, { type: 'image/gif' });
  } finally {
    canvas.width = 0;
    canvas.height = 0;
  }
}
