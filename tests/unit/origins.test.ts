/** The embed's host allow-list (`origins=`): parsed strictly, bounded, kept out of share links. */
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/data/partial-date.ts';
import { hostTargets, isAllowedOrigin } from '../../src/embed/protocol.ts';
import { parseOrigin, parseViewQuery, viewLink } from '../../src/view/url.ts';

const today = dayNumber(2026, 12, 2);
const ctx = { today, isSelectable: () => true };

describe('origins=', () => {
  it('takes exact http(s) origins only', () => {
    expect(parseOrigin('https://zeitung.example')).toBe('https://zeitung.example');
    expect(parseOrigin('https://zeitung.example/')).toBe('https://zeitung.example');
    expect(parseOrigin('http://localhost:8080')).toBe('http://localhost:8080');
    for (const bad of [
      'https://zeitung.example/artikel',
      'https://user@evil.example',
      'javascript:alert(1)',
      'zeitung.example',
      'ftp://x.example',
      '*',
    ])
      expect(parseOrigin(bad), bad).toBeNull();
  });

  it('reads a list, drops what is malformed with a notice, and caps its length', () => {
    const { view, notices } = parseViewQuery(
      'embed=1&origins=https://a.example,https://b.example/x,https://a.example',
      ctx,
    );
    expect(view.origins).toEqual(['https://a.example']);
    expect(notices).toEqual([
      { param: 'origins', value: 'https://b.example/x', reason: 'malformed' },
    ]);
    const many = Array.from({ length: 6 }, (_, i) => `https://h${i}.example`).join(',');
    expect(parseViewQuery(`origins=${many}`, ctx).view.origins).toEqual([]);
  });

  it('limits who may talk to the embed, and is never part of a share link', () => {
    expect(isAllowedOrigin('https://evil.example', [])).toBe(true);
    expect(isAllowedOrigin('https://evil.example', ['https://a.example'])).toBe(false);
    expect(isAllowedOrigin('https://a.example', ['https://a.example'])).toBe(true);
    expect(hostTargets([])).toEqual(['*']);
    expect(hostTargets(['https://a.example'])).toEqual(['https://a.example']);
    const { view } = parseViewQuery('embed=1&origins=https://a.example', ctx);
    expect(viewLink('https://atlas.example/', view, today, { embed: true })).not.toContain(
      'origins',
    );
  });
});
