/** Layout and wiring: the store is the one source of truth; every input calls its actions. */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { MapView } from '../map/MapView.tsx';
import { Panel } from '../panel/Panel.tsx';
import { Search } from '../panel/Search.tsx';
import { Filters } from '../panel/Filters.tsx';
import { Legend } from '../panel/Legend.tsx';
import { TableView } from '../panel/TableView.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { STRINGS, fill, modeLabel } from '../i18n/strings.ts';
import { formatLongDay, formatShortDay } from '../i18n/format.ts';
import { formatDay } from '../data/partial-date.ts';
import { buildEvents, inForceCurve } from '../time/events.ts';
import type { TimeMode } from '../time/in-force.ts';
import { play } from '../timeline/player.ts';
import { stepDay } from '../timeline/scale.ts';
import { derive, type Selection } from '../view/derive.ts';
import { useStore, type Store } from '../view/store.ts';
import { TIMELINE_START, type ViewState } from '../view/view-state.ts';
import type { Notice } from '../view/url.ts';
import { useEmbedBridge } from '../embed/bridge.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import type { Scene } from './scene.ts';

// Code the first screen does not need is loaded on demand.
const ShareDialog = lazy(() => import('../share/ShareDialog.tsx'));
const ExportDialog = lazy(() => import('../export/ExportDialog.tsx'));
const AboutDialog = lazy(() => import('../panel/AboutDialog.tsx'));
const CaptionCard = lazy(() => import('../present/CaptionCard.tsx'));
const Presenter = lazy(() => import('../present/Presenter.tsx'));

export interface AppProps {
  scene: Scene;
  store: Store<ViewState>;
  notices: Notice[];
  onReady: () => void;
}

const selectView = (s: ViewState) => s;

