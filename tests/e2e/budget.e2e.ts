/** Bundle budgets of the production build (dist/, built by npm run test:e2e). */
import { describe, expect, it } from 'vitest';
import { BUDGET, kB, measureBundle } from '../../scripts/bundle-size.ts';

describe('bundle budgets', () => {
  const b = measureBundle('dist');

  it('the first screen loads at most 120 kB gzip of JavaScript besides MapLibre', () => {
    expect(b.maplibre.inlined, 'MapLibre should be a chunk of its own').toBe(false);
    expect(
      b.initialJs,
      `initial JS ${kB(b.initialJs)} (${b.initialChunks.join(', ')})`,
    ).toBeLessThanOrEqual(BUDGET.initialJs);
  });

  it(`all JavaScript besides MapLibre, loaded at once or on demand, stays within ${kB(BUDGET.appJs)} gzip`, () => {
    const chunks = b.files
      .filter((f) => f.kind === 'js')
      .map((f) => `${f.file} ${kB(f.gzip)}`)
      .join(', ');
    expect(b.appJs, `all JS besides MapLibre ${kB(b.appJs)} (${chunks})`).toBeLessThanOrEqual(
      BUDGET.appJs,
    );
  });

  it(`the video encoders (mediabunny, gifenc) stay within ${kB(BUDGET.mediaJs)} gzip and load on demand`, () => {
    expect(b.mediaJs, `video encoders ${kB(b.mediaJs)}`).toBeLessThanOrEqual(BUDGET.mediaJs);
    expect(b.mediaJs).toBeGreaterThan(0);
    for (const f of b.files.filter((x) => x.kind === 'media'))
      expect(b.initialChunks).not.toContain(f.file);
  });

  it(`data and geometry stay within ${kB(BUDGET.data)} gzip`, () => {
    expect(b.data, `data ${kB(b.data)}`).toBeLessThanOrEqual(BUDGET.data);
  });

  it('export, presentation, share, cite, about, matrix, the Land summary and CSV load on demand', () => {
    for (const lazy of [
      'ExportDialog',
      'Presenter',
      'ShareDialog',
      'CiteDialog',
      'AboutDialog',
      'MatrixView',
      'LandSummary',
      'papaparse',
    ]) {
      const chunk = b.files.find(
        (f) =>
          new RegExp(`/${lazy}[.-]`).test(`/${f.file.split('/').pop()}`) && f.file.endsWith('.js'),
      );
      expect(chunk, `${lazy} should be a chunk of its own`).toBeDefined();
      expect(b.initialChunks).not.toContain(chunk!.file);
    }
  });
});
