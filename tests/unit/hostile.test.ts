/**
 * Hostile inputs do bounded work (issue 17, I-2 and I-3): a 64 kB or 300 kB URL yields at most a
 * handful of notices per parameter, however many bad items it lists; a deck of thousands of
 * scenes parses at most MAX_SCENES; a 30 000-character title is cut in the export's title block
 * and in every line of it. The time these take is measured in `npm run bench` (bench/run.ts).
 */
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/data/partial-date.ts';
import { truncateText, wrapText } from '../../src/export/text-measure.ts';
import { MAX_SCENES } from '../../src/view/deck.ts';
import { MAX_LENGTH, MAX_NOTICES_PER_PARAM, parseViewQuery } from '../../src/view/url.ts';

const ctx = { today: dayNumber(2026, 12, 2), isSelectable: () => false };

describe('hostile URLs', () => {
  it.each([64_000, 300_000])('a %i-byte query gives a bounded number of notices', (size) => {
    const bad = Array.from({ length: size / 8 }, (_, i) => `x${i}`).join(',');
    const query = `topics=${bad}&kinds=${bad}&select=${'a'.repeat(size / 4)}&lang=${'q'.repeat(size / 4)}`;
    expect(query.length).toBeGreaterThan(size * 0.5);
    const { notices } = parseViewQuery(query, ctx);
    const perParam = new Map<string, number>();
    for (const n of notices) perParam.set(n.param, (perParam.get(n.param) ?? 0) + 1);
    for (const [, n] of perParam) expect(n).toBeLessThanOrEqual(MAX_NOTICES_PER_PARAM + 1);
    // Values are refused by length before they are split or parsed.
    expect(notices.find((n) => n.param === 'topics')?.reason).toBe('too-long');
    for (const n of notices) expect(n.value.length).toBeLessThanOrEqual(61);
  });

  it('many bad items within the length limit: the first five and "… and N more"', () => {
    const items = Array.from({ length: 24 }, (_, i) => `bad${i}`).join(',');
    const { notices } = parseViewQuery(`topics=${items}`, ctx);
    expect(notices.filter((n) => n.reason !== 'more')).toHaveLength(MAX_NOTICES_PER_PARAM);
    expect(notices.at(-1)).toEqual({ param: 'topics', value: '19', reason: 'more' });
  });

  it('a deck of thousands of scenes keeps at most MAX_SCENES and says how many it dropped', () => {
    const scene = 'S;2010-01-01;inforce;;;';
    const deck = Array.from({ length: 3000 }, () => scene).join('|');
    const { view, notices } = parseViewQuery(
      `present=1&scenes=${encodeURIComponent(deck.slice(0, MAX_LENGTH['scenes']!))}`,
      ctx,
    );
    expect(view.scenes.length).toBeLessThanOrEqual(MAX_SCENES);
    expect(notices.some((n) => n.param === 'scenes' && n.reason === 'too-long')).toBe(true);
  });
});

describe('hostile titles in the export', () => {
  it('cuts a 30 000-character title to the width, with an ellipsis, in one pass', () => {
    const title = 'Ä'.repeat(30_000);
    const cut = truncateText(title, 800, 40, true);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThan(40);
    const lines = wrapText(`${'wort '.repeat(6000)}${'x'.repeat(30_000)}`, 800, 20);
    for (const line of lines) expect(line.length).toBeLessThan(200);
  });
});
