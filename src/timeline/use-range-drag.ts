/**
 * Pointer handling on the timeline's plot: in force and cumulative, the handle jumps to the
 * pointer and follows it; in range mode a press near an end drags that end, inside the range
 * moves it, outside draws a new one (what a brush does). Escape or a lost capture ends a drag.
 */
import { useRef } from 'react';
import { isRangeMode, type TimeMode } from '../time/in-force.ts';
import { dragRange, rangeGrab, type LinearScale, type RangeGrab } from './scale.ts';

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

export interface RangeDragInput {
  x: LinearScale;
  mode: TimeMode;
  date: number;
  from: number;
  start: number;
  end: number;
  onDate: (day: number) => void;
  onRange: (from: number, to: number) => void;
}

export function useRangeDrag(p: RangeDragInput) {
  const drag = useRef<{ kind: 'date' } | RangeDrag | null>(null);
  const dayAt = (px: number) => Math.round(p.x.invert(px));
  const follow = (d: RangeDrag, px: number) => {
    const r = dragRange(d.grab, d.start, d.anchor, dayAt(px), { start: p.start, end: p.end });
    p.onRange(r.from, r.to);
  };
  const plotX = (e: React.PointerEvent<SVGRectElement>) =>
    e.clientX - e.currentTarget.ownerSVGElement!.getBoundingClientRect().left;
  // Touch and pens get a wider grab zone around the ends than a mouse.
  const grabOf = (e: React.PointerEvent, px: number) =>
    rangeGrab(px, p.x(p.from), p.x(p.date), e.pointerType === 'mouse' ? 8 : 18);

  return {
    onPointerDown(e: React.PointerEvent<SVGRectElement>) {
      if (e.button !== 0) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      const px = plotX(e);
      if (!isRangeMode(p.mode)) {
        drag.current = { kind: 'date' };
        p.onDate(dayAt(px));
        return;
      }
      const d: RangeDrag = {
        kind: 'range',
        grab: grabOf(e, px),
        start: { from: p.from, to: p.date },
        anchor: dayAt(px),
        x0: px,
      };
      drag.current = d;
      // An end jumps to the pointer at once; a move or a new range waits for the pointer to move.
      if (d.grab === 'from' || d.grab === 'to') follow(d, px);
    },
    onPointerMove(e: React.PointerEvent<SVGRectElement>) {
      const d = drag.current;
      const px = plotX(e);
      if (!d) {
        if (isRangeMode(p.mode)) e.currentTarget.style.cursor = GRAB_CURSOR[grabOf(e, px)];
        return;
      }
      if (d.kind === 'date') {
        p.onDate(dayAt(px));
        return;
      }
      // A new range starts once the pointer has moved a little (a click alone changes nothing).
      if (d.grab === 'new' && Math.abs(px - d.x0) < 3) return;
      follow(d, px);
    },
    onPointerUp() {
      drag.current = null;
    },
    onPointerCancel() {
      drag.current = null;
    },
    onLostPointerCapture() {
      drag.current = null;
    },
    onKeyDown(e: React.KeyboardEvent) {
      // Escape puts a range being dragged back where it started.
      const d = drag.current;
      if (e.key !== 'Escape' || !d) return;
      if (d.kind === 'range') p.onRange(d.start.from, d.start.to);
      drag.current = null;
    },
  };
}
