/**
 * The SVG export, parsed with a real XML parser (@xmldom/xmldom): structure, texts, escaping,
 * the drawing rules it shares with the map, and file snapshots of six canonical views of a
 * small, frozen fixture dataset (tests/fixtures/cooperations.json over the real geometry).
 */
import type { Document, Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDay } from '../../src/data/partial-date.ts';
import type { CooperationRecord } from '../../src/data/model.ts';
import { exportFileName } from '../../src/view/file-name.ts';
import { isZoomedIn } from '../../src/export/svg/map-layer.ts';
import { escapeXml, num, pathData } from '../../src/export/svg/markup.ts';
import { renderSvg } from '../../src/export/svg/render.ts';
import { truncateText, wrapText, textWidth } from '../../src/export/text-measure.ts';
import { createAtlasModel, isKnownId, type AtlasModel } from '../../src/model/atlas-model.ts';
import {
  evaluate,
  flagsOf,
  LINE_OPACITY,
  LINE_WIDTH,
  PAIR_WIDTH,
  rampAt,
} from '../../src/style/link-style.ts';
import { createDeriver } from '../../src/view/selectors.ts';
import { defaultView, type ViewState } from '../../src/view/view-state.ts';
import { loadRealData } from './fixtures.ts';
import { all, groupById, parseSvg } from './svg-doc.ts';

const DAY = parseDay('2020-12-11')!;
const TODAY = parseDay('2025-01-01')!;

function modelOf(cooperations?: CooperationRecord[]): AtlasModel {
  const data = loadRealData();
  if (cooperations) data.raw.cooperations = cooperations;
  return createAtlasModel(data, TODAY);
}
const real = modelOf();
const fixture = modelOf(
  (
    JSON.parse(readFileSync('tests/fixtures/cooperations.json', 'utf8')) as {
      cooperations: CooperationRecord[];
    }
  ).cooperations,
);

const viewOf = (over: Partial<ViewState> = {}): ViewState => ({
  ...defaultView(TODAY),
  date: DAY,
  ...over,
});

function render(
  model: AtlasModel,
  over: Partial<ViewState> = {},
  size: {
    width?: number;
    height?: number;
    title?: string;
    bounds?: [number, number, number, number];
  } = {},
) {
  const view = viewOf(over);
  const derived = createDeriver(model)(view);
  const svg = renderSvg({
    model,
    derived,
    view,
    width: size.width ?? 1920,
    height: size.height ?? 1080,
    ...(size.title === undefined ? {} : { title: size.title }),
    ...(size.bounds ? { bounds: size.bounds } : {}),
  });
  return { svg, derived, view, doc: parse(svg) };
}

const parse = parseSvg;
const byId = groupById;
const text = (el: Element | Document): string => el.textContent ?? '';

