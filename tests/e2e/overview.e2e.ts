/**
 * The overview and the matrix: the matrix compared cell by cell with an independent count from
 * the data files (several dates and modes, with and without the nationwide agreements); a pair
 * selected by a click on its line, by a matrix cell, by the URL and by postMessage; the nationwide
 * element; screenshots at the sizes users show it; axe on the matrix in both themes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { launch, open, PINNED_TODAY, screenshot, SCREENSHOTS } from './browser.ts';
import { blocking, formatViolations, runAxe } from './axe.ts';
import { landsOn, matrixOn, nationwide, sharedBy, type TimeView } from './expect.ts';

/** The matrix as the page shows it: "A|B" → the number written in the cell. */
async function readMatrix(page: Page): Promise<Map<string, number>> {
  const cells = await page.evaluate(() => {
    const table = document.querySelector('[data-testid="matrix"]')!;
    const cols = [...table.querySelectorAll('thead th[scope="col"]')].map((th) =>
      th.getAttribute('data-region'),
    );
    return [...table.querySelectorAll('tbody tr')].flatMap((tr) => {
      const row = tr.querySelector('th[scope="row"]')!.getAttribute('data-region');
      return [...tr.querySelectorAll('td')].map((td, i) => [
        `${row}|${cols[i]}`,
        Number(td.textContent || '0'),
      ]);
    });
  });
  return new Map(cells.filter(([, n]) => n !== 0) as [string, number][]);
}

async function panelIds(page: Page): Promise<string[]> {
  return (
    await page
      .locator('[data-testid="panel-list"] > li > .coop-card')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-cooperation') ?? ''))
  ).sort();
}

const selectParam = (page: Page) => new URL(page.url()).searchParams.get('select');

