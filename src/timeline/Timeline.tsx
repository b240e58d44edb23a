/**
 * The timeline: React renders the SVG, the axis, the marks and the range (d3-shape draws the
 * step curve). The date handle, and in range mode both ends, are focusable ARIA sliders; the
 * pointer drags them (range mode: a handle, the whole range, or a new range, as a brush does).
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { area, curveStepAfter } from 'd3-shape';
import type { Lang } from '../data/model.ts';
import { dayToDate } from '../data/partial-date.ts';
import { formatLongDay, formatShortDay } from '../i18n/format.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import { TOPIC_COLOURS } from '../map/palette.ts';
import type { TimeMode } from '../time/in-force.ts';
import { countAt, stackRows, type StepCurve, type TimelineEvent } from '../time/events.ts';
import type { Scene } from '../app/scene.ts';
import { injectFault } from '../app/fault.ts';
import { useAfterFirstPaint } from '../app/deferred.ts';

import {
  dayAt,
  dragRange,
  linearScale,
  makeTimeScale,
  rangeGrab,
  stepDay,
  xOf,
  yearTicks,
  type DayScale,
  type RangeGrab,
} from './scale.ts';

const NO_EVENTS: TimelineEvent[] = [];

export interface TimelineProps {
  scene: Scene;
  events: TimelineEvent[];
  curve: StepCurve;
  mode: TimeMode;
  date: number;
  from: number;
  start: number;
  end: number;
  lang: Lang;
  playing: boolean;
  speed: number;
  visibleCount: number;
  /** Cooperations of the current selection (their events are highlighted). */
  highlighted: ReadonlySet<string>;
  compact?: boolean;
  onChange: (patch: { date?: number; from?: number; mode?: TimeMode }) => void;
  onPlay: (playing: boolean) => void;
  onSpeed: (speed: number) => void;
  onHover: (cooperation: string | null) => void;
  onSelect: (cooperation: string) => void;
}

const M = { left: 16, right: 16, top: 8, bottom: 22 };
/** A pointer drag in range mode, from the range and the day where it started. */
interface RangeDrag {
  kind: 'range';
  grab: RangeGrab;
  start: { from: number; to: number };
  anchor: number;
  x0: number;
}
const GRAB_CURSOR: Record<RangeGrab, string> = {
  from: 'ew-resize',
  to: 'ew-resize',
  move: 'grab',
  new: 'crosshair',
};
const MODES: TimeMode[] = ['inforce', 'signed', 'cumulative'];

