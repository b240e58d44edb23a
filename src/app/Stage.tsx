/**
 * The stage: the map (or the table), its attribution, and in embeds and presentations the overlay
 * with the status, the link to the full atlas, the caption and the presenter's toolbar.
 */
import { lazy, Suspense, useState } from 'react';
import { STRINGS, fill } from '../i18n/strings.ts';
import { MapView } from '../map/MapView.tsx';
import { Legend } from '../panel/Legend.tsx';
import { TableView } from '../panel/TableView.tsx';
import { viewLink } from '../view/url.ts';
import { useAtlas, useView } from '../ui/atlas-context.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { FaultProbe } from './fault.ts';
import { StatusLine } from './StatusLine.tsx';

const CaptionCard = lazy(() => import('../present/CaptionCard.tsx'));
const Presenter = lazy(() => import('../present/Presenter.tsx'));

/** "Open in Kooperationsatlas": the full view of this state (formatted from the view, not the address bar). */
function OpenInAtlas() {
  const { model } = useAtlas();
  const href = useView((v) => viewLink(window.location.href, v, model.today));
  const lang = useView((v) => v.lang);
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" data-testid="open-in-atlas">
      {STRINGS[lang].openInAtlas} ↗
    </a>
  );
}

export function Stage({ onReady }: { onReady: () => void }) {
  const { model } = useAtlas();
  const embed = useView((v) => v.embed);
  const present = useView((v) => v.present);
  const tab = useView((v) => v.tab);
  const lang = useView((v) => v.lang);
  const s = STRINGS[lang];
  const chrome = !embed && !present;
  const [webglMissing, setWebglMissing] = useState(false);
  const [legendOpen, setLegendOpen] = useState(false);
  return (
    <div className="stage">
      {chrome && <StatusLine className="status-line" testId="status" />}
      <div
        className={`map-area${tab === 'table' && chrome ? ' is-hidden' : ''}`}
        aria-label={s.mapLabel}
        role="region"
      >
        <ErrorBoundary part="map" message={s.partFailed} retryLabel={s.retry}>
          <FaultProbe part="map" />
          {webglMissing ? (
            <p className="webgl-missing" role="alert" data-testid="webgl-missing">
              {s.webglMissing}
            </p>
          ) : (
            <MapView
              onReady={onReady}
              onWebglMissing={() => {
                setWebglMissing(true);
                onReady();
              }}
            />
          )}
        </ErrorBoundary>
        <p className="attribution" data-testid="attribution">
          {fill(s.attribution, { year: model.geoYear })}
        </p>
        {!chrome && (
          <div className="overlay-top">
            <StatusLine className="overlay-status" />
            {embed && (
              <div className="embed-bar">
                <OpenInAtlas />
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
        {embed && legendOpen && (
          <div className="embed-legend">
            <Legend compact />
          </div>
        )}
        {!chrome && (
          <Suspense fallback={null}>
            <CaptionCard closable={embed} />
          </Suspense>
        )}
        {present && (
          <Suspense fallback={null}>
            <Presenter />
          </Suspense>
        )}
      </div>
      {tab === 'table' && chrome && <TableView />}
    </div>
  );
}
