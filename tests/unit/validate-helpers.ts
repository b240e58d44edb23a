/** What the validator's unit tests share: the day they check on, and ways to ask for problems. */
import { expect } from 'vitest';
import { validateDataset, type Problem } from '../../scripts/lib/validate.ts';
import { dayNumber } from '../../src/data/partial-date.ts';
import type { CooperationRecord, RawDataset } from '../../src/data/model.ts';
import { createCooperation, createDataset, toFiles } from './fixtures.ts';

/** "Today" for the validator's date checks. */
export const TODAY = dayNumber(2026, 11, 23);

export const problemsOf = (d: RawDataset): Problem[] => validateDataset(toFiles(d), TODAY).problems;

/** The problems of the fixture dataset with its one cooperation changed. */
export function withCooperation(over: Partial<CooperationRecord>): Problem[] {
  const d = createDataset();
  d.cooperations = [createCooperation(over)];
  return problemsOf(d);
}

/** The one problem of a list; any other number fails the test. */
export function only(problems: Problem[]): Problem {
  expect(problems, JSON.stringify(problems, null, 1)).toHaveLength(1);
  return problems[0]!;
}
