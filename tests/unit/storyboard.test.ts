/**
 * The storyboard strip: its dates, the grid of small multiples (every cell inside the page, none
 * overlapping) and the SVG, parsed with a real XML parser: one map per date with its caption,
 * one title, one legend, the source line with the data release and the attribution.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/data/partial-date.ts';
import {
  cleanDates,
  datesOf,
  renderStoryboard,
  storyboardDates,
  storyboardFileName,
} from '../../src/export/storyboard.ts';
import { gridLayout } from '../../src/export/svg/grid.ts';
import { formatLongDay } from '../../src/i18n/format.ts';
import { countText } from '../../src/i18n/text.ts';
import { createAtlasModel } from '../../src/model/atlas-model.ts';
import { createDeriver } from '../../src/view/selectors.ts';
import { activityOrder, buildMatrix, countOf } from '../../src/view/matrix.ts';
import { MATRIX_RAMP } from '../../src/style/palette.ts';
import { defaultView, type ViewState } from '../../src/view/view-state.ts';
import { loadRealData } from './fixtures.ts';
import { all, parseSvg } from './svg-doc.ts';

const day = (s: string) => parseDay(s)!;
const TODAY = day('2025-01-01');
const DAY = day('2020-12-11');
const model = createAtlasModel(loadRealData(), TODAY);
const viewOf = (over: Partial<ViewState> = {}): ViewState => ({
  ...defaultView(TODAY),
  date: DAY,
  ...over,
});

const parse = parseSvg;
const cellsOf = (doc: Document) =>
  all(doc, 'g').filter((g) => g.getAttribute('class') === 'storyboard-cell');
const group = (doc: Document, id: string) =>
  all(doc, 'g').find((g) => g.getAttribute('id') === id)!;
const byClass = (el: Element, cls: string) =>
  all(el, '*').filter((e) => e.getAttribute('class') === cls);
const num = (el: Element, a: string) => Number(el.getAttribute(a));

describe('storyboard dates', () => {
  it('spreads six dates evenly from 2006 to the view date by default, 4 to 8 on request', () => {
    const dates = storyboardDates(viewOf());
    expect(dates.map(formatDay)).toEqual([
      '2006-01-01',
      '2008-12-28',
      '2011-12-24',
      '2014-12-20',
      '2017-12-15',
      '2020-12-11',
    ]);
    expect(storyboardDates(viewOf(), 4)).toHaveLength(4);
    expect(storyboardDates(viewOf(), 8)).toHaveLength(8);
    expect(storyboardDates(viewOf(), 2)).toHaveLength(4);
    expect(storyboardDates(viewOf(), 20)).toHaveLength(8);
  });

  it('starts at the range start in signed mode', () => {
    const from = day('2018-01-01');
    expect(storyboardDates(viewOf({ mode: 'signed', from }), 5)[0]).toBe(from);
  });

  it('keeps chosen dates within the span and today, sorted, each once', () => {
    const view = viewOf();
    expect(
      cleanDates(
        view,
        [day('2019-05-01'), day('2001-01-01'), day('2030-01-01'), day('2019-05-01')],
        TODAY,
      ).map(formatDay),
    ).toEqual(['2006-01-01', '2019-05-01', '2025-01-01']);
  });

  it('falls back to evenly spread dates when none of the chosen ones is usable', () => {
    const view = viewOf();
    expect(datesOf(view, { dates: [Number.NaN] }, TODAY)).toEqual(storyboardDates(view));
    expect(datesOf(view, { count: 4 }, TODAY)).toHaveLength(4);
    expect(datesOf(view, { dates: [day('2012-01-01')] }, TODAY)).toEqual([day('2012-01-01')]);
  });

  it('names the file after its first and last date', () => {
    expect(storyboardFileName(storyboardDates(viewOf()), 'svg')).toBe(
      'kooperationsatlas-storyboard-2006-01-01_2020-12-11.svg',
    );
  });
});

describe('grid of small multiples', () => {
  const box = { x0: 48, y0: 160, x1: 1450, y1: 1000 };
  it.each([4, 5, 6, 7, 8])('puts %i cells inside the box, none overlapping', (n) => {
    const grid = gridLayout(n, box, { aspect: 0.8, captionH: 54, gap: 20 });
    expect(grid.cells).toHaveLength(n);
    expect(grid.cols * grid.rows).toBeGreaterThanOrEqual(n);
    expect(grid.cols * (grid.rows - 1)).toBeLessThan(n);
    for (const { map, caption } of grid.cells) {
      expect(map.x0).toBeGreaterThanOrEqual(box.x0);
      expect(map.x1).toBeLessThanOrEqual(box.x1 + 1e-9);
      expect(map.y0).toBeGreaterThanOrEqual(box.y0);
      expect(caption.y1).toBeLessThanOrEqual(box.y1 + 1e-9);
      expect(caption.y0).toBe(map.y1);
      expect(map.y1 - map.y0).toBeGreaterThan(100);
    }
    const rects = grid.cells.map((c) => ({ ...c.map, y1: c.caption.y1 }));
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
        expect(overlap, `cells ${i} and ${j}`).toBe(false);
      }
  });

  it('lays six maps of Germany out in three columns on a slide, two on a tall page', () => {
    expect(gridLayout(6, box, { aspect: 0.8, captionH: 54, gap: 20 }).cols).toBe(3);
    const tall = { x0: 0, y0: 0, x1: 1000, y1: 1800 };
    expect(gridLayout(6, tall, { aspect: 0.8, captionH: 54, gap: 20 }).cols).toBe(2);
  });
});

describe('renderStoryboard', () => {
  const view = viewOf({ select: 'DE-BB' });
  const svg = renderStoryboard({ model, view, link: 'https://example.org/?date=2020-12-11' });
  const doc = parse(svg);
  const derive = createDeriver(model);

  it('draws one map per date, each with its date and count as caption', () => {
    const cells = cellsOf(doc);
    const dates = storyboardDates(view);
    expect(cells).toHaveLength(6);
    cells.forEach((cell, i) => {
      const date = dates[i]!;
      const n = derive({ ...view, date }).visible.length;
      expect(cell.getAttribute('data-date')).toBe(formatDay(date));
      expect(cell.getAttribute('data-count')).toBe(String(n));
      expect(byClass(cell, 'caption-date')[0]?.textContent).toBe(formatLongDay(date, 'de'));
      expect(byClass(cell, 'caption-count')[0]?.textContent).toBe(countText(n, 'de'));
      // A map: the 16 Länder, Brandenburg selected.
      const states = all(cell, 'path').filter((p) => p.getAttribute('id')?.includes('state-'));
      expect(states).toHaveLength(16);
      expect(states.some((p) => p.getAttribute('id') === `cell-${i + 1}-state-DE-BB`)).toBe(true);
    });
    // The strip grows: more cooperations at the end than at the start.
    const counts = cells.map((c) => Number(c.getAttribute('data-count')));
    expect(counts.at(-1)!).toBeGreaterThan(counts[0]!);
  });

  it('fits every map inside the page, none overlapping the legend', () => {
    const maps = cellsOf(doc).map((c) => byClass(c, 'map-background')[0]!);
    const legendX = Math.min(
      ...all(group(doc, 'legend'), 'text')
        .map((t) => num(t, 'x'))
        .filter(Number.isFinite),
    );
    for (const m of maps) {
      expect(num(m, 'x')).toBeGreaterThanOrEqual(0);
      expect(num(m, 'y')).toBeGreaterThan(100);
      expect(num(m, 'x') + num(m, 'width')).toBeLessThan(legendX);
      expect(num(m, 'y') + num(m, 'height')).toBeLessThan(1080);
    }
  });

  it('has one title, one legend and the footer with the data release, the link and the attribution', () => {
    const title = group(doc, 'title').textContent ?? '';
    expect(title).toContain('Kooperationsatlas – Brandenburg');
    expect(title).toContain('1. Januar 2006 – 11. Dezember 2020');
    expect(title).toContain('Zeitmodus: In Kraft am Stichtag');
    expect(title).toContain('6 Zeitpunkte');
    expect(group(doc, 'legend').textContent).toContain('Legende');
    const footer = group(doc, 'footer').textContent ?? '';
    expect(footer).toContain(`Datenstand ${model.atlas.dataVersion}`);
    expect(footer).toContain('https://example.org/?date=2020-12-11');
    expect(footer).toContain('Geometrie © GeoBasis-DE / BKG');
  });

  it('gives every element a unique id', () => {
    const ids = all(doc, '*')
      .map((e) => e.getAttribute('id'))
      .filter((x): x is string => !!x);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows the zoomed-in part of the map in every cell, clipped to the cell', () => {
    const zoomed = parse(renderStoryboard({ model, view, count: 4, bounds: [12, 51, 15, 54] }));
    const cells = cellsOf(zoomed);
    expect(cells).toHaveLength(4);
    cells.forEach((cell, i) => {
      expect(all(cell, 'clipPath')[0]?.getAttribute('id')).toBe(`cell-${i + 1}-clip`);
      expect(
        all(cell, 'g').some((g) => g.getAttribute('clip-path') === `url(#cell-${i + 1}-clip)`),
      ).toBe(true);
    });
  });

  it('takes chosen dates, speaks English, and stacks the legend on a portrait page', () => {
    const dates = [day('2010-01-01'), day('2015-06-30'), day('2019-01-01'), day('2024-12-31')];
    const en = parse(
      renderStoryboard({ model, view: viewOf({ lang: 'en' }), dates, width: 1240, height: 1754 }),
    );
    const cells = cellsOf(en);
    expect(cells.map((c) => c.getAttribute('data-date'))).toEqual(dates.map(formatDay));
    expect(byClass(cells[0]!, 'caption-date')[0]?.textContent).toBe('1 January 2010');
    expect(group(en, 'title').textContent).toContain('4 points in time');
    expect(group(en, 'footer').textContent).toContain('Source: Kooperationsatlas');
    const legendTop = Math.min(...all(group(en, 'legend'), 'text').map((t) => num(t, 'y')));
    for (const c of cells) {
      const m = byClass(c, 'map-background')[0]!;
      expect(num(m, 'y') + num(m, 'height')).toBeLessThan(legendTop);
    }
  });
});

describe('the matrix storyboard', () => {
  const derive = createDeriver(model);
  const view = viewOf({ tab: 'matrix', order: 'activity' });
  const svg = renderStoryboard({ model, view, count: 5 });
  const doc = parse(svg);

  it('draws the matrix at every date, each cell the count the matrix view builds', () => {
    const cells = cellsOf(doc);
    const dates = storyboardDates(view, 5);
    expect(cells.map((c) => c.getAttribute('data-date'))).toEqual(dates.map(formatDay));
    cells.forEach((cell, i) => {
      const v = { ...view, date: dates[i]! };
      const m = buildMatrix(model, derive(v).visible, v, true);
      const index = new Map(m.regions.map((id, k) => [id, k]));
      const drawn = byClass(cell, 'cell');
      expect(drawn).toHaveLength(17 * 17);
      for (const g of drawn) {
        const a = index.get(g.getAttribute('data-a')!)!;
        const b = index.get(g.getAttribute('data-b')!)!;
        expect(num(g, 'data-count')).toBe(countOf(m, a, b));
      }
      // One order for all cells: the view's (by activity, at the last date).
      const heads = byClass(cell, 'row-head').map((h) => h.getAttribute('data-region'));
      const last = { ...view, date: dates.at(-1)! };
      const lastMatrix = buildMatrix(model, derive(last).visible, last, true);
      expect(heads).toEqual(activityOrder(lastMatrix).map((k) => lastMatrix.regions[k]));
      expect(byClass(cell, 'caption-date')[0]?.textContent).toBe(formatLongDay(dates[i]!, 'de'));
    });
  });

  it('colours every cell on one scale and has the matrix legend, title and footer', () => {
    const fills = new Set(
      cellsOf(doc).flatMap((c) =>
        byClass(c, 'cell').map((g) => all(g, 'rect')[0]!.getAttribute('fill')),
      ),
    );
    for (const f of fills) expect(MATRIX_RAMP.light.fill).toContain(f);
    // The heading wraps in the narrow legend column.
    expect(group(doc, 'legend').textContent).toMatch(/Gemeinsame\s*Kooperationen/);
    expect(group(doc, 'title').textContent).toContain('Wer mit wem');
    expect(group(doc, 'title').textContent).toContain('5 Zeitpunkte');
    expect(group(doc, 'footer').textContent).toContain('Datenstand');
    // Every text inside the page.
    for (const t of all(doc, 'text')) {
      expect(num(t, 'x')).toBeGreaterThanOrEqual(0);
      expect(num(t, 'x')).toBeLessThanOrEqual(1920);
    }
  });

  it('leaves out the nationwide agreements when the view does, and says so', () => {
    const without = parse(
      renderStoryboard({ model, view: { ...view, nationwide: false }, count: 4 }),
    );
    expect(group(without, 'title').textContent).toContain('ohne bundesweite Vereinbarungen');
    const last = cellsOf(without).at(-1)!;
    const bund = byClass(last, 'cell').find(
      (g) => g.getAttribute('data-a') === 'DE' && g.getAttribute('data-b') === 'DE',
    )!;
    const withAll = byClass(
      cellsOf(parse(renderStoryboard({ model, view, count: 4 }))).at(-1)!,
      'cell',
    ).find((g) => g.getAttribute('data-a') === 'DE' && g.getAttribute('data-b') === 'DE')!;
    expect(num(bund, 'data-count')).toBeLessThan(num(withAll, 'data-count'));
  });
});
