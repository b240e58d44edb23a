import { describe, expect, it } from 'vitest';
import { buildAtlas } from '../../src/data/atlas.ts';
import { arc, arcOffset, buildLinkGeometry, type Position } from '../../src/geo/links.ts';
import { approxKm, placeHubs } from '../../src/geo/hubs.ts';
import { ANCHORS, createCooperation, createDataset } from './fixtures.ts';
import type { CooperationRecord } from '../../src/data/model.ts';

function geometryOf(cooperations: CooperationRecord[]) {
  const d = createDataset();
  d.cooperations = cooperations;
  const atlas = buildAtlas(d);
  return { atlas, g: buildLinkGeometry(atlas, ANCHORS) };
}

const coop = (id: string, regions: string[], signed = '2015'): CooperationRecord =>
  createCooperation({ id, signed, partners: regions.map((region) => ({ region })), projects: [] });

describe('arc', () => {
  it('starts and ends exactly at the anchor points', () => {
    const a: Position = [13.38, 52.52];
    const b: Position = [11.0, 50.9];
    const line = arc(a, b, 30);
    expect(line[0]).toEqual(a);
    expect(line[line.length - 1]).toEqual(b);
    expect(line.length).toBe(25);
  });
  it('bows to opposite sides for opposite offsets', () => {
    const left = arc([10, 50], [12, 50], 20)[12]!;
    const right = arc([10, 50], [12, 50], -20)[12]!;
    expect(left[1]).toBeGreaterThan(50);
    expect(right[1]).toBeLessThan(50);
  });
  it('keeps short neighbour links visibly curved and alternates parallel arcs', () => {
    expect(arcOffset(20, 0)).toBeGreaterThanOrEqual(9);
    expect(arcOffset(600, 0)).toBeLessThanOrEqual(70);
    const offsets = [0, 1, 2, 3].map((i) => arcOffset(100, i));
    expect(new Set(offsets).size).toBe(4);
    expect(Math.sign(offsets[0]!)).toBe(-Math.sign(offsets[1]!));
  });
});

