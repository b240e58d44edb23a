import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/data/partial-date.ts';
import { createAtlasModel } from '../../src/model/atlas-model.ts';
import { declutter, labelPriority, labelledRegions, type LabelBox } from '../../src/view/labels.ts';
import { loadRealData } from './fixtures.ts';

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

describe('labelled regions', () => {
  const model = createAtlasModel(loadRealData(), parseDay('2026-12-01')!);
  const { big, places, rank } = labelledRegions(model.atlas, model.anchors);

  it('labels the Länder and the Bund from the start, and every place that takes part later', () => {
    const kinds = (ids: string[]) => new Set(ids.map((id) => model.atlas.regions.get(id)!.kind));
    expect(big).toHaveLength(17);
    expect(kinds(big)).toEqual(new Set(['state', 'federal']));
    const used = new Set(model.atlas.cooperations.flatMap((c) => c.regions));
    const expected = [...model.atlas.regions.values()]
      .filter((r) => r.kind !== 'state' && r.kind !== 'federal' && used.has(r.id))
      .map((r) => r.id);
    expect(places).toEqual(expected);
    expect(places.length).toBeGreaterThan(100);
  });

  it('ranks them in the regions’ order, so a label made later keeps its place in the tab order', () => {
    const order = [...model.atlas.regions.keys()].filter((id) => rank.has(id));
    expect([...rank.keys()]).toEqual(order);
    expect([...rank.values()]).toEqual(order.map((_, i) => i));
    expect(rank.size).toBe(big.length + places.length);
  });

  it('gives no label to a region without an anchor point', () => {
    const anchors = new Map(model.anchors);
    anchors.delete('DE-HB');
    anchors.delete(places[0]!);
    const without = labelledRegions(model.atlas, anchors);
    expect(without.big).not.toContain('DE-HB');
    expect(without.places).not.toContain(places[0]);
    expect(without.rank.has('DE-HB')).toBe(false);
  });
});
