import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/data/partial-date.ts';
import { formatDeck, moveScene, parseDeck, type Scene } from '../../src/view/deck.ts';

const ctx = {
  start: dayNumber(2006, 1, 1),
  today: dayNumber(2026, 11, 23),
  isSelectable: (id: string) => id === 'DE-BB',
};
const scene = (over: Partial<Scene> = {}): Scene => ({
  name: 'Anfang; „2006“ | Teil 1',
  mode: 'inforce',
  date: dayNumber(2006, 7, 13),
  from: dayNumber(2006, 7, 13),
  select: null,
  topics: [],
  camera: null,
  ...over,
});

describe('scenes deck', () => {
  it('round-trips through the URL format, names with separators included', () => {
    const deck = [
      scene(),
      scene({
        name: 'Brandenburg',
        select: 'DE-BB',
        topics: ['ai-data', 'registers'],
        camera: [13.4, 52.5, 6.25],
      }),
      scene({
        name: '2020',
        mode: 'signed',
        from: dayNumber(2020, 1, 1),
        date: dayNumber(2020, 12, 31),
      }),
    ];
    const text = formatDeck(deck);
    expect(parseDeck(text, ctx)).toEqual({ scenes: deck, invalid: 0, dropped: 0 });
    // Survives URLSearchParams too.
    const q = new URLSearchParams({ scenes: text }).toString();
    expect(parseDeck(new URLSearchParams(q).get('scenes')!, ctx).scenes).toEqual(deck);
  });
  it('drops invalid scenes and counts them', () => {
    const good = formatDeck([scene({ name: 'ok' })]);
    const { scenes, invalid } = parseDeck(
      `${good}|x;2099-01-01;inforce;;;|y;2010-01-01;inforce;<script>;;|z;2010-01-01;nope;;;|%E0%A4%A;2010-01-01;inforce;;;`,
      ctx,
    );
    expect(scenes.map((s) => s.name)).toEqual(['ok']);
    expect(invalid).toBe(4);
  });
  it('carries speaker notes (with separators and line breaks); old six-field decks still parse', () => {
    const deck = [
      scene({ name: 'mit Notizen', notes: 'Zuerst: 2006; dann | später\nZweite Zeile „Zitat“' }),
      scene({ name: 'ohne' }),
      scene({
        name: 'diff',
        mode: 'diff',
        from: dayNumber(2019, 1, 1),
        date: dayNumber(2023, 1, 1),
      }),
    ];
    const text = formatDeck(deck);
    expect(text.split('|')[1]!.split(';')).toHaveLength(6); // no notes: the old format
    expect(parseDeck(text, ctx)).toEqual({ scenes: deck, invalid: 0, dropped: 0 });
    const old = 'Alt;2010-01-01;inforce;DE-BB;ai-data;13.4_52.5_6';
    expect(parseDeck(old, ctx).scenes[0]).toEqual(
      scene({
        name: 'Alt',
        date: dayNumber(2010, 1, 1),
        from: dayNumber(2010, 1, 1),
        select: 'DE-BB',
        topics: ['ai-data'],
        camera: [13.4, 52.5, 6],
      }),
    );
    // Notes longer than the limit make the scene invalid, not the deck.
    const long = formatDeck([scene({ notes: 'x'.repeat(1001) }), scene({ name: 'b' })]);
    expect(parseDeck(long, ctx)).toMatchObject({ invalid: 1, scenes: [{ name: 'b' }] });
  });
  it('reorders scenes', () => {
    const deck = [scene({ name: 'a' }), scene({ name: 'b' }), scene({ name: 'c' })];
    expect(moveScene(deck, 2, -1).map((s) => s.name)).toEqual(['a', 'c', 'b']);
    expect(moveScene(deck, 0, -1).map((s) => s.name)).toEqual(['a', 'b', 'c']);
  });
});
