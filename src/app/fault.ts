/**
 * Fault injection for the robustness tests: `?fault=map|timeline|panel` makes that part throw
 * while rendering, so the tests can prove that one failing part does not blank the page.
 * Harmless for everyone else: it only breaks the part it names.
 */
export type Part = 'map' | 'timeline' | 'panel';

export function injectFault(part: Part): void {
  if (typeof location === 'undefined') return;
  if (new URLSearchParams(location.search).get('fault') === part)
    throw new Error(`injected fault: ${part}`);
}
