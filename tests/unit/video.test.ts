/**
 * The video export's pure parts: frame dates, counts and timestamps (the same view gives the same
 * frames), the span and the file name, the codec choice, and the Blob sink that collects the
 * muxer's positioned writes, checked by muxing packets with mediabunny and parsing them back.
 */
import {
  ALL_FORMATS,
  BufferSource,
  EncodedPacket,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  Input,
  Output,
  StreamTarget,
  WebMOutputFormat,
  type StreamTargetChunk,
} from 'mediabunny';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/data/partial-date.ts';
import { growthSpan, spanFileName, spreadDays } from '../../src/export/steps.ts';
import { BlobSink } from '../../src/export/video/blob-sink.ts';
import { pickCodec } from '../../src/export/video/codec.ts';
import {
  bitrateFor,
  frameCount,
  frameDates,
  frameDuration,
  frameTimestamp,
  GIF_FPS,
  gifFrames,
  isKeyFrame,
  VIDEO_FPS,
  VIDEO_LENGTHS,
} from '../../src/export/video/frames.ts';
import { maskUnchanged, withTransparentIndex } from '../../src/export/video/gif.ts';
import { TIMELINE_START } from '../../src/time/in-force.ts';

const day = (s: string) => parseDay(s)!;
const START = day('2006-01-01');
const END = day('2020-12-11');

describe('frames', () => {
  it('has 30 frames per second: 300, 600 and 900 frames for 10, 20 and 30 s', () => {
    expect(VIDEO_FPS).toBe(30);
    expect(VIDEO_LENGTHS.map((s) => frameCount(s))).toEqual([300, 600, 900]);
  });

  it('steps from the start to the end date, then holds the end for the last second', () => {
    for (const n of [300, 600, 900]) {
      const dates = frameDates(START, END, n);
      expect(dates).toHaveLength(n);
      expect(dates[0]).toBe(START);
      expect(dates.at(-1)).toBe(END);
      for (let i = 1; i < n; i++) expect(dates[i]!).toBeGreaterThanOrEqual(dates[i - 1]!);
      // The moving part reaches the end exactly where the hold starts.
      expect(dates.slice(n - 31)).toEqual(Array(31).fill(END));
      expect(dates[n - 32]).toBeLessThan(END);
      // 15 years over 270 frames: every frame moves on.
      if (n === 300) expect(new Set(dates.slice(0, 270)).size).toBe(270);
    }
  });

  it('is a pure function of start, end and count (the same view gives the same frames)', () => {
    expect(frameDates(START, END, 600)).toEqual(frameDates(START, END, 600));
    expect(frameDates(START, START, 300)).toEqual(Array(300).fill(START));
    // Frame i's date does not depend on anything else: spread evenly, rounded to the day.
    const moving = frameDates(START, END, 300).slice(0, 270);
    moving.forEach((d, i) => expect(d).toBe(START + Math.round((i * (END - START)) / 269)));
  });

  it('gives integer microsecond timestamps and durations that add up to whole seconds', () => {
    expect([0, 1, 2, 3].map((i) => frameTimestamp(i))).toEqual([0, 33333, 66667, 100000]);
    let total = 0;
    for (let i = 0; i < 30; i++) {
      expect(Number.isInteger(frameDuration(i))).toBe(true);
      total += frameDuration(i);
    }
    expect(total).toBe(1_000_000);
    expect(frameTimestamp(299) + frameDuration(299)).toBe(10_000_000);
  });

  it('puts a key frame every two seconds', () => {
    const keys = Array.from({ length: 300 }, (_, i) => i).filter((i) => isKeyFrame(i));
    expect(keys).toEqual([0, 60, 120, 180, 240]);
  });

  it('picks a bit rate by size', () => {
    expect(bitrateFor(1920, 1080)).toBe(6_200_000);
    expect(bitrateFor(1280, 720)).toBe(2_800_000);
  });
});

describe('GIF frames', () => {
  it('draws each date once at 10 fps, the held end as one frame of a second', () => {
    const frames = gifFrames(frameDates(START, END, frameCount(10, GIF_FPS), GIF_FPS));
    expect(frames).toHaveLength(90);
    expect(frames[0]).toEqual({ date: START, delay: 100 });
    expect(frames.at(-1)).toEqual({ date: END, delay: 1100 });
    expect(frames.reduce((t, f) => t + f.delay, 0)).toBe(10_000);
  });

  it('keeps an index free for transparency, even on a full palette', () => {
    const small = withTransparentIndex([
      [0, 0, 0],
      [255, 255, 255],
    ]);
    expect(small.transparent).toBe(2);
    expect(small.palette).toHaveLength(3);
    const full = withTransparentIndex(Array.from({ length: 256 }, (_, i) => [i, i, i]));
    expect(full.transparent).toBe(255);
    expect(full.palette).toHaveLength(256);
  });

  it('stores only the pixels that changed since the previous frame', () => {
    const previous = new Uint8Array([1, 2, 3, 4]);
    expect(Array.from(maskUnchanged(new Uint8Array([1, 5, 3, 6]), previous, 9))).toEqual([
      9, 5, 9, 6,
    ]);
    expect(Array.from(maskUnchanged(new Uint8Array([1, 5]), null, 9))).toEqual([1, 5]);
  });
});

