/** The side panel: overview, a region's cooperations, or one cooperation. */
import './panel.css';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { Cooperation } from '../data/atlas.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import { countText, plural, regionName } from '../i18n/text.ts';
import { pairOf } from '../model/atlas-model.ts';
import { hover as hoverAction, select } from '../view/actions.ts';
import {
  useAct,
  useAtlas,
  useMapStarted,
  useSettledDerived,
  useView,
} from '../ui/atlas-context.tsx';
import { Filled } from '../ui/Filled.tsx';
import { CooperationCard } from './CooperationCard.tsx';

const PAGE = 100;
const LandSummary = lazy(() => import('./LandSummary.tsx'));

export function Panel({ children }: { children?: ReactNode }) {
  const { model } = useAtlas();
  const derived = useSettledDerived();
  const selection = derived.selection;
  const lang = useView((v) => v.lang);
  const act = useAct();
  const s = STRINGS[lang];
  const mounted = useMapStarted();
  const region = selection ? model.atlas.regions.get(selection) : undefined;
  const coop = selection ? model.atlas.cooperationById.get(selection) : undefined;
  const pair = selection ? pairOf(model, selection) : null;
  const close = () => act(select(null));

  if (coop)
    return (
      <section className="panel" aria-labelledby="panel-heading" data-testid="panel">
        <PanelHead onClose={close} closeLabel={s.panelClose}>
          <h2 id="panel-heading" className="visually-hidden">
            {coop.title[lang]}
          </h2>
        </PanelHead>
        <CooperationCard cooperation={coop} expanded />
      </section>
    );
  if (pair) {
    const [a, b] = pair.map((r) => regionName(model.atlas.regions.get(r), lang, r));
    return (
      <section className="panel" aria-labelledby="panel-heading" data-testid="panel">
        <PanelHead onClose={close} closeLabel={s.panelClose}>
          <h2 id="panel-heading">
            <Filled template={s.panelPairOf} values={{ a: a!, b: b! }} />
          </h2>
        </PanelHead>
        <p className="panel-count" data-testid="panel-count">
          {plural(s.panelPairCount, derived.selected.length, lang)}
        </p>
        {derived.selected.length === 0 && <p>{s.panelNone}</p>}
        <CoopList items={derived.selected} expanded key={selection} />
      </section>
    );
  }
  if (region)
    return (
      <section className="panel" aria-labelledby="panel-heading" data-testid="panel">
        <PanelHead onClose={close} closeLabel={s.panelClose}>
          <h2 id="panel-heading">
            <Filled template={s.panelCooperationsOf} values={{ name: regionName(region, lang) }} />
          </h2>
        </PanelHead>
        {region.kind === 'state' || region.kind === 'federal' ? (
          <Suspense
            fallback={<p className="panel-count">{countText(derived.selected.length, lang)}</p>}
          >
            <LandSummary region={region.id} />
          </Suspense>
        ) : (
          <p className="panel-count" data-testid="panel-count">
            {countText(derived.selected.length, lang)}
          </p>
        )}
        {derived.selected.length === 0 && <p>{s.panelNone}</p>}
        <CoopList items={derived.selected} expanded key={selection} />
      </section>
    );
  return (
    <section className="panel" aria-labelledby="panel-heading" data-testid="panel">
      <header className="panel-head">
        <h2 id="panel-heading">{s.panelOverview}</h2>
      </header>
      <p className="panel-intro">{s.panelIntro}</p>
      {children}
      <h3 className="panel-subhead">{s.panelAllVisible}</h3>
      <CoopList
        items={mounted ? derived.visible : []}
        total={derived.visible.length}
        expanded={false}
      />
    </section>
  );
}

/** The panel's heading row with its close button. */
function PanelHead({
  children,
  onClose,
  closeLabel,
}: {
  children: ReactNode;
  onClose: () => void;
  closeLabel: string;
}) {
  return (
    <header className="panel-head">
      {children}
      <button type="button" className="close-button" onClick={onClose} aria-label={closeLabel}>
        ×
      </button>
    </header>
  );
}

/**
 * A page of cooperation cards, newest first, with a button for the next page: long lists
 * (thousands of cooperations in large datasets) render in pages, so scrubbing stays light.
 */
function CoopList({
  items,
  total,
  expanded,
}: {
  items: Cooperation[];
  /** The full length, where `items` is still empty (mounted once the map has started). */
  total?: number;
  expanded: boolean;
}) {
  const lang = useView((v) => v.lang);
  const hovered = useView((v) => v.hover);
  const act = useAct();
  const [limit, setLimit] = useState(PAGE);
  const all = total ?? items.length;
  const s = STRINGS[lang];
  return (
    <>
      <ol className={`coop-list${expanded ? '' : ' compact'}`} data-testid="panel-list">
        {items.slice(0, limit).map((c) => (
          <li
            key={c.id}
            className={hovered === c.id ? 'is-hovered' : ''}
            onPointerEnter={() => act(hoverAction(c.id))}
            onPointerLeave={() => act(hoverAction(null))}
          >
            <CooperationCard cooperation={c} expanded={expanded} />
          </li>
        ))}
      </ol>
      {all > limit && (
        <button
          type="button"
          className="text-button more-button"
          onClick={() => setLimit((l) => l + PAGE)}
        >
          {fill(s.showMore, { n: Math.min(PAGE, all - limit), total: all })}
        </button>
      )}
    </>
  );
}
