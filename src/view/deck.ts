/**
 * Scenes: saved views (date, mode, selection, topics, viewport) with the speaker's notes,
 * ordered into a deck that lives in the URL (`scenes=`), so one link carries a whole talk.
 * Format, readable and robust:
 *   scenes=<name>;<date>;<mode>;<select>;<topics>;<lng_lat_zoom>[;<notes>]|<next scene>…
 * with <date> = YYYY-MM-DD, or FROM_TO in the range modes, topics joined by ".", every field
 * percent-encoded. The notes field is optional: decks written before it existed still parse,
 * and a scene without notes is written without it. Pure.
 */
import { TOPICS, type Topic } from '../data/model.ts';
import { formatDay, parseDay } from '../data/partial-date.ts';
import { isRangeMode, TIME_MODES, type TimeMode } from '../time/in-force.ts';

/** A map camera: [longitude, latitude, zoom]. */
export type Camera = [number, number, number];

export interface Scene {
  name: string;
  mode: TimeMode;
  date: number;
  from: number;
  select: string | null;
  topics: Topic[];
  /** Camera: [longitude, latitude, zoom], or null for the default view of Germany. */
  camera: Camera | null;
  /** The speaker's notes (shown in the presenter's window only). */
  notes?: string;
}

export interface DeckContext {
  start: number;
  today: number;
  isSelectable: (id: string) => boolean;
}

export const MAX_SCENES = 50;
const MAX_NAME = 80;
/** Speaker's notes per scene, in characters. */
export const MAX_NOTES = 1000;

const enc = (s: string): string => encodeURIComponent(s);
const round = (n: number, d: number): string => String(Math.round(n * 10 ** d) / 10 ** d);

export function formatDeck(scenes: readonly Scene[]): string {
  return scenes
    .map((s) =>
      [
        enc(s.name),
        isRangeMode(s.mode) ? `${formatDay(s.from)}_${formatDay(s.date)}` : formatDay(s.date),
        s.mode,
        enc(s.select ?? ''),
        s.topics.join('.'),
        s.camera
          ? `${round(s.camera[0], 4)}_${round(s.camera[1], 4)}_${round(s.camera[2], 2)}`
          : '',
        ...(s.notes ? [enc(s.notes)] : []),
      ].join(';'),
    )
    .join('|');
}

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/**
 * Parses a deck; scenes that do not parse are left out and counted (`invalid`), and so are the
 * scenes beyond MAX_SCENES (`dropped`). Never throws.
 */
export function parseDeck(
  text: string,
  ctx: DeckContext,
): { scenes: Scene[]; invalid: number; dropped: number } {
  const scenes: Scene[] = [];
  let invalid = 0;
  if (!text) return { scenes, invalid, dropped: 0 };
  const parts = text.split('|');
  for (const part of parts.slice(0, MAX_SCENES)) {
    const f = part.split(';');
    const name = decode(f[0] ?? '');
    const mode = f[2] as TimeMode;
    const dates = (f[1] ?? '').split('_').map(parseDay);
    const select = decode(f[3] ?? '');
    const topics = (f[4] ?? '').split('.').filter(Boolean);
    const cam = (f[5] ?? '').split('_').map(Number);
    const notes = f.length === 7 ? decode(f[6]!) : '';
    const inRange = (d: number | null | undefined): d is number =>
      d !== null && d !== undefined && d >= ctx.start && d <= ctx.today;
    const ok =
      (f.length === 6 || f.length === 7) &&
      name !== null &&
      notes !== null &&
      notes.length <= MAX_NOTES &&
      name.length > 0 &&
      name.length <= MAX_NAME &&
      (TIME_MODES as readonly string[]).includes(mode) &&
      (isRangeMode(mode)
        ? dates.length === 2 && inRange(dates[0]) && inRange(dates[1])
        : dates.length === 1 && inRange(dates[0])) &&
      select !== null &&
      (select === '' || ctx.isSelectable(select)) &&
      topics.every((t) => (TOPICS as readonly string[]).includes(t)) &&
      (f[5] === '' ||
        (cam.length === 3 &&
          cam.every(Number.isFinite) &&
          Math.abs(cam[0]!) <= 180 &&
          Math.abs(cam[1]!) <= 85 &&
          cam[2]! >= 0 &&
          cam[2]! <= 22));
    if (!ok) {
      invalid++;
      continue;
    }
    const date = isRangeMode(mode) ? dates[1]! : dates[0]!;
    scenes.push({
      name: name!,
      mode,
      date,
      from: isRangeMode(mode) ? dates[0]! : date,
      select: select || null,
      topics: topics as Topic[],
      camera: f[5] === '' ? null : [cam[0]!, cam[1]!, cam[2]!],
      ...(notes ? { notes } : {}),
    });
  }
  return { scenes, invalid, dropped: Math.max(0, parts.length - MAX_SCENES) };
}

/** Moves a scene one place up (-1) or down (+1). */
export function moveScene(scenes: readonly Scene[], index: number, by: -1 | 1): Scene[] {
  const to = index + by;
  if (index < 0 || index >= scenes.length || to < 0 || to >= scenes.length) return [...scenes];
  const out = [...scenes];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}
