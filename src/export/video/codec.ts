/**
 * Which encoder the browser offers for a container: WebM with VP9 (else VP8), MP4 with H.264.
 * Asked of WebCodecs' VideoEncoder.isConfigSupported, which the caller may replace (tests).
 */
import { bitrateFor, VIDEO_FPS } from './frames.ts';

export type Container = 'webm' | 'mp4';
/** The codec names of the muxer (mediabunny). */
export type VideoCodecName = 'vp9' | 'vp8' | 'av1' | 'avc';

export interface CodecChoice {
  container: Container;
  codec: VideoCodecName;
  config: VideoEncoderConfig;
}

/**
 * Candidates in order of preference. VP9 before VP8 (smaller, and Chromium encodes it faster).
 * AV1 is left out: drawing the frames, not encoding them, takes most of the time (a 20 s 1080p
 * video took 46.5 s with AV1 and 43.1 s with VP9 here), and fewer slide tools play it.
 */
const CANDIDATES: Record<Container, [VideoCodecName, string][]> = {
  webm: [
    ['vp9', 'vp09.00.10.08'],
    ['vp8', 'vp8'],
  ],
  // H.264 High, level 4.0 (1080p at 30 fps), then Main and Baseline.
  mp4: [
    ['avc', 'avc1.640028'],
    ['avc', 'avc1.4d0028'],
    ['avc', 'avc1.42e028'],
  ],
};

type IsSupported = (config: VideoEncoderConfig) => Promise<{ supported?: boolean }>;

const webCodecs: IsSupported = (config) =>
  typeof VideoEncoder === 'undefined'
    ? Promise.resolve({ supported: false })
    : VideoEncoder.isConfigSupported(config);

export function encoderConfig(codec: string, width: number, height: number): VideoEncoderConfig {
  return {
    codec,
    width,
    height,
    bitrate: bitrateFor(width, height),
    framerate: VIDEO_FPS,
    latencyMode: 'quality',
    ...(codec.startsWith('avc1') ? { avc: { format: 'avc' as const } } : {}),
  };
}

/** The first candidate the browser can encode at this size, or null. */
export async function pickCodec(
  container: Container,
  width: number,
  height: number,
  isSupported: IsSupported = webCodecs,
): Promise<CodecChoice | null> {
  for (const [codec, name] of CANDIDATES[container]) {
    const config = encoderConfig(name, width, height);
    const answer = await isSupported(config).catch(() => ({ supported: false }));
    if (answer.supported) return { container, codec, config };
  }
  return null;
}
