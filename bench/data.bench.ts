/**
 * Data side of the app in Node, with the app's own code: one scrub step (a new date → the
 * derived view and the changed map features) and the one-time model build, over the synthetic
 * datasets of 1 000 and 10 000 cooperations.
 *
 *   npx vitest bench --run bench/data.bench.ts     (npm run bench adds the p95 from the samples)
 */
import { bench, describe } from 'vitest';
import { addMonths, todayInGermany } from '../src/data/partial-date.ts';
import { createAtlasModel } from '../src/model/atlas-model.ts';
import { TIMELINE_START } from '../src/time/in-force.ts';
import { changedFeatures } from '../src/view/derive.ts';
import { createDeriver } from '../src/view/selectors.ts';
import { defaultView, type ViewState } from '../src/view/view-state.ts';
import { parseViewQuery } from '../src/view/url.ts';
import { renderSvg } from '../src/export/svg/render.ts';
import { ensureDataset, loadDataFolder } from './generate.ts';

const today = todayInGermany();
/** The handle's positions, one month apart (what ArrowRight steps through). */
const days: number[] = [];
for (let d = TIMELINE_START; d < today; d = addMonths(d, 1)) days.push(d);
days.push(today);

const views: [string, ViewState][] = [
  ['scrub step', defaultView(today)],
  ['scrub step, DE-BY selected', { ...defaultView(today), select: 'DE-BY' }],
  ['scrub step, cumulative', { ...defaultView(today), mode: 'cumulative' }],
];

for (const n of [1000, 10000]) {
  const loaded = loadDataFolder(ensureDataset(n));
  const model = createAtlasModel(loaded, today);
  describe(`${n} cooperations`, () => {
    for (const [name, view] of views) {
      // One deriver per dataset, as in the app; every step is a new view with the next date.
      const deriver = createDeriver(model);
      let i = 0;
      let prev = deriver(view).featureState;
      bench(
        name,
        () => {
          i = (i + 1) % days.length;
          const next = deriver({ ...view, date: days[i]! });
          changedFeatures(prev, next.featureState);
          prev = next.featureState;
        },
        { time: 2000, warmupTime: 300 },
      );
    }
    bench('createAtlasModel', () => void createAtlasModel(loaded, today), {
      time: 0,
      iterations: 5,
      warmupTime: 0,
      warmupIterations: 1,
    });
  });
}

// Hostile inputs (issue 17): the work is bounded, so these stay far below a second.
describe('hostile inputs', () => {
  const model = createAtlasModel(loadDataFolder(ensureDataset(1000)), today);
  const ctx = { today, isSelectable: (id: string) => model.atlas.regions.has(id) };
  const bad = Array.from({ length: 40_000 }, (_, i) => `x${i}`).join(',');
  const url300k = `topics=${bad}&kinds=${bad}&select=${'a'.repeat(60_000)}`;
  const deck = Array.from({ length: 5000 }, () => 'S;2010-01-01;inforce;;;').join('|');
  const title = 'W'.repeat(30_000);
  const view = defaultView(today);
  const derived = createDeriver(model)(view);
  const once = { time: 0, iterations: 5, warmupTime: 0, warmupIterations: 1 };
  bench('URL of 300 kB', () => void parseViewQuery(url300k, ctx), once);
  bench('deck of 5 000 scenes', () => void parseViewQuery(`scenes=${deck}`, ctx), once);
  bench(
    'SVG export with a 30 000-character title',
    () => void renderSvg({ model, derived, view, width: 1920, height: 1080, title }),
    once,
  );
});
