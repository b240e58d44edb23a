/**
 * Export for slides (loaded on demand): PNG in three sizes and SVG with live text, a video of the
 * growth and a storyboard strip.
 */
import { useState } from 'react';
import { STRINGS, fill } from '../i18n/strings.ts';
import { isKnownId } from '../model/atlas-model.ts';
import { ModalDialog } from '../ui/ModalDialog.tsx';
import { useAtlas } from '../ui/atlas-context.tsx';
import { exportFileName } from '../view/file-name.ts';
import { viewLink } from '../view/url.ts';
import { svgToPng } from './raster.ts';
import { download } from '../ui/download.ts';
import { renderSvg } from './svg/render.ts';
import { renderMatrixSvg } from './svg/matrix-page.ts';
import { buildMatrix } from '../view/matrix.ts';
import { matrixOrder } from '../view/seriate.ts';
import type { Derived } from '../view/derive.ts';
import type { ViewState } from '../view/view-state.ts';
import type { AtlasModel } from '../model/atlas-model.ts';
import { NEAR_ZOOM } from '../style/link-style.ts';
import { StoryboardPanel } from './StoryboardPanel.tsx';
import { VideoPanel } from './VideoPanel.tsx';
import type { Shot } from './shot.ts';
import './export.css';

type Format = 'png1080' | 'png2160' | 'pngWindow' | 'svg';

/** The matrix page, in the order the matrix view shows (the clustered one worked out here). */
async function matrixSvg(
  model: AtlasModel,
  derived: Derived,
  view: ViewState,
  width: number,
  height: number,
  link: string,
): Promise<string> {
  const m = buildMatrix(model, derived.visible, view, view.nationwide);
  const order = await matrixOrder(m, view.order);
  return renderMatrixSvg({ model, derived, view, width, height, order, link, matrix: m });
}

export default function ExportDialog({ onClose }: { onClose: () => void }) {
  const { model, store, derive, map } = useAtlas();
  // What every export shows: the view, the map's visible part and level, and the view's link.
  const [shot] = useState<Shot>(() => {
    const view = store.get();
    const bounds = map.get()?.visibleBox() ?? undefined;
    return {
      view,
      level: (map.get()?.zoom() ?? 0) >= NEAR_ZOOM ? 'near' : 'far',
      // The permalink without the presentation's scenes, which would make it long.
      link: viewLink(window.location.href, { ...view, scenes: [] }, model.today),
      ...(bounds ? { bounds } : {}),
    };
  });
  const { view } = shot;
  const s = STRINGS[view.lang];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (format: Format) => {
    setBusy(true);
    setError(null);
    try {
      const size =
        format === 'png2160'
          ? [3840, 2160]
          : format === 'pngWindow'
            ? [
                Math.round(window.innerWidth * devicePixelRatio),
                Math.round(window.innerHeight * devicePixelRatio),
              ]
            : [1920, 1080];
      // The layout is drawn at 1920 px wide (or the window's aspect) and scaled, so text stays proportionate.
      const layoutW = format === 'pngWindow' ? Math.max(960, Math.round(window.innerWidth)) : 1920;
      const layoutH = Math.round((layoutW * size[1]!) / size[0]!);
      const derived = derive(view);
      const svg =
        view.tab === 'matrix'
          ? await matrixSvg(model, derived, view, layoutW, layoutH, shot.link)
          : renderSvg({ model, derived, width: layoutW, height: layoutH, ...shot });
      const name = (ext: string) => exportFileName(view, (id) => isKnownId(model, id), ext);
      if (format === 'svg') download(new Blob([svg], { type: 'image/svg+xml' }), name('svg'));
      else download(await svgToPng(svg, size[0]!, size[1]!), name('png'));
    } catch (e) {
      setError(fill(s.exportFailed, { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const options: { format: Format; label: string; testId?: string }[] = [
    { format: 'png1080', label: s.exportPng1080, testId: 'export-png1080' },
    { format: 'png2160', label: s.exportPng2160 },
    { format: 'pngWindow', label: s.exportPngWindow },
    { format: 'svg', label: s.exportSvg, testId: 'export-svg' },
  ];
  return (
    <ModalDialog
      title={s.exportTitle}
      closeLabel={s.close}
      testId="export-dialog"
      onClose={onClose}
    >
      {view.tab === 'matrix' && <p className="export-hint">{s.exportOfMatrix}</p>}
      <div className="export-options">
        {options.map((o) => (
          <button
            key={o.format}
            type="button"
            className="text-button"
            disabled={busy}
            onClick={() => void run(o.format)}
            data-testid={o.testId}
          >
            {o.label}
          </button>
        ))}
      </div>
      <p role="status">{busy ? s.exporting : (error ?? '')}</p>
      <VideoPanel shot={shot} />
      <StoryboardPanel shot={shot} />
    </ModalDialog>
  );
}
