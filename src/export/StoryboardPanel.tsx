/**
 * The export dialog's storyboard: how many maps (4–8) and, if wanted, their dates, then SVG or
 * PNG. The dates start evenly spread from the span's start to the view's date.
 */
import { useId, useState } from 'react';
import { formatDay, parseDay } from '../data/partial-date.ts';
import { fill, STRINGS } from '../i18n/strings.ts';
import { download } from '../ui/download.ts';
import { useAtlas } from '../ui/atlas-context.tsx';
import { svgToPng } from './raster.ts';
import { buildMatrix } from '../view/matrix.ts';
import { matrixOrder } from '../view/seriate.ts';
import type { Shot } from './shot.ts';
import { growthSpan } from './steps.ts';
import {
  datesOf,
  renderStoryboard,
  STORYBOARD_COUNTS,
  STORYBOARD_DEFAULT_COUNT,
  storyboardDates,
  storyboardFileName,
} from './storyboard.ts';

/** The PNG is drawn at 1920 × 1080 and rasterised at twice that, sharp enough for print. */
const PNG_SIZE = [3840, 2160] as const;

export function StoryboardPanel({ shot }: { shot: Shot }) {
  const { model, derive } = useAtlas();
  const { view } = shot;
  const s = STRINGS[view.lang];
  const id = useId();
  const [dates, setDates] = useState(() => storyboardDates(view, STORYBOARD_DEFAULT_COUNT));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const { start } = growthSpan(view);

  const run = async (format: 'svg' | 'png') => {
    setBusy(true);
    setError('');
    // Lets the busy state paint before the (synchronous) drawing.
    await new Promise((resolve) => setTimeout(resolve));
    try {
      const used = datesOf(view, { dates }, model.today);
      // The matrix keeps the order it is shown in (at the last date; the clustered one is worked out).
      const last = { ...view, date: used.at(-1) ?? view.date };
      const order =
        view.tab === 'matrix'
          ? await matrixOrder(
              buildMatrix(model, derive(last).visible, last, view.nationwide),
              view.order,
            )
          : undefined;
      const svg = renderStoryboard({
        model,
        ...shot,
        dates: used,
        derive,
        ...(order ? { order } : {}),
      });
      const name = storyboardFileName(used, format);
      if (format === 'svg') download(new Blob([svg], { type: 'image/svg+xml' }), name);
      else download(await svgToPng(svg, PNG_SIZE[0], PNG_SIZE[1]), name);
    } catch (e) {
      setError(fill(s.exportFailed, { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="export-group" data-testid="storyboard-panel">
      <legend>{s.storyboardHeading}</legend>
      <div className="export-fields">
        <label htmlFor={`${id}-count`}>{s.storyboardCount}</label>
        <select
          id={`${id}-count`}
          value={dates.length}
          onChange={(e) => setDates(storyboardDates(view, Number(e.target.value)))}
          data-testid="storyboard-count"
        >
          {STORYBOARD_COUNTS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <details className="export-dates">
        <summary>{s.storyboardDates}</summary>
        <div className="export-fields">
          {dates.map((d, i) => (
            <label key={i}>
              {fill(s.storyboardDate, { n: i + 1 })}
              <input
                type="date"
                value={formatDay(d)}
                min={formatDay(start)}
                max={formatDay(model.today)}
                onChange={(e) => {
                  const day = parseDay(e.target.value);
                  if (day !== null) setDates(dates.map((x, k) => (k === i ? day : x)));
                }}
                data-testid={`storyboard-date-${i + 1}`}
              />
            </label>
          ))}
        </div>
      </details>
      <div className="export-actions">
        <button
          type="button"
          className="text-button"
          disabled={busy}
          onClick={() => void run('svg')}
          data-testid="storyboard-svg"
        >
          {s.storyboardSvg}
        </button>
        <button
          type="button"
          className="text-button"
          disabled={busy}
          onClick={() => void run('png')}
          data-testid="storyboard-png"
        >
          {s.storyboardPng}
        </button>
      </div>
      <p role="status">{busy ? s.exporting : error}</p>
    </fieldset>
  );
}
