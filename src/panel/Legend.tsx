/** Explains every colour and symbol on the map, and names the time mode. */
import { TOPICS, type Lang } from '../data/model.ts';
import { STRINGS, modeLabel } from '../i18n/strings.ts';
import type { TimeMode } from '../time/in-force.ts';
import { TopicSwatch } from './TopicSwatch.tsx';
import { TOPIC_COLOURS, TOPIC_DASH } from '../map/palette.ts';

export function Legend({
  lang,
  mode,
  compact = false,
}: {
  lang: Lang;
  mode: TimeMode;
  compact?: boolean;
}) {
  const s = STRINGS[lang];
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
        <SymbolItem label={s.legendLink}>
          <path d="M2 12 Q17 -4 32 12" fill="none" stroke="currentColor" strokeWidth="2.2" />
        </SymbolItem>
        <SymbolItem label={s.legendHub}>
          <path d="M17 7 L3 2 M17 7 L31 3 M17 7 L20 13" stroke="currentColor" strokeWidth="1.4" />
          <circle cx="17" cy="7" r="4" fill="var(--bg)" stroke="currentColor" strokeWidth="2" />
        </SymbolItem>
        <SymbolItem label={s.legendLocal}>
          <circle cx="17" cy="7" r="4.5" fill="currentColor" stroke="var(--bg)" strokeWidth="1.5" />
        </SymbolItem>
        <SymbolItem label={s.legendRecent}>
          <path d="M2 7 H32" stroke="currentColor" strokeWidth="4" />
        </SymbolItem>
        {mode === 'cumulative' && (
          <SymbolItem label={s.legendEnded}>
            <path d="M2 7 H32" stroke="#8a8a8a" strokeWidth="2.2" />
          </SymbolItem>
        )}
        <SymbolItem label={s.legendCity}>
          <circle cx="17" cy="7" r="4" fill="var(--fg)" />
        </SymbolItem>
        <li>
          <span className="legend-bund" aria-hidden="true">
            {lang === 'de' ? 'Bund' : 'Fed.'}
          </span>
          {s.legendBund}
        </li>
        <li>
          <span className="legend-box legend-selected" aria-hidden="true" />
          {s.legendSelected}
        </li>
        <li>
          <span className="legend-box legend-tint" aria-hidden="true" />
          {s.legendPartnerTint}
        </li>
      </ul>
      {!compact && (
        <ul className="legend-topics">
          {TOPICS.map((t) => (
            <li key={t}>
              <svg width="26" height="10" aria-hidden="true" className="legend-dash">
                <path
                  d="M2 5 H24"
                  stroke={TOPIC_COLOURS[t]}
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

/** One legend row: a small drawing of the map symbol, then what it means. */
function SymbolItem({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <li>
      <svg width="34" height="14" aria-hidden="true">
        {children}
      </svg>
      {label}
    </li>
  );
}
