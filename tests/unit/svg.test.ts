import { describe, expect, it } from 'vitest';
import { createScene, type Scene } from '../../src/app/scene.ts';
import { parseDay } from '../../src/data/partial-date.ts';
import { escapeXml, num, pathData, sanitizeFilePart, wrapText } from '../../src/export/layout.ts';
import { exportFileName, renderSvg } from '../../src/export/svg.ts';
import { derive, SHOWN, type Selection } from '../../src/view/derive.ts';
import { defaultView, type ViewState } from '../../src/view/view-state.ts';
import { loadRealData } from './fixtures.ts';

const DAY = parseDay('2020-12-11')!;
const TODAY = parseDay('2025-01-01')!;
const scene: Scene = createScene(loadRealData(), TODAY);

function viewOf(over: Partial<ViewState> = {}): ViewState {
  return { ...defaultView(TODAY), date: DAY, ...over };
}

function deriveFor(view: ViewState) {
  let selection: Selection = null;
  if (view.select)
    selection = scene.atlas.cooperationById.has(view.select)
      ? { type: 'cooperation', id: view.select }
      : { type: 'region', id: view.select };
  return derive(
    scene.atlas,
    scene.geometry,
    { mode: view.mode, date: view.date, from: view.from },
    { topics: new Set(view.topics), kinds: new Set(view.kinds) },
    selection,
  );
}

function render(over: Partial<ViewState> = {}, title?: string) {
  const view = viewOf(over);
  const derived = deriveFor(view);
  const svg = renderSvg({
    scene,
    derived,
    view,
    width: 1920,
    height: 1080,
    ...(title === undefined ? {} : { title }),
  });
  return { svg, derived, view };
}

/**
 * A minimal well-formedness check: one XML declaration, balanced and properly nested tags,
 * quoted attributes without raw "<" or "&", and text without raw "<" or stray "&".
 */
function checkXml(xml: string): string[] {
  const errors: string[] = [];
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  if (body === xml) errors.push('no XML declaration');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"<]*")*)\s*(\/?)>/y;
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
  let i = 0;
  let roots = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === '<') {
      tag.lastIndex = i;
      const m = tag.exec(body);
      if (!m) {
        errors.push(`malformed tag at ${i}: ${body.slice(i, i + 60)}`);
        break;
      }
      const [all, close, name, attrText, selfClose] = m;
      for (const a of (attrText ?? '').matchAll(/"([^"]*)"/g))
        if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(a[1]!))
          errors.push(`raw & in attribute of <${name}>`);
      if (close) {
        const open = stack.pop();
        if (open !== name) errors.push(`</${name}> closes <${open ?? 'nothing'}>`);
      } else if (!selfClose) {
        if (stack.length === 0) roots++;
        stack.push(name!);
      } else if (stack.length === 0) roots++;
      i += all.length;
    } else if (ch === '&') {
      entity.lastIndex = i;
      const m = entity.exec(body);
      if (!m) errors.push(`stray & at ${i}`);
      i += m ? m[0].length : 1;
    } else {
      if (stack.length === 0 && !/\s/.test(ch!)) errors.push(`text outside the root at ${i}`);
      i++;
    }
  }
  if (stack.length > 0) errors.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) errors.push(`${roots} root elements`);
  return errors;
}

/** The inner markup of `<g id="…">` (groups are not nested inside the named groups' ids). */
function group(svg: string, id: string): string {
  const start = svg.indexOf(`<g id="${id}"`);
  if (start < 0) return '';
  let depth = 0;
  const re = /<(\/?)g\b[^>]*?(\/?)>/g;
  re.lastIndex = start;
  for (let m = re.exec(svg); m; m = re.exec(svg)) {
    if (m[2]) continue;
    depth += m[1] ? -1 : 1;
    if (depth === 0) return svg.slice(start, m.index);
  }
  return '';
}

const shownLineCount = (derived: ReturnType<typeof deriveFor>): number =>
  scene.geometry.lines.features.filter(
    (f) => ((derived.featureState[f.properties.fid] ?? 0) & SHOWN) !== 0,
  ).length;

