/**
 * The layout: header, notices, the stage and the side panel, the timeline, and the dialogs.
 * Every part reads the view from the store through context and changes it through view actions.
 */
import { lazy, Suspense, useEffect, useLayoutEffect, useState } from 'react';
import './app.css';
import { formatDay } from '../data/partial-date.ts';
import { STRINGS } from '../i18n/strings.ts';
import { useEmbedBridge } from '../embed/bridge.ts';
import { useResizeMessage } from '../embed/resize.ts';
import { Filters } from '../panel/Filters.tsx';
import { Legend } from '../panel/Legend.tsx';
import { Panel } from '../panel/Panel.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import type { Notice } from '../view/url.ts';
import { useView } from '../ui/atlas-context.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { FaultProbe } from './fault.ts';
import { Header, type DialogName } from './Header.tsx';
import { Notices } from './Notices.tsx';
import { Stage } from './Stage.tsx';
import { useKeyboard } from './use-keyboard.ts';
import { usePlayer } from './use-player.ts';

// Code the first screen does not need is loaded on demand.
const ShareDialog = lazy(() => import('../share/ShareDialog.tsx'));
const CiteDialog = lazy(() => import('../share/CiteDialog.tsx'));
const ExportDialog = lazy(() => import('../export/ExportDialog.tsx'));
const AboutDialog = lazy(() => import('../panel/AboutDialog.tsx'));

export interface AppProps {
  notices: Notice[];
  onReady: () => void;
}

/** Language and theme on the document, set only when they change. */
function useDocument(): void {
  const lang = useView((v) => v.lang);
  const theme = useView((v) => v.theme);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dataset['theme'] = theme;
  }, [lang, theme]);
}

/**
 * The date on the document: the app's `data-date` (for hosts and tests), set with the step. A
 * component of its own, so that a date step re-renders it and not the whole layout. (The tab's
 * title follows the view from main.tsx, at most every FOLLOW_MS.)
 */
function DateOnDocument({ app }: { app: HTMLDivElement | null }) {
  const date = useView((v) => v.date);
  useLayoutEffect(() => {
    app?.setAttribute('data-date', formatDay(date));
  }, [app, date]);
  return null;
}

export function App({ notices, onReady }: AppProps) {
  const embed = useView((v) => v.embed);
  const present = useView((v) => v.present);
  const audience = useView((v) => v.audience);
  const lang = useView((v) => v.lang);
  const s = STRINGS[lang];
  // A state, not a ref: the date's effect runs before a parent's ref is attached.
  const [appEl, setAppEl] = useState<HTMLDivElement | null>(null);
  const chrome = !embed && !present;
  const [dialog, setDialog] = useState<DialogName | null>(null);
  useDocument();
  useKeyboard();
  usePlayer();
  useEmbedBridge();
  useResizeMessage();
  const close = () => setDialog(null);
  // The side panel is rendered in a task of its own after the first commit, the one that
  // creates the map: MapLibre's worker then starts on the first tiles while the panel renders,
  // instead of after it.
  const [sideShown, showSide] = useState(false);
  useEffect(() => {
    const task = window.setTimeout(() => showSide(true));
    return () => window.clearTimeout(task);
  }, []);

  return (
    <div
      className={`app${embed ? ' is-embed' : ''}${present ? ' is-present' : ''}${audience ? ' is-audience' : ''}`}
      data-testid="app"
      ref={setAppEl}
    >
      <DateOnDocument app={appEl} />
      {chrome && (
        <a className="skip-link" href="#main">
          {s.skipToContent}
        </a>
      )}
      {chrome && <Header onDialog={setDialog} />}
      <Notices initial={notices} />
      <main id="main" className="app-main" tabIndex={-1}>
        <Stage onReady={onReady} />
        {chrome && (
          <aside className="side">
            {sideShown && (
              <ErrorBoundary part="panel" message={s.partFailed} retryLabel={s.retry}>
                <FaultProbe part="panel" />
                <Panel>
                  <Filters />
                  <Legend />
                </Panel>
              </ErrorBoundary>
            )}
          </aside>
        )}
      </main>
      {/* The audience's window shows only the map and the caption; the presenter steers. */}
      {!audience && (
        <ErrorBoundary part="timeline" message={s.partFailed} retryLabel={s.retry}>
          <FaultProbe part="timeline" />
          <Timeline />
        </ErrorBoundary>
      )}
      <Suspense fallback={null}>
        {dialog === 'about' && <AboutDialog onClose={close} />}
        {dialog === 'share' && <ShareDialog onClose={close} />}
        {dialog === 'cite' && <CiteDialog onClose={close} />}
        {dialog === 'export' && <ExportDialog onClose={close} />}
      </Suspense>
    </div>
  );
}
