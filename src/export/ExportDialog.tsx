/** Export for slides: PNG in three sizes and SVG with live text (loaded on demand). */
import { ModalDialog } from '../panel/ModalDialog.tsx';
import { useState } from 'react';
import type { Scene } from '../app/scene.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import type { Derived } from '../view/derive.ts';
import type { ViewState } from '../view/view-state.ts';
import { download, svgToPng } from './raster.ts';
import { exportFileName, renderSvg } from './svg.ts';

export interface ExportDialogProps {
  scene: Scene;
  derived: Derived;
  view: ViewState;
  /** The map's visible bounds [west, south, east, north], so the export shows the current view. */
  bounds: [number, number, number, number] | null;
  onClose: () => void;
}

type Kind = 'png1080' | 'png2160' | 'pngWindow' | 'svg';

export default function ExportDialog({ scene, derived, view, bounds, onClose }: ExportDialogProps) {
  const s = STRINGS[view.lang];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (kind: Kind) => {
    setBusy(true);
    setError(null);
    try {
      const size =
        kind === 'png2160'
          ? [3840, 2160]
          : kind === 'pngWindow'
            ? [
                Math.round(window.innerWidth * devicePixelRatio),
                Math.round(window.innerHeight * devicePixelRatio),
              ]
            : [1920, 1080];
      // The layout is drawn at 1920 px wide (or the window's aspect) and scaled, so text stays proportionate.
      const layoutW = kind === 'pngWindow' ? Math.max(960, Math.round(window.innerWidth)) : 1920;
      const layoutH = Math.round((layoutW * size[1]!) / size[0]!);
      const svg = renderSvg({
        scene,
        derived,
        view,
        width: layoutW,
        height: layoutH,
        ...(bounds ? { bounds } : {}),
      });
      if (kind === 'svg')
        download(new Blob([svg], { type: 'image/svg+xml' }), exportFileName(view, scene, 'svg'));
      else download(await svgToPng(svg, size[0]!, size[1]!), exportFileName(view, scene, 'png'));
    } catch (e) {
      setError(fill(s.exportFailed, { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      title={s.exportTitle}
      closeLabel={s.close}
      testId="export-dialog"
      onClose={onClose}
    >
      <div className="export-options">
        <button
          type="button"
          className="text-button"
          disabled={busy}
          onClick={() => void run('png1080')}
          data-testid="export-png1080"
        >
          {s.exportPng1080}
        </button>
        <button
          type="button"
          className="text-button"
          disabled={busy}
          onClick={() => void run('png2160')}
        >
          {s.exportPng2160}
        </button>
        <button
          type="button"
          className="text-button"
          disabled={busy}
          onClick={() => void run('pngWindow')}
        >
          {s.exportPngWindow}
        </button>
        <button
          type="button"
          className="text-button"
          disabled={busy}
          onClick={() => void run('svg')}
          data-testid="export-svg"
        >
          {s.exportSvg}
        </button>
      </div>
      <p role="status">{busy ? s.exporting : (error ?? '')}</p>
    </ModalDialog>
  );
}
