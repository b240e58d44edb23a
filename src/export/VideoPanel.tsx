/**
 * The export dialog's video: length, size and format, then a download button; a progress bar with
 * the frame count and a Cancel button while it renders. The encoder and the muxer load only when
 * a video is asked for; closing the dialog cancels it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { formatLongDay } from '../i18n/format.ts';
import { fill, STRINGS } from '../i18n/strings.ts';
import { download } from '../ui/download.ts';
import { useAtlas } from '../ui/atlas-context.tsx';
import type { Shot } from './shot.ts';
import { growthSpan } from './steps.ts';
import { pickCodec } from './video/codec.ts';
// A type only: the module itself loads when a video is asked for.
import type { VideoFormat } from './video/make-video.ts';
import {
  frameCount,
  frameDates,
  GIF_FPS,
  GIF_SIZE,
  gifFrames,
  VIDEO_LENGTHS,
  VIDEO_SIZES,
  type VideoLength,
  type VideoSize,
} from './video/frames.ts';

const FORMAT_NAME: Record<VideoFormat, string> = { webm: 'WebM', mp4: 'MP4', gif: 'GIF' };

export function VideoPanel({ shot }: { shot: Shot }) {
  const { model } = useAtlas();
  const { view } = shot;
  const s = STRINGS[view.lang];
  const id = useId();
  const [seconds, setSeconds] = useState<VideoLength>(20);
  const [size, setSize] = useState<VideoSize>('1080');
  const [format, setFormat] = useState<VideoFormat>('webm');
  const [canMp4, setCanMp4] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [status, setStatus] = useState('');
  const job = useRef<AbortController | null>(null);

  // MP4 (H.264) only where the browser can encode it.
  useEffect(() => {
    let live = true;
    void pickCodec('mp4', 1920, 1080).then((choice) => live && setCanMp4(choice !== null));
    return () => {
      live = false;
    };
  }, []);
  // Closing the dialog cancels a video being made.
  useEffect(() => () => job.current?.abort(), []);

  const { start, end } = growthSpan(view);

  const run = async () => {
    const controller = new AbortController();
    job.current = controller;
    setStatus('');
    const total =
      format === 'gif'
        ? gifFrames(frameDates(start, end, frameCount(seconds, GIF_FPS), GIF_FPS)).length
        : frameCount(seconds);
    setProgress({ done: 0, total });
    try {
      const { makeVideo, VideoUnsupportedError } = await import('./video/make-video.ts');
      try {
        const { blob, name } = await makeVideo({
          model,
          ...shot,
          seconds,
          size,
          format,
          signal: controller.signal,
          onProgress: (done, total) => {
            if (!controller.signal.aborted) setProgress({ done, total });
          },
        });
        download(blob, name);
        setStatus(fill(s.videoDone, { name }));
      } catch (e) {
        if (e instanceof VideoUnsupportedError)
          setStatus(fill(s.videoUnsupported, { format: FORMAT_NAME[format] }));
        else throw e;
      }
    } catch (e) {
      if (controller.signal.aborted) setStatus(s.videoCancelled);
      else setStatus(fill(s.exportFailed, { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      if (job.current === controller) job.current = null;
      setProgress(null);
    }
  };

  return (
    <fieldset className="export-group" data-testid="video-panel">
      <legend>{s.videoHeading}</legend>
      <p className="export-note">
        {fill(s.videoIntro, {
          from: formatLongDay(start, view.lang),
          to: formatLongDay(end, view.lang),
        })}
      </p>
      <div className="export-fields">
        <label htmlFor={`${id}-length`}>{s.videoLength}</label>
        <select
          id={`${id}-length`}
          value={seconds}
          disabled={progress !== null}
          onChange={(e) => setSeconds(Number(e.target.value) as VideoLength)}
          data-testid="video-length"
        >
          {VIDEO_LENGTHS.map((n) => (
            <option key={n} value={n}>
              {fill(s.videoSeconds, { n })}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-size`}>{s.videoSize}</label>
        <select
          id={`${id}-size`}
          value={size}
          disabled={progress !== null || format === 'gif'}
          onChange={(e) => setSize(e.target.value as VideoSize)}
          data-testid="video-size"
        >
          {(Object.keys(VIDEO_SIZES) as VideoSize[]).map((k) => (
            <option key={k} value={k}>
              {VIDEO_SIZES[k].join(' × ')}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-format`}>{s.videoFormat}</label>
        <select
          id={`${id}-format`}
          value={format}
          disabled={progress !== null}
          onChange={(e) => setFormat(e.target.value as VideoFormat)}
          data-testid="video-format"
        >
          <option value="webm">WebM (VP9)</option>
          {canMp4 && <option value="mp4">MP4 (H.264)</option>}
          <option value="gif">GIF ({GIF_SIZE.join(' × ')})</option>
        </select>
      </div>
      <div className="export-actions">
        <button
          type="button"
          className="text-button"
          disabled={progress !== null}
          onClick={() => void run()}
          data-testid="video-start"
        >
          {fill(s.videoDownload, { format: FORMAT_NAME[format] })}
        </button>
        {progress && (
          <button
            type="button"
            className="text-button"
            onClick={() => job.current?.abort()}
            data-testid="video-cancel"
          >
            {s.videoCancel}
          </button>
        )}
      </div>
      {progress && (
        <progress
          className="export-progress"
          max={progress.total}
          value={progress.done}
          aria-label={s.videoHeading}
          data-testid="video-progress"
        />
      )}
      <p role="status" data-testid="video-status">
        {progress ? fill(s.videoProgress, { n: progress.done, total: progress.total }) : status}
      </p>
    </fieldset>
  );
}
