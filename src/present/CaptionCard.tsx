/**
 * The caption of the current selection, for presentations and embeds (nothing only in a
 * tooltip). It docks beside the map (or under it in portrait frames) where view/layout.ts says,
 * and the map frames Germany in the rest, so the caption never covers the selection. Region
 * captions are compact: the count, the partners and the closest of them.
 */
import { useEffect, useRef, useState } from 'react';
import { formatNumber, formatPartialDate } from '../i18n/format.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import { countText, plural, regionName } from '../i18n/text.ts';
import { pairOf } from '../model/atlas-model.ts';
import { Filled } from '../ui/Filled.tsx';
import { select } from '../view/actions.ts';
import { closestPartners } from '../view/land-summary.ts';
import { captionDock } from '../view/layout.ts';
import { useAct, useAtlas, useDerived, useView } from '../ui/atlas-context.tsx';
import { TopicSwatch } from '../ui/TopicSwatch.tsx';
import './present.css';

/** The first sentence of a summary (a one-line caption). */
export function firstSentence(text: string): string {
  const m = /^.+?[.!?](?=\s|$)/.exec(text.trim());
  return m ? m[0] : text.trim();
}

/**
 * The size of the map area the caption sits in, and where the overlays at its top end (the
 * status line and the embed bar wrap onto two lines in small frames).
 */
function useFrame(ref: React.RefObject<HTMLElement | null>): [number, number, number] {
  const [frame, setFrame] = useState<[number, number, number]>([0, 0, 0]);
  useEffect(() => {
    const parent = ref.current?.parentElement;
    if (!parent) return;
    const top = parent.querySelector<HTMLElement>('.overlay-top');
    const measure = () =>
      setFrame([
        parent.clientWidth,
        parent.clientHeight,
        top ? top.offsetTop + top.offsetHeight : 0,
      ]);
    const ro = new ResizeObserver(measure);
    ro.observe(parent);
    if (top) ro.observe(top);
    return () => ro.disconnect();
  }, [ref]);
  return frame;
}

export default function CaptionCard({ closable }: { closable: boolean }) {
  const { model } = useAtlas();
  const derived = useDerived();
  const selection = useView((v) => v.select);
  const lang = useView((v) => v.lang);
  const date = useView((v) => v.date);
  const embed = useView((v) => v.embed);
  const present = useView((v) => v.present);
  const act = useAct();
  const ref = useRef<HTMLElement>(null);
  const [width, height, overlayBottom] = useFrame(ref);
  const s = STRINGS[lang];
  const c = selection ? model.atlas.cooperationById.get(selection) : undefined;
  const r = selection ? model.atlas.regions.get(selection) : undefined;
  const pair = selection ? pairOf(model, selection) : null;
  const shown = Boolean(c || r || pair);
  const dock = captionDock({ embed, present }, width, height, shown);
  const nameOf = (id: string) => regionName(model.atlas.regions.get(id), lang, id);
  const closest = closestPartners(derived.partnerCounts, present ? 6 : 3);
  const more = derived.partnerCounts.size - closest.length;
  return (
    <section
      ref={ref}
      className={`caption-card${dock ? ` is-docked-${dock.side}` : ''}`}
      style={
        dock?.side === 'right'
          ? {
              width: dock.width,
              top: overlayBottom + 6,
              maxHeight: `calc(100% - ${overlayBottom + 34}px)`,
            }
          : dock?.side === 'bottom'
            ? { maxHeight: dock.height }
            : undefined
      }
      hidden={!shown}
      aria-live="polite"
      data-testid="caption"
    >
      {shown && closable && (
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
      ) : r ? (
        <>
          <h2 className="caption-title">
            <bdi>{nameOf(r.id)}</bdi>
          </h2>
          <p className="caption-meta">
            {countText(derived.selected.length, lang)} ·{' '}
            {plural(s.landPartners, derived.partnerCounts.size, lang)}
          </p>
          {closest.length > 0 && (
            <p className="caption-partners" data-testid="caption-closest">
              {s.landClosest}:{' '}
              <bdi>
                {closest
                  .map((p) => `${nameOf(p.region)} (${formatNumber(p.count, lang)})`)
                  .join(' · ')}
              </bdi>
              {more > 0 && ` · ${fill(s.diffMore, { n: formatNumber(more, lang) })}`}
            </p>
          )}
        </>
      ) : null}
    </section>
  );
}
