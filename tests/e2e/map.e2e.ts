import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { launch, open, PINNED_TODAY, screenshot, waitMapIdle } from './browser.ts';
import { inForceOn, placesTakingPart } from './expect.ts';

/** Ids listed in the panel. */
async function panelIds(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid="panel-list"] > li > .coop-card')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-cooperation') ?? ''));
  return ids.sort();
}

/** The pixel of a place on the map canvas, and what the map has there. */
async function pixelOf(page: Page, lngLat: [number, number]) {
  return page.evaluate((ll) => {
    const el = document.querySelector('[data-testid="map"]') as HTMLElement & {
      maplibreMap: {
        project: (p: [number, number]) => { x: number; y: number };
        queryRenderedFeatures: (p: [number, number]) => { layer: { id: string } }[];
      };
    };
    const p = el.maplibreMap.project(ll);
    const rect = el.getBoundingClientRect();
    const layers = el.maplibreMap.queryRenderedFeatures([p.x, p.y]).map((f) => f.layer.id);
    return { x: rect.left + p.x, y: rect.top + p.y, layers };
  }, lngLat);
}

/** A point in Brandenburg where nothing but the state polygon is drawn. */
async function quietPointInBrandenburg(page: Page): Promise<{ x: number; y: number }> {
  const candidates: [number, number][] = [
    [14.35, 51.7],
    [12.6, 52.9],
    [13.9, 52.95],
    [12.5, 52.2],
    [14.1, 52.35],
    [13.2, 51.75],
  ];
  for (const c of candidates) {
    const p = await pixelOf(page, c);
    if (p.layers.length === 1 && p.layers[0] === 'state-fill') return p;
  }
  throw new Error('no quiet point found in Brandenburg');
}

