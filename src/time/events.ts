/**
 * Events on the timeline (signings, accessions of partners, ends) and the step curve of how
 * many cooperations are in force over time. Pure.
 */
import type { Cooperation } from '../data/atlas.ts';
import type { Precision } from '../data/partial-date.ts';

export type EventType = 'signed' | 'joined' | 'ended';

export interface TimelineEvent {
  day: number;
  type: EventType;
  cooperation: string;
  /** The partner region, for an accession. */
  region: string | null;
  /** The partner organisation, for an accession of one (a region can join with several). */
  organisation: string | null;
  precision: Precision;
}

const TYPE_ORDER: Record<EventType, number> = { signed: 0, joined: 1, ended: 2 };

/** Every event of the dataset in time order (then signing before accession before end). */
export function buildEvents(cooperations: readonly Cooperation[]): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const c of cooperations) {
    events.push({
      day: c.signed.start,
      type: 'signed',
      cooperation: c.id,
      region: null,
      organisation: null,
      precision: c.signed.precision,
    });
    for (const p of c.partners)
      if (p.joined)
        events.push({
          day: p.joined.start,
          type: 'joined',
          cooperation: c.id,
          region: p.region,
          organisation: p.organisation ?? null,
          precision: p.joined.precision,
        });
    if (c.ended)
      events.push({
        day: c.ended.start,
        type: 'ended',
        cooperation: c.id,
        region: null,
        organisation: null,
        precision: c.ended.precision,
      });
  }
  return events.sort(
    (a, b) =>
      a.day - b.day ||
      TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
      a.cooperation.localeCompare(b.cooperation),
  );
}

/** An event's identity (a React key): its kind, cooperation and, for an accession, who joined. */
export const eventKey = (e: TimelineEvent): string =>
  `${e.type}-${e.cooperation}-${e.region ?? ''}-${e.organisation ?? ''}`;

/** A step function: from `day` on, `count` cooperations are in force. Days ascending. */
export type StepCurve = { day: number; count: number }[];

/** How many cooperations are in force over time, as steps (a sweep over starts and ends). */
export function inForceCurve(cooperations: readonly Cooperation[]): StepCurve {
  const delta = new Map<number, number>();
  for (const c of cooperations) {
    // An interval that ends before it starts (ended before it took effect) is never in force.
    const { inForceFrom: from, inForceUntil: until } = c;
    if (until !== null && until <= from) continue;
    delta.set(from, (delta.get(from) ?? 0) + 1);
    if (until !== null) delta.set(until, (delta.get(until) ?? 0) - 1);
  }
  const days = [...delta.keys()].sort((a, b) => a - b);
  const curve: StepCurve = [];
  let count = 0;
  for (const day of days) {
    count += delta.get(day)!;
    curve.push({ day, count });
  }
  return curve;
}

/** The curve's value at a day (binary search). */
export function countAt(curve: StepCurve, day: number): number {
  let lo = 0;
  let hi = curve.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (curve[mid]!.day <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? 0 : curve[found]!.count;
}
