/**
 * The timeline: controls above a plot that React renders as SVG — the in-force curve,
 * one mark per event, the year axis, and the date handle (in range mode both ends), which are
 * focusable ARIA sliders. Keys come from the one key map (view/keys.ts), changes go through the
 * view actions.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import './timeline.css';
import { dayToDate } from '../data/partial-date.ts';
import { formatLongDay } from '../i18n/format.ts';
import { STRINGS } from '../i18n/strings.ts';
import type { StepCurve } from '../time/events.ts';
import { isRangeMode } from '../time/in-force.ts';
import * as A from '../view/actions.ts';
import { diffSentence } from '../view/diff-sentence.ts';
import { keyCommand } from '../view/keys.ts';
import { useAct, useAtlas, useDerived, useMapStarted, useView } from '../ui/atlas-context.tsx';
import { EventMarks, type MarkHover } from './EventMarks.tsx';
import { linearScale, stepAreaPath, yearTicks, type LinearScale } from './scale.ts';
import { TimelineControls } from './TimelineControls.tsx';
import { useAnnouncement } from './use-announcement.ts';
import { useRangeDrag } from './use-range-drag.ts';

const M = { left: 16, right: 16, top: 8, bottom: 22 };

export function Timeline() {
  const { model, bounds } = useAtlas();
  const act = useAct();
  const mode = useView((v) => v.mode);
  const date = useView((v) => v.date);
  const from = useView((v) => v.from);
  const lang = useView((v) => v.lang);
  const playing = useView((v) => v.playing);
  const speed = useView((v) => v.speed);
  const compact = useView((v) => v.embed);
  const presenting = useView((v) => v.present);
  const derived = useDerived();
  const marksReady = useMapStarted();
  const s = STRINGS[lang];

  const wrap = useRef<HTMLDivElement>(null);
  /** The plot's width once measured: the marks wait for it (thousands, laid out once). */
  const [measured, setMeasured] = useState<number | null>(null);
  const width = measured ?? 800;
  // Compact (embeds): three rows of marks over the year axis, 50 px, so that even a 240 px high
  // iframe keeps the years.
  const height = compact ? 50 : 116;
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setMeasured(Math.max(240, Math.round(entry.contentRect.width)));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const x = useMemo(
    () => linearScale([bounds.start, bounds.end], [M.left, width - M.right]),
    [bounds, width],
  );
  const plotBottom = height - M.bottom;
  const ticks = useMemo(() => yearTicks(x, width < 520 ? 4 : width < 900 ? 2 : 1), [x, width]);
  const drag = useRangeDrag({
    x,
    mode,
    date,
    from,
    start: bounds.start,
    end: bounds.end,
    onDate: (day) => act((v) => A.setDate(v, day, bounds)),
    onRange: (a, b) => act(A.setRange(a, b, bounds)),
  });
  const announce = useAnnouncement({
    mode,
    date,
    from,
    lang,
    visibleCount: derived.visible.length,
    diffText: derived.diff ? diffSentence(derived.diff, lang, model.atlas.regions) : null,
  });
  // The selection's events are highlighted: a new set only when the selection's members change
  // (not on every date step), so the thousands of marks are not re-rendered while scrubbing.
  const highlightKey = derived.selected.map((c) => c.id).join('|');
  const highlighted = useMemo(
    () => new Set(highlightKey ? highlightKey.split('|') : []),
    [highlightKey],
  );
  /** The hovered mark's tooltip: its text and where it points (px in the timeline section). */
  const [markTip, setMarkTip] = useState<(MarkHover & { left: number; top: number }) | null>(null);
  const onHover = useCallback(
    (hover: MarkHover | null) => {
      const plot = wrap.current;
      const half = 140; // about half the tooltip's width: kept inside the section
      setMarkTip(
        hover && plot
          ? {
              ...hover,
              left: Math.min(
                Math.max(plot.offsetLeft + hover.x, half),
                plot.offsetLeft + plot.clientWidth - half,
              ),
              top: plot.offsetTop + hover.y - 8,
            }
          : null,
      );
      act(A.hover(hover?.cooperation ?? null));
    },
    [act],
  );
  const onSelect = useCallback((id: string) => act(A.select(id)), [act]);

  /**
   * A key on a handle: the one key map, as a slider. What is not a slider's (a clicker step while
   * presenting, Escape) goes on to the page's handler.
   */
  const onKey = (e: React.KeyboardEvent, which: 'date' | 'from') => {
    const cmd = keyCommand(e, { place: 'slider', presenting, blank: false, selected: false });
    if (!cmd || (cmd.type !== 'togglePlay' && cmd.type !== 'step' && cmd.type !== 'jump')) return;
    e.preventDefault();
    e.stopPropagation();
    if (cmd.type === 'togglePlay') act(A.togglePlay);
    else if (cmd.type === 'step')
      act((v) =>
        which === 'from'
          ? A.stepRangeStart(v, cmd.direction, cmd.byYear, bounds)
          : A.stepDate(v, cmd.direction, cmd.byYear, bounds),
      );
    else if (cmd.type === 'jump') {
      const day = cmd.to === 'start' ? bounds.start : bounds.end;
      act((v) => (which === 'from' ? A.setRangeStart(v, day, bounds) : A.setDate(v, day, bounds)));
    }
  };

  const handle = (which: 'date' | 'from', label: string, thin: boolean) => {
    const day = which === 'from' ? from : date;
    return (
      <g
        className={`timeline-handle${thin ? ' thin' : ''}`}
        transform={`translate(${x(day)},0)`}
        role="slider"
        tabIndex={0}
        aria-label={label}
        aria-valuemin={bounds.start}
        aria-valuemax={bounds.end}
        aria-valuenow={day}
        aria-valuetext={formatLongDay(day, lang)}
        aria-orientation="horizontal"
        onKeyDown={(e) => onKey(e, which)}
        data-testid={thin ? undefined : 'timeline-handle'}
        // The plot under it takes the pointer (dragging, and grabbing near an end).
        pointerEvents="none"
      >
        <line y1={M.top} y2={plotBottom} />
        <rect className="knob" x={-7} y={M.top - 2} width={14} height={18} rx={4} />
      </g>
    );
  };

  return (
    <section
      className={`timeline${compact ? ' compact' : ''}`}
      aria-label={s.timeline}
      data-testid="timeline"
    >
      <TimelineControls
        mode={mode}
        date={date}
        from={from}
        lang={lang}
        playing={playing}
        speed={speed}
        compact={compact}
        onPlay={() => act(A.togglePlay)}
        onSpeed={(v) => act({ speed: v })}
        onMode={(m) => act((v) => A.setMode(v, m, bounds))}
      />
      <div ref={wrap} className="timeline-plot">
        <svg
          width={width}
          height={height}
          role="group"
          aria-label={s.timeline}
          data-testid="timeline-svg"
        >
          <title>{s.timelineHelp}</title>
          <CurveArea curve={model.curve} x={x} top={M.top} bottom={plotBottom} end={bounds.end} />
          <rect
            className="timeline-hit"
            x={M.left}
            y={M.top}
            width={Math.max(0, width - M.left - M.right)}
            height={plotBottom - M.top}
            fill="transparent"
            onPointerDown={drag.onPointerDown}
            onPointerMove={drag.onPointerMove}
            onPointerUp={drag.onPointerUp}
            onPointerCancel={drag.onPointerCancel}
            onLostPointerCapture={drag.onLostPointerCapture}
            onKeyDown={drag.onKeyDown}
            data-testid="timeline-hit"
          />
          {isRangeMode(mode) && (
            <rect
              className="timeline-range"
              x={x(from)}
              y={M.top}
              width={Math.max(0, x(date) - x(from))}
              height={plotBottom - M.top}
              pointerEvents="none"
              data-testid="timeline-range"
            />
          )}
          {/* Mounted whole, once the map has started and the plot's width is known: thousands of
              marks inserted one by one into a mounted group cost React a walk over their
              siblings each. */}
          {marksReady && measured !== null && (
            <EventMarks
              events={model.events}
              model={model}
              x={x}
              bottom={plotBottom}
              lang={lang}
              highlighted={highlighted}
              compact={compact}
              onHover={onHover}
              onSelect={onSelect}
            />
          )}
          <Axis ticks={ticks} x={x} y={plotBottom} />
          {isRangeMode(mode) ? (
            <>
              {handle('from', mode === 'diff' ? s.diffStart : s.rangeStart, true)}
              {handle('date', mode === 'diff' ? s.diffEnd : s.rangeEnd, true)}
            </>
          ) : (
            handle('date', s.timelineHandle, false)
          )}
        </svg>
      </div>
      {markTip && (
        <div
          className="tip timeline-tip"
          role="tooltip"
          style={{ left: markTip.left, top: markTip.top }}
        >
          <strong>
            <bdi>{markTip.title}</bdi>
          </strong>
          <span>{markTip.detail}</span>
        </div>
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="timeline-live">
        {announce}
      </div>
    </section>
  );
}

/** Year ticks under the plot (a baseline, a tick and the year; decorative for assistive tech). */
const Axis = memo(function Axis(props: { ticks: number[]; x: LinearScale; y: number }) {
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

/** How many cooperations are in force over time, as a step curve. */
const CurveArea = memo(function CurveArea(props: {
  curve: StepCurve;
  x: LinearScale;
  top: number;
  bottom: number;
  end: number;
}) {
  const max = Math.max(1, ...props.curve.map((c) => c.count));
  const y = linearScale([0, max], [props.bottom, props.top + 18]);
  const points = [...props.curve, { day: props.end, count: props.curve.at(-1)?.count ?? 0 }];
  const d = stepAreaPath(points, props.x, y, props.bottom);
  return <path className="timeline-curve" d={d} aria-hidden="true" />;
});
