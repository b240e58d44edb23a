/** The real dataset: size, sources, dates on the timeline, references, and its special cases. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAtlas, stateOf } from '../../src/data/atlas.ts';
import type { RawDataset } from '../../src/data/model.ts';
import { dayNumber, todayInGermany } from '../../src/data/partial-date.ts';
import { validateDataset } from '../../scripts/lib/validate.ts';
import { isInForce, activePartners } from '../../src/time/in-force.ts';

const text = (f: string) => readFileSync(`data/${f}`, 'utf8');
const files = {
  regions: { file: 'data/regions.json', text: text('regions.json') },
  organisations: { file: 'data/organisations.json', text: text('organisations.json') },
  cooperations: { file: 'data/cooperations.json', text: text('cooperations.json') },
  states: { file: 'data/geo/states.geojson', text: text('geo/states.geojson') },
  places: { file: 'data/geo/places.geojson', text: text('geo/places.geojson') },
  changelog: { file: 'data/CHANGELOG.md', text: text('CHANGELOG.md') },
};
const today = todayInGermany();
const result = validateDataset(files, today);
const raw = result.dataset as RawDataset;
const atlas = buildAtlas(raw);
const START = dayNumber(2006, 1, 1);
const get = (id: string) => {
  const c = atlas.cooperationById.get(id);
  if (!c) throw new Error(`missing record ${id}`);
  return c;
};

describe('the dataset', () => {
  it('passes data:check', () => {
    expect(result.problems).toEqual([]);
  });

  it('has at least 150 cooperations, 50 of them with a city or district, each with a source', () => {
    expect(atlas.cooperations.length).toBeGreaterThanOrEqual(150);
    const local = atlas.cooperations.filter((c) =>
      c.regions.some((r) => ['district', 'municipality'].includes(atlas.regions.get(r)!.kind)),
    );
    expect(local.length).toBeGreaterThanOrEqual(50);
    for (const c of atlas.cooperations) {
      expect(c.sources.length, c.id).toBeGreaterThan(0);
      for (const s of c.sources) expect(s.url, c.id).toMatch(/^https?:\/\/\S+$/);
    }
  });

  it('puts every record on the 2006–today timeline', () => {
    for (const c of atlas.cooperations) {
      expect(c.signed.start, c.id).toBeLessThanOrEqual(today);
      if (c.signed.start < START) {
        // Older context records only where an effective, joined or ended date lies on the timeline.
        const later = [
          c.effective?.start,
          c.ended?.start,
          ...c.partners.map((p) => p.joined?.start),
        ].filter((d): d is number => d !== undefined && d >= START);
        expect(later.length, `${c.id} is older than 2006`).toBeGreaterThan(0);
      }
    }
  });

  it('is a named release whose changelog section names every record', () => {
    expect(atlas.dataVersion).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
    const changelog = text('CHANGELOG.md');
    const start = changelog.indexOf(`## ${atlas.dataVersion} `);
    expect(start).toBeGreaterThanOrEqual(0);
    const next = changelog.indexOf('\n## ', start + 1);
    const section = changelog.slice(start, next < 0 ? undefined : next);
    for (const c of atlas.cooperations) expect(section, c.id).toContain(`- \`${c.id}\`: `);
  });

  it('resolves every region and organisation', () => {
    for (const c of atlas.cooperations)
      for (const p of c.partners) {
        expect(atlas.regions.has(p.region), `${c.id}: ${p.region}`).toBe(true);
        if (p.organisation)
          expect(atlas.organisations.has(p.organisation), `${c.id}: ${p.organisation}`).toBe(true);
      }
    for (const o of atlas.organisations.values())
      for (const h of o.home) expect(atlas.regions.has(h), o.id).toBe(true);
  });

  it('spreads across all 16 Länder and the years since 2006', () => {
    const states = new Set<string>();
    for (const c of atlas.cooperations)
      for (const p of c.partners) {
        const s = stateOf(atlas.regions.get(p.region)!);
        if (s) states.add(s);
      }
    expect(states.size).toBe(16);
    const years = new Set(atlas.cooperations.map((c) => c.signed.year).filter((y) => y >= 2006));
    expect(years.size).toBeGreaterThanOrEqual(15);
  });

  it('contains the five founding cooperations', () => {
    for (const id of [
      'itdz-zitbb-dvz-kooperation-2013',
      'be-bb-mv-laendererklaerung-2013',
      'mitteldeutsche-kooperation-2006',
      'by-bb-kooperation-2020',
      'sh-mv-digitale-souveraenitaet-2025',
      'ozg-verbund-mitte-2020',
    ])
      expect(atlas.cooperationById.has(id), id).toBe(true);
    const founding = get('itdz-zitbb-dvz-kooperation-2013');
    expect(founding.signed.precision).toBe('month');
    expect(founding.projects.map((p) => p.lead).sort()).toEqual([
      'dvz-mv',
      'itdz-berlin',
      'zit-bb',
    ]);
    expect(founding.partners.every((p) => p.organisation)).toBe(true);
  });
});

describe('special cases', () => {
  it('Dataport: one cooperation whose members join over time', () => {
    const dataport = get('dataport-errichtung-2004');
    const at = (y: number, m: number, d: number) =>
      activePartners(dataport, { mode: 'inforce', date: dayNumber(y, m, d), from: 0 }).map(
        (p) => p.region,
      );
    expect(new Set(at(2005, 6, 1))).toEqual(new Set(['DE-SH', 'DE-HH']));
    expect(new Set(at(2006, 1, 1))).toEqual(new Set(['DE-SH', 'DE-HH', 'DE-HB', 'DE-MV']));
    expect(at(2011, 1, 1)).toContain('DE-NI');
    // Saxony-Anhalt's accession (treaty in force 2014-02-24) counts retroactively from 2013-01-01.
    expect(at(2012, 12, 31)).not.toContain('DE-ST');
    expect(at(2013, 1, 1)).toContain('DE-ST');
  });

  it('IT-Staatsvertrag: in force from its effective date, not from signing', () => {
    const c = get('it-staatsvertrag-it-planungsrat-2010');
    expect(c.effective).not.toBeNull();
    expect(c.effective!.start).toBeGreaterThan(c.signed.start);
    expect(isInForce(c, c.signed.start)).toBe(false);
    expect(isInForce(c, c.effective!.start)).toBe(true);
  });

  it('a cooperation that ended is no longer in force after its end', () => {
    const loi = get('by-he-loi-2016');
    expect(loi.ended).not.toBeNull();
    expect(isInForce(loi, loi.ended!.start - 1)).toBe(true);
    expect(isInForce(loi, loi.ended!.start)).toBe(false);
  });

  it('cities in two Länder: Dresden and Leipzig (Sachsen) with Magdeburg (Sachsen-Anhalt)', () => {
    const c = get('dd-l-md-kooperationsvertrag-2009');
    const states = new Set(c.regions.map((r) => stateOf(atlas.regions.get(r)!)));
    expect(c.regions.sort()).toEqual(['14612000', '14713000', '15003000']);
    expect(states).toEqual(new Set(['DE-SN', 'DE-ST']));
  });

  it('a cooperation with the Bund', () => {
    const c = get('fitko-2020');
    expect(c.regions).toContain('DE');
    expect(c.regions.filter((r) => r.startsWith('DE-'))).toHaveLength(16);
  });
});
