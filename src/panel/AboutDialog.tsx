/** About: what the atlas is, how many records it holds, the newest one, how to report a missing one. */
import { formatPartialDate } from '../i18n/format.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import { ModalDialog } from '../ui/ModalDialog.tsx';
import { useAtlas, useView } from '../ui/atlas-context.tsx';

export default function AboutDialog({ onClose }: { onClose: () => void }) {
  const { model } = useAtlas();
  const lang = useView((v) => v.lang);
  const s = STRINGS[lang];
  const newest = model.atlas.cooperations.reduce((a, b) =>
    b.signed.start > a.signed.start ? b : a,
  );
  return (
    <ModalDialog title={s.aboutTitle} closeLabel={s.close} testId="about-dialog" onClose={onClose}>
      <p>{s.panelIntro}</p>
      <p data-testid="about-count">
        {fill(s.aboutCount, {
          n: model.atlas.cooperations.length,
          date: formatPartialDate(newest.signed, lang),
        })}
      </p>
      <p>{s.aboutSources}</p>
      <p>{s.aboutReport}</p>
      <p>{fill(s.attribution, { year: model.geoYear })}</p>
    </ModalDialog>
  );
}
