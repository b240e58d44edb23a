/** The presentation's window sync (messages, validation, order) and the embed's layout rules. */
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/data/partial-date.ts';
import {
  HELLO_TYPE,
  isNewer,
  parseSync,
  SYNC_TYPE,
  syncMessage,
  syncPatch,
} from '../../src/view/present-sync.ts';
import { captionDock, fitPadding, preferredEmbedHeight } from '../../src/view/layout.ts';
import { defaultView } from '../../src/view/view-state.ts';
import { parseViewQuery } from '../../src/view/url.ts';

const today = dayNumber(2026, 12, 2);
const ctx = { today, isSelectable: (id: string) => id === 'DE-BY' };

describe('presenter and audience windows', () => {
  const view = {
    ...defaultView(today),
    present: true,
    mode: 'diff' as const,
    from: dayNumber(2019, 1, 1),
    date: dayNumber(2023, 1, 1),
    select: 'DE-BY',
    topics: ['it-security' as const],
    sceneIndex: 2,
    blank: true,
    scenes: [
      {
        name: 'a',
        mode: 'inforce' as const,
        date: today,
        from: today,
        select: null,
        topics: [],
        camera: null,
        notes: 'geheim',
      },
    ],
  };

  it('sends the view without the deck (the notes stay with the presenter) and restores it', () => {
    const msg = syncMessage(view, today, { sender: 'p1', seq: 7 }, [11, 50, 6]);
    expect(msg.type).toBe(SYNC_TYPE);
    expect(msg.query).not.toContain('scenes');
    expect(msg.query).not.toContain('geheim');
    expect(msg.query).not.toContain('present');
    const parsed = parseSync(structuredClone(msg))!;
    expect(parsed).toEqual(msg);
    expect(syncPatch(parsed, ctx)).toMatchObject({
      mode: 'diff',
      from: view.from,
      date: view.date,
      select: 'DE-BY',
      topics: ['it-security'],
      sceneIndex: 2,
      blank: true,
    });
  });

  it('refuses malformed or foreign messages', () => {
    const ok = syncMessage(view, today, { sender: 'p1', seq: 1 }, null);
    expect(parseSync({ type: HELLO_TYPE })).toBeNull();
    expect(parseSync(null)).toBeNull();
    expect(parseSync({ ...ok, seq: 1.5 })).toBeNull();
    expect(parseSync({ ...ok, query: 'x'.repeat(5000) })).toBeNull();
    expect(parseSync({ ...ok, camera: [500, 0, 3] })).toBeNull();
    expect(parseSync({ ...ok, sender: '' })).toBeNull();
    // A query the URL contract does not accept changes nothing it does not know.
    const patch = syncPatch({ ...ok, query: 'select=<script>&mode=evil' }, ctx);
    expect(patch.select).toBeNull();
    expect(patch.mode).toBe('inforce');
  });

  it('takes only newer messages of a sender; a new sender starts afresh', () => {
    const m = (sender: string, seq: number) => syncMessage(view, today, { sender, seq }, null);
    expect(isNewer(m('a', 1), null)).toBe(true);
    expect(isNewer(m('a', 2), { sender: 'a', seq: 3 })).toBe(false);
    expect(isNewer(m('a', 4), { sender: 'a', seq: 3 })).toBe(true);
    expect(isNewer(m('b', 1), { sender: 'a', seq: 30 })).toBe(true);
  });

  it('role=audience is a presentation, and share links never carry it', () => {
    const { view: v } = parseViewQuery('role=audience', ctx);
    expect(v.audience).toBe(true);
    expect(v.present).toBe(true);
    expect(parseViewQuery('present=1', ctx).view.audience).toBe(false);
  });
});

describe('embeds that fit a slide', () => {
  it('docks the caption beside the map in landscape frames and frames Germany in the rest', () => {
    for (const [w, h] of [
      [640, 310],
      [960, 470],
      [1280, 640],
    ] as const) {
      const dock = captionDock({ embed: true, present: false }, w, h, true)!;
      expect(dock.side).toBe('right');
      if (dock.side !== 'right') continue;
      const pad = fitPadding({ embed: true, present: false }, h, dock);
      expect(pad.right).toBeGreaterThan(dock.width);
      // Germany keeps at least half the width.
      expect(w - pad.left - pad.right).toBeGreaterThan(w / 2);
    }
    expect(captionDock({ embed: true, present: false }, 400, 600, true)?.side).toBe('bottom');
    expect(captionDock({ embed: true, present: false }, 960, 540, false)).toBeNull();
    expect(captionDock({ embed: false, present: false }, 960, 540, true)).toBeNull();
  });

  it('asks for 16:10 of its width, or its content, within bounds, never from its own height', () => {
    expect(preferredEmbedHeight(800)).toBe(500);
    expect(preferredEmbedHeight(800, 720)).toBe(720);
    expect(preferredEmbedHeight(100)).toBe(240);
    expect(preferredEmbedHeight(100_000)).toBe(2400);
  });
});
