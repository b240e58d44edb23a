/**
 * The postMessage API for host pages (a public contract, documented in the README):
 *   → { type: 'kooperationsatlas:set', date?, select?, topics?, play? }
 *   → { type: 'kooperationsatlas:get' }
 *   ← { type: 'kooperationsatlas:state', date, select, topics, mode, from?, visibleCooperations,
 *       added?, ended?, dataVersion }   (from: range and diff modes; added, ended: diff mode)
 *   ← { type: 'kooperationsatlas:ready' }
 * Messages of any other shape are ignored. Pure: validation only.
 */
import { TOPICS, type Topic } from '../data/model.ts';
import { parseDay } from '../data/partial-date.ts';
import type { TimeMode } from '../time/in-force.ts';

export const PREFIX = 'kooperationsatlas:';

/**
 * The host origins a message may come from and go to: those of `origins=` where a publisher set
 * them, else any (`*`: the messages carry only public data).
 */
export function isAllowedOrigin(origin: string, origins: readonly string[]): boolean {
  return origins.length === 0 || origins.includes(origin);
}
export function hostTargets(origins: readonly string[]): string[] {
  return origins.length === 0 ? ['*'] : [...origins];
}

export interface SetCommand {
  type: 'set';
  date?: number;
  select?: string | null;
  topics?: Topic[];
  play?: boolean;
}
export type Command = SetCommand | { type: 'get' };

export interface CommandContext {
  start: number;
  today: number;
  isSelectable: (id: string) => boolean;
}

const MAX_ID = 200;
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Parses a message into a command, or null when it is not ours or malformed. A `set` whose
 * fields are all invalid is null too; valid fields of a partly valid `set` are applied.
 */
export function parseCommand(data: unknown, ctx: CommandContext): Command | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const msg = data as Record<string, unknown>;
  if (!own(msg, 'type') || typeof msg['type'] !== 'string') return null;
  if (msg['type'] === `${PREFIX}get`) return { type: 'get' };
  if (msg['type'] !== `${PREFIX}set`) return null;
  const cmd: SetCommand = { type: 'set' };
  let fields = 0;
  if (own(msg, 'date')) {
    const v = msg['date'];
    const day = typeof v === 'string' && v.length === 10 ? parseDay(v) : null;
    if (day !== null && day >= ctx.start && day <= ctx.today) {
      cmd.date = day;
      fields++;
    }
  }
  if (own(msg, 'select')) {
    const v = msg['select'];
    if (v === null || v === '') {
      cmd.select = null;
      fields++;
    } else if (typeof v === 'string' && v.length <= MAX_ID && ctx.isSelectable(v)) {
      cmd.select = v;
      fields++;
    }
  }
  if (own(msg, 'topics')) {
    const v = msg['topics'];
    if (
      Array.isArray(v) &&
      v.length <= TOPICS.length &&
      v.every((t) => typeof t === 'string' && (TOPICS as readonly string[]).includes(t))
    ) {
      cmd.topics = [...new Set(v as Topic[])];
      fields++;
    }
  }
  if (own(msg, 'play')) {
    const v = msg['play'];
    if (typeof v === 'boolean') {
      cmd.play = v;
      fields++;
    }
  }
  return fields > 0 ? cmd : null;
}

export interface StateMessage {
  type: 'kooperationsatlas:state';
  date: string;
  mode: TimeMode;
  from?: string;
  select: string | null;
  topics: Topic[];
  visibleCooperations: string[];
  /** Diff mode: in force at `date`, not at `from` (ids, dataset order). */
  added?: string[];
  /** Diff mode: in force at `from`, not at `date` (ids, dataset order). */
  ended?: string[];
  /** The data release the app shows (data/cooperations.json `version`). */
  dataVersion: string;
}
