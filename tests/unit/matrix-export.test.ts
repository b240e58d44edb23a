/**
 * The matrix as an exported page (SVG with live text), parsed with a real XML parser: the same
 * title block and footer as the map export, every cell's count equal to the matrix the view
 * builds, the order, the diff's frames, the legend's steps, both languages and themes.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/data/partial-date.ts';
import { renderMatrixSvg } from '../../src/export/svg/matrix-page.ts';
import { createAtlasModel, isKnownId } from '../../src/model/atlas-model.ts';
import { MATRIX_RAMP } from '../../src/style/palette.ts';
import { exportFileName } from '../../src/view/file-name.ts';
import { activityOrder, buildMatrix, countOf } from '../../src/view/matrix.ts';
import { matrixThresholds, stepLabels } from '../../src/view/matrix-scale.ts';
import { matrixOrder } from '../../src/view/seriate.ts';
import { createDeriver } from '../../src/view/selectors.ts';
import { defaultView, type ViewState } from '../../src/view/view-state.ts';
import { loadRealData } from './fixtures.ts';
import { all, groupById, parseSvg } from './svg-doc.ts';

const TODAY = parseDay('2026-12-02')!;
const model = createAtlasModel(loadRealData(), TODAY);
const derive = createDeriver(model);

function render(
  over: Partial<ViewState> = {},
  size: [number, number] = [1920, 1080],
  order?: number[],
) {
  const view: ViewState = {
    ...defaultView(TODAY),
    date: parseDay('2023-06-01')!,
    tab: 'matrix',
    ...over,
  };
  const derived = derive(view);
  const svg = renderMatrixSvg({
    model,
    derived,
    view,
    width: size[0],
    height: size[1],
    link: 'https://example.org/atlas/?view=matrix',
    ...(order ? { order } : {}),
  });
  const doc = parseSvg(svg);
  const matrix = buildMatrix(model, derived.visible, view, view.nationwide);
  return { svg, doc, view, derived, matrix };
}

const group = groupById;
const cls = (doc: Document, name: string): Element[] =>
  [...all(doc, 'g'), ...all(doc, 'text')].filter((e) => e.getAttribute('class') === name);
const text = (e: Element | Document): string => e.textContent ?? '';
/** A cell's own count text (its first <text> child), or '' for none. */
const cellText = (cell: Element): string => {
  const t = all(cell, 'text').find((x) => !x.getAttribute('class'));
  return t ? text(t) : '';
};

