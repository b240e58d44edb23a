/** "Open in Kooperationsatlas": the full view of this state, formatted from the view (not the address bar). */
import { STRINGS } from '../i18n/strings.ts';
import { viewLink } from '../view/url.ts';
import { useAtlas, useView } from './atlas-context.tsx';

export function OpenInAtlas() {
  const { model } = useAtlas();
  const href = useView((v) => viewLink(window.location.href, v, model.today));
  const lang = useView((v) => v.lang);
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" data-testid="open-in-atlas">
      {STRINGS[lang].openInAtlas} ↗
    </a>
  );
}
