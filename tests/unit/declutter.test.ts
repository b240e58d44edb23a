import { describe, expect, it } from 'vitest';
import { declutter, labelPriority, type LabelBox } from '../../src/view/labels.ts';

const box = (id: string, x0: number, y0: number, w: number, priority: number): LabelBox => ({
  id,
  x0,
  y0,
  x1: x0 + w,
  y1: y0 + 14,
  priority,
});

describe('label declutter', () => {
  it('hides the lower-priority label of two that overlap, and keeps labels apart from each other', () => {
    const state = box(
      'DE-MV',
      540,
      230,
      190,
      labelPriority('state', { selected: false, partner: false }),
    );
    const district = box(
      '13074',
      560,
      232,
      140,
      labelPriority('district', { selected: true, partner: false }),
    );
    const far = box('DE-BY', 540, 590, 60, 2);
    expect([...declutter([state, district, far])]).toEqual(['DE-MV']);
  });
  it('counts labels closer than the gap (2 px) as overlapping', () => {
    expect(declutter([box('a', 0, 0, 10, 2), box('b', 13, 0, 10, 1)]).size).toBe(0);
    expect([...declutter([box('a', 0, 0, 10, 2), box('b', 11, 0, 10, 1)])]).toEqual(['b']);
  });
  it('on equal priority the earlier label wins; a hidden label blocks nothing', () => {
    const a = box('a', 0, 0, 50, 1);
    const b = box('b', 40, 0, 50, 1);
    const c = box('c', 80, 0, 50, 1);
    // b overlaps a and is hidden; c overlaps only b, so it stays.
    expect([...declutter([a, b, c])]).toEqual(['b']);
  });
  it('ranks selection over the Bund over partners over Länder over other places', () => {
    const p = (kind: string, selected = false, partner = false) =>
      labelPriority(kind, { selected, partner });
    expect(p('municipality', true)).toBeGreaterThan(p('federal'));
    expect(p('federal')).toBeGreaterThan(p('municipality', false, true));
    expect(p('municipality', false, true)).toBeGreaterThan(p('state'));
    expect(p('state')).toBeGreaterThan(p('municipality'));
  });
});
