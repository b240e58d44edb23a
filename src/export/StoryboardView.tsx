/**
 * The storyboard shown in the page (presentation mode offers it instead of the animation when
 * the system asks for reduced motion): the same picture as the storyboard export, as an image
 * (an SVG in an <img> runs nothing), with the dates spread from 2006 to the view's date.
 */
import { useMemo } from 'react';
import { STRINGS } from '../i18n/strings.ts';
import { viewLink } from '../view/url.ts';
import { useAtlas, useView } from '../ui/atlas-context.tsx';
import { renderStoryboard } from './storyboard.ts';

export default function StoryboardView({ onClose }: { onClose: () => void }) {
  const { model, store, derive } = useAtlas();
  const lang = useView((v) => v.lang);
  const s = STRINGS[lang];
  const svg = useMemo(() => {
    const view = store.get();
    return renderStoryboard({
      model,
      view,
      derive,
      link: viewLink(window.location.href, { ...view, scenes: [] }, model.today),
    });
  }, [model, store, derive]);
  // A data: URL (allowed by the CSP's img-src), nothing to revoke.
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  return (
    <div
      className="storyboard-view"
      role="dialog"
      aria-label={s.storyboardHeading}
      data-testid="storyboard-view"
    >
      <button type="button" className="close-button" onClick={onClose} aria-label={s.close}>
        ×
      </button>
      <img src={url} alt={s.storyboardHeading} />
    </div>
  );
}
