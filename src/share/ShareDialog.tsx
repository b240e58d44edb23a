/**
 * The share dialog: the link to the current view and an iframe snippet to copy, both formatted
 * from the view itself (never read back from the address bar, which may still be stale or carry
 * parameters that are not ours).
 */
import { STRINGS } from '../i18n/strings.ts';
import { viewLink } from '../view/url.ts';
import { CopyField } from '../ui/CopyField.tsx';
import { ModalDialog } from '../ui/ModalDialog.tsx';
import { useAtlas, useView } from '../ui/atlas-context.tsx';

/** An iframe snippet with a title and a 16:10 aspect ratio that follows the page width. */
export function iframeSnippet(src: string, title: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${esc(src)}" title="${esc(title)}" width="800" height="500" style="border:0;width:100%;height:auto;aspect-ratio:16/10" loading="lazy"></iframe>`;
}

export default function ShareDialog({ onClose }: { onClose: () => void }) {
  const { store, model } = useAtlas();
  const lang = useView((v) => v.lang);
  const hasScenes = useView((v) => v.scenes.length > 0);
  const s = STRINGS[lang];
  const view = store.get();
  const link = viewLink(window.location.href, view, model.today);
  const embed = viewLink(window.location.href, view, model.today, { embed: true });
  return (
    <ModalDialog title={s.shareTitle} closeLabel={s.close} testId="share-dialog" onClose={onClose}>
      <CopyField label={s.shareLink} value={link} lang={lang} />
      <CopyField
        label={s.shareEmbed}
        value={iframeSnippet(embed, s.embedTitle)}
        lang={lang}
        multiline
      />
      {hasScenes && <p>{s.shareDeck}</p>}
    </ModalDialog>
  );
}
