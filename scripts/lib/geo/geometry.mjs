// Geometry helpers of the geometry build (scripts/build-geo.mjs): rings, areas, cleaning and
// rounding, the pole of inaccessibility. Lon/lat; all areas on a local equirectangular plane,
// good enough at this scale.
import polylabel from 'polylabel';

// Any ring smaller than this after rounding (slivers of split river islands) is dropped. A hole
// and the neighbour's exterior filling it have the same coordinates, so both go together.
export const MIN_FINAL_RING_KM2 = 0.05;
// Output coordinates: 4 decimals ≈ 11 m latitude / 7 m longitude.
export const DECIMALS = 4;

const KM_PER_DEG_LAT = 111.2;
const RAD = Math.PI / 180;

export function polygonsOf(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new Error(`Unexpected geometry type ${geometry.type}`);
}

// Signed shoelace area in degrees² (positive = counter-clockwise).
function signedArea(ring) {
  let sum = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return sum / 2;
}

export function ringAreaKm2(ring) {
  let lat = 0;
  for (const p of ring) lat += p[1];
  lat /= ring.length;
  return Math.abs(signedArea(ring)) * KM_PER_DEG_LAT * KM_PER_DEG_LAT * Math.cos(lat * RAD);
}

export function triangleAreaKm2(t) {
  const [a, b, c] = t;
  const k = Math.cos(b[1] * RAD);
  const area = Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;
  return area * KM_PER_DEG_LAT * KM_PER_DEG_LAT * k;
}

function polygonAreaKm2(polygon) {
  return polygon.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * ringAreaKm2(ring), 0);
}

export function largestPolygon(geometry) {
  let best = null;
  let bestArea = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    const area = polygonAreaKm2(polygon);
    if (area > bestArea) {
      best = polygon;
      bestArea = area;
    }
  }
  return best;
}

const round = (v) => {
  const f = 10 ** DECIMALS;
  const r = Math.round(v * f) / f;
  return r === 0 ? 0 : r; // no -0
};

// Round, drop repeated points and back-and-forth spikes; returns null for a degenerate ring.
function cleanRing(ring) {
  const pts = [];
  for (const p of ring) {
    const q = [round(p[0]), round(p[1])];
    const last = pts[pts.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) pts.push(q);
  }
  // Work on the open ring (without the closing point).
  if (pts.length > 1) {
    const a = pts[0];
    const b = pts[pts.length - 1];
    if (a[0] === b[0] && a[1] === b[1]) pts.pop();
  }
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    for (let i = 0; i < pts.length && pts.length >= 3; i++) {
      const prev = pts[(i - 1 + pts.length) % pts.length];
      const next = pts[(i + 1) % pts.length];
      if (prev[0] === next[0] && prev[1] === next[1]) {
        // p[i] is the tip of a spike: remove it and one copy of the repeated neighbour.
        const j = (i + 1) % pts.length;
        pts.splice(Math.max(i, j), 1);
        pts.splice(Math.min(i, j), 1);
        changed = true;
        break;
      }
    }
  }
  if (pts.length < 3) return null;
  pts.push([pts[0][0], pts[0][1]]);
  if (signedArea(pts) === 0 || ringAreaKm2(pts) < MIN_FINAL_RING_KM2) return null;
  return pts;
}

// Rounds and cleans a (Multi)Polygon, enforces RFC 7946 winding (exterior counter-clockwise,
// holes clockwise), sorts polygons by area (largest first). Returns Polygon or MultiPolygon.
export function finishGeometry(polygons) {
  const out = [];
  for (const polygon of polygons) {
    const exterior = cleanRing(polygon[0]);
    if (!exterior) continue;
    if (signedArea(exterior) < 0) exterior.reverse();
    const rings = [exterior];
    for (const hole of polygon.slice(1)) {
      const h = cleanRing(hole);
      if (!h) continue;
      if (signedArea(h) > 0) h.reverse();
      rings.push(h);
    }
    out.push(rings);
  }
  const areas = new Map(out.map((p) => [p, polygonAreaKm2(p)]));
  out.sort((a, b) => areas.get(b) - areas.get(a));
  if (out.length === 0) return null;
  return out.length === 1
    ? { type: 'Polygon', coordinates: out[0] }
    : { type: 'MultiPolygon', coordinates: out };
}

// Pole of inaccessibility, computed on a plane scaled by cos(latitude) so that distances are
// roughly isotropic, then mapped back to lon/lat.
export function poleOfInaccessibility(polygon, precision) {
  let lat = 0;
  let n = 0;
  for (const p of polygon[0]) {
    lat += p[1];
    n++;
  }
  const k = Math.cos((lat / n) * RAD);
  const scaled = polygon.map((ring) => ring.map(([x, y]) => [x * k, y]));
  const p = polylabel(scaled, precision);
  return [round(p[0] / k), round(p[1])];
}

export function countPositions(geometry) {
  return polygonsOf(geometry).reduce(
    (sum, polygon) => sum + polygon.reduce((s, ring) => s + ring.length, 0),
    0,
  );
}
