/** Every Land has a polygon, every district and municipality a point in data/geo/. */
import type { RegionRecord } from '../../../src/data/model.ts';
import { parseJson } from './json.ts';
import type { Checker, DataFile } from './problems.ts';

interface GeoFeature {
  id?: unknown;
  properties?: { id?: unknown } | null;
}

function featureIds(c: Checker, file: DataFile): Set<string> | null {
  const parsed = parseJson(file);
  if ('problem' in parsed) {
    c.problems.push(parsed.problem);
    return null;
  }
  const features = (parsed.value as { features?: GeoFeature[] }).features ?? [];
  return new Set(features.map((f) => String(f.properties?.id ?? f.id)));
}

export function checkGeometry(
  c: Checker,
  files: { states?: DataFile; places?: DataFile },
  regions: RegionRecord[],
): void {
  if (files.states) {
    const ids = featureIds(c, files.states);
    if (ids)
      for (const r of regions.filter((x) => x.kind === 'state'))
        if (!ids.has(r.id)) c.add(files.states.file, r.id, 'geometry', `no polygon for ${r.id}`);
  }
  if (files.places) {
    const ids = featureIds(c, files.places);
    if (ids)
      for (const r of regions.filter((x) => x.kind === 'municipality' || x.kind === 'district'))
        if (!ids.has(r.id))
          c.add(files.places.file, r.id, 'geometry', `no point for ${r.id} (run npm run data:geo)`);
  }
}
