/**
 * The data release: cooperations.json carries a `version` (YEAR.MONTH.N, e.g. 2026.12.1) that
 * equals the newest release heading of data/CHANGELOG.md (`## 2026.12.1 (2026-12-02)`, newest
 * first), when the changelog is given.
 */
import type { Checker, DataFile } from './problems.ts';

export const VERSION_PATTERN = /^\d{4}\.\d{1,2}\.\d+$/;

/** The version of the first release heading (`## <version>`) of a changelog, or null. */
export function newestRelease(changelog: string): string | null {
  const m = /^##\s+(\d{4}\.\d{1,2}\.\d+)\b/m.exec(changelog);
  return m ? (m[1] ?? null) : null;
}

export function checkVersion(
  c: Checker,
  cooperationsFile: string,
  version: unknown,
  changelog: DataFile | undefined,
): void {
  if (typeof version !== 'string' || !VERSION_PATTERN.test(version)) return; // the schema says so
  if (!changelog) return;
  const newest = newestRelease(changelog.text);
  if (newest === null)
    c.add(
      changelog.file,
      undefined,
      undefined,
      `no release heading (e.g. "## ${version} (YYYY-MM-DD)"): the newest release comes first`,
    );
  else if (newest !== version)
    c.add(
      cooperationsFile,
      undefined,
      'version',
      `version ${version} is not the newest release in ${changelog.file} (${newest})`,
    );
}
