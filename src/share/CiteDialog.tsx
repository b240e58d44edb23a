/**
 * "Zitieren / Cite": the citation of the current view (title, data release, day of access,
 * permalink) as text, BibTeX and CSL-JSON, each ready to copy.
 */
import { STRINGS } from '../i18n/strings.ts';
import { citation } from '../view/cite.ts';
import { describeView } from '../view/describe.ts';
import { viewLink } from '../view/url.ts';
import { CopyField } from '../ui/CopyField.tsx';
import { ModalDialog } from '../ui/ModalDialog.tsx';
import { useAtlas, useView } from '../ui/atlas-context.tsx';

export default function CiteDialog({ onClose }: { onClose: () => void }) {
  const { store, model } = useAtlas();
  const lang = useView((v) => v.lang);
  const s = STRINGS[lang];
  const view = store.get();
  const cite = citation({
    lang,
    dataVersion: model.atlas.dataVersion,
    accessed: model.today,
    // A citation restores the view, not a presentation's deck.
    permalink: viewLink(window.location.href, { ...view, scenes: [] }, model.today),
    view: describeView(model, view),
  });
  return (
    <ModalDialog title={s.citeTitle} closeLabel={s.close} testId="cite-dialog" onClose={onClose}>
      <p>{s.citeIntro}</p>
      <CopyField label={s.citeText} value={cite.text} lang={lang} multiline testId="cite-text" />
      <CopyField
        label={s.citeBibtex}
        value={cite.bibtex}
        lang={lang}
        multiline
        rows={7}
        testId="cite-bibtex"
      />
      <CopyField
        label={s.citeCsl}
        value={cite.csl}
        lang={lang}
        multiline
        rows={7}
        testId="cite-csl"
      />
    </ModalDialog>
  );
}
