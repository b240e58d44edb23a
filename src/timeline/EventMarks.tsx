/**
 * One mark per event (signing, accession, end) on the timeline, stacked where they crowd. Only
 * the marks not hidden under others are drawn (stack-rows.ts), each as one element; a selection's
 * marks are drawn on top. Pointer events are handled once, on the group.
 */
import { memo, useMemo } from 'react';
import type { Lang } from '../data/model.ts';
import { STRINGS } from '../i18n/strings.ts';
import type { AtlasModel } from '../model/atlas-model.ts';
import { eventKey, type TimelineEvent } from '../time/events.ts';
import type { LinearScale } from './scale.ts';
import { stackRows, uncoveredMarks } from './stack-rows.ts';

/** What the pointer is over: the event's cooperation and the tooltip's text, or nothing. */
export interface MarkHover {
  cooperation: string;
  title: string;
  detail: string;
  /** The mark's centre in the plot (px). */
  x: number;
  y: number;
}

export const EventMarks = memo(function EventMarks(props: {
  events: TimelineEvent[];
  model: AtlasModel;
  x: LinearScale;
  bottom: number;
  lang: Lang;
  highlighted: ReadonlySet<string>;
  compact: boolean;
  onHover: (hover: MarkHover | null) => void;
  onSelect: (id: string) => void;
}) {
  const { events, x, bottom, highlighted, model, lang } = props;
  const s = STRINGS[lang];
  const xs = useMemo(() => events.map((e) => x(e.day)), [events, x]);
  const rows = useMemo(() => stackRows(xs, 7, props.compact ? 3 : 8), [xs, props.compact]);
  const drawn = useMemo(
    () =>
      uncoveredMarks(
        xs,
        rows,
        events.map((e) => e.type === 'ended'),
      ),
    [xs, rows, events],
  );
  const on = useMemo(
    () => events.flatMap((e, i) => (highlighted.has(e.cooperation) ? [i] : [])),
    [events, highlighted],
  );
  const y = (i: number) => bottom - 5 - rows[i]! * 7;

  const mark = (i: number, hi: boolean) => {
    const e = events[i]!;
    const c = model.atlas.cooperationById.get(e.cooperation);
    if (!c) return null;
    const colour = `var(--topic-${c.topics[0] ?? 'governance'})`;
    const key = eventKey(e);
    const common = {
      className: `mark mark-${e.type}${hi ? ' is-highlighted' : ''}`,
      'data-cooperation': e.cooperation,
      'data-i': i,
    };
    return e.type === 'ended' ? (
      <path
        key={key}
        {...common}
        d={`M${xs[i]! - 3},${y(i) - 3}l6,6m0,-6l-6,6`}
        stroke={colour}
        strokeWidth={1.8}
      />
    ) : (
      <circle
        key={key}
        {...common}
        cx={xs[i]}
        cy={y(i)}
        r={3}
        fill={e.type === 'signed' ? colour : 'var(--bg)'}
        stroke={colour}
        strokeWidth={1.5}
      />
    );
  };
  const indexOf = (target: EventTarget) => {
    const i = Number((target as Element).getAttribute?.('data-i') ?? NaN);
    return Number.isInteger(i) && events[i] ? i : null;
  };
  const what = { signed: s.eventSigned, joined: s.eventJoined, ended: s.eventEnded };

  return (
    <g
      className="timeline-marks"
      onPointerOver={(ev) => {
        const i = indexOf(ev.target);
        if (i === null) return;
        const e = events[i]!;
        const c = model.atlas.cooperationById.get(e.cooperation);
        const title = c ? c.title[lang] : e.cooperation;
        props.onHover({
          cooperation: e.cooperation,
          title,
          detail: what[e.type],
          x: xs[i]!,
          y: y(i),
        });
      }}
      onPointerOut={(ev) => {
        if (indexOf(ev.target) !== null) props.onHover(null);
      }}
      onClick={(ev) => {
        const i = indexOf(ev.target);
        if (i !== null) props.onSelect(events[i]!.cooperation);
      }}
    >
      {drawn.map((i) => (highlighted.has(events[i]!.cooperation) ? null : mark(i, false)))}
      {on.map((i) => mark(i, true))}
    </g>
  );
});