export function App({ scene, store, notices, onReady }: AppProps) {
  const view = useStore(store, selectView);
  const s = STRINGS[view.lang];
  const [shownNotices, setShownNotices] = useState(notices);
  const [webglMissing, setWebglMissing] = useState(false);
  const [dialog, setDialog] = useState<'share' | 'export' | 'about' | null>(null);
  const [exportBounds, setExportBounds] = useState<[number, number, number, number] | null>(null);
  const [legendOpen, setLegendOpen] = useState(false);
  const cameraRef = useRef<{
    camera: [number, number, number] | null;
    bounds: [number, number, number, number] | null;
  }>({
    camera: null,
    bounds: null,
  });

  const selection: Selection = useMemo(() => {
    if (!view.select) return null;
    if (scene.atlas.cooperationById.has(view.select))
      return { type: 'cooperation', id: view.select };
    return { type: 'region', id: view.select };
  }, [view.select, scene]);
  const topics = useMemo(() => new Set(view.topics), [view.topics]);
  const kinds = useMemo(() => new Set(view.kinds), [view.kinds]);
  const derived = useMemo(
    () =>
      derive(
        scene.atlas,
        scene.geometry,
        { mode: view.mode, date: view.date, from: view.from },
        { topics, kinds },
        selection,
      ),
    [scene, view.mode, view.date, view.from, topics, kinds, selection],
  );
  const events = useMemo(
    () =>
      buildEvents(scene.atlas.cooperations).filter(
        (e) => e.day >= TIMELINE_START && e.day <= scene.today,
      ),
    [scene],
  );
  const curve = useMemo(() => inForceCurve(scene.atlas.cooperations), [scene]);
  // A clicker step shows one cooperation on one day: accessions of several partners on the same day are one step.
  const steps = useMemo(
    () =>
      events.filter(
        (e, i) =>
          i === 0 || e.day !== events[i - 1]!.day || e.cooperation !== events[i - 1]!.cooperation,
      ),
    [events],
  );
  // The selection's events on the timeline: a new set only when the selection's members change
  // (not on every date step), so the timeline's thousands of marks are not re-rendered while scrubbing.
  const highlightKey = derived.selected.map((c) => c.id).join('|');
  const highlighted = useMemo(
    () => new Set(highlightKey ? highlightKey.split('|') : []),
    [highlightKey],
  );

  useEmbedBridge(store, scene);

  const select = useCallback(
    (id: string | null) => store.set({ select: id, hover: null }),
    [store],
  );
  // Stable callbacks: the timeline's marks are memoised and must not re-render on every step.
  const hoverCooperation = useCallback((hover: string | null) => store.set({ hover }), [store]);
  const onTimeChange = useCallback(
    (patch: { date?: number; from?: number; mode?: TimeMode }) => {
      const cur = store.get();
      const next = { ...patch };
      if (patch.mode === 'signed' && cur.mode !== 'signed' && patch.from === undefined) {
        // Entering range mode: the twelve months before the handle.
        next.from = Math.max(
          TIMELINE_START,
          stepDay(cur.date, -1, true, TIMELINE_START, scene.today),
        );
      }
      store.set({
        ...next,
        ...(patch.date !== undefined || patch.from !== undefined ? { playing: false } : {}),
      });
    },
    [store, scene.today],
  );

  // Play: one animation at a time, driven from the store's `playing` flag.
  useEffect(() => {
    if (!view.playing) return;
    const cur = store.get();
    return play({
      start: TIMELINE_START,
      end: scene.today,
      from: cur.date,
      speed: cur.speed,
      reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
      onStep: (date) =>
        store.set(
          cur.mode === 'signed' ? { date, from: Math.min(store.get().from, date) } : { date },
        ),
      onEnd: () => store.set({ playing: false }),
    });
  }, [view.playing, view.speed, store, scene.today]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && store.get().select) {
        store.set({ select: null });
        return;
      }
      // Timeline keys also work when nothing in particular has the focus.
      const t = e.target as HTMLElement | null;
      if (t && t !== document.body && !t.classList.contains('maplibregl-canvas')) return;
      const cur = store.get();
      if (e.key === ' ') {
        e.preventDefault();
        store.set({ playing: !cur.playing });
      } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        if (t?.classList.contains('maplibregl-canvas')) return;
        e.preventDefault();
        store.set({
          date: stepDay(
            cur.date,
            e.key === 'ArrowRight' ? 1 : -1,
            e.shiftKey,
            TIMELINE_START,
            scene.today,
          ),
          playing: false,
        });
      } else if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        store.set({ date: e.key === 'Home' ? TIMELINE_START : scene.today, playing: false });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, scene.today]);

  // Language and theme on <html> only when they change: re-setting them restyles the whole page.
  useEffect(() => {
    document.documentElement.lang = view.lang;
    document.documentElement.dataset['theme'] = view.theme;
  }, [view.lang, view.theme]);
  useEffect(() => {
    document.title = `${s.appTitle} – ${formatLongDay(view.date, view.lang)}`;
  }, [view.lang, view.date, s.appTitle]);

  const count = derived.visible.length;
  const countText = count === 1 ? s.visibleCountOne : fill(s.visibleCount, { n: count });
  const dateText =
    view.mode === 'signed'
      ? `${formatShortDay(view.from, view.lang)} – ${formatShortDay(view.date, view.lang)}`
      : `${s.asOf}: ${formatLongDay(view.date, view.lang)}`;
  const chrome = !view.embed && !view.present;
  const openHref = (() => {
    const u = new URL(window.location.href);
    u.searchParams.delete('embed');
    return u.toString();
  })();

  const map = webglMissing ? (
    <p className="webgl-missing" role="alert" data-testid="webgl-missing">
      {s.webglMissing}
    </p>
  ) : (
    <MapView
      scene={scene}
      derived={derived}
      selection={view.select}
      hover={view.hover}
      lang={view.lang}
      theme={view.theme}
      present={view.present}
      onSelect={select}
      onReady={onReady}
      onWebglMissing={() => {
        setWebglMissing(true);
        onReady();
      }}
      camera={view.camera}
      onCamera={(camera, bounds) => {
        cameraRef.current = { camera, bounds };
      }}
    />
  );

  return (
    <div
      className={`app${view.embed ? ' is-embed' : ''}${view.present ? ' is-present' : ''}`}
      data-testid="app"
      data-date={formatDay(view.date)}
    >
      {chrome && (
        <a className="skip-link" href="#main">
          {s.skipToContent}
        </a>
      )}
      {chrome && (
        <header className="app-header">
          <div className="brand">
            <h1>{s.appTitle}</h1>
            <p className="tagline">{s.appTagline}</p>
          </div>
          <Search index={scene.searchIndex} lang={view.lang} onSelect={select} />
          <nav className="header-controls" aria-label={s.views}>
            <div className="segmented" role="group" aria-label={s.views}>
              <button
                type="button"
                aria-pressed={view.tab === 'map'}
                onClick={() => store.set({ tab: 'map' })}
              >
                {s.tabMap}
              </button>
              <button
                type="button"
                aria-pressed={view.tab === 'table'}
                onClick={() => store.set({ tab: 'table' })}
                data-testid="tab-table"
              >
                {s.tabTable}
              </button>
            </div>
            <button
              type="button"
              className="text-button"
              onClick={() => setDialog('share')}
              data-testid="share"
            >
              {s.share}
            </button>
            <button
              type="button"
              className="text-button"
              onClick={() => {
                setExportBounds(cameraRef.current.bounds);
                setDialog('export');
              }}
              data-testid="export"
            >
              {s.export}
            </button>
            <button
              type="button"
              className="text-button"
              onClick={() => {
                store.set({ present: true, tab: 'map' });
                void document.documentElement.requestFullscreen?.().catch(() => undefined);
              }}
              data-testid="present"
            >
              {s.present}
            </button>
            <button
              type="button"
              className="text-button"
              onClick={() => setDialog('about')}
              data-testid="about"
            >
              {s.about}
            </button>
            <button
              type="button"
              className="text-button"
              onClick={() => store.set({ lang: view.lang === 'de' ? 'en' : 'de' })}
              lang={view.lang === 'de' ? 'en' : 'de'}
              data-testid="lang-switch"
            >
              {s.switchLanguage}
            </button>
            <button
              type="button"
              className="text-button"
              aria-pressed={view.theme === 'dark'}
              onClick={() => store.set({ theme: view.theme === 'dark' ? 'light' : 'dark' })}
              data-testid="theme-switch"
            >
              {view.theme === 'dark' ? s.themeLight : s.themeDark}
            </button>
          </nav>
        </header>
      )}
      {shownNotices.length > 0 && (
        <div className="notice" role="status" data-testid="notice">
          <p>{s.noticeTitle}</p>
          <ul>
            {shownNotices.map((n, i) => (
              <li key={i}>
                <code>{n.param}</code>: „{n.value}“ – {s[`notice_${n.reason}`]}
              </li>
            ))}
          </ul>
          <button type="button" className="text-button" onClick={() => setShownNotices([])}>
            {s.dismiss}
          </button>
        </div>
      )}
      <main id="main" className="app-main" tabIndex={-1}>
        <div className="stage">
          {chrome && (
            <div className="status-line" data-testid="status">
              <strong>{countText}</strong> · {modeLabel(s, view.mode)} · {dateText}
            </div>
          )}
          <div
            className={`map-area${view.tab === 'table' && chrome ? ' is-hidden' : ''}`}
            aria-label={s.mapLabel}
            role="region"
          >
            <ErrorBoundary part="map" message={s.partFailed} retryLabel={s.retry}>
              {map}
            </ErrorBoundary>
            <p className="attribution" data-testid="attribution">
              {fill(s.attribution, { year: scene.geoYear })}
            </p>
            {!chrome && (
              <div className="overlay-top">
                <div className="overlay-status">
                  <strong>{countText}</strong> · {modeLabel(s, view.mode)} · {dateText}
                </div>
                {view.embed && (
                  <div className="embed-bar">
                    <a
                      href={openHref}
                      target="_blank"
                      rel="noopener noreferrer"
                      data-testid="open-in-atlas"
                    >
                      {s.openInAtlas} ↗
                    </a>
                    <button
                      type="button"
                      className="text-button"
                      aria-expanded={legendOpen}
                      onClick={() => setLegendOpen((v) => !v)}
                    >
                      {s.legend}
                    </button>
                  </div>
                )}
              </div>
            )}
            {view.embed && legendOpen && (
              <div className="embed-legend">
                <Legend lang={view.lang} mode={view.mode} compact />
              </div>
            )}
            {!chrome && (
              <Suspense fallback={null}>
                <CaptionCard
                  scene={scene}
                  derived={derived}
                  selection={view.select}
                  lang={view.lang}
                  {...(view.embed ? { onClose: () => select(null) } : {})}
                />
              </Suspense>
            )}
            {view.present && (
              <Suspense fallback={null}>
                <Presenter
                  store={store}
                  events={steps}
                  lang={view.lang}
                  scenes={view.scenes}
                  sceneIndex={view.sceneIndex}
                  blank={view.blank}
                  getCamera={() => cameraRef.current.camera}
                />
              </Suspense>
            )}
          </div>
          {view.tab === 'table' && chrome && (
            <TableView scene={scene} derived={derived} lang={view.lang} onSelect={select} />
          )}
        </div>
        {chrome && (
          <aside className="side">
            <ErrorBoundary part="panel" message={s.partFailed} retryLabel={s.retry}>
              <Panel
                scene={scene}
                derived={derived}
                selection={view.select}
                hover={view.hover}
                lang={view.lang}
                onSelect={select}
                onHover={hoverCooperation}
              >
                <Filters
                  lang={view.lang}
                  topics={view.topics}
                  kinds={view.kinds}
                  onChange={(patch) => store.set(patch)}
                />
                <Legend lang={view.lang} mode={view.mode} />
              </Panel>
            </ErrorBoundary>
          </aside>
        )}
      </main>
      <ErrorBoundary part="timeline" message={s.partFailed} retryLabel={s.retry}>
        <Timeline
          scene={scene}
          events={events}
          curve={curve}
          mode={view.mode}
          date={view.date}
          from={view.from}
          start={TIMELINE_START}
          end={scene.today}
          lang={view.lang}
          playing={view.playing}
          speed={view.speed}
          visibleCount={derived.visible.length}
          highlighted={highlighted}
          compact={view.embed}
          onChange={onTimeChange}
          onPlay={(playing) => store.set({ playing })}
          onSpeed={(speed) => store.set({ speed })}
          onHover={hoverCooperation}
          onSelect={select}
        />
      </ErrorBoundary>
      <Suspense fallback={null}>
        {dialog === 'about' && (
          <AboutDialog scene={scene} lang={view.lang} onClose={() => setDialog(null)} />
        )}
        {dialog === 'share' && (
          <ShareDialog
            lang={view.lang}
            hasScenes={view.scenes.length > 0}
            onClose={() => setDialog(null)}
          />
        )}
        {dialog === 'export' && (
          <ExportDialog
            scene={scene}
            derived={derived}
            view={view}
            bounds={exportBounds}
            onClose={() => setDialog(null)}
          />
        )}
      </Suspense>
    </div>
  );
}
