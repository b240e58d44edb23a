/** Start-up: load the data, read the URL once into the store, render, keep the URL in sync. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { loadData } from './load.ts';
import { prepareMapWorker } from '../map/worker.ts';
import { createScene } from './scene.ts';
import { todayInGermany } from '../data/partial-date.ts';
import { createStore } from '../view/store.ts';
import { formatViewQuery, parseViewQuery } from '../view/url.ts';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

function announceReady(): void {
  performance.mark('kooperationsatlas:ready');
  document.documentElement.dataset['ready'] = 'true';
  const message = { type: 'kooperationsatlas:ready' };
  window.postMessage(message, '*');
  if (window.parent !== window) window.parent.postMessage(message, '*');
}

async function start(): Promise<void> {
  const today = todayInGermany();
  const [data] = await Promise.all([loadData(), prepareMapWorker()]);
  const scene = createScene(data, today);
  const { view, notices } = parseViewQuery(window.location.search, {
    today,
    isSelectable: (id) => scene.atlas.regions.has(id) || scene.atlas.cooperationById.has(id),
  });
  const store = createStore(view);
  // The URL follows the view with replaceState, at most every 200 ms (and once more at the end):
  // no history entry per frame, and no work per frame while the timeline plays.
  let timer = 0;
  let last = 0;
  const writeUrl = () => {
    timer = 0;
    last = performance.now();
    const q = formatViewQuery(store.get(), today);
    const url = `${window.location.pathname}${q ? `?${q}` : ''}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
      history.replaceState(null, '', url);
  };
  store.subscribe(() => {
    if (timer) return;
    timer = window.setTimeout(writeUrl, Math.max(0, 200 - (performance.now() - last)));
  });
  let ready = false;
  root.render(
    <StrictMode>
      <App
        scene={scene}
        store={store}
        notices={notices}
        onReady={() => {
          if (ready) return;
          ready = true;
          announceReady();
        }}
      />
    </StrictMode>,
  );
}

/** A failed load says so in both languages and offers a retry (nothing is half-rendered). */
function showLoadError(error: unknown): void {
  root.render(
    <div className="load-error" role="alert" data-testid="load-error">
      <p lang="de">Die Daten konnten nicht geladen werden.</p>
      <p lang="en">The data could not be loaded.</p>
      <p className="load-error-detail">{String(error instanceof Error ? error.message : error)}</p>
      <button
        type="button"
        className="text-button"
        onClick={() => {
          root.render(<p className="loading">…</p>);
          start().catch(showLoadError);
        }}
      >
        Erneut versuchen / Try again
      </button>
    </div>,
  );
}

start().catch(showLoadError);
