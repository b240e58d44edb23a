import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launch,
  open,
  PINNED_TODAY,
  screenshot,
  waitForLiveText,
  waitForParam,
  waitMapIdle,
} from './browser.ts';
import { cumulativeOn, inForceOn, records, signedWithin } from './expect.ts';

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** The ids the panel lists, every page of the list shown (it renders 100 cards at a time). */
async function listedIds(page: Page): Promise<string[]> {
  const more = page.locator('[data-testid="panel"] .more-button');
  while ((await more.count()) > 0) await more.first().click();
  const ids = await page
    .locator('[data-testid="panel-list"] > li > .coop-card')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-cooperation') ?? ''));
  return ids.sort();
}

/**
 * The client x of a date on the timeline (the plot spans 16 px margins, 2006-01-01 → today):
 * only on pages opened with `now: PINNED_TODAY`, whose today is that day.
 */
async function xOfDate(page: Page, iso: string): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('timeline-svg').boundingBox())!;
  const start = Date.UTC(2006, 0, 1);
  const end = Date.parse(`${PINNED_TODAY}T00:00:00Z`);
  const t = (Date.parse(`${iso}T00:00:00Z`) - start) / (end - start);
  return { x: box.x + 16 + t * (box.width - 32), y: box.y + box.height / 2 - 6 };
}