describe('buildLinkGeometry', () => {
  it('draws a pair as one arc ending at both partners', () => {
    const { g } = geometryOf([coop('a-2015', ['DE-BE', 'DE-BB'])]);
    expect(g.lines.features).toHaveLength(1);
    expect(g.points.features).toHaveLength(0);
    const coords = g.lines.features[0]!.geometry.coordinates;
    expect(coords[0]).toEqual(ANCHORS.get('DE-BB'));
    expect(coords[coords.length - 1]).toEqual(ANCHORS.get('DE-BE'));
    expect(g.lines.features[0]!.properties.shape).toBe('arc');
  });

  it('gives k cooperations of one pair k distinct arcs', () => {
    const { g } = geometryOf(
      [1, 2, 3, 4].map((i) => coop(`c${i}-2015`, ['DE-BE', 'DE-BB'], `201${i}`)),
    );
    const mids = g.lines.features.map((f) => JSON.stringify(f.geometry.coordinates[12]));
    expect(g.lines.features).toHaveLength(4);
    expect(new Set(mids).size).toBe(4);
    expect(g.pairs.get('DE-BB|DE-BE')?.cooperations).toHaveLength(4);
  });

  it('draws n partners as a hub with n spokes', () => {
    const { g } = geometryOf([coop('hub-2015', ['DE', 'DE-BE', 'DE-BB', 'DE-SN', 'DE-TH'])]);
    expect(g.points.features).toHaveLength(1);
    expect(g.points.features[0]!.properties.shape).toBe('hub');
    expect(g.lines.features).toHaveLength(5);
    const hub = g.points.features[0]!.geometry.coordinates;
    const ends = g.lines.features.map((f) => f.geometry.coordinates);
    for (const [i, region] of ['DE', 'DE-BE', 'DE-BB', 'DE-SN', 'DE-TH'].entries()) {
      expect(ends[i]![0]).toEqual(hub);
      expect(ends[i]![1]).toEqual(ANCHORS.get(region));
    }
    expect(g.parts.get('hub-2015')?.lines.map((p) => p.requires)).toEqual([
      ['DE'],
      ['DE-BE'],
      ['DE-BB'],
      ['DE-SN'],
      ['DE-TH'],
    ]);
  });

  it('moves hubs of the same partner set apart so each stays clickable', () => {
    const { g } = geometryOf([
      coop('h1-2015', ['DE-BE', 'DE-BB', 'DE-SN']),
      coop('h2-2016', ['DE-BE', 'DE-BB', 'DE-SN'], '2016'),
    ]);
    const [p, q] = g.points.features.map((f) => f.geometry.coordinates);
    expect(p).not.toEqual(q);
  });

  it('links two cities in one Land (Dresden–Leipzig)', () => {
    const { g } = geometryOf([coop('dd-l-2009', ['14612000', '14713000'])]);
    const coords = g.lines.features[0]!.geometry.coordinates;
    expect(coords[0]).toEqual(ANCHORS.get('14612000'));
    expect(coords[coords.length - 1]).toEqual(ANCHORS.get('14713000'));
  });

  it('marks a cooperation inside one region with a point', () => {
    const d = createCooperation({
      id: 'be-local-2015',
      partners: [{ region: 'DE-BE' }, { region: 'DE-BE', organisation: 'itdz-berlin' }],
    });
    const { g } = geometryOf([d]);
    expect(g.lines.features).toHaveLength(0);
    expect(g.points.features[0]!.properties.shape).toBe('local');
  });

  it('produces valid GeoJSON with unique numeric ids', () => {
    const { g } = geometryOf([
      coop('a-2015', ['DE-BE', 'DE-BB']),
      coop('b-2015', ['DE', 'DE-SN', 'DE-TH']),
    ]);
    const all = [...g.lines.features, ...g.points.features];
    const ids = all.map((f) => f.id);
    expect(new Set(ids).size).toBe(all.length);
    for (const f of all) {
      expect(f.type).toBe('Feature');
      expect(typeof f.id).toBe('number');
      expect(f.properties.fid).toBe(f.id);
      const coords =
        f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const c of coords) {
        expect(c).toHaveLength(2);
        expect(Number.isFinite(c[0]) && Number.isFinite(c[1])).toBe(true);
      }
      if (f.geometry.type === 'LineString')
        expect(f.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
    }
    expect(JSON.parse(JSON.stringify(g.lines)).type).toBe('FeatureCollection');
  });

  it('fails clearly when a region has no anchor', () => {
    expect(() => geometryOf([coop('x-2015', ['DE-BE', 'DE-XX' as string])])).toThrow(
      /no anchor point for region "DE-XX"/,
    );
  });
});

describe('hub placement', () => {
  const center: Position = [10.5, 51.2];
  const bearingDeg = (a: Position, b: Position) => {
    const kx = 111.32 * Math.cos((a[1] * Math.PI) / 180);
    return ((Math.atan2((b[0] - a[0]) * kx, (b[1] - a[1]) * 110.57) * 180) / Math.PI + 360) % 360;
  };

  it('keeps the larger alliance on its centroid and moves the next one out, due north on the second ring', () => {
    // The first ring (0.9 × 26 km) lies within 26 km of the centroid, so the hub there blocks it.
    const placed = placeHubs([
      { key: 'small', center, size: 3 },
      { key: 'big', center, size: 9 },
    ]);
    expect(placed.get('big')).toEqual(center);
    const moved = placed.get('small')!;
    expect(approxKm(center, moved)).toBeCloseTo(2 * 26 * 0.9, 1);
    expect(bearingDeg(center, moved)).toBeCloseTo(0, 0);
  });

  it('takes the first free spot of the first ring, whose spots are turned by 15°', () => {
    // A fixed point 20 km north takes the centroid and the ring's spots at 15° and 45°; 75° is
    // free (unturned, the spots would be at 60°, taken, and 90°).
    const north: Position = [center[0], center[1] + 20 / 110.57];
    const moved = placeHubs([{ key: 'h', center, size: 4 }], 26, [north]).get('h')!;
    expect(approxKm(center, moved)).toBeCloseTo(26 * 0.9, 1);
    expect(bearingDeg(center, moved)).toBeCloseTo(75, 0);
    expect(approxKm(north, moved)).toBeGreaterThanOrEqual(26);
  });
});