describe('map: select a state and see its alliances', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a click on Brandenburg lists exactly its cooperations in force; partners, Escape and ?select work', async () => {
    // The default date is today: pinned, so that the expectations use the same day.
    const today = PINNED_TODAY;
    const { page, context, errors } = await open(browser, '', { now: today });
    await screenshot(page, 'map-overview');
    const p = await quietPointInBrandenburg(page);
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('select') === 'DE-BB');
    await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toContain(
      'Brandenburg',
    );
    const expected = inForceOn(today, 'DE-BB');
    expect(expected.length).toBeGreaterThan(0);
    expect(await panelIds(page)).toEqual(expected);
    await waitMapIdle(page);
    await screenshot(page, 'map-brandenburg');

    // A partner chip moves the selection to that partner.
    const chip = page.locator('[data-testid="panel-list"] [data-partner="DE-BY"]').first();
    await chip.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('select') === 'DE-BY');
    expect(await panelIds(page)).toEqual(inForceOn(today, 'DE-BY'));

    // Escape clears.
    await page.locator('body').press('Escape');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('select'));
    await expect(page.getByTestId('panel').locator('h2').textContent()).resolves.toMatch(
      /Überblick/,
    );
    expect(errors).toEqual([]);
    await context.close();

    // The same view from the URL.
    const again = await open(browser, 'select=DE-BB', { now: today });
    expect(await panelIds(again.page)).toEqual(expected);
    await again.context.close();
  });

  it('selecting one cooperation fits the map to it and shows its sources as safe links', async () => {
    const { page, context } = await open(browser, 'select=ozg-verbund-mitte-2020');
    const card = page.locator('[data-testid="panel"] .coop-card');
    await expect(card.getAttribute('data-cooperation')).resolves.toBe('ozg-verbund-mitte-2020');
    const links = card.locator('.sources a');
    expect(await links.count()).toBeGreaterThan(0);
    for (const a of await links.all()) {
      expect(await a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await a.getAttribute('target')).toBe('_blank');
      expect(await a.getAttribute('href')).toMatch(/^https?:\/\//);
    }
    // The map has fitted itself to the cooperation's partners.
    await waitMapIdle(page);
    await screenshot(page, 'map-cooperation');
    await context.close();
  });

  it('search finds Thüringen for "thueringen" and selects it', async () => {
    const { page, context } = await open(browser);
    await page.getByTestId('search').fill('thueringen');
    const first = page.getByTestId('search-results').locator('[role="option"]').first();
    await expect(first.textContent()).resolves.toContain('Thüringen');
    await page.getByTestId('search').press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('select') === 'DE-TH');
    await context.close();
  });

  it('a click on a city dot selects the city, a click on a hub selects its cooperation', async () => {
    const { page, context } = await open(browser);
    // A dot of each kind with no other dot within 12 px and no label over it, in page pixels.
    const dot = (kind: string) =>
      page.evaluate((kind) => {
        const el = document.querySelector('[data-testid="map"]') as HTMLElement & {
          maplibreMap: MapLibreMap;
        };
        const map = el.maplibreMap;
        const all = map.queryRenderedFeatures(undefined, { layers: ['points'] });
        const xy = (f: (typeof all)[number]) =>
          map.project((f.geometry as unknown as { coordinates: [number, number] }).coordinates);
        const rect = el.getBoundingClientRect();
        // Only what is drawn: zoomed out, the overview's hubs of the far level that are shown.
        const drawn = (f: (typeof all)[number]) =>
          kind !== 'hub' ||
          (f.properties['Z'] !== (map.getZoom() >= 6.6 ? 'far' : 'near') &&
            // The state once set, else the start look the feature carries (map/style.ts).
            (map.getFeatureState(f)['shown'] ?? f.properties['shown0']) === true);
        for (const f of all) {
          if (f.properties['L'] !== kind || !drawn(f)) continue;
          const p = xy(f);
          const alone = all.every((g) => g === f || xy(g).dist(p) > 12);
          const free =
            document.elementFromPoint(rect.left + p.x, rect.top + p.y) === map.getCanvas();
          if (alone && free)
            return {
              x: rect.left + p.x,
              y: rect.top + p.y,
              id: String(f.properties['id'] ?? f.properties['cooperation']),
            };
        }
        return null;
      }, kind);
    const clickSelects = async (kind: string) => {
      const target = await dot(kind);
      expect(target, `a free ${kind} dot`).not.toBeNull();
      await page.mouse.click(target!.x, target!.y);
      await page.waitForFunction(
        (id) => new URL(location.href).searchParams.get('select') === id,
        target!.id,
      );
    };
    // Zoomed out, the overview shows hubs; the cities count for their Land.
    await clickSelects('hub');
    await page.keyboard.press('Escape');
    // Zoomed in, the cities stand for themselves.
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid="map"]') as HTMLElement & {
        maplibreMap: MapLibreMap;
      };
      el.maplibreMap.jumpTo({ center: [8.4, 50.1], zoom: 7.4 });
    });
    await page.waitForFunction(() => document.documentElement.dataset['mapIdle'] === 'true');
    await clickSelects('place');
    await context.close();
  });

  it('labels never overlap: a lower-ranked label gives way, and shows again when focused', async () => {
    // English, a district selected: its label sits on "Mecklenburg-Western Pomerania".
    const { page, context } = await open(browser, 'lang=en&select=13074');
    const shown = () =>
      page.locator('.region-label').evaluateAll((els) =>
        els
          .filter((e) => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && getComputedStyle(e).clipPath === 'none';
          })
          .map((e) => {
            const r = e.getBoundingClientRect();
            return {
              id: (e as HTMLElement).dataset['region']!,
              r: [r.left, r.top, r.right, r.bottom],
            };
          }),
      );
    const overlaps = (labels: { id: string; r: number[] }[]) =>
      labels.flatMap((a, i) =>
        labels
          .slice(i + 1)
          .filter(
            (b) => a.r[0]! < b.r[2]! && b.r[0]! < a.r[2]! && a.r[1]! < b.r[3]! && b.r[1]! < a.r[3]!,
          )
          .map((b) => `${a.id} × ${b.id}`),
      );
    const labels = await shown();
    expect(overlaps(labels)).toEqual([]);
    const ids = labels.map((l) => l.id);
    expect(ids).toContain('13074');
    expect(ids).not.toContain('DE-MV');
    expect(ids).toContain('DE-BY');
    // Still reachable by keyboard: focused, the hidden label shows.
    await page.locator('[data-region="DE-MV"]').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect((await shown()).map((l) => l.id)).toContain('DE-MV');
    await context.close();
  });

  it('labels a place once it is shown: selected, a partner of the selection, or zoomed in', async () => {
    const { page, context } = await open(browser, '');
    const placeLabels = () =>
      page
        .locator('.region-label.region-municipality, .region-label.region-district')
        .evaluateAll((els) =>
          els.map((e) => ({
            id: (e as HTMLElement).dataset['region']!,
            shown: e.getBoundingClientRect().width > 0,
            text: e.textContent ?? '',
          })),
        );
    // Zoomed out, with nothing selected, no place label shows, so none is made.
    expect(await placeLabels()).toEqual([]);
    // A district selected: its label is made, named and shown, and so are its partners' labels.
    await page.evaluate(() =>
      window.postMessage({ type: 'kooperationsatlas:set', select: '13074' }, '*'),
    );
    await expect
      .poll(async () => (await placeLabels()).find((l) => l.id === '13074'))
      .toMatchObject({ shown: true, text: expect.stringContaining('Nordwestmecklenburg') });
    expect((await placeLabels()).every((l) => l.shown)).toBe(true);
    // Zoomed in: every place that takes part in a cooperation has its label, in the regions'
    // order (the tab order), whenever it was made.
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid="map"]') as HTMLElement & {
        maplibreMap: MapLibreMap;
      };
      el.maplibreMap.jumpTo({ center: [11.4, 53.8], zoom: 7.2 });
    });
    await waitMapIdle(page);
    const all = await placeLabels();
    expect(all.map((l) => l.id)).toEqual(placesTakingPart());
    expect(all.every((l) => l.text.length > 0)).toBe(true);
    await context.close();
  });

  it('the table lists the same cooperations as the map', async () => {
    const { page, context } = await open(browser, 'date=2021-06-30');
    await page.getByTestId('tab-table').click();
    const rows = await page
      .locator('[data-testid="table"] tbody tr')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-cooperation') ?? '').sort());
    expect(rows).toEqual(inForceOn('2021-06-30'));
    await expect(page.locator('[data-testid="table"] caption').textContent()).resolves.toContain(
      String(rows.length),
    );
    await context.close();
  });
});
