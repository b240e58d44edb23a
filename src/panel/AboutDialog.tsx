/** About: what the atlas is, how many records it holds, the newest one, how to report a missing one. */
import { useEffect, useRef } from 'react';
import type { Scene } from '../app/scene.ts';
import type { Lang } from '../data/model.ts';
import { formatPartialDate } from '../i18n/format.ts';
import { STRINGS, fill } from '../i18n/strings.ts';

export default function AboutDialog({
  scene,
  lang,
  onClose,
}: {
  scene: Scene;
  lang: Lang;
  onClose: () => void;
}) {
  const s = STRINGS[lang];
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const newest = scene.atlas.cooperations.reduce((a, b) =>
    b.signed.start > a.signed.start ? b : a,
  );
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="about-title"
      onClose={onClose}
      data-testid="about-dialog"
    >
      <h2 id="about-title">{s.aboutTitle}</h2>
      <p>{s.panelIntro}</p>
      <p data-testid="about-count">
        {fill(s.aboutCount, {
          n: scene.atlas.cooperations.length,
          date: formatPartialDate(newest.signed, lang),
        })}
      </p>
      <p>{s.aboutSources}</p>
      <p>{s.aboutReport}</p>
      <p>{fill(s.attribution, { year: scene.geoYear })}</p>
      <form method="dialog">
        <button type="submit" className="text-button">
          {s.close}
        </button>
      </form>
    </dialog>
  );
}
