/**
 * Expected results computed straight from the data files, independently of the app's code:
 * a cooperation is in force on day D when (effective ?? signed) <= D < ended, and a partner
 * takes part from its joined date. Dates count from the first day of their period.
 */
import { readFileSync } from 'node:fs';

interface Rec {
  id: string;
  signed: string;
  effective?: string;
  ended?: string;
  partners: { region: string; joined?: string }[];
}

const start = (d: string): string =>
  d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;

export function records(): Rec[] {
  return (JSON.parse(readFileSync('data/cooperations.json', 'utf8')) as { cooperations: Rec[] })
    .cooperations;
}

export function inForceOn(day: string, region?: string): string[] {
  return records()
    .filter((c) => start(c.effective ?? c.signed) <= day && (!c.ended || day < start(c.ended)))
    .filter(
      (c) =>
        !region ||
        c.partners.some((p) => p.region === region && (!p.joined || start(p.joined) <= day)),
    )
    .map((c) => c.id)
    .sort();
}

export function signedWithin(from: string, to: string): string[] {
  return records()
    .filter((c) => start(c.signed) >= from && start(c.signed) <= to)
    .map((c) => c.id)
    .sort();
}

/** Cumulative: everything signed up to the day, also what is not yet (or no longer) in force. */
export function cumulativeOn(day: string): string[] {
  return records()
    .filter((c) => start(c.signed) <= day)
    .map((c) => c.id)
    .sort();
}

export function todayInBerlin(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
}
