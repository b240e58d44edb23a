import { describe, expect, it } from 'vitest';
import { dayNumber, formatDay } from '../../src/data/partial-date.ts';
import { formatViewQuery, parseViewQuery } from '../../src/view/url.ts';

const today = dayNumber(2026, 11, 23);
const ctx = {
  today,
  isSelectable: (id: string) => ['DE-BB', 'DE', 'ozg-verbund-mitte-2020'].includes(id),
};

describe('URL contract', () => {
  it('reads date and select', () => {
    const { view, notices } = parseViewQuery('?date=2020-12-11&select=DE-BB', ctx);
    expect(formatDay(view.date)).toBe('2020-12-11');
    expect(view.select).toBe('DE-BB');
    expect(notices).toEqual([]);
  });
  it('reads a range as signed-within mode', () => {
    const { view } = parseViewQuery('from=2020-01-01&to=2020-12-31', ctx);
    expect(view.mode).toBe('signed');
    expect(formatDay(view.from)).toBe('2020-01-01');
    expect(formatDay(view.date)).toBe('2020-12-31');
  });
  it('ignores invalid values with notices and never throws', () => {
    const { view, notices } = parseViewQuery(
      'date=2099-99-99&select=<script>alert(1)</script>&topics=ai-data,foo&lang=fr&mode=x',
      ctx,
    );
    expect(view.date).toBe(today);
    expect(view.select).toBeNull();
    expect(view.topics).toEqual(['ai-data']);
    expect(view.lang).toBe('de');
    expect(notices.map((n) => `${n.param}:${n.reason}`)).toEqual([
      'mode:unknown',
      'date:malformed',
      'select:unknown',
      'topics:unknown',
      'lang:unknown',
    ]);
  });
  it('rejects dates outside 2006 to today', () => {
    expect(parseViewQuery('date=2005-12-31', ctx).notices[0]?.reason).toBe('out-of-range');
    expect(parseViewQuery('date=2026-11-24', ctx).notices[0]?.reason).toBe('out-of-range');
  });
  it('cuts very long values in notices', () => {
    const { notices } = parseViewQuery(`select=${'x'.repeat(5000)}`, ctx);
    expect(notices[0]!.value.length).toBeLessThanOrEqual(61);
  });
  it('round-trips a view through the query', () => {
    const q = 'date=2020-12-11&select=DE-BB&topics=ai-data,registers&lang=en&theme=dark';
    const { view } = parseViewQuery(q, ctx);
    expect(formatViewQuery(view, today)).toBe(q);
    const range = parseViewQuery('from=2020-01-01&to=2020-12-31', ctx).view;
    expect(formatViewQuery(range, today)).toBe('from=2020-01-01&to=2020-12-31');
    expect(formatViewQuery(parseViewQuery('', ctx).view, today)).toBe('');
  });
});
