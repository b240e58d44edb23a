/**
 * Frames on a canvas → WebCodecs' VideoEncoder → mediabunny's muxer → a WebM (or MP4) Blob.
 * Frame by frame, yielding to the page between frames, with the encoder's queue kept short; a
 * cancel (the AbortSignal) closes the encoder, cancels the muxer and drops what was written.
 */
import {
  EncodedPacket,
  EncodedVideoPacketSource,
  Mp4OutputFormat,
  Output,
  StreamTarget,
  WebMOutputFormat,
  type StreamTargetChunk,
} from 'mediabunny';
import { BlobSink } from './blob-sink.ts';
import type { CodecChoice } from './codec.ts';
import { frameDuration, frameTimestamp, isKeyFrame, VIDEO_FPS } from './frames.ts';
import { yieldToPage } from './yield.ts';

export interface EncodeJob {
  choice: CodecChoice;
  count: number;
  /** Draws frame i onto the canvas (which keeps what it showed before). */
  draw: (i: number, canvas: HTMLCanvasElement) => Promise<void>;
  onProgress: (done: number, total: number) => void;
  signal: AbortSignal;
}

/** Frames the encoder may hold before the next one waits (memory stays bounded). */
const MAX_QUEUE = 3;
/** Muxer output is written in pieces of this size. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Resolves when the encoder has taken a frame from its queue, the signal aborts, or after 100 ms
 * (an encoder that failed and closed sends no more events; the caller checks again).
 */
function dequeued(encoder: VideoEncoder, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      encoder.removeEventListener('dequeue', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, 100);
    encoder.addEventListener('dequeue', done);
    signal.addEventListener('abort', done);
  });
}

export async function encodeVideo(job: EncodeJob): Promise<Blob> {
  const { choice, count, signal } = job;
  const { width, height } = choice.config;
  const sink = new BlobSink();
  const writable = new WritableStream<StreamTargetChunk>({
    write: (chunk) => sink.write(chunk.position, chunk.data),
  });
  const format =
    choice.container === 'webm'
      ? new WebMOutputFormat()
      : new Mp4OutputFormat({ fastStart: false });
  const output = new Output({
    format,
    target: new StreamTarget(writable, { chunked: true, chunkSize: CHUNK_BYTES }),
  });
  const source = new EncodedVideoPacketSource(choice.codec);
  output.addVideoTrack(source, { frameRate: VIDEO_FPS });

  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  let failure: unknown = null;
  // Packets go to the muxer in the encoder's (decode) order, one after the other.
  let muxed: Promise<void> = Promise.resolve();
  const encoder = new VideoEncoder({
    output: (chunk, meta) => {
      const packet = EncodedPacket.fromEncodedChunk(chunk);
      muxed = muxed
        .then(() => source.add(packet, meta))
        .catch((e: unknown) => {
          failure ??= e;
        });
    },
    error: (e) => {
      failure ??= e;
    },
  });
  const check = () => {
    signal.throwIfAborted();
    if (failure) throw failure;
  };
  try {
    await output.start();
    encoder.configure(choice.config);
    for (let i = 0; i < count; i++) {
      check();
      await job.draw(i, canvas);
      check();
      const frame = new VideoFrame(canvas, {
        timestamp: frameTimestamp(i),
        duration: frameDuration(i),
      });
      try {
        encoder.encode(frame, { keyFrame: isKeyFrame(i) });
      } finally {
        frame.close();
      }
      while (encoder.encodeQueueSize > MAX_QUEUE && !signal.aborted && !failure)
        await dequeued(encoder, signal);
      // The muxer keeps up with the encoder (it only copies bytes); wait for it now and then.
      if (i % VIDEO_FPS === VIDEO_FPS - 1) await muxed;
      job.onProgress(i + 1, count);
      await yieldToPage();
    }
    await encoder.flush();
    await muxed;
    check();
    encoder.close();
    await output.finalize();
    return sink.blob(await output.getMimeType().catch(() => format.mimeType));
  } catch (error) {
    if (encoder.state !== 'closed') encoder.close();
    if (output.state !== 'finalized' && output.state !== 'canceled')
      await output.cancel().catch(() => undefined);
    sink.discard();
    throw error;
  } finally {
    // Frees the canvas's pixels now rather than whenever it is collected.
    canvas.width = 0;
    canvas.height = 0;
  }
}
