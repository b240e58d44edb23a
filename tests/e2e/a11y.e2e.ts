/**
 * Accessibility: axe-core (WCAG 2.0/2.1 A + AA) on every view in both themes, and a keyboard-only
 * walk: skip link, visible focus on every stop, reading order header → main → timeline, region
 * selection by keyboard, the timeline slider and its live region.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { afterNextPaint, launch, open, screenshot, waitMapIdle } from './browser.ts';
import { blocking, formatViolations, runAxe } from './axe.ts';
import { inForceOn } from './expect.ts';

interface View {
  name: string;
  query: string;
  size?: { width: number; height: number };
}

const VIEWS: View[] = [
  { name: 'main view', query: '' },
  { name: 'region selection DE-BB', query: 'select=DE-BB' },
  { name: 'cooperation selection', query: 'select=ozg-verbund-mitte-2020' },
  { name: 'table view', query: 'view=table' },
  { name: 'embed 800×500', query: 'embed=1', size: { width: 800, height: 500 } },
  {
    name: 'presentation',
    query: 'present=1&date=2020-12-09&select=by-bb-kooperation-2020',
  },
  { name: 'English', query: 'lang=en' },
];

const THEMES = ['light', 'dark'] as const;

const withTheme = (query: string, theme: (typeof THEMES)[number]) =>
  [query, theme === 'dark' ? 'theme=dark' : ''].filter(Boolean).join('&');

/**
 * Lets fonts, the live region (spoken 700 ms after a change), the map and its markers settle:
 * waits for each of them, then for a paint.
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(
    () => !!document.querySelector('[data-testid="timeline-live"]')?.textContent,
    undefined,
    { timeout: 5_000 },
  );
  await waitMapIdle(page);
  await afterNextPaint(page);
}

type Landmark = 'skip' | 'header' | 'main' | 'timeline' | 'outside';

interface FocusStop {
  landmark: Landmark;
  /** Part of main: the stage (map, table) comes before the side panel. */
  part: 'stage' | 'side' | '';
  label: string;
  /** Why the focus is not visibly indicated, or '' when it is. */
  problem: string;
}

