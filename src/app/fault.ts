/**
 * Fault injection for the robustness tests: in the test build (`vite build --mode e2e`),
 * `?fault=map|timeline|panel` makes that part throw while rendering, so the tests can prove that
 * one failing part does not blank the page. In every other build the probe is compiled out:
 * `import.meta.env.MODE` is replaced by a constant and the branch is removed.
 */
export type Part = 'map' | 'timeline' | 'panel';

/** The part named in the address the page was opened with (the app rewrites the URL at start). */
const FAULT =
  import.meta.env.MODE === 'e2e' ? new URLSearchParams(location.search).get('fault') : null;

export function FaultProbe({ part }: { part: Part }): null {
  if (import.meta.env.MODE === 'e2e' && FAULT === part) throw new Error(`injected fault: ${part}`);
  return null;
}
