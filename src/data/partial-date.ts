/**
 * Dates with their real precision ("2020", "2013-11", "2006-07-13").
 * A partial date counts from the first day of its period. Days are handled as
 * integer day numbers (days since 1970-01-01, UTC) so comparisons never depend
 * on the time zone of the machine.
 */

export type Precision = 'year' | 'month' | 'day';
export interface PartialDate {
  /** The text as written in the data. */
  iso: string;
  precision: Precision;
  year: number;
  /** 1–12; 1 for year precision. */
  month: number;
  /** 1–31; 1 for year and month precision. */
  day: number;
  /** Day number of the first day of the period. */
  start: number;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MS_PER_DAY = 86_400_000;

export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a partial date; returns null for anything malformed (including 2021-02-30). */
export function parsePartialDate(text: string): PartialDate | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const precision: Precision = m[3] !== undefined ? 'day' : m[2] !== undefined ? 'month' : 'year';
  return { iso: text, precision, year, month, day, start: dayNumber(year, month, day) };
}

/** Parses a full day (YYYY-MM-DD) to its day number, or null. */
export function parseDay(text: string): number | null {
  const d = parsePartialDate(text);
  return d && d.precision === 'day' ? d.start : null;
}

/** Day number → "YYYY-MM-DD". */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number → UTC Date at midnight (for Intl formatting with timeZone UTC). */
export function dayToDate(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** Today in Germany as a day number (the edge of the app calls this once). */
export function todayInGermany(now: Date = new Date()): number {
  const iso = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return parseDay(iso) ?? Math.floor(now.getTime() / MS_PER_DAY);
}

/** Adds calendar months to a day number, clamping the day to the target month's length. */
export function addMonths(day: number, months: number): number {
  const d = dayToDate(day);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return dayNumber(year, month, Math.min(d.getUTCDate(), daysInMonth(year, month)));
}

/** 1 January of the day's year, as a day number. */
export function startOfYear(day: number): number {
  return dayNumber(dayToDate(day).getUTCFullYear(), 1, 1);
}