describe('the Länder matrix and the overview', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // Where a view shows the default date, its page runs on a pinned today (`now: today`), so that
  // the expectations use the same day.
  const today = PINNED_TODAY;
  const cases: [string, TimeView][] = [
    ['', { mode: 'inforce', date: today }],
    ['date=2015-06-01', { mode: 'inforce', date: '2015-06-01' }],
    ['mode=cumulative&date=2018-12-01', { mode: 'cumulative', date: '2018-12-01' }],
    ['from=2019-01-01&to=2021-12-31', { mode: 'signed', from: '2019-01-01', date: '2021-12-31' }],
  ];

  it.each(cases)(
    'matches an independent count from the data files cell by cell (%s), with and without the nationwide agreements',
    async (query, view) => {
      const { page, context } = await open(browser, `view=matrix&${query}`, {
        width: 1600,
        height: 1000,
        ...(view.date === today ? { now: today } : {}),
      });
      await page.getByTestId('matrix').waitFor();
      expect(await readMatrix(page)).toEqual(matrixOn(view, true));
      await page.getByTestId('matrix-nationwide').check();
      await page.waitForFunction(
        () => new URL(location.href).searchParams.get('nationwide') === '0',
      );
      expect(await readMatrix(page)).toEqual(matrixOn(view, false));
      await context.close();
    },
  );

  it('exports the matrix as SVG with live text (its cells the independent count) and as PNG', async () => {
    const view: TimeView = { mode: 'cumulative', date: '2018-12-01' };
    const { page, context } = await open(
      browser,
      'view=matrix&mode=cumulative&date=2018-12-01&nationwide=0&order=activity',
      { width: 1600, height: 1000 },
    );
    await page.getByTestId('matrix').waitFor();
    await page.getByTestId('export').click();
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-svg').click(),
    ]);
    expect(svg.suggestedFilename()).toBe('kooperationsatlas-matrix-2018-12-01.svg');
    const text = readFileSync((await svg.path())!, 'utf8');
    const read = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      const cells = [...doc.querySelectorAll('g.cell')].map((g) => [
        `${g.getAttribute('data-a')}|${g.getAttribute('data-b')}`,
        Number(g.querySelector('text:not([class])')?.textContent ?? '0'),
      ]);
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        cells,
        rows: [...doc.querySelectorAll('text.row-head')].map((e) => e.getAttribute('data-region')),
        title: doc.querySelector('#title')?.textContent ?? '',
        footer: doc.querySelector('#footer')?.textContent ?? '',
      };
    }, text);
    expect(read.error).toBeNull();
    expect(read.cells).toHaveLength(17 * 17);
    const shown = new Map((read.cells as [string, number][]).filter(([, n]) => n !== 0));
    expect(shown).toEqual(matrixOn(view, false));
    // The same order as the table on the page.
    const tableRows = await page
      .locator('[data-testid="matrix"] tbody th[scope="row"]')
      .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-region')));
    expect(read.rows).toEqual(tableRows);
    expect(read.title).toContain('ohne bundesweite Vereinbarungen');
    expect(read.title).toContain('Kumulativ bis zum Stichtag');
    expect(read.footer).toMatch(/Datenstand \d{4}\.\d+\.\d+/);
    expect(read.footer).toContain('view=matrix');

    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-png1080').click(),
    ]);
    expect(png.suggestedFilename()).toBe('kooperationsatlas-matrix-2018-12-01.png');
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1920, 1080]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(`${SCREENSHOTS}/matrix-export.png`, bytes);
    await context.close();
  });

  it('names every cell for screen readers and selects a pair by click, Enter and arrow keys', async () => {
    const { page, context } = await open(browser, 'view=matrix', {
      width: 1600,
      height: 1000,
      now: today,
    });
    const cell = page
      .locator('tbody tr:has(th[data-region="DE-BY"]) td')
      .nth(
        await page.evaluate(() =>
          [...document.querySelectorAll('thead th[scope="col"]')].findIndex(
            (th) => th.getAttribute('data-region') === 'DE-HE',
          ),
        ),
      );
    const n = matrixOn({ mode: 'inforce', date: today }, true).get('DE-BY|DE-HE') ?? 0;
    await expect(cell.getAttribute('aria-label')).resolves.toBe(
      `Bayern und Hessen: ${n} gemeinsame Kooperation${n === 1 ? '' : 'en'}`,
    );
    await cell.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('select') !== null);
    expect(selectParam(page)).toBe('DE-BY,DE-HE');
    expect(await panelIds(page)).toEqual(
      sharedBy({ mode: 'inforce', date: today }, 'DE-BY', 'DE-HE'),
    );
    // Keyboard: the focused cell moves with the arrows, Enter selects its pair.
    await cell.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get('select') !== 'DE-BY,DE-HE',
    );
    expect(selectParam(page)!.split(',')).toHaveLength(2);
    await screenshot(page, 'matrix-1600');
    await context.close();
  });

  it('hovering a cell highlights the pair’s line on the map beside it', async () => {
    const { page, context } = await open(browser, 'view=matrix', { width: 1600, height: 1000 });
    /** The pair lines drawn now, and the one hovered. */
    const pairs = () =>
      page.evaluate(() => {
        const map = (
          document.querySelector('[data-testid="map"]') as HTMLElement & {
            maplibreMap: MapLibreMap;
          }
        ).maplibreMap;
        const all = map.querySourceFeatures('atlas').filter((f) => f.properties['L'] === 'pair');
        const state = (f: (typeof all)[number]) =>
          map.getFeatureState({ source: 'atlas', id: f.id! });
        const name = (f: (typeof all)[number]) => `${f.properties['a']},${f.properties['b']}`;
        const unique = (xs: string[]) => [...new Set(xs)];
        return {
          // The count once set, else the start count the feature carries (map/style.ts).
          drawn: unique(
            all.filter((f) => Number(state(f)['far'] ?? f.properties['far0']) > 0).map(name),
          ),
          hovered: unique(all.filter((f) => state(f)['hover'] === true).map(name)),
        };
      });
    const [a, b] = (await pairs()).drawn.find((p) => !p.includes('DE,'))!.split(',') as [
      string,
      string,
    ];
    const column = await page.evaluate(
      (b) =>
        [...document.querySelectorAll('thead th[scope="col"]')].findIndex(
          (th) => th.getAttribute('data-region') === b,
        ),
      b,
    );
    await page.locator(`tbody tr:has(th[data-region="${a}"]) td`).nth(column).hover();
    // The hover is the first sign of use: the first source is re-cut meanwhile (map/fill.ts),
    // which takes seconds on a loaded two-core machine.
    await expect
      .poll(async () => (await pairs()).hovered, { timeout: 20_000 })
      .toEqual([`${a},${b}`]);
    await context.close();
  });

  it('selects a pair by a click on its line and lists exactly its shared cooperations', async () => {
    const { page, context } = await open(browser, '', { width: 1280, height: 800, now: today });
    await screenshot(page, 'overview-1280x800');
    // A point on a drawn pair line, away from every other line, hub and label.
    const target = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="map"]') as HTMLElement & {
        maplibreMap: MapLibreMap;
      };
      const map = el.maplibreMap;
      const rect = el.getBoundingClientRect();
      const drawn = map
        .queryRenderedFeatures(undefined, { layers: ['overview-lines'] })
        .filter(
          (f) =>
            f.properties['L'] === 'pair' &&
            Number(map.getFeatureState(f)['far'] ?? f.properties['far0']) > 0,
        );
      for (const f of drawn) {
        const coords = (f.geometry as unknown as { coordinates: [number, number][] }).coordinates;
        for (const c of coords.slice(4, -4)) {
          const p = map.project(c);
          const near = map.queryRenderedFeatures(
            [
              [p.x - 6, p.y - 6],
              [p.x + 6, p.y + 6],
            ],
            { layers: ['overview-lines', 'points'] },
          );
          const onlyThis = near.every((g) => g.properties['L'] === 'pair' && g.id === f.id);
          const free =
            document.elementFromPoint(rect.left + p.x, rect.top + p.y) === map.getCanvas();
          if (onlyThis && free)
            return {
              x: rect.left + p.x,
              y: rect.top + p.y,
              pair: `${f.properties['a']},${f.properties['b']}`,
            };
        }
      }
      return null;
    });
    expect(target, 'a free point on a pair line').not.toBeNull();
    await page.mouse.move(target!.x, target!.y);
    await expect(page.locator('.map-tip').textContent()).resolves.toMatch(/nur der beiden/);
    await page.mouse.click(target!.x, target!.y);
    await page.waitForFunction(
      (id) => new URL(location.href).searchParams.get('select') === id,
      target!.pair,
    );
    const [a, b] = target!.pair.split(',') as [string, string];
    expect(await panelIds(page)).toEqual(sharedBy({ mode: 'inforce', date: today }, a, b));
    await screenshot(page, 'pair-selected');
    await context.close();
  });

  it('takes a pair from the URL and from a host page, and announces it', async () => {
    const view: TimeView = { mode: 'inforce', date: '2023-06-01' };
    const { page, context } = await open(browser, 'date=2023-06-01&select=DE-HE,DE-BY');
    expect(await panelIds(page)).toEqual(sharedBy(view, 'DE-BY', 'DE-HE'));
    await expect(page.getByTestId('panel').locator('h2').textContent()).resolves.toBe(
      'Hessen und Bayern',
    );
    const state = await page.evaluate(
      () =>
        new Promise<{ select: string }>((resolve) => {
          window.addEventListener('message', (e) => {
            if (e.data?.type === 'kooperationsatlas:state') resolve(e.data);
          });
          window.postMessage({ type: 'kooperationsatlas:set', select: 'DE-NW,DE-BY' }, '*');
        }),
    );
    expect(state.select).toBe('DE-NW,DE-BY');
    expect(await panelIds(page)).toEqual(sharedBy(view, 'DE-BY', 'DE-NW'));
    await context.close();
  });

  it('shows the nationwide agreements as one element that lists them, not as spokes', async () => {
    const { page, context } = await open(browser, '', { now: today });
    const expected = [...landsOn({ mode: 'inforce', date: today })]
      .filter(([, lands]) => nationwide(lands))
      .map(([id]) => id)
      .sort();
    expect(expected.length).toBeGreaterThan(3);
    const badge = page.getByTestId('nationwide');
    await expect(badge.locator('.nationwide-ring').textContent()).resolves.toBe(
      String(expected.length),
    );
    const drawn = await page.evaluate((ids) => {
      const map = (
        document.querySelector('[data-testid="map"]') as HTMLElement & { maplibreMap: MapLibreMap }
      ).maplibreMap;
      return map
        .querySourceFeatures('atlas')
        .filter((f) => ids.includes(String(f.properties['cooperation'])))
        .map((f) => f.properties['cooperation']);
    }, expected);
    expect(drawn).toEqual([]);
    await badge.getByRole('button').first().click();
    const listed = await badge.locator('li button').allTextContents();
    expect(listed).toHaveLength(expected.length);
    await badge.locator('li button').first().click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('select') !== null);
    expect(expected).toContain(selectParam(page));
    await context.close();
  });

  it('looks right where users show it: projector, slide embeds, the matrix embedded', async () => {
    for (const [name, query, width, height] of [
      ['projector-1920x1080', 'present=1', 1920, 1080],
      ['embed-960x540', 'embed=1', 960, 540],
      ['embed-640x360', 'embed=1', 640, 360],
      ['embed-matrix-960x540', 'embed=1&view=matrix', 960, 540],
    ] as const) {
      const { page, context, errors } = await open(browser, query, { width, height });
      if (query.includes('matrix')) await page.getByTestId('matrix').waitFor();
      // Germany fills the map area: the states' outline spans most of its height.
      if (!query.includes('matrix')) {
        const span = await page.evaluate(() => {
          const el = document.querySelector('[data-testid="map"]') as HTMLElement & {
            maplibreMap: MapLibreMap;
          };
          const map = el.maplibreMap;
          const top = map.project([10, 55.06]).y;
          const bottom = map.project([10, 47.27]).y;
          return (bottom - top) / el.clientHeight;
        });
        expect(span, name).toBeGreaterThan(0.75);
      }
      expect(errors).toEqual([]);
      await screenshot(page, name);
      await context.close();
    }
  });

  it.each(['light', 'dark'])(
    'has no serious or critical axe violation in the matrix view (%s)',
    async (theme) => {
      const { page, context } = await open(browser, `view=matrix&theme=${theme}`, {
        width: 1600,
        height: 1000,
      });
      await page.getByTestId('matrix').waitFor();
      const violations = blocking(await runAxe(page));
      expect(violations, formatViolations(`matrix ${theme}`, violations)).toEqual([]);
      await context.close();
    },
  );
});
