/** One mark per event (signing, accession, end) on the timeline, stacked where they crowd. */
import { memo, useMemo } from 'react';
import type { Lang } from '../data/model.ts';
import { STRINGS } from '../i18n/strings.ts';
import type { AtlasModel } from '../model/atlas-model.ts';
import { eventKey, type TimelineEvent } from '../time/events.ts';
import type { LinearScale } from './scale.ts';
import { stackRows } from './stack-rows.ts';

export const EventMarks = memo(function EventMarks(props: {
  events: TimelineEvent[];
  model: AtlasModel;
  x: LinearScale;
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
  const what = { signed: s.eventSigned, joined: s.eventJoined, ended: s.eventEnded };
  return (
    <g className="timeline-marks">
      {events.map((e, i) => {
        const c = props.model.atlas.cooperationById.get(e.cooperation);
        if (!c) return null;
        const colour = `var(--topic-${c.topics[0] ?? 'governance'})`;
        const hi = props.highlighted.has(e.cooperation);
        return (
          <g
            key={eventKey(e)}
            className={`mark mark-${e.type}${hi ? ' is-highlighted' : ''}`}
            transform={`translate(${xs[i]!},${bottom - 5 - rows[i]! * 7})`}
            onPointerEnter={() => props.onHover(e.cooperation)}
            onPointerLeave={() => props.onHover(null)}
            onClick={() => props.onSelect(e.cooperation)}
            data-cooperation={e.cooperation}
          >
            <title>{`${c.title[props.lang]} – ${what[e.type]}`}</title>
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
