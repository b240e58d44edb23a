/** "12 Kooperationen · In Kraft am Stichtag · Stand: 11. Dezember 2020": what the map shows. */
import { formatLongDay, formatShortDay } from '../i18n/format.ts';
import { modeLabel, STRINGS } from '../i18n/strings.ts';
import { countText } from '../i18n/text.ts';
import { useDerived, useView } from '../ui/atlas-context.tsx';

export function StatusLine({ className, testId }: { className: string; testId?: string }) {
  const derived = useDerived();
  const mode = useView((v) => v.mode);
  const date = useView((v) => v.date);
  const from = useView((v) => v.from);
  const lang = useView((v) => v.lang);
  const s = STRINGS[lang];
  const dateText =
    mode === 'signed'
      ? `${formatShortDay(from, lang)} – ${formatShortDay(date, lang)}`
      : `${s.asOf}: ${formatLongDay(date, lang)}`;
  return (
    <div className={className} data-testid={testId}>
      <strong>{countText(derived.visible.length, lang)}</strong> · {modeLabel(s, mode)} · {dateText}
    </div>
  );
}