describe('span and file name', () => {
  it('runs from 2006 (or the range start) to the view date', () => {
    expect(growthSpan({ mode: 'inforce', date: END, from: day('2019-01-01') })).toEqual({
      start: TIMELINE_START,
      end: END,
    });
    expect(growthSpan({ mode: 'cumulative', date: END, from: day('2019-01-01') }).start).toBe(
      START,
    );
    for (const mode of ['signed', 'diff'] as const)
      expect(growthSpan({ mode, date: END, from: day('2019-01-01') })).toEqual({
        start: day('2019-01-01'),
        end: END,
      });
  });

  it('spreads days evenly, both ends included', () => {
    expect(spreadDays(0, 100, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(spreadDays(0, 10, 1)).toEqual([10]);
    expect(spreadDays(0, 10, 0)).toEqual([]);
  });

  it('names the file after the span', () => {
    expect(spanFileName('video', START, END, 'webm')).toBe(
      'kooperationsatlas-video-2006-01-01_2020-12-11.webm',
    );
  });
});

describe('codec choice', () => {
  const only =
    (...codecs: string[]) =>
    (c: VideoEncoderConfig) =>
      Promise.resolve({ supported: codecs.some((x) => c.codec.startsWith(x)) });

  it('takes VP9 for WebM, else VP8, else none', async () => {
    expect((await pickCodec('webm', 1920, 1080, only('vp09', 'vp8')))?.codec).toBe('vp9');
    const vp8 = await pickCodec('webm', 1280, 720, only('vp8'));
    expect(vp8?.codec).toBe('vp8');
    expect(vp8?.config).toMatchObject({ codec: 'vp8', width: 1280, height: 720, framerate: 30 });
    expect(await pickCodec('webm', 1920, 1080, only())).toBeNull();
  });

  it('takes H.264 for MP4 where the browser can encode it, in the avc format the muxer needs', async () => {
    const avc = await pickCodec('mp4', 1920, 1080, only('avc1.4d'));
    expect(avc?.codec).toBe('avc');
    expect(avc?.config).toMatchObject({ codec: 'avc1.4d0028', avc: { format: 'avc' } });
    expect(await pickCodec('mp4', 1920, 1080, only('vp09'))).toBeNull();
    // Without WebCodecs (Node, old browsers) there is no video at all.
    expect(await pickCodec('webm', 1920, 1080)).toBeNull();
  });
});

describe('Blob sink', () => {
  const bytes = async (sink: BlobSink) =>
    Array.from(new Uint8Array(await sink.blob('video/webm').arrayBuffer()));
  const data = (...xs: number[]) => new Uint8Array(xs);

  it('appends, patches earlier bytes, fills gaps with zeros, and forgets on discard', async () => {
    const sink = new BlobSink();
    sink.write(0, data(1, 2, 3));
    sink.write(3, data(4, 5));
    expect(await bytes(sink)).toEqual([1, 2, 3, 4, 5]);
    sink.write(1, data(9, 9));
    expect(await bytes(sink)).toEqual([1, 9, 9, 4, 5]);
    sink.write(4, data(7, 8));
    expect(await bytes(sink)).toEqual([1, 9, 9, 4, 7, 8]);
    sink.write(8, data(6));
    expect(await bytes(sink)).toEqual([1, 9, 9, 4, 7, 8, 0, 0, 6]);
    expect(sink.byteLength).toBe(9);
    sink.discard();
    expect(await bytes(sink)).toEqual([]);
  });

  it('copies each write (the muxer reuses its buffers)', async () => {
    const sink = new BlobSink();
    const buffer = data(1, 2);
    sink.write(0, buffer);
    buffer[0] = 7;
    expect(await bytes(sink)).toEqual([1, 2]);
  });

  it('holds a WebM that mediabunny writes in chunks and reads back, every packet in place', async () => {
    const sink = new BlobSink();
    const writable = new WritableStream<StreamTargetChunk>({
      write: (chunk) => sink.write(chunk.position, chunk.data),
    });
    const output = new Output({
      format: new WebMOutputFormat(),
      target: new StreamTarget(writable, { chunked: true, chunkSize: 4096 }),
    });
    const source = new EncodedVideoPacketSource('vp8');
    output.addVideoTrack(source, { frameRate: VIDEO_FPS });
    await output.start();
    const n = 90;
    for (let i = 0; i < n; i++) {
      const payload = new Uint8Array(200 + (i % 7) * 50).fill(i);
      const packet = new EncodedPacket(
        payload,
        isKeyFrame(i) ? 'key' : 'delta',
        frameTimestamp(i) / 1e6,
        frameDuration(i) / 1e6,
      );
      await source.add(
        packet,
        i === 0 ? { decoderConfig: { codec: 'vp8', codedWidth: 64, codedHeight: 36 } } : undefined,
      );
    }
    await output.finalize();
    const file = new Uint8Array(await sink.blob('video/webm').arrayBuffer());
    expect(Array.from(file.slice(0, 4))).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    const input = new Input({ source: new BufferSource(file), formats: ALL_FORMATS });
    const track = (await input.getPrimaryVideoTrack())!;
    expect(track.codec).toBe('vp8');
    expect(await input.computeDuration()).toBeCloseTo(3, 2);
    const packets: EncodedPacket[] = [];
    for await (const p of new EncodedPacketSink(track).packets()) packets.push(p);
    expect(packets).toHaveLength(n);
    expect(packets.filter((p) => p.type === 'key')).toHaveLength(2);
    packets.forEach((p, i) => expect(p.data[0]).toBe(i));
  });
});