describe('the matrix export', () => {
  const r = render();

  it('has the map export’s title block, date line, mode, count and footer', () => {
    const title = text(group(r.doc, 'title'));
    expect(title).toContain('Wer mit wem: Bund und Länder');
    expect(text(group(r.doc, 'footer'))).toContain('Quelle: Kooperationsatlas');
    expect(title).toContain('Stand: 1. Juni 2023');
    expect(title).toContain('Zeitmodus: In Kraft am Stichtag');
    expect(title).toContain(`${r.derived.visible.length} Kooperationen`);
    const footer = text(group(r.doc, 'footer'));
    expect(footer).toContain(model.atlas.dataVersion);
    expect(footer).toContain('https://example.org/atlas/?view=matrix');
    expect(footer).toContain('GeoBasis-DE / BKG');
  });

  it('heads 17 rows and 17 columns with the regions, and counts every cell as the view does', () => {
    const cols = cls(r.doc, 'col-head');
    const rows = cls(r.doc, 'row-head');
    expect(cols.map((c) => c.getAttribute('data-region'))).toEqual(r.matrix.regions);
    expect(rows.map((c) => c.getAttribute('data-region'))).toEqual(r.matrix.regions);
    expect(rows.map(text)).toContain('Bayern');
    const cells = cls(r.doc, 'cell');
    expect(cells).toHaveLength(17 * 17);
    const index = new Map(r.matrix.regions.map((id, i) => [id, i]));
    let nonZero = 0;
    for (const cell of cells) {
      const i = index.get(cell.getAttribute('data-a')!)!;
      const j = index.get(cell.getAttribute('data-b')!)!;
      const n = countOf(r.matrix, i, j);
      expect(Number(cell.getAttribute('data-count'))).toBe(n);
      expect(cellText(cell)).toBe(n === 0 ? '' : String(n));
      if (n > 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(200);
    // The accessible name of a cell, as the view says it.
    const byHe = cells.find(
      (c) => c.getAttribute('data-a') === 'DE-BY' && c.getAttribute('data-b') === 'DE-HE',
    )!;
    expect(text(all(byHe, 'title')[0]!)).toMatch(
      /^Bayern und Hessen: \d+ gemeinsame Kooperationen$/,
    );
  });

  it('colours the cells by the matrix ramp and shows its steps in the legend', () => {
    const legend = text(group(r.doc, 'legend'));
    expect(legend).toContain('Gemeinsame Kooperationen');
    for (const label of stepLabels(matrixThresholds(r.matrix.minPair, r.matrix.maxPair)))
      expect(legend).toContain(label);
    const fills = new Set(cls(r.doc, 'cell').map((c) => all(c, 'rect')[0]!.getAttribute('fill')));
    for (const f of fills) expect(MATRIX_RAMP.light.fill).toContain(f);
    expect(fills.size).toBeGreaterThan(2);
    const dark = render({ theme: 'dark' });
    const darkFills = cls(dark.doc, 'cell').map((c) => all(c, 'rect')[0]!.getAttribute('fill'));
    for (const f of darkFills) expect(MATRIX_RAMP.dark.fill).toContain(f);
  });

  it('follows the view’s order: by activity, and the clustered order it is given', async () => {
    const a = render({ order: 'activity' });
    const first = activityOrder(a.matrix)[0]!;
    expect(cls(a.doc, 'row-head')[0]!.getAttribute('data-region')).toBe(a.matrix.regions[first]);
    const clustered = await matrixOrder(r.matrix, 'cluster');
    const c = render({ order: 'cluster' }, [1920, 1080], clustered);
    expect(cls(c.doc, 'col-head').map((h) => h.getAttribute('data-region'))).toEqual(
      clustered.map((i) => r.matrix.regions[i]),
    );
  });

  it('leaves out the nationwide agreements when the view does, and says so', () => {
    const without = render({ nationwide: false });
    expect(text(group(without.doc, 'title'))).toContain('ohne bundesweite Vereinbarungen');
    const cell = (x: ReturnType<typeof render>) =>
      Number(
        cls(x.doc, 'cell')
          .find(
            (e) => e.getAttribute('data-a') === 'DE-BY' && e.getAttribute('data-b') === 'DE-HE',
          )!
          .getAttribute('data-count'),
      );
    expect(cell(without)).toBeLessThan(cell(r));
  });

  it('frames what was added and what ended in diff mode, with the summary sentence', () => {
    const d = render({
      mode: 'diff',
      from: parseDay('2019-01-01')!,
      date: parseDay('2023-01-01')!,
    });
    expect(d.matrix.change).not.toBeNull();
    const title = text(group(d.doc, 'title'));
    expect(title).toMatch(/Zwischen 1\. Januar 2019 und 1\. Januar 2023/);
    const index = new Map(d.matrix.regions.map((id, i) => [id, i]));
    let added = 0;
    for (const cell of cls(d.doc, 'cell')) {
      const k =
        index.get(cell.getAttribute('data-a')!)! * 17 + index.get(cell.getAttribute('data-b')!)!;
      expect(Number(cell.getAttribute('data-added'))).toBe(d.matrix.change!.added[k]);
      expect(Number(cell.getAttribute('data-ended'))).toBe(d.matrix.change!.ended[k]);
      const plus = all(cell, 'text').find((t) => t.getAttribute('class') === 'added');
      if (d.matrix.change!.added[k]! > 0) {
        added++;
        expect(text(plus!)).toBe(`+${d.matrix.change!.added[k]}`);
      } else expect(plus).toBeUndefined();
    }
    expect(added).toBeGreaterThan(0);
    expect(text(group(d.doc, 'legend'))).toContain('neu seit dem früheren Stichtag');
  });

  it('speaks English, marks a selected pair, and fits a portrait page', () => {
    const en = render({ lang: 'en', select: 'DE-BB,DE-BE' }, [1080, 1350]);
    expect(text(group(en.doc, 'title'))).toContain('Who with whom');
    expect(text(group(en.doc, 'title'))).toContain('Brandenburg');
    const rows = cls(en.doc, 'row-head');
    expect(rows.map(text)).toContain('Federal Government');
    const selected = cls(en.doc, 'cell').filter((c) =>
      all(c, 'rect').some((x) => x.getAttribute('class') === 'selected'),
    );
    expect(
      selected.map((c) => `${c.getAttribute('data-a')}|${c.getAttribute('data-b')}`).sort(),
    ).toEqual(['DE-BB|DE-BE', 'DE-BE|DE-BB']);
    // Nothing drawn beyond the page.
    for (const t of all(en.doc, 'text')) {
      const x = Number(t.getAttribute('x'));
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1080);
    }
  });

  it('is named as the matrix', () => {
    expect(exportFileName(r.view, (id) => isKnownId(model, id), 'svg')).toBe(
      'kooperationsatlas-matrix-2023-06-01.svg',
    );
  });
});
