/** About: what the atlas is, how many records it holds, the newest one, how to report a missing one. */
import { ModalDialog } from './ModalDialog.tsx';
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
  const newest = scene.atlas.cooperations.reduce((a, b) =>
    b.signed.start > a.signed.start ? b : a,
  );
  return (
    <ModalDialog title={s.aboutTitle} closeLabel={s.close} testId="about-dialog" onClose={onClose}>
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
    </ModalDialog>
  );
}
