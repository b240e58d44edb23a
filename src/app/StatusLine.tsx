/**
 * "12 Kooperationen · In Kraft am Stichtag · Stand: 11. Dezember 2020": what the map shows; in
 * diff mode followed by the sentence that sums up the change.
 */
import { formatLongDay, formatShortDay } from '../i18n/format.ts';
import { modeLabel, STRINGS } from '../i18n/strings.ts';
import { countText } from '../i18n/text.ts';
import { isRangeMode } from '../time/in-force.ts';
import { useAtlas, useDerived, useView } from '../ui/atlas-context.tsx';
import { diffSentence } from '../view/diff-sentence.ts';

export function StatusLine({ className, testId }: { className: string; testId?: string }) {
  const { model } = useAtlas();
  const derived = useDerived();
  const mode = useView((v) => v.mode);
  const date = useView((v) => v.date);
  const from = useView((v) => v.from);
  const lang = useView((v) => v.lang);
  const s = STRINGS[lang];
  const dateText = isRangeMode(mode)
    ? `${formatShortDay(from, lang)} – ${formatShortDay(date, lang)}`
    : `${s.asOf}: ${formatLongDay(date, lang)}`;
  return (
    <div className={className} data-testid={testId}>
      <strong>{countText(derived.visible.length, lang)}</strong> · {modeLabel(s, mode)} · {dateText}
      {derived.diff && (
        <p className="diff-summary" data-testid="diff-summary">
          {diffSentence(derived.diff, lang, model.atlas.regions)}
        </p>
      )}
    </div>
  );
}
