/** Play, speed, the time mode and the date readout above the timeline's plot. */
import type { Lang } from '../data/model.ts';
import { formatLongDay, formatNumber, formatShortDay } from '../i18n/format.ts';
import { STRINGS } from '../i18n/strings.ts';
import { isRangeMode, TIME_MODES, type TimeMode } from '../time/in-force.ts';

const SPEEDS = [0.5, 1, 2, 4];

export function TimelineControls(p: {
  mode: TimeMode;
  date: number;
  from: number;
  lang: Lang;
  playing: boolean;
  speed: number;
  compact: boolean;
  onPlay: () => void;
  onSpeed: (speed: number) => void;
  onMode: (mode: TimeMode) => void;
}) {
  const s = STRINGS[p.lang];
  return (
    <div className="timeline-controls">
      <button
        type="button"
        className="play-button"
        onClick={p.onPlay}
        aria-pressed={p.playing}
        data-testid="play"
      >
        <span aria-hidden="true">{p.playing ? '❚❚' : '▶'}</span> {p.playing ? s.pause : s.play}
      </button>
      {!p.compact && (
        <label className="speed">
          {s.speed}{' '}
          <select value={p.speed} onChange={(e) => p.onSpeed(Number(e.target.value))}>
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {formatNumber(v, p.lang)}×
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="segmented" role="radiogroup" aria-label={s.modeLabel}>
        {TIME_MODES.map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={p.mode === m}
            title={s[`mode_${m}`]}
            data-mode={m}
            onClick={() => p.onMode(m)}
          >
            {s[`modeShort_${m}`]}
          </button>
        ))}
      </div>
      <span className="timeline-readout" data-testid="timeline-date">
        {isRangeMode(p.mode)
          ? `${formatShortDay(p.from, p.lang)} – ${formatShortDay(p.date, p.lang)}`
          : formatLongDay(p.date, p.lang)}
      </span>
    </div>
  );
}
