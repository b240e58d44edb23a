/**
 * The stage: the map (or the table), its attribution, and in embeds and presentations the overlay
 * with the status, the link to the full atlas, the caption and the presenter's toolbar.
 */
import { lazy, Suspense, useState } from 'react';
import { STRINGS, fill } from '../i18n/strings.ts';
import { MapView } from '../map/MapView.tsx';
import { Legend } from '../panel/Legend.tsx';
import { TableView } from '../panel/TableView.tsx';
import { useAtlas, useView } from '../ui/atlas-context.tsx';
import { OpenInAtlas } from '../ui/OpenInAtlas.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { FaultProbe } from './fault.ts';
import { StatusLine } from './StatusLine.tsx';

const CaptionCard = lazy(() => import('../present/CaptionCard.tsx'));
const MatrixView = lazy(() => import('../matrix/MatrixView.tsx'));
const Presenter = lazy(() => import('../present/Presenter.tsx'));
// The storyboard (an export) shown in a presentation under reduced motion: wired here, since a
// feature never imports another.
const StoryboardView = lazy(() => import('../export/StoryboardView.tsx'));

export function Stage({ onReady }: { onReady: () => void }) {
  const { model, map } = useAtlas();
  const embed = useView((v) => v.embed);
  const present = useView((v) => v.present);
  const tab = useView((v) => v.tab);
  const lang = useView((v) => v.lang);
  const s = STRINGS[lang];
  const chrome = !embed && !present;
  const [webglMissing, setWebglMissing] = useState(false);
  const [legendOpen, setLegendOpen] = useState(false);
  // The matrix sits beside the map on wide screens (CSS, ≥ 1500 px); on narrower ones, and in
  // embeds, it takes the map's place.
  const matrix = tab === 'matrix';
  return (
    <div className={`stage${matrix ? ' with-matrix' : ''}`}>
      {chrome && <StatusLine className="status-line" testId="status" />}
      <div className="stage-body">
        <div
          className={`map-area${tab === 'table' && chrome ? ' is-hidden' : ''}${matrix ? ' beside-matrix' : ''}`}
          aria-label={s.mapLabel}
          role="region"
        >
          <ErrorBoundary
            part="map"
            message={s.partFailed}
            retryLabel={s.retry}
            onError={map.markStarted}
          >
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
              <Presenter storyboard={StoryboardView} />
            </Suspense>
          )}
        </div>
        {matrix && (
          <div className="matrix-area">
            <ErrorBoundary part="matrix" message={s.partFailed} retryLabel={s.retry}>
              <Suspense fallback={null}>
                <MatrixView />
              </Suspense>
            </ErrorBoundary>
          </div>
        )}
      </div>
      {tab === 'table' && chrome && <TableView />}
    </div>
  );
}
