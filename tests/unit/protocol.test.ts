import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/data/partial-date.ts';
import { parseCommand } from '../../src/embed/protocol.ts';

const ctx = {
  start: dayNumber(2006, 1, 1),
  today: dayNumber(2026, 11, 23),
  isSelectable: (id: string) => id === 'DE-BB' || id === 'ozg-verbund-mitte-2020',
};

describe('postMessage protocol', () => {
  it('parses get and set', () => {
    expect(parseCommand({ type: 'kooperationsatlas:get' }, ctx)).toEqual({ type: 'get' });
    expect(
      parseCommand(
        {
          type: 'kooperationsatlas:set',
          date: '2020-12-09',
          select: 'DE-BB',
          topics: ['ai-data'],
          play: false,
        },
        ctx,
      ),
    ).toEqual({
      type: 'set',
      date: dayNumber(2020, 12, 9),
      select: 'DE-BB',
      topics: ['ai-data'],
      play: false,
    });
    expect(parseCommand({ type: 'kooperationsatlas:set', select: null }, ctx)).toEqual({
      type: 'set',
      select: null,
    });
  });
  it('ignores messages of the wrong shape', () => {
    const bad: unknown[] = [
      null,
      'kooperationsatlas:get',
      42,
      [],
      { type: 'other:set', date: '2020-01-01' },
      { type: 'kooperationsatlas:set' },
      { type: 'kooperationsatlas:set', date: '2099-01-01' },
      { type: 'kooperationsatlas:set', date: '2020-13-01' },
      { type: 'kooperationsatlas:set', date: 20200101 },
      { type: 'kooperationsatlas:set', select: '<script>alert(1)</script>' },
      { type: 'kooperationsatlas:set', topics: 'ai-data' },
      { type: 'kooperationsatlas:set', topics: ['ai-data', 'nope'] },
      { type: 'kooperationsatlas:set', play: 'yes' },
      { type: 'kooperationsatlas:set', select: 'x'.repeat(100_000) },
      JSON.parse('{"__proto__": {"polluted": true}, "type": "kooperationsatlas:set"}'),
      Object.create({ type: 'kooperationsatlas:get' }),
    ];
    for (const b of bad) expect(parseCommand(b, ctx), JSON.stringify(b)).toBeNull();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
  it('applies the valid fields of a partly valid set', () => {
    expect(
      parseCommand({ type: 'kooperationsatlas:set', date: 'x', select: 'DE-BB' }, ctx),
    ).toEqual({ type: 'set', select: 'DE-BB' });
  });
});
