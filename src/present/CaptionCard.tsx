/** The caption of the current selection, for presentations and embeds: nothing only in a tooltip. */
import type { Scene as AppScene } from '../app/scene.ts';
import type { Lang } from '../data/model.ts';
import { formatPartialDate } from '../i18n/format.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import type { Derived } from '../view/derive.ts';
import { TopicSwatch } from '../panel/TopicSwatch.tsx';

/** The first sentence of a summary (a one-line caption). */
export function firstSentence(text: string): string {
  const m = /^.+?[.!?](?=\s|$)/.exec(text.trim());
  return m ? m[0] : text.trim();
}

export interface CaptionProps {
  scene: AppScene;
  derived: Derived;
  selection: string | null;
  lang: Lang;
  onClose?: () => void;
}

export default function CaptionCard({ scene, derived, selection, lang, onClose }: CaptionProps) {
  const s = STRINGS[lang];
  if (!selection) return null;
  const c = scene.atlas.cooperationById.get(selection);
  const r = scene.atlas.regions.get(selection);
  if (!c && !r) return null;
  const nameOf = (id: string): string => {
    const region = scene.atlas.regions.get(id);
    return region ? (region.kind === 'federal' ? s.bund : region.name[lang]) : id;
  };
  return (
    <section className="caption-card" aria-live="polite" data-testid="caption">
      {onClose && (
        <button type="button" className="close-button" onClick={onClose} aria-label={s.panelClose}>
          ×
        </button>
      )}
      {c ? (
        <>
          <h2 className="caption-title">
            <TopicSwatch topic={c.topics[0] ?? 'governance'} />
            {c.title[lang]}
          </h2>
          <p className="caption-meta">
            {formatPartialDate(c.signed, lang)} · {s.kind[c.kind]}
            {c.ended ? ` · ${s.panelEnded} ${formatPartialDate(c.ended, lang)}` : ''}
          </p>
          <p className="caption-partners">{c.regions.map(nameOf).join(' · ')}</p>
          <p className="caption-summary">{firstSentence(c.summary[lang])}</p>
        </>
      ) : (
        <>
          <h2 className="caption-title">{nameOf(r!.id)}</h2>
          <p className="caption-meta">
            {derived.selected.length === 1
              ? s.visibleCountOne
              : fill(s.visibleCount, { n: derived.selected.length })}
          </p>
          <p className="caption-partners">
            {[...derived.partnerCounts.keys()].map(nameOf).join(' · ')}
          </p>
        </>
      )}
    </section>
  );
}
