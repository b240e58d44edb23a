/** Search over regions, organisations and cooperations in both languages. Pure. */
import type { Atlas } from '../data/atlas.ts';
import type { Lang } from '../data/model.ts';

export type SearchKind = 'region' | 'organisation' | 'cooperation';
export interface SearchEntry {
  kind: SearchKind;
  id: string;
  /** The id to select: organisations select their home region. */
  target: string;
  label: Record<Lang, string>;
  /** Folded texts to match against. */
  keys: string[];
}
export interface SearchHit {
  entry: SearchEntry;
  score: number;
}

/** Folds case and German spelling variants: "Thüringen", "Thueringen", "thuringen" match. */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Folds both ways for umlauts: ü → "ue" and ü → "u", so "Thueringen" and "Thuringen" both match. */
function variants(text: string): string[] {
  const a = foldForSearch(text);
  const b = foldForSearch(text.replace(/ä/gi, 'a').replace(/ö/gi, 'o').replace(/ü/gi, 'u'));
  return a === b ? [a] : [a, b];
}

export function buildSearchIndex(atlas: Atlas): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const r of atlas.regions.values()) {
    const texts = [r.name.de, r.name.en, r.abbr ?? '', r.id, r.ags ?? ''];
    entries.push({
      kind: 'region',
      id: r.id,
      target: r.id,
      label: r.name,
      keys: texts.flatMap(variants),
    });
  }
  for (const o of atlas.organisations.values()) {
    const texts = [o.name, o.fullName.de, o.fullName.en];
    const home = o.home[0] ?? 'DE';
    entries.push({
      kind: 'organisation',
      id: o.id,
      target: home,
      label: { de: o.name, en: o.name },
      keys: texts.flatMap(variants),
    });
  }
  for (const c of atlas.cooperations) {
    entries.push({
      kind: 'cooperation',
      id: c.id,
      target: c.id,
      label: c.title,
      keys: [c.title.de, c.title.en, c.id].flatMap(variants),
    });
  }
  return entries;
}

const KIND_ORDER: Record<SearchKind, number> = { region: 0, organisation: 1, cooperation: 2 };

/** Ranked hits: whole-key match, then prefix, then word prefix, then substring. */
export function search(index: readonly SearchEntry[], query: string, limit = 12): SearchHit[] {
  const q = foldForSearch(query);
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const entry of index) {
    let best = 0;
    for (const key of entry.keys) {
      let s = 0;
      if (key === q) s = 4;
      else if (key.startsWith(q)) s = 3;
      else if (key.includes(` ${q}`)) s = 2;
      else if (key.includes(q)) s = 1;
      if (s > best) best = s;
    }
    if (best > 0) hits.push({ entry, score: best });
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] ||
      a.entry.label.de.localeCompare(b.entry.label.de, 'de'),
  );
  return hits.slice(0, limit);
}
