/** The side panel: overview, a region's cooperations, or one cooperation. */
import type { Scene } from '../app/scene.ts';
import type { Lang } from '../data/model.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import type { Derived } from '../view/derive.ts';
import { useState } from 'react';
import { useAfterFirstPaint } from '../app/deferred.ts';
import { CooperationCard } from './CooperationCard.tsx';

const PAGE = 100;
import { injectFault } from '../app/fault.ts';

export interface PanelProps {
  scene: Scene;
  derived: Derived;
  selection: string | null;
  hover: string | null;
  lang: Lang;
  onSelect: (id: string | null) => void;
  onHover: (id: string | null) => void;
  children?: React.ReactNode;
}

export function Panel({
  scene,
  derived,
  selection,
  hover,
  lang,
  onSelect,
  onHover,
  children,
}: PanelProps) {
  injectFault('panel');
  const s = STRINGS[lang];
  // Long lists (thousands of cooperations in large datasets) render in pages, so scrubbing stays light.
  const [limit, setLimit] = useState(PAGE);
  const mounted = useAfterFirstPaint();
  const region = selection ? scene.atlas.regions.get(selection) : undefined;
  const coop = selection ? scene.atlas.cooperationById.get(selection) : undefined;
  const select = (id: string) => onSelect(id);

  if (coop) {
    return (
      <section className="panel" aria-labelledby="panel-heading" data-testid="panel">
        <header className="panel-head">
          <h2 id="panel-heading" className="visually-hidden">
            {coop.title[lang]}
          </h2>
          <button
            type="button"
            className="close-button"
            onClick={() => onSelect(null)}
            aria-label={s.panelClose}
          >
            ×
          </button>
        </header>
        <CooperationCard scene={scene} cooperation={coop} lang={lang} expanded onSelect={select} />
      </section>
    );
  }
  if (region) {
    const name = region.kind === 'federal' ? s.bund : region.name[lang];
    return (
      <section className="panel" aria-labelledby="panel-heading" data-testid="panel">
        <header className="panel-head">
          <h2 id="panel-heading">{fill(s.panelCooperationsOf, { name })}</h2>
          <button
            type="button"
            className="close-button"
            onClick={() => onSelect(null)}
            aria-label={s.panelClose}
          >
            ×
          </button>
        </header>
        <p className="panel-count" data-testid="panel-count">
          {derived.selected.length === 1
            ? s.visibleCountOne
            : fill(s.visibleCount, { n: derived.selected.length })}
        </p>
        {derived.selected.length === 0 && <p>{s.panelNone}</p>}
        <ol className="coop-list" data-testid="panel-list">
          {derived.selected.slice(0, limit).map((c) => (
            <li
              key={c.id}
              className={hover === c.id ? 'is-hovered' : ''}
              onPointerEnter={() => onHover(c.id)}
              onPointerLeave={() => onHover(null)}
            >
              <CooperationCard
                scene={scene}
                cooperation={c}
                lang={lang}
                expanded
                onSelect={select}
              />
            </li>
          ))}
        </ol>
        <MoreButton
          shown={limit}
          total={derived.selected.length}
          label={s.showMore}
          onMore={() => setLimit((l) => l + PAGE)}
        />
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="panel-heading" data-testid="panel">
      <header className="panel-head">
        <h2 id="panel-heading">{s.panelOverview}</h2>
      </header>
      <p className="panel-intro">{s.panelIntro}</p>
      {children}
      <h3 className="panel-subhead">{s.panelAllVisible}</h3>
      <ol className="coop-list compact" data-testid="panel-list">
        {(mounted ? derived.visible.slice(0, limit) : []).map((c) => (
          <li
            key={c.id}
            className={hover === c.id ? 'is-hovered' : ''}
            onPointerEnter={() => onHover(c.id)}
            onPointerLeave={() => onHover(null)}
          >
            <CooperationCard
              scene={scene}
              cooperation={c}
              lang={lang}
              expanded={false}
              onSelect={select}
            />
          </li>
        ))}
      </ol>
      <MoreButton
        shown={limit}
        total={derived.visible.length}
        label={s.showMore}
        onMore={() => setLimit((l) => l + PAGE)}
      />
    </section>
  );
}

function MoreButton({
  shown,
  total,
  label,
  onMore,
}: {
  shown: number;
  total: number;
  label: string;
  onMore: () => void;
}) {
  if (total <= shown) return null;
  return (
    <button type="button" className="text-button more-button" onClick={onMore}>
      {fill(label, { n: Math.min(PAGE, total - shown), total })}
    </button>
  );
}