describe('renderSvg', () => {
  const de = render({ select: 'DE-BB' });

  it('is well-formed XML with an SVG root, a title and a description', () => {
    expect(checkXml(de.svg)).toEqual([]);
    expect(de.svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(de.svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(de.svg).toMatch(/<svg [^>]*width="1920" height="1080" viewBox="0 0 1920 1080"/);
    expect(de.svg).toMatch(/<title>[^<]+<\/title>\n<desc>[^<]+<\/desc>/);
  });

  it('has the editable groups', () => {
    for (const id of ['states', 'links', 'hubs', 'labels', 'legend', 'title', 'footer'])
      expect(de.svg).toContain(`<g id="${id}"`);
  });

  it('draws one path per state, each with an id and a title', () => {
    const states = de.svg.match(/<path id="state-/g) ?? [];
    expect(states).toHaveLength(16);
    expect(de.svg).toMatch(/<path id="state-DE-BB" d="M[^"]+z"[^>]*><title>Brandenburg<\/title>/);
  });

  it('contains the title, the date line, the time mode and the attribution as text', () => {
    expect(de.svg).toContain('>Kooperationsatlas – Brandenburg<');
    expect(de.svg).toContain('>Stand: 11. Dezember 2020<');
    expect(de.svg).toContain('Zeitmodus: In Kraft am Stichtag');
    expect(de.svg).toContain('>Geometrie © GeoBasis-DE / BKG (2016)<');
    expect(de.svg).toContain(
      '>Quelle: Kooperationsatlas, Daten aus öffentlichen Quellen (siehe Datensatz)<',
    );
    const n = de.derived.visible.length;
    expect(n).toBeGreaterThan(0);
    expect(group(de.svg, 'title')).toContain(`${n} Kooperationen`);
  });

  it('speaks English', () => {
    const { svg } = render({ lang: 'en', mode: 'cumulative' });
    expect(checkXml(svg)).toEqual([]);
    expect(svg).toContain('>As of 11 December 2020<');
    expect(svg).toContain('Time mode: Cumulative up to the date');
    expect(svg).toContain('>Geometry © GeoBasis-DE / BKG (2016)<');
    expect(svg).toContain('>Source: Kooperationsatlas, data from public sources (see dataset)<');
    expect(group(svg, 'legend')).toContain('Ended (cumulative view only)');
  });

  it('shows the period in signed mode', () => {
    const { svg } = render({ mode: 'signed', from: parseDay('2018-01-01')! });
    expect(svg).toContain('>1. Januar 2018 – 11. Dezember 2020<');
    expect(svg).toContain('Unterzeichnet im Zeitraum');
    expect(checkXml(svg)).toEqual([]);
  });

  it('draws one link path per shown line feature and a marker per shown point', () => {
    for (const r of [de, render(), render({ mode: 'cumulative', theme: 'dark' })]) {
      const links = group(r.svg, 'links').match(/<path /g) ?? [];
      expect(links.length).toBe(shownLineCount(r.derived));
      expect(links.length).toBeGreaterThan(0);
      const shownPoints = scene.geometry.points.features.filter(
        (f) => ((r.derived.featureState[f.properties.fid] ?? 0) & SHOWN) !== 0,
      ).length;
      expect(group(r.svg, 'hubs').match(/<circle /g) ?? []).toHaveLength(shownPoints);
    }
  });

  it('lists the topics of the shown cooperations in the legend', () => {
    const legend = group(de.svg, 'legend');
    const topics = new Set(de.derived.visible.map((c) => c.topics[0] ?? 'governance'));
    expect(legend.match(/data-topic="/g) ?? []).toHaveLength(topics.size);
    expect(legend).toContain('Ausgewählte Region');
  });

  it('references nothing outside the file', () => {
    for (const r of [de, render({ lang: 'en' })]) {
      expect(r.svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/http/i);
      expect(r.svg).not.toMatch(/href|@import|<image|url\(/i);
    }
  });

  it('escapes titles so they never create markup', () => {
    const { svg } = render({}, '<script>alert(1)</script> & "Co" \'x\'');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &apos;x&apos;',
    );
    expect(checkXml(svg)).toEqual([]);
  });

  it('escapes dataset texts', () => {
    const data = loadRealData();
    const first = data.raw.cooperations[0]!;
    first.title = { de: 'A & B <b>"x"</b>', en: 'A & B <b>' };
    const evil = createScene(data, TODAY);
    const view = viewOf({ select: first.id, date: TODAY });
    const derived = derive(
      evil.atlas,
      evil.geometry,
      { mode: 'cumulative', date: TODAY, from: view.from },
      { topics: new Set(), kinds: new Set() },
      { type: 'cooperation', id: first.id },
    );
    const svg = renderSvg({
      scene: evil,
      derived,
      view: { ...view, mode: 'cumulative' },
      width: 1920,
      height: 1080,
    });
    expect(checkXml(svg)).toEqual([]);
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('A &amp; B &lt;b&gt;&quot;x&quot;&lt;/b&gt;');
  });

  it('rounds coordinates to one decimal', () => {
    const numbers = group(de.svg, 'states').match(/\d+\.\d+/g) ?? [];
    expect(numbers.length).toBeGreaterThan(100);
    expect(numbers.every((n) => /\.\d$/.test(n))).toBe(true);
  });

  it('stacks the legend under the map for a portrait window', () => {
    const view = viewOf({ select: 'DE' });
    const svg = renderSvg({ scene, derived: deriveFor(view), view, width: 960, height: 1800 });
    expect(checkXml(svg)).toEqual([]);
    expect(svg.match(/<path id="state-/g) ?? []).toHaveLength(16);
    expect(group(svg, 'legend')).toContain('data-topic=');
  });

  it('scales to 4K', () => {
    const view = viewOf();
    const svg = renderSvg({ scene, derived: deriveFor(view), view, width: 3840, height: 2160 });
    expect(checkXml(svg)).toEqual([]);
    expect(svg).toMatch(/viewBox="0 0 3840 2160"/);
  });
});

describe('exportFileName', () => {
  it('names the file by date and selection', () => {
    expect(exportFileName(viewOf({ select: 'DE-BB' }), scene, 'svg')).toBe(
      'kooperationsatlas-2020-12-11-DE-BB.svg',
    );
    expect(exportFileName(viewOf(), scene, 'png')).toBe('kooperationsatlas-2020-12-11.png');
  });

  it('uses the period in signed mode', () => {
    const view = viewOf({ mode: 'signed', from: parseDay('2020-01-01')!, select: 'DE-BB' });
    expect(exportFileName(view, scene, 'png')).toBe(
      'kooperationsatlas-2020-01-01_2020-12-11-DE-BB.png',
    );
  });

  it('keeps the selection to [A-Za-z0-9-] and drops unknown ones', () => {
    const coop = scene.atlas.cooperations[0]!.id;
    expect(exportFileName(viewOf({ select: coop }), scene, 'svg')).toMatch(
      /^kooperationsatlas-2020-12-11-[A-Za-z0-9-]+\.svg$/,
    );
    expect(exportFileName(viewOf({ select: '../../etc/passwd' }), scene, 'svg')).toBe(
      'kooperationsatlas-2020-12-11.svg',
    );
  });
});

describe('layout helpers', () => {
  it('escapes the five XML characters and drops control characters', () => {
    expect(escapeXml(`<a href="x">&'\u0001</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;',
    );
  });
  it('rounds to one decimal', () => {
    expect([num(1.26), num(-0.04), num(3), num(2.26)]).toEqual(['1.3', '0', '3', '2.3']);
  });
  it('sanitises file parts', () => {
    expect(sanitizeFilePart('ä b/c..DE-BB')).toBe('b-c-DE-BB');
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
    // A closed ring that collapses to two distinct points is left out.
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
  it('wraps text by estimated width', () => {
    const lines = wrapText('one two three four five six seven', 80, 16);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('one two three four five six seven');
  });
});

describe('export of a zoomed-in view', () => {
  it('follows the visible bounds and clips the map to its panel', async () => {
    const { isZoomedIn } = await import('../../src/export/svg.ts');
    expect(isZoomedIn([5.6, 47.2, 15.2, 55.15])).toBe(false);
    expect(isZoomedIn([12, 51.5, 15, 53.5])).toBe(true);
    const view = viewOf({ select: 'DE-BB' });
    const svg = renderSvg({
      scene,
      derived: deriveFor(view),
      view,
      width: 1920,
      height: 1080,
      bounds: [12, 51.5, 15, 53.5],
    });
    expect(svg).toContain('<clipPath id="map-clip">');
    expect(svg.match(/<path[^>]*id="state-/g)).toHaveLength(16);
  });
});
