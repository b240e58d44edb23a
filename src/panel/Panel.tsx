/** The side panel: overview, a region's cooperations, or one cooperation. */
import type { Scene } from '../app/scene.ts';
import type { Lang } from '../data/model.ts';
import type { Cooperation } from '../data/atlas.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import type { Derived } from '../view/derive.ts';
import { useState } from 'react';
import { useAfterFirstPaint } from '../app/deferred.ts';
import { CooperationCard } from './CooperationCard.tsx';
import { injectFault } from '../app/fault.ts';

const PAGE = 100;

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
  const listProps = {
    scene,
    lang,
    hover,
    onHover,
    onMore: () => setLimit((l) => l + PAGE),
    select: onSelect,
    more: s.showMore,
  };
  const close = () => onSelect(null);

  if (coop) {
    return (
      <section className="panel" aria-labelledby="panel-heading" data-testid="panel">
        <PanelHead onClose={close} closeLabel={s.panelClose}>
          <h2 id="panel-heading" className="visually-hidden">
            {coop.title[lang]}
          </h2>
        </PanelHead>
        <CooperationCard
          scene={scene}
          cooperation={coop}
          lang={lang}
          expanded
          onSelect={onSelect}
        />
      </section>
    );
  }
  if (region) {
    const name = region.kind === 'federal' ? s.bund : region.name[lang];
    return (
      <section className="panel" aria-labelledby="panel-heading" data-testid="panel">
        <PanelHead onClose={close} closeLabel={s.panelClose}>
          <h2 id="panel-heading">{fill(s.panelCooperationsOf, { name })}</h2>
        </PanelHead>
        <p className="panel-count" data-testid="panel-count">
          {derived.selected.length === 1
            ? s.visibleCountOne
            : fill(s.visibleCount, { n: derived.selected.length })}
        </p>
        {derived.selected.length === 0 && <p>{s.panelNone}</p>}
        <CoopList items={derived.selected} limit={limit} expanded {...listProps} />
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
      <CoopList
        items={mounted ? derived.visible : []}
        total={derived.visible.length}
        limit={limit}
        expanded={false}
        {...listProps}
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
  children: React.ReactNode;
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

interface CoopListProps {
  scene: Scene;
  items: Cooperation[];
  /** The full length, where `items` is still empty (mounted after the first paint). */
  total?: number;
  limit: number;
  expanded: boolean;
  lang: Lang;
  hover: string | null;
  more: string;
  onHover: (id: string | null) => void;
  onMore: () => void;
  select: (id: string) => void;
}

/** A page of cooperation cards, newest first, with a button for the next page. */
function CoopList({
  scene,
  items,
  total,
  limit,
  expanded,
  lang,
  hover,
  more,
  onHover,
  onMore,
  select,
}: CoopListProps) {
  return (
    <>
      <ol className={`coop-list${expanded ? '' : ' compact'}`} data-testid="panel-list">
        {items.slice(0, limit).map((c) => (
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
              expanded={expanded}
              onSelect={select}
            />
          </li>
        ))}
      </ol>
      <MoreButton shown={limit} total={total ?? items.length} label={more} onMore={onMore} />
    </>
  );
}
