/** Bundle budgets of the production build (dist/, built by npm run test:e2e). */
import { describe, expect, it } from 'vitest';
import { BUDGET, kB, measureBundle } from '../../bench/budget.ts';

describe('bundle budgets', () => {
  const b = measureBundle('dist');

  it('the first screen loads at most 120 kB gzip of JavaScript besides MapLibre', () => {
    expect(b.maplibre.inlined, 'MapLibre should be a chunk of its own').toBe(false);
    expect(
      b.initialJs,
      `initial JS ${kB(b.initialJs)} (${b.initialChunks.join(', ')})`,
    ).toBeLessThanOrEqual(BUDGET.initialJs);
  });

  it('data and geometry stay within 150 kB gzip', () => {
    expect(b.data, `data ${kB(b.data)}`).toBeLessThanOrEqual(BUDGET.data);
  });

  it('export, presentation, share, about and the range brush load on demand', () => {
    for (const lazy of ['ExportDialog', 'Presenter', 'ShareDialog', 'AboutDialog', 'd3-brush']) {
      const chunk = b.files.find((f) => f.file.includes(`${lazy}-`) && f.file.endsWith('.js'));
      expect(chunk, `${lazy} should be a chunk of its own`).toBeDefined();
      expect(b.initialChunks).not.toContain(chunk!.file);
    }
  });
});
