/**
 * Explains every symbol the map shows now (the rows view/legend.ts picks, as the exports do),
 * names the time mode, and lists the topics with their colour and line pattern.
 */
import { useMemo, type ReactNode } from 'react';
import './panel.css';
import { TOPICS } from '../data/model.ts';
import { modeLabel, STRINGS, type Strings } from '../i18n/strings.ts';
import { evaluate, LINE_OPACITY, LINE_WIDTH } from '../style/link-style.ts';
import { TOPIC_DASH } from '../style/palette.ts';
import { legendFor, type LegendRow } from '../view/legend.ts';
import { useAtlas, useSettledDerived, useView } from '../ui/atlas-context.tsx';
import { TopicSwatch } from '../ui/TopicSwatch.tsx';

const line = (width: number, colour = 'currentColor', opacity = 1) => (
  <path
    d="M2 7 H32"
    stroke={colour}
    strokeWidth={width}
    strokeOpacity={opacity}
    strokeLinecap="round"
  />
);

const SYMBOLS: Record<LegendRow, (s: Strings) => [ReactNode, string]> = {
  pair: (s) => [
    <>
      <path d="M2 12 Q17 4 32 12" fill="none" stroke="var(--pair)" strokeWidth="1.6" />
      <path d="M2 6 Q17 -2 32 6" fill="none" stroke="var(--pair)" strokeWidth="5" />
    </>,
    s.legendPair,
  ],
  localCount: (s) => [
    <>
      <rect x="9" y="0.5" width="16" height="13" rx="6.5" fill="var(--bg)" stroke="var(--pair)" />
      <text x="17" y="10.5" textAnchor="middle" fontSize="9" fontWeight="700" fill="currentColor">
        2
      </text>
    </>,
    s.legendLocalCount,
  ],
  nationwide: (s) => [
    <circle cx="17" cy="7" r="5.5" fill="var(--bg)" stroke="var(--pair)" strokeWidth="3" />,
    s.legendNationwide,
  ],
  link: (s) => [
    <path d="M2 12 Q17 -4 32 12" fill="none" stroke="currentColor" strokeWidth="2.2" />,
    s.legendLink,
  ],
  hub: (s) => [
    <>
      <path d="M17 7 L3 2 M17 7 L31 3 M17 7 L20 13" stroke="currentColor" strokeWidth="1.4" />
      <circle cx="17" cy="7" r="4" fill="var(--bg)" stroke="currentColor" strokeWidth="2" />
    </>,
    s.legendHub,
  ],
  local: (s) => [
    <circle cx="17" cy="7" r="4.5" fill="currentColor" stroke="var(--bg)" strokeWidth="1.5" />,
    s.legendLocal,
  ],
  recent: (s) => [line(evaluate(LINE_WIDTH, { recent: true })), s.legendRecent],
  ended: (s) => [line(evaluate(LINE_WIDTH, {}), 'var(--ended)'), s.legendEnded],
  added: (s) => [line(evaluate(LINE_WIDTH, { recent: true })), s.legendAdded],
  continued: (s) => [
    line(
      evaluate(LINE_WIDTH, { kept: true }),
      'currentColor',
      evaluate(LINE_OPACITY, { shown: true, kept: true }),
    ),
    s.legendContinued,
  ],
  removed: (s) => [
    line(
      evaluate(LINE_WIDTH, { ended: true }),
      'var(--ended)',
      evaluate(LINE_OPACITY, { shown: true, ended: true }),
    ),
    s.legendRemoved,
  ],
  city: (s) => [<circle cx="17" cy="7" r="4" fill="var(--fg)" />, s.legendCity],
  // The Bund's marker is a label: drawn as text by the row itself.
  bund: (s) => [null, s.legendBund],
  selectedRegion: (s) => [
    <rect
      x="3"
      y="1"
      width="28"
      height="12"
      rx="2"
      fill="var(--selected-fill)"
      stroke="var(--selected-border)"
      strokeWidth="2"
    />,
    s.legendSelected,
  ],
  selectedCooperation: (s) => [
    line(evaluate(LINE_WIDTH, { sel: true, focus: true })),
    s.selectedCooperation,
  ],
  tint: (s) => [
    <>
      <rect x="2" y="1" width="10" height="12" fill="var(--tint-1)" />
      <rect x="12" y="1" width="10" height="12" fill="var(--tint-2)" />
      <rect x="22" y="1" width="10" height="12" fill="var(--tint-3)" />
    </>,
    s.legendPartnerTint,
  ],
};

export function Legend({ compact = false }: { compact?: boolean }) {
  const { model } = useAtlas();
  const derived = useSettledDerived();
  const mode = useView((v) => v.mode);
  const select = derived.selection;
  const lang = useView((v) => v.lang);
  const s = STRINGS[lang];
  const spec = useMemo(
    () => legendFor(model, { mode, select }, derived),
    [model, mode, select, derived],
  );
  return (
    <section
      className={`legend${compact ? ' compact' : ''}`}
      aria-label={s.legend}
      data-testid="legend"
    >
      <h3 className="panel-subhead">{s.legend}</h3>
      <p className="legend-mode">
        {s.modeLabel}: <strong>{modeLabel(s, mode)}</strong>
      </p>
      <ul className="legend-list">
        {spec.rows.map((row) => {
          const [symbol, label] = SYMBOLS[row](s);
          return (
            <li key={row} data-row={row}>
              {symbol ? (
                <svg width="34" height="14" aria-hidden="true">
                  {symbol}
                </svg>
              ) : (
                <span className="legend-bund" aria-hidden="true">
                  {s.bundShort}
                </span>
              )}
              {label}
            </li>
          );
        })}
      </ul>
      {!compact && (
        <ul className="legend-topics">
          {TOPICS.map((t) => (
            <li key={t}>
              <svg width="26" height="10" aria-hidden="true" className="legend-dash">
                <path
                  d="M2 5 H24"
                  stroke={`var(--topic-${t})`}
                  strokeWidth="2.4"
                  strokeLinecap="round"
                  strokeDasharray={TOPIC_DASH[t]?.map((d) => d * 2.4).join(' ')}
                />
              </svg>
              <TopicSwatch topic={t} /> {s.topic[t]}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