/** Where the focus is, and whether it is visibly indicated (outline, knob stroke, box-shadow). */
async function focusStop(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement)
      return { landmark: 'outside', part: '', label: 'body', problem: 'focus is on <body>' };
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
    const label = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
      el.getAttribute('class')
        ? `.${el.getAttribute('class')!.split(/\s+/).slice(0, 2).join('.')}`
        : ''
    }> "${text}"`;
    let landmark: 'skip' | 'header' | 'main' | 'timeline' | 'outside' = 'outside';
    if (el.classList.contains('skip-link')) landmark = 'skip';
    else if (el.closest('main#main')) landmark = 'main';
    else if (el.closest('[data-testid="timeline"]')) landmark = 'timeline';
    else if (el.closest('header.app-header')) landmark = 'header';
    const part = landmark !== 'main' ? '' : el.closest('aside.side') ? 'side' : 'stage';

    const rgb = (c: string): [number, number, number, number] | null => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m
        ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])]
        : null;
    };
    const luminance = ([r, g, b]: [number, number, number, number]) => {
      const lin = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const contrast = (a: string, b: string): number => {
      const ca = rgb(a);
      const cb = rgb(b);
      if (!ca || !cb) return 21;
      const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const pageBg = getComputedStyle(document.body).backgroundColor;

    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return { landmark, part, label, problem: 'zero size' };
    if (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight)
      return {
        landmark,
        part,
        label,
        problem: `outside the viewport (${Math.round(r.x)},${Math.round(r.y)})`,
      };

    // SVG: the timeline handle marks focus with the stroke of its knob.
    if (el instanceof SVGElement) {
      const knob = el.querySelector('.knob');
      const cs = getComputedStyle(el);
      if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2)
        return { landmark, part, label, problem: '' };
      if (!knob) return { landmark, part, label, problem: 'SVG element without outline or knob' };
      const ks = getComputedStyle(knob);
      const probe = document.createElement('span');
      probe.style.color = 'var(--focus)';
      document.body.append(probe);
      const focusColour = getComputedStyle(probe).color;
      probe.remove();
      if (ks.stroke !== focusColour || parseFloat(ks.strokeWidth) < 2)
        return {
          landmark,
          part,
          label,
          problem: `knob stroke ${ks.stroke} ${ks.strokeWidth} is not the focus colour ${focusColour}`,
        };
      const ratio = contrast(ks.stroke, pageBg);
      if (ratio < 3)
        return {
          landmark,
          part,
          label,
          problem: `knob stroke contrast ${ratio.toFixed(2)}:1 < 3:1`,
        };
      return { landmark, part, label, problem: '' };
    }

    const cs = getComputedStyle(el);
    const width = parseFloat(cs.outlineWidth);
    if (cs.outlineStyle === 'none' || width < 2) {
      if (cs.boxShadow !== 'none') return { landmark, part, label, problem: '' };
      return {
        landmark,
        part,
        label,
        problem: `no focus indicator (outline ${cs.outlineStyle} ${cs.outlineWidth}, no box-shadow)`,
      };
    }
    const ratio = contrast(cs.outlineColor, pageBg);
    if (ratio < 3)
      return {
        landmark,
        part,
        label,
        problem: `outline ${cs.outlineColor} has ${ratio.toFixed(2)}:1 against the page (< 3:1)`,
      };
    // Is the outline band painted, or clipped away by an ancestor with overflow ≠ visible?
    const offset = parseFloat(cs.outlineOffset) || 0;
    const inner = {
      l: r.left - offset,
      t: r.top - offset,
      r: r.right + offset,
      b: r.bottom + offset,
    };
    const outer = {
      l: inner.l - width,
      t: inner.t - width,
      r: inner.r + width,
      b: inner.b + width,
    };
    const clip = { l: 0, t: 0, r: innerWidth, b: innerHeight };
    for (let a = el.parentElement; a; a = a.parentElement) {
      const as = getComputedStyle(a);
      if (as.overflowX === 'visible' && as.overflowY === 'visible') continue;
      const ar = a.getBoundingClientRect();
      clip.l = Math.max(clip.l, ar.left);
      clip.t = Math.max(clip.t, ar.top);
      clip.r = Math.min(clip.r, ar.right);
      clip.b = Math.min(clip.b, ar.bottom);
    }
    const seen = {
      l: Math.max(clip.l, outer.l),
      t: Math.max(clip.t, outer.t),
      r: Math.min(clip.r, outer.r),
      b: Math.min(clip.b, outer.b),
    };
    const painted =
      seen.r > seen.l &&
      seen.b > seen.t &&
      (seen.l < inner.l - 0.5 ||
        seen.t < inner.t - 0.5 ||
        seen.r > inner.r + 0.5 ||
        seen.b > inner.b + 0.5);
    if (!painted)
      return {
        landmark,
        part,
        label,
        problem: `outline (${cs.outlineWidth}, offset ${cs.outlineOffset}) is clipped away by an ancestor with overflow hidden`,
      };
    return { landmark, part, label, problem: '' };
  });
}

/** Presses Tab until `done` holds for the focused element; returns every stop on the way. */
async function tabUntil(page: Page, done: string, max: number): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    stops.push(await focusStop(page));
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, done))
      return stops;
  }
  throw new Error(
    `${done} not reached after ${max} Tab presses; stops:\n${stops.map((s) => s.label).join('\n')}`,
  );
}

const RANK: Record<Landmark, number> = { skip: 0, header: 1, main: 2, timeline: 3, outside: -1 };

describe('accessibility', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(THEMES)('axe-core, %s theme', (theme) => {
    it.each(VIEWS)('$name: no serious or critical WCAG A/AA violation', async (view) => {
      const { page, context } = await open(browser, withTheme(view.query, theme), view.size ?? {});
      try {
        await settle(page);
        if (theme === 'dark' && view.query === '') await screenshot(page, 'a11y-dark');
        // Nothing is excluded: axe reports nothing about MapLibre's canvas container the app
        // could not control (the canvas has role="region" and an aria-label).
        const violations = await runAxe(page);
        const serious = blocking(violations);
        const minor = violations.filter((v) => !serious.includes(v));
        if (minor.length) console.info(formatViolations(`${view.name} (${theme}), minor`, minor));
        expect(
          serious.map((v) => `${v.id} (${v.impact})`),
          formatViolations(`${view.name} (${theme})`, serious),
        ).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });

  describe.each(THEMES)('keyboard only, %s theme', (theme) => {
    it('the first Tab stop is a visible skip link; Enter moves the focus to #main', async () => {
      const { page, context } = await open(browser, withTheme('', theme));
      try {
        await settle(page);
        await page.keyboard.press('Tab');
        const first = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return {
            text: el.textContent?.trim(),
            href: el.getAttribute('href'),
            inViewport:
              r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
            onTop: hit === el || el.contains(hit),
          };
        });
        expect(first.text).toBe('Zum Inhalt springen');
        expect(first.href).toBe('#main');
        expect(first.inViewport, 'skip link is on screen when focused').toBe(true);
        expect(first.onTop, 'skip link is not covered by anything').toBe(true);
        expect((await focusStop(page)).problem).toBe('');
        if (theme === 'light') await screenshot(page, 'a11y-focus');

        await page.keyboard.press('Enter');
        await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
        // The next Tab continues inside main, not back in the header.
        await page.keyboard.press('Tab');
        expect((await focusStop(page)).landmark).toBe('main');
      } finally {
        await context.close();
      }
    });

    it('every Tab stop shows a visible focus; the order goes header → main → timeline', async () => {
      const { page, context } = await open(browser, withTheme('', theme));
      try {
        await settle(page);
        const stops = await tabUntil(page, '[data-testid="timeline-handle"]', 300);

        const invisible = stops.filter((s) => s.problem);
        // Soft, so the reading-order checks below still run and report.
        expect
          .soft(
            invisible.map((s) => s.label),
            `Tab stops without a visible focus indicator (${theme}):\n${invisible
              .map((s) => `  ${s.label}: ${s.problem}`)
              .join('\n')}`,
          )
          .toEqual([]);

        expect(stops[0]?.landmark).toBe('skip');
        const order = stops.map((s) => s.landmark);
        expect(order).not.toContain('outside');
        for (const l of ['header', 'main', 'timeline'] as const) expect(order).toContain(l);
        const jumps: string[] = [];
        for (let i = 1; i < stops.length; i++) {
          const a = stops[i - 1]!;
          const b = stops[i]!;
          const back =
            RANK[b.landmark] < RANK[a.landmark] ||
            (a.landmark === 'main' &&
              b.landmark === 'main' &&
              a.part === 'side' &&
              b.part === 'stage');
          if (back)
            jumps.push(`${a.landmark}/${a.part} ${a.label} → ${b.landmark}/${b.part} ${b.label}`);
        }
        expect(jumps, `the focus order jumps back:\n${jumps.join('\n')}`).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });

  it('a region is selected by keyboard alone (Tab, Enter) and Escape clears it', async () => {
    const { page, context } = await open(browser);
    try {
      await settle(page);
      const stops = await tabUntil(page, '[data-region="DE-BB"]', 80);
      expect(stops.at(-1)?.problem).toBe('');
      await screenshot(page, 'a11y-focus-region');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => new URL(location.href).searchParams.get('select') === 'DE-BB',
      );
      await expect(page.getByTestId('panel').locator('h2').textContent()).resolves.toContain(
        'Brandenburg',
      );
      await expect(
        page.locator('[data-region="DE-BB"]').getAttribute('aria-pressed'),
      ).resolves.toBe('true');
      // Activating the label must not drop the focus to <body>.
      expect((await focusStop(page)).landmark).toBe('main');

      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('select'));
      await expect(page.getByTestId('panel').locator('h2').textContent()).resolves.toMatch(
        /Überblick/,
      );
    } finally {
      await context.close();
    }
  });

  it('the timeline handle is reached by Tab, ArrowRight moves the date, the live region announces it', async () => {
    const { page, context } = await open(browser, 'date=2014-03-15');
    try {
      await settle(page);
      const stops = await tabUntil(page, '[data-testid="timeline-handle"]', 300);
      expect(stops.at(-1)?.problem).toBe('');
      const handle = page.getByTestId('timeline-handle');
      await expect(handle.getAttribute('role')).resolves.toBe('slider');
      await expect(handle.getAttribute('aria-valuetext')).resolves.toBe('15. März 2014');

      const live = page.getByTestId('timeline-live');
      await expect(live.getAttribute('aria-live')).resolves.toBe('polite');
      await expect(live.textContent()).resolves.toContain('15. März 2014');

      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(
        () => new URL(location.href).searchParams.get('date') === '2014-04-15',
      );
      await expect(handle.getAttribute('aria-valuetext')).resolves.toBe('15. April 2014');
      const n = inForceOn('2014-04-15').length;
      await page.waitForFunction(
        (want) => document.querySelector('[data-testid="timeline-live"]')?.textContent === want,
        `15. April 2014: ${n} Kooperationen in Kraft`,
        { timeout: 5_000 },
      );
      // The live region is in the accessibility tree (visually hidden, not display:none).
      const shown = await live.evaluate((el) => {
        const cs = getComputedStyle(el);
        return (
          cs.display !== 'none' && cs.visibility !== 'hidden' && !el.closest('[aria-hidden="true"]')
        );
      });
      expect(shown).toBe(true);
      await screenshot(page, 'a11y-focus-handle');
    } finally {
      await context.close();
    }
  });
});