describe('timeline', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('dragging the handle to 2008 shows exactly the cooperations in force then; End jumps to today', async () => {
    const { page, context } = await open(browser, '', { now: PINNED_TODAY });
    const from = await xOfDate(page, '2012-01-01');
    const to = await xOfDate(page, '2008-07-01');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    await waitForParam(page, 'date', (v) => v?.startsWith('2008-') ?? false);
    const date = param(page, 'date')!;
    // The list follows the view: wait for it rather than for a while.
    await expect.poll(() => listedIds(page)).toEqual(inForceOn(date));
    await waitMapIdle(page);
    await screenshot(page, 'timeline-2008');

    await page.getByTestId('timeline-handle').focus();
    await page.keyboard.press('End');
    await waitForParam(page, 'date', (v) => v === null);
    await expect.poll(() => listedIds(page)).toEqual(inForceOn(PINNED_TODAY));
    await expect(page.getByTestId('timeline-handle').getAttribute('aria-valuetext')).resolves.toBe(
      new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${PINNED_TODAY}T00:00:00Z`),
      ),
    );
    await context.close();
  });

  it('arrow keys step a month, shift+arrows a year, and the live region announces the count', async () => {
    const { page, context } = await open(browser, 'date=2014-03-15');
    const handle = page.getByTestId('timeline-handle');
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await waitForParam(page, 'date', (v) => v === '2014-04-15');
    await page.keyboard.press('Shift+ArrowLeft');
    await waitForParam(page, 'date', (v) => v === '2013-04-15');
    await page.keyboard.press('Home');
    await waitForParam(page, 'date', (v) => v === '2006-01-01');
    await expect(handle.getAttribute('role')).resolves.toBe('slider');
    // The live region speaks 700 ms after the last change.
    await waitForLiveText(page, '1. Januar 2006:');
    const live = await page.getByTestId('timeline-live').textContent();
    expect(live).toMatch(/1\. Januar 2006: \d+ Kooperationen in Kraft/);
    expect(live).toContain(`${inForceOn('2006-01-01').length} Kooperationen`);
    await screenshot(page, 'timeline-2006');
    await context.close();
  });

  it('a mark says what it is on hover and selects its cooperation on a click', async () => {
    const { page, context } = await open(browser, '', { now: PINNED_TODAY });
    const mark = page.locator('.timeline-marks .mark').last();
    await mark.waitFor();
    const id = (await mark.getAttribute('data-cooperation'))!;
    const title = records().find((c) => c.id === id)!.title.de;
    const box = (await mark.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = page.locator('.timeline-tip');
    await tip.waitFor();
    await expect(tip.textContent()).resolves.toContain(title);
    // The map draws the hovered cooperation, and only it, from a source of its own: the
    // overview needs no detail source for a hover.
    const drawn = (source: string) =>
      page.evaluate((id) => {
        const el = document.querySelector('[data-testid="map"]') as HTMLElement & {
          maplibreMap: {
            querySourceFeatures(id: string): { properties: { cooperation?: string } }[];
          };
        };
        return [
          ...new Set(el.maplibreMap.querySourceFeatures(id).map((f) => f.properties.cooperation)),
        ];
      }, source);
    await expect.poll(() => drawn('hover'), { timeout: 20_000 }).toEqual([id]);
    expect(await drawn('detail')).toEqual([]);
    await screenshot(page, 'timeline-mark-tip');
    await page.mouse.move(box.x + box.width / 2, box.y - 80);
    await tip.waitFor({ state: 'detached' });
    await expect.poll(() => drawn('hover'), { timeout: 20_000 }).toEqual([]);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await waitForParam(page, 'select', (v) => v === id);
    await expect(page.getByTestId('panel').locator('h2').textContent()).resolves.toContain(title);
    await context.close();
  });

  it('space plays: the date advances', async () => {
    const { page, context } = await open(browser, 'date=2010-01-01');
    await page.getByTestId('timeline-handle').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('play').getAttribute('aria-pressed')).resolves.toBe('true');
    // Half a year on (or already at today, where the URL drops the date).
    await waitForParam(page, 'date', (v) => v === null || v > '2010-06-01');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('play').getAttribute('aria-pressed')).resolves.toBe('false');
    await screenshot(page, 'timeline-playing');
    await context.close();
  });

  it('range mode: dragging over 2020 shows the cooperations signed in the range; the range moves, its ends drag, and the URL follows', async () => {
    const { page, context } = await open(browser, 'date=2021-06-01', { now: PINNED_TODAY });
    await page.locator('[data-mode="signed"]').click();
    await waitForParam(page, 'from', (v) => v !== null);
    await page.getByTestId('timeline-range').waitFor();
    // Near the top of the plot, above the stacked event marks.
    const top = (await page.getByTestId('timeline-hit').boundingBox())!.y + 4;
    const drag = async (fromIso: string, toIso: string) => {
      const a = await xOfDate(page, fromIso);
      const b = await xOfDate(page, toIso);
      await page.mouse.move(a.x, top);
      await page.mouse.down();
      await page.mouse.move(b.x, top, { steps: 10 });
      await page.mouse.up();
    };
    // Outside the current range: a new range, drawn from where the pointer went down.
    await drag('2020-01-01', '2020-12-31');
    await waitForParam(page, 'from', (v) => v?.startsWith('2020-01') ?? false);
    await waitForParam(page, 'to', (v) => v?.startsWith('2020-12') ?? false);
    const from = param(page, 'from')!;
    const to = param(page, 'to')!;
    await expect.poll(() => listedIds(page)).toEqual(signedWithin(from, to));
    const listed = await listedIds(page);
    // Everything signed well inside 2020 is there.
    for (const id of signedWithin('2020-01-15', '2020-12-15')) expect(listed).toContain(id);
    // The range box covers exactly the span between the two ends.
    const box = (await page.getByTestId('timeline-range').boundingBox())!;
    expect(Math.abs(box.x - (await xOfDate(page, from)).x)).toBeLessThan(2);
    expect(Math.abs(box.x + box.width - (await xOfDate(page, to)).x)).toBeLessThan(2);
    await screenshot(page, 'timeline-range-2020');
    await expect(page.getByTestId('legend').textContent()).resolves.toContain(
      'Unterzeichnet im Zeitraum',
    );
    // Inside the range: the whole range moves (by 384 days here), keeping its length.
    await drag('2020-06-01', '2021-06-20');
    await waitForParam(page, 'from', (v) => v?.startsWith('2021-01') ?? false);
    await waitForParam(page, 'to', (v) => v?.startsWith('2022-01') ?? false);
    // On an end: that end follows the pointer, and cannot pass the other end.
    await drag(param(page, 'to')!, '2022-06-30');
    await waitForParam(page, 'to', (v) => v?.startsWith('2022-06') ?? false);
    expect(param(page, 'from')!.startsWith('2021-01')).toBe(true);
    await drag(param(page, 'from')!, '2023-01-01');
    await waitForParam(page, 'from', (v) => v === param(page, 'to'));
    // Cumulative mode via the URL: exactly what is signed up to the date, also what is signed
    // but not yet in effect (ikt-ost-2018 between 30 Oct 2018 and 1 Jan 2019).
    await context.close();
    for (const day of ['2016-12-31', '2018-12-01']) {
      const cum = await open(browser, `mode=cumulative&date=${day}`);
      await expect(cum.page.getByTestId('legend').textContent()).resolves.toContain('Kumulativ');
      expect(await listedIds(cum.page)).toEqual(cumulativeOn(day));
      await cum.context.close();
    }
    expect(cumulativeOn('2018-12-01')).toContain('ikt-ost-2018');
    expect(inForceOn('2018-12-01')).not.toContain('ikt-ost-2018');
  });
});
