/** The caption of the current selection, for presentations and embeds: nothing only in a tooltip. */
import { formatPartialDate } from '../i18n/format.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import { countText, plural, regionName } from '../i18n/text.ts';
import { pairOf } from '../model/atlas-model.ts';
import { Filled } from '../ui/Filled.tsx';
import { select } from '../view/actions.ts';
import { useAct, useAtlas, useDerived, useView } from '../ui/atlas-context.tsx';
import { TopicSwatch } from '../ui/TopicSwatch.tsx';
import './present.css';

/** The first sentence of a summary (a one-line caption). */
export function firstSentence(text: string): string {
  const m = /^.+?[.!?](?=\s|$)/.exec(text.trim());
  return m ? m[0] : text.trim();
}

export default function CaptionCard({ closable }: { closable: boolean }) {
  const { model } = useAtlas();
  const derived = useDerived();
  const selection = useView((v) => v.select);
  const lang = useView((v) => v.lang);
  const date = useView((v) => v.date);
  const act = useAct();
  const s = STRINGS[lang];
  if (!selection) return null;
  const c = model.atlas.cooperationById.get(selection);
  const r = model.atlas.regions.get(selection);
  const pair = pairOf(model, selection);
  if (!c && !r && !pair) return null;
  const nameOf = (id: string) => regionName(model.atlas.regions.get(id), lang, id);
  return (
    <section className="caption-card" aria-live="polite" data-testid="caption">
      {closable && (
        <button
          type="button"
          className="close-button"
          onClick={() => act(select(null))}
          aria-label={s.panelClose}
        >
          ×
        </button>
      )}
      {c ? (
        <>
          <h2 className="caption-title">
            <TopicSwatch topic={c.topics[0] ?? 'governance'} />
            <bdi>{c.title[lang]}</bdi>
          </h2>
          <p className="caption-meta">
            {formatPartialDate(c.signed, lang)} · {s.kind[c.kind]}
            {c.inForceFrom > date && c.effective
              ? ` · ${fill(s.inForceFrom, { date: formatPartialDate(c.effective, lang) })}`
              : ''}
            {c.ended ? ` · ${s.panelEnded} ${formatPartialDate(c.ended, lang)}` : ''}
          </p>
          <p className="caption-partners">
            <bdi>{c.regions.map(nameOf).join(' · ')}</bdi>
          </p>
          <p className="caption-summary">{firstSentence(c.summary[lang])}</p>
        </>
      ) : pair ? (
        <>
          <h2 className="caption-title">
            <Filled template={s.panelPairOf} values={{ a: nameOf(pair[0]), b: nameOf(pair[1]) }} />
          </h2>
          <p className="caption-meta">{plural(s.panelPairCount, derived.selected.length, lang)}</p>
        </>
      ) : (
        <>
          <h2 className="caption-title">
            <bdi>{nameOf(r!.id)}</bdi>
          </h2>
          <p className="caption-meta">{countText(derived.selected.length, lang)}</p>
          <p className="caption-partners">
            <bdi>{[...derived.partnerCounts.keys()].map(nameOf).join(' · ')}</bdi>
          </p>
        </>
      )}
    </section>
  );
}
