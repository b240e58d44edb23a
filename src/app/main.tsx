/**
 * Start-up: load the data, build the model once, read the URL once into the store, render, and
 * keep the URL written from the store (never read back).
 */
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import 'virtual:tokens.css';
import './base.css';
import { todayInGermany } from '../data/partial-date.ts';
import { formatLongDay } from '../i18n/format.ts';
import { STRINGS } from '../i18n/strings.ts';
import { createAtlasModel, isKnownId } from '../model/atlas-model.ts';
import { prepareMapWorker } from '../map/worker.ts';
import { TIMELINE_START } from '../time/in-force.ts';
import { createDeriver } from '../view/selectors.ts';
import { createStore, followSlice } from '../view/store.ts';
import { FOLLOW_MS, formatViewQuery, parseViewQuery } from '../view/url.ts';
import { AtlasProvider, createMapSlot, type AtlasEnv } from '../ui/atlas-context.tsx';
import { hostTargets } from '../embed/protocol.ts';
import { App } from './App.tsx';
import { loadData } from './load.ts';

const root = createRoot(document.getElementById('root')!);

function announceReady(origins: readonly string[]): void {
  performance.mark('kooperationsatlas:ready');
  document.documentElement.dataset['ready'] = 'true';
  const message = { type: 'kooperationsatlas:ready' };
  window.postMessage(message, '*');
  if (window.parent !== window)
    for (const target of hostTargets(origins)) window.parent.postMessage(message, target);
}

/**
 * The URL follows the view with replaceState: once at start (so that parameters that are not
 * ours, or were invalid, are gone before anything is shared), then at most every FOLLOW_MS (no
 * history entry per frame, no work per frame while the timeline plays). The tab's title follows
 * the same way: in a CPU profile at 10 000 cooperations, writing it on every date step cost more
 * than deriving the step's view.
 */
function followView(env: AtlasEnv): void {
  const { store, model } = env;
  followSlice(
    store,
    (v) => formatViewQuery(v, model.today),
    (v) => {
      const q = formatViewQuery(v, model.today);
      const url = `${window.location.pathname}${q ? `?${q}` : ''}${window.location.hash}`;
      if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
        history.replaceState(null, '', url);
    },
    FOLLOW_MS,
  );
  followSlice(
    store,
    (v) => `${v.lang}|${v.audience}|${v.date}`,
    (v) => {
      const s = STRINGS[v.lang];
      document.title = `${v.audience ? s.audienceTitle : s.appTitle} – ${formatLongDay(v.date, v.lang)}`;
    },
    FOLLOW_MS,
  );
}

async function start(): Promise<void> {
  const today = todayInGermany();
  const [data] = await Promise.all([loadData(), prepareMapWorker()]);
  const model = createAtlasModel(data, today);
  const { view, notices } = parseViewQuery(window.location.search, {
    today,
    isSelectable: (id) => isKnownId(model, id),
  });
  const env: AtlasEnv = {
    model,
    store: createStore(view),
    derive: createDeriver(model),
    bounds: { start: TIMELINE_START, end: today },
    map: createMapSlot(),
  };
  followView(env);
  let ready = false;
  startTransition(() =>
    root.render(
      <StrictMode>
        <AtlasProvider env={env}>
          <App
            notices={notices}
            onReady={() => {
              env.map.markStarted();
              if (ready) return;
              ready = true;
              announceReady(env.store.get().origins);
            }}
          />
        </AtlasProvider>
      </StrictMode>,
    ),
  );
}

/** A failed load says so in both languages and offers a retry (nothing is half-rendered). */
function showLoadError(error: unknown): void {
  root.render(
    <div className="load-error" role="alert" data-testid="load-error">
      <p lang="de">{STRINGS.de.loadFailed}</p>
      <p lang="en">{STRINGS.en.loadFailed}</p>
      <p className="load-error-detail">{String(error instanceof Error ? error.message : error)}</p>
      <button
        type="button"
        className="text-button"
        onClick={() => {
          root.render(<p className="loading">…</p>);
          start().catch(showLoadError);
        }}
      >
        {STRINGS.de.retry} / {STRINGS.en.retry}
      </button>
    </div>,
  );
}

start().catch(showLoadError);
