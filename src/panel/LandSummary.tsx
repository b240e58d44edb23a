/**
 * Above a selected Land's list: its number of cooperations and partners at the date, its closest
 * partners, and a sparkline of its count since 2006 (d3-scale and d3-shape; loaded with this
 * component, only when a Land is selected).
 */
import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { area, curveStepAfter, line } from 'd3-shape';
import { formatNumber } from '../i18n/format.ts';
import { fill, STRINGS } from '../i18n/strings.ts';
import { countText, plural, regionName } from '../i18n/text.ts';
import { select } from '../view/actions.ts';
import { landSummary } from '../view/land-summary.ts';
import { useAct, useAtlas, useDerived, useView } from '../ui/atlas-context.tsx';

const W = 240;
const H = 44;
const PAD = 3;

export default function LandSummary({ region }: { region: string }) {
  const { model, bounds } = useAtlas();
  const derived = useDerived();
  const mode = useView((v) => v.mode);
  const date = useView((v) => v.date);
  const topics = useView((v) => v.topics);
  const kinds = useView((v) => v.kinds);
  const lang = useView((v) => v.lang);
  const act = useAct();
  const s = STRINGS[lang];
  const sum = useMemo(
    () =>
      landSummary(model.atlas, region, derived, {
        mode,
        date,
        start: bounds.start,
        filters: { topics: new Set(topics), kinds: new Set(kinds) },
      }),
    [model, region, derived, mode, date, bounds, topics, kinds],
  );
  const name = (id: string) => regionName(model.atlas.regions.get(id), lang, id);
  const points = sum.series;
  const max = Math.max(1, ...points.map((p) => p.count));
  const x = scaleLinear()
    .domain([points[0]!.day, points.at(-1)!.day])
    .range([PAD, W - PAD]);
  const y = scaleLinear()
    .domain([0, max])
    .range([H - PAD, PAD]);
  const steps = [...points, points.at(-1)!];
  const areaPath =
    area<{ day: number; count: number }>()
      .x((p) => x(p.day))
      .y0(H - PAD)
      .y1((p) => y(p.count))
      .curve(curveStepAfter)(steps) ?? '';
  const linePath =
    line<{ day: number; count: number }>()
      .x((p) => x(p.day))
      .y((p) => y(p.count))
      .curve(curveStepAfter)(steps) ?? '';
  const peak = points.reduce((a, b) => (b.count > a.count ? b : a));
  const year = (day: number) => new Date(day * 86_400_000).getUTCFullYear();
  const trendLabel = fill(s.landTrendLabel, {
    name: name(region),
    first: formatNumber(points[0]!.count, lang),
    from: year(points[0]!.day),
    last: formatNumber(points.at(-1)!.count, lang),
    max: formatNumber(peak.count, lang),
    peak: year(peak.day),
  });
  return (
    <div className="land-summary" data-testid="land-summary">
      <p className="land-figures">
        <strong data-testid="land-count">{countText(sum.count, lang)}</strong>
        {' · '}
        <span data-testid="land-partners">{plural(s.landPartners, sum.partners, lang)}</span>
      </p>
      {sum.closest.length > 0 && (
        <p className="land-closest" data-testid="land-closest">
          {s.landClosest}:{' '}
          {sum.closest.map((c, i) => (
            <span key={c.region}>
              {i > 0 && ', '}
              <button
                type="button"
                className="link-button"
                data-region={c.region}
                onClick={() => act(select(c.region))}
              >
                <bdi>{name(c.region)}</bdi>
              </button>{' '}
              ({formatNumber(c.count, lang)})
            </span>
          ))}
        </p>
      )}
      <figure className="land-trend">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          width={W}
          height={H}
          role="img"
          aria-label={trendLabel}
          data-testid="land-sparkline"
          data-series={points.map((p) => p.count).join(',')}
        >
          <path d={areaPath} className="land-trend-area" />
          <path d={linePath} className="land-trend-line" />
          <circle
            cx={x(points.at(-1)!.day)}
            cy={y(points.at(-1)!.count)}
            r={2.5}
            className="land-trend-dot"
          />
        </svg>
        <figcaption>
          {s.landTrend} <span className="land-trend-range">({trendLabel})</span>
        </figcaption>
      </figure>
    </div>
  );
}