export function Timeline(p: TimelineProps) {
  injectFault('timeline');
  const marksReady = useAfterFirstPaint();
  const s = STRINGS[p.lang];
  const wrap = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  // Compact (embeds): three rows of marks over the year axis, 50 px, so that even a 240 px high
  // iframe keeps the years.
  const height = p.compact ? 50 : 116;
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(240, Math.round(entry.contentRect.width)));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const x = useMemo(
    () => makeTimeScale(p.start, p.end, M.left, width - M.right),
    [p.start, p.end, width],
  );
  const plotBottom = height - M.bottom;
  const ticks = useMemo(() => yearTicks(x, width < 520 ? 4 : width < 900 ? 2 : 1), [x, width]);

  // Pointer: in force and cumulative, the handle jumps to the pointer and follows it; in range
  // mode a press near an end drags that end, inside the range moves it, outside draws a new one.
  const drag = useRef<{ kind: 'date' } | RangeDrag | null>(null);
  /** The range after the pointer moved to px in a range drag. */
  const follow = (d: RangeDrag, px: number) => {
    const r = dragRange(d.grab, d.start, d.anchor, dayAt(x, px), { start: p.start, end: p.end });
    p.onChange({ from: r.from, date: r.to });
  };
  const plotX = (e: React.PointerEvent<SVGRectElement>) =>
    e.clientX - e.currentTarget.ownerSVGElement!.getBoundingClientRect().left;
  const onPointerDown = (e: React.PointerEvent<SVGRectElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const px = plotX(e);
    if (p.mode !== 'signed') {
      drag.current = { kind: 'date' };
      p.onChange({ date: dayAt(x, px) });
      return;
    }
    const grab = rangeGrab(px, xOf(x, p.from), xOf(x, p.date));
    const d: RangeDrag = {
      kind: 'range',
      grab,
      start: { from: p.from, to: p.date },
      anchor: dayAt(x, px),
      x0: px,
    };
    drag.current = d;
    // An end jumps to the pointer at once; a move or a new range waits for the pointer to move.
    if (grab === 'from' || grab === 'to') follow(d, px);
  };
  const onPointerMove = (e: React.PointerEvent<SVGRectElement>) => {
    const d = drag.current;
    const px = plotX(e);
    if (!d) {
      if (p.mode === 'signed') {
        const grab = rangeGrab(px, xOf(x, p.from), xOf(x, p.date));
        e.currentTarget.style.cursor = GRAB_CURSOR[grab];
      }
      return;
    }
    if (d.kind === 'date') {
      p.onChange({ date: dayAt(x, px) });
      return;
    }
    // A new range starts once the pointer has moved a little (a click alone changes nothing).
    if (d.grab === 'new' && Math.abs(px - d.x0) < 3) return;
    follow(d, px);
  };
  const endDrag = () => {
    drag.current = null;
  };

  const max = useMemo(() => Math.max(1, ...p.curve.map((c) => c.count)), [p.curve]);
  const announce = useAnnouncement(p, s);

  const onKey = (e: React.KeyboardEvent, which: 'date' | 'from') => {
    const cur = which === 'from' ? p.from : p.date;
    let next: number | null = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp')
      next = stepDay(cur, 1, e.shiftKey, p.start, p.end);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown')
      next = stepDay(cur, -1, e.shiftKey, p.start, p.end);
    else if (e.key === 'PageUp') next = stepDay(cur, 1, true, p.start, p.end);
    else if (e.key === 'PageDown') next = stepDay(cur, -1, true, p.start, p.end);
    else if (e.key === 'Home') next = p.start;
    else if (e.key === 'End') next = p.end;
    else if (e.key === ' ' || e.key === 'Spacebar') {
      e.preventDefault();
      p.onPlay(!p.playing);
      return;
    }
    if (next === null) return;
    e.preventDefault();
    if (which === 'from') p.onChange({ from: Math.min(next, p.date) });
    else p.onChange(p.mode === 'signed' ? { date: Math.max(next, p.from) } : { date: next });
  };

  const hx = xOf(x, p.date);
  return (
    <section
      className={`timeline${p.compact ? ' compact' : ''}`}
      aria-label={s.timeline}
      data-testid="timeline"
    >
      <div className="timeline-controls">
        <button
          type="button"
          className="play-button"
          onClick={() => p.onPlay(!p.playing)}
          aria-pressed={p.playing}
          data-testid="play"
        >
          <span aria-hidden="true">{p.playing ? '❚❚' : '▶'}</span> {p.playing ? s.pause : s.play}
        </button>
        {!p.compact && (
          <label className="speed">
            {s.speed}{' '}
            <select value={p.speed} onChange={(e) => p.onSpeed(Number(e.target.value))}>
              {[0.5, 1, 2, 4].map((v) => (
                <option key={v} value={v}>
                  {new Intl.NumberFormat(p.lang).format(v)}×
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="segmented" role="radiogroup" aria-label={s.modeLabel}>
          {MODES.map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={p.mode === m}
              title={s[`mode_${m}`]}
              data-mode={m}
              onClick={() => p.onChange({ mode: m })}
            >
              {s[`modeShort_${m}`]}
            </button>
          ))}
        </div>
        <span className="timeline-readout" data-testid="timeline-date">
          {p.mode === 'signed'
            ? `${formatShortDay(p.from, p.lang)} – ${formatShortDay(p.date, p.lang)}`
            : formatLongDay(p.date, p.lang)}
        </span>
      </div>
      <div ref={wrap} className="timeline-plot">
        <svg
          width={width}
          height={height}
          role="group"
          aria-label={s.timeline}
          data-testid="timeline-svg"
        >
          <title>{s.timelineHelp}</title>
          <CurveArea curve={p.curve} x={x} max={max} top={M.top} bottom={plotBottom} end={p.end} />
          <rect
            className="timeline-hit"
            x={M.left}
            y={M.top}
            width={Math.max(0, width - M.left - M.right)}
            height={plotBottom - M.top}
            fill="transparent"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={endDrag}
            onPointerCancel={endDrag}
            data-testid="timeline-hit"
          />
          {p.mode === 'signed' && (
            <rect
              className="timeline-range"
              x={xOf(x, p.from)}
              y={M.top}
              width={Math.max(0, xOf(x, p.date) - xOf(x, p.from))}
              height={plotBottom - M.top}
              pointerEvents="none"
              data-testid="timeline-range"
            />
          )}
          <Marks
            events={marksReady ? p.events : NO_EVENTS}
            scene={p.scene}
            x={x}
            width={width}
            bottom={plotBottom}
            lang={p.lang}
            highlighted={p.highlighted}
            compact={p.compact ?? false}
            onHover={p.onHover}
            onSelect={p.onSelect}
          />
          <Axis ticks={ticks} x={x} y={plotBottom} />
          {p.mode === 'signed' ? (
            <>
              <Handle
                x={xOf(x, p.from)}
                top={M.top}
                bottom={plotBottom}
                label={s.rangeStart}
                day={p.from}
                p={p}
                onKey={(e) => onKey(e, 'from')}
                thin
              />
              <Handle
                x={hx}
                top={M.top}
                bottom={plotBottom}
                label={s.rangeEnd}
                day={p.date}
                p={p}
                onKey={(e) => onKey(e, 'date')}
                thin
              />
            </>
          ) : (
            <Handle
              x={hx}
              top={M.top}
              bottom={plotBottom}
              label={s.timelineHandle}
              day={p.date}
              p={p}
              onKey={(e) => onKey(e, 'date')}
            />
          )}
        </svg>
      </div>
      <div className="visually-hidden" aria-live="polite" data-testid="timeline-live">
        {announce}
      </div>
    </section>
  );
}

function Handle(props: {
  x: number;
  top: number;
  bottom: number;
  label: string;
  day: number;
  p: TimelineProps;
  thin?: boolean;
  onKey: (e: React.KeyboardEvent) => void;
}) {
  const { x, top, bottom, label, day, p } = props;
  return (
    <g
      className={`timeline-handle${props.thin ? ' thin' : ''}`}
      transform={`translate(${x},0)`}
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={p.start}
      aria-valuemax={p.end}
      aria-valuenow={day}
      aria-valuetext={formatLongDay(day, p.lang)}
      aria-orientation="horizontal"
      onKeyDown={props.onKey}
      data-testid={props.thin ? undefined : 'timeline-handle'}
      // The plot under it takes the pointer (dragging, and grabbing near an end).
      pointerEvents="none"
    >
      <line y1={top} y2={bottom} />
      <rect className="knob" x={-7} y={top - 2} width={14} height={18} rx={4} />
    </g>
  );
}

/** Year ticks under the plot (a baseline, a tick and the year; decorative for assistive tech). */
const Axis = memo(function Axis(props: { ticks: number[]; x: DayScale; y: number }) {
  const [x0, x1] = props.x.range;
  return (
    <g className="timeline-axis" transform={`translate(0,${props.y})`} aria-hidden="true">
      <path className="domain" d={`M${x0},0.5H${x1}`} />
      {props.ticks.map((day) => (
        <g key={day} className="tick" transform={`translate(${Math.round(props.x(day)) + 0.5},0)`}>
          <line y2={6} />
          <text y={9} dy="0.71em">
            {dayToDate(day).getUTCFullYear()}
          </text>
        </g>
      ))}
    </g>
  );
});

const CurveArea = memo(function CurveArea(props: {
  curve: StepCurve;
  x: DayScale;
  max: number;
  top: number;
  bottom: number;
  end: number;
}) {
  const y = linearScale([0, props.max], [props.bottom, props.top + 18]);
  const points = [...props.curve, { day: props.end, count: props.curve.at(-1)?.count ?? 0 }];
  const d = area<{ day: number; count: number }>()
    .x((c) => props.x(c.day))
    .y0(props.bottom)
    .y1((c) => y(c.count))
    .curve(curveStepAfter)(points);
  return <path className="timeline-curve" d={d ?? ''} aria-hidden="true" />;
});

const Marks = memo(function Marks(props: {
  events: TimelineEvent[];
  scene: Scene;
  x: DayScale;
  width: number;
  bottom: number;
  lang: Lang;
  highlighted: ReadonlySet<string>;
  compact: boolean;
  onHover: (id: string | null) => void;
  onSelect: (id: string) => void;
}) {
  const { events, x, bottom } = props;
  const s = STRINGS[props.lang];
  const xs = useMemo(() => events.map((e) => x(e.day)), [events, x]);
  const rows = useMemo(() => stackRows(xs, 7, props.compact ? 3 : 8), [xs, props.compact]);
  return (
    <g className="timeline-marks">
      {events.map((e, i) => {
        const c = props.scene.atlas.cooperationById.get(e.cooperation);
        if (!c) return null;
        const colour = TOPIC_COLOURS[c.topics[0] ?? 'governance'];
        const cx = xs[i]!;
        const cy = bottom - 5 - rows[i]! * 7;
        const hi = props.highlighted.has(e.cooperation);
        const what =
          e.type === 'signed' ? s.eventSigned : e.type === 'joined' ? s.eventJoined : s.eventEnded;
        return (
          <g
            key={`${e.type}-${e.cooperation}-${e.region ?? ''}`}
            className={`mark mark-${e.type}${hi ? ' is-highlighted' : ''}`}
            transform={`translate(${cx},${cy})`}
            onPointerEnter={() => props.onHover(e.cooperation)}
            onPointerLeave={() => props.onHover(null)}
            onClick={() => props.onSelect(e.cooperation)}
            data-cooperation={e.cooperation}
          >
            <title>{`${c.title[props.lang]} – ${what}`}</title>
            {e.type === 'ended' ? (
              <path d="M-3,-3L3,3M3,-3L-3,3" stroke={colour} strokeWidth={1.8} />
            ) : (
              <circle
                r={3}
                fill={e.type === 'signed' ? colour : 'var(--bg)'}
                stroke={colour}
                strokeWidth={1.5}
              />
            )}
          </g>
        );
      })}
    </g>
  );
});

/** The live region's text, updated at most every 700 ms so screen readers are not flooded. */
function useAnnouncement(p: TimelineProps, s: (typeof STRINGS)['de']): string {
  const [text, setText] = useState('');
  useEffect(() => {
    const t = setTimeout(() => {
      const n = p.mode === 'inforce' ? countAt(p.curve, p.date) : p.visibleCount;
      if (p.mode === 'signed')
        setText(
          fill(s.announceRange, {
            from: formatLongDay(p.from, p.lang),
            to: formatLongDay(p.date, p.lang),
            n: p.visibleCount,
          }),
        );
      else
        setText(
          fill(p.mode === 'inforce' ? s.announceInForce : s.announceCumulative, {
            date: formatLongDay(p.date, p.lang),
            n: p.mode === 'inforce' ? p.visibleCount || n : p.visibleCount,
          }),
        );
    }, 700);
    return () => clearTimeout(t);
  }, [p.mode, p.date, p.from, p.lang, p.visibleCount, p.curve, s]);
  return text;
}