describe('renderSvg', () => {
  const de = render(real, { select: 'DE-BB' });

  it('is an SVG document with a title and a description, sized as asked', () => {
    const root = de.doc.documentElement!;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')).toBe('0 0 1920 1080');
    expect(text(all(de.doc, 'title')[0]!)).toBe('Kooperationsatlas – Brandenburg');
    expect(text(all(de.doc, 'desc')[0]!)).toContain('Stand: 11. Dezember 2020');
  });

  it('has the editable groups, one path with a title per state', () => {
    for (const id of ['states', 'links', 'hubs', 'labels', 'legend', 'title', 'footer'])
      byId(de.doc, id);
    const states = all(byId(de.doc, 'states'), 'path');
    expect(states).toHaveLength(16);
    const bb = states.find((p) => p.getAttribute('id') === 'state-DE-BB')!;
    expect(bb.getAttribute('d')).toMatch(/^M.+z$/);
    expect(text(bb)).toBe('Brandenburg');
  });

  it('writes the title, the date line, the time mode, the count and the attribution as text', () => {
    const title = text(byId(de.doc, 'title'));
    expect(title).toContain('Kooperationsatlas – Brandenburg');
    expect(title).toContain('Stand: 11. Dezember 2020');
    expect(title).toContain('Zeitmodus: In Kraft am Stichtag');
    expect(title).toContain(`${de.derived.visible.length} Kooperationen`);
    const footer = text(byId(de.doc, 'footer'));
    expect(footer).toContain('Geometrie © GeoBasis-DE / BKG (2016)');
    expect(footer).toContain('Quelle: Kooperationsatlas');
  });

  it('speaks English, and names the period in signed mode', () => {
    const en = render(real, { lang: 'en', mode: 'cumulative' });
    expect(text(byId(en.doc, 'title'))).toContain('As of 11 December 2020');
    expect(text(byId(en.doc, 'title'))).toContain('Time mode: Cumulative up to the date');
    expect(text(byId(en.doc, 'footer'))).toContain('Source: Kooperationsatlas');
    const signed = render(real, { mode: 'signed', from: parseDay('2018-01-01')! });
    expect(text(byId(signed.doc, 'title'))).toContain('1. Januar 2018 – 11. Dezember 2020');
  });

  it('draws the overview as the map does: pair lines by their count, hubs, counts, the nationwide element', () => {
    const r = render(real);
    const pairs = all(byId(r.doc, 'links'), 'path').filter(
      (p) => p.getAttribute('class') === 'pair',
    );
    const expected = real.overview.pairs.filter((p) => (r.derived.pairCounts.far[p.fid] ?? 0) > 0);
    expect(pairs).toHaveLength(expected.length);
    expect(pairs.length).toBeGreaterThan(5);
    for (const p of pairs) {
      const n = Number(p.getAttribute('data-count'));
      expect(n).toBe(r.derived.pairCounts.far[Number(p.getAttribute('data-fid'))]);
      expect(Number(p.getAttribute('stroke-width'))).toBeCloseTo(rampAt(PAIR_WIDTH, n), 1);
    }
    const nationwide = all(r.doc, 'g').find((g) => g.getAttribute('id') === 'nationwide')!;
    expect(text(nationwide)).toContain(String(r.derived.nationwide.length));
    const counts = all(byId(r.doc, 'labels'), 'g').filter(
      (g) => g.getAttribute('class') === 'local-count',
    );
    expect(counts.map((g) => g.getAttribute('data-region')).sort()).toEqual(
      [...r.derived.local.far.keys()].sort(),
    );
    expect(text(byId(r.doc, 'legend'))).toContain('je breiter');
  });

  it('draws every shown link of a selection with the width and opacity the map draws it with', () => {
    for (const r of [de, render(real, { select: 'DE-HE', mode: 'cumulative', theme: 'dark' })]) {
      const paths = all(byId(r.doc, 'links'), 'path');
      const shown = real.geometry.lines.features.filter(
        (f) => flagsOf(r.derived.featureState[f.properties.fid] ?? 0, f.properties).shown,
      );
      expect(paths).toHaveLength(shown.length);
      expect(paths.length).toBeGreaterThan(0);
      const byFid = new Map(real.geometry.lines.features.map((f) => [f.properties.fid, f]));
      for (const p of paths) {
        const f = byFid.get(Number(p.getAttribute('data-fid')))!;
        const flags = flagsOf(r.derived.featureState[f.properties.fid]!, f.properties);
        expect(Number(p.getAttribute('stroke-width'))).toBeCloseTo(evaluate(LINE_WIDTH, flags), 1);
        expect(Number(p.getAttribute('stroke-opacity'))).toBe(evaluate(LINE_OPACITY, flags));
      }
    }
  });

  it('lists the topics of the shown cooperations in the legend, and the selection', () => {
    const legend = byId(de.doc, 'legend');
    const topics = new Set(de.derived.visible.map((c) => c.topics[0] ?? 'governance'));
    expect(all(legend, 'g').filter((g) => g.getAttribute('data-topic'))).toHaveLength(topics.size);
    expect(text(legend)).toContain('Ausgewählte Region');
  });

  it('references nothing outside the file', () => {
    for (const r of [de, render(real, { lang: 'en' })]) {
      expect(r.svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/http/i);
      expect(r.svg).not.toMatch(/href|@import|<image|url\((?!#)/i);
      expect(all(r.doc, 'script')).toHaveLength(0);
    }
  });

  it('escapes titles and dataset texts so they never create markup', () => {
    const hostile = '<script>alert(1)</script> & "Co" \'x\'';
    const t = render(real, {}, { title: hostile });
    expect(all(t.doc, 'script')).toHaveLength(0);
    expect(text(all(t.doc, 'title')[0]!)).toBe(hostile);
    const data = loadRealData();
    const first = data.raw.cooperations[0]!;
    first.title = { de: 'A & B <b>"x"</b>', en: 'A & B <b>' };
    const evil = render(createAtlasModel(data, TODAY), {
      select: first.id,
      mode: 'cumulative',
      date: TODAY,
    });
    expect(all(evil.doc, 'b')).toHaveLength(0);
    expect(text(byId(evil.doc, 'title'))).toContain('A & B <b>"x"</b>');
  });

  it('isolates data text in its lines, so bidi controls cannot reorder our words', () => {
    const t = render(real, { topics: ['it-security'] }, { title: 'Vertrag \u202efdp.exe\u202c' });
    const spans = all(byId(t.doc, 'title'), 'tspan').filter((s) => text(s).includes('Vertrag'));
    expect(spans[0]?.getAttribute('unicode-bidi')).toBe('isolate');
  });

  it('rounds coordinates to one decimal', () => {
    const numbers = all(byId(de.doc, 'states'), 'path').flatMap(
      (p) => p.getAttribute('d')!.match(/\d+\.\d+/g) ?? [],
    );
    expect(numbers.length).toBeGreaterThan(100);
    expect(numbers.every((n) => /\.\d$/.test(n))).toBe(true);
  });

  it('stacks the legend under the map for a portrait page, and scales to 4K', () => {
    const portrait = render(real, { select: 'DE' }, { width: 960, height: 1800 });
    const mapBottom = (() => {
      const r = all(portrait.doc, 'rect').find((e) => e.getAttribute('id') === 'map-background')!;
      return Number(r.getAttribute('y')) + Number(r.getAttribute('height'));
    })();
    const firstLegendText = all(byId(portrait.doc, 'legend'), 'text')[0]!;
    expect(Number(firstLegendText.getAttribute('y'))).toBeGreaterThan(mapBottom);
    const k4 = render(real, {}, { width: 3840, height: 2160 });
    expect(k4.doc.documentElement!.getAttribute('viewBox')).toBe('0 0 3840 2160');
    const titleSize = (r: ReturnType<typeof render>) =>
      Number(all(byId(r.doc, 'title'), 'text')[0]!.getAttribute('font-size'));
    expect(titleSize(k4)).toBeCloseTo(2 * titleSize(render(real)), 0);
  });

  it('follows the visible bounds of a zoomed-in map and clips the map to its panel', () => {
    expect(isZoomedIn([5.6, 47.2, 15.2, 55.15])).toBe(false);
    expect(isZoomedIn([12, 51.5, 15, 53.5])).toBe(true);
    const z = render(real, { select: 'DE-BB' }, { bounds: [12, 51.5, 15, 53.5] });
    expect(all(z.doc, 'clipPath')).toHaveLength(1);
    expect(all(byId(z.doc, 'states'), 'path')).toHaveLength(16);
  });
});

describe('diff mode in the export', () => {
  it('writes the summary sentence under the title, the change rows in the legend, the permalink', () => {
    const { svg, doc, derived } = render(fixture, {
      mode: 'diff',
      from: parseDay('2015-01-01')!,
    });
    expect(derived.diff!.added.length).toBeGreaterThan(0);
    const title = all(byId(doc, 'title'), 'text')
      .map((t) => t.textContent)
      .join(' ');
    expect(title).toContain('Zwischen 1. Januar 2015 und 11. Dezember 2020:');
    expect(title).toContain(`${derived.diff!.added.length} neue`);
    const legend = all(byId(doc, 'legend'), 'text')
      .map((t) => t.textContent)
      .join(' ');
    expect(legend).toContain('Neu:');
    expect(legend).toContain('Fortbestehend:');
    expect(svg).toContain('Datenstand 2026.12.1');
    const linked = renderSvg({
      model: fixture,
      derived,
      view: viewOf({ mode: 'diff', from: parseDay('2015-01-01')! }),
      width: 1920,
      height: 1080,
      link: 'https://atlas.example/?mode=diff&from=2015-01-01&to=2020-12-11',
    });
    expect(linked).toContain('Datenstand 2026.12.1 · https://atlas.example/?mode=diff&amp;from=');
  });
});

describe('SVG snapshots of the fixture dataset', () => {
  const views: [string, Partial<ViewState>, { width?: number; height?: number }][] = [
    ['overview', {}, {}],
    ['land-selected', { select: 'DE-BB' }, {}],
    ['cooperation-selected', { select: 'fix-hub-2017' }, {}],
    ['cumulative-dark', { mode: 'cumulative', theme: 'dark' }, {}],
    ['signed-range', { mode: 'signed', from: parseDay('2016-01-01')! }, {}],
    ['portrait-english', { lang: 'en', select: 'DE-BY' }, { width: 1080, height: 1350 }],
    ['diff', { mode: 'diff', from: parseDay('2015-01-01')! }, {}],
  ];
  it.each(views)('%s', async (name, over, size) => {
    const { svg } = render(fixture, over, size);
    await expect(svg).toMatchFileSnapshot(`./__snapshots__/svg/${name}.svg`);
  });
});

describe('exportFileName', () => {
  const known = (id: string) => isKnownId(real, id);
  it('names the file by date or period and a known selection, kept to [A-Za-z0-9-]', () => {
    expect(exportFileName(viewOf({ select: 'DE-BB' }), known, 'svg')).toBe(
      'kooperationsatlas-2020-12-11-DE-BB.svg',
    );
    expect(exportFileName(viewOf(), known, 'png')).toBe('kooperationsatlas-2020-12-11.png');
    const period = viewOf({ mode: 'signed', from: parseDay('2020-01-01')!, select: 'DE-BB' });
    expect(exportFileName(period, known, 'png')).toBe(
      'kooperationsatlas-2020-01-01_2020-12-11-DE-BB.png',
    );
    expect(exportFileName(viewOf({ select: '../../etc/passwd' }), known, 'svg')).toBe(
      'kooperationsatlas-2020-12-11.svg',
    );
  });
});

describe('markup and text helpers', () => {
  it('escapes the five XML characters and drops control characters', () => {
    expect(escapeXml(`<a href="x">&'\u0001</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;',
    );
  });
  it('rounds to one decimal', () => {
    expect([num(1.26), num(-0.04), num(3), num(2.26)]).toEqual(['1.3', '0', '3', '2.3']);
  });
  it('writes compact relative path data on a 0.1 px grid', () => {
    expect(
      pathData(
        [
          [10.04, 20],
          [12.26, 18.9],
          [12.26, 18.9],
        ],
        false,
      ),
    ).toBe('M10 20l2.3-1.1');
    expect(
      pathData(
        [
          [0, 0],
          [1, 0],
          [0, 0],
        ],
        true,
      ),
    ).toBe('');
    expect(
      pathData(
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
        true,
      ),
    ).toBe('M0 0l1 0 0 1z');
    expect(
      pathData(
        [
          [0, 0],
          [0.2, 0],
          [5, 0],
        ],
        false,
        1,
      ),
    ).toBe('M0 0l5 0');
    expect(pathData([[1, 1]])).toBe('');
  });
  it('wraps by estimated width, and cuts a word longer than a line', () => {
    const lines = wrapText('one two three four five six seven', 80, 16);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('one two three four five six seven');
    const long = wrapText('x'.repeat(500), 200, 16);
    expect(long).toHaveLength(1);
    expect(textWidth(long[0]!, 16)).toBeLessThanOrEqual(200);
  });
  it('truncates in one pass: a 30 000-character title fits and ends with an ellipsis', () => {
    const title = 'Long '.repeat(6000);
    const cut = truncateText(title, 500, 20);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 20)).toBeLessThanOrEqual(500);
    expect(truncateText('short', 500, 20)).toBe('short');
  });
});
