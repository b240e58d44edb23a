/**
 * The share dialog: the link to the current view and an iframe snippet to copy, both formatted
 * from the view itself (never read back from the address bar, which may still be stale or carry
 * parameters that are not ours). The snippet comes in the sizes slides use (16:9) or responsive
 * (16:10 of the page width, or the height the atlas asks for with embed-resize.js).
 */
import { useState } from 'react';
import { STRINGS } from '../i18n/strings.ts';
import { viewLink } from '../view/url.ts';
import { CopyField } from '../ui/CopyField.tsx';
import { ModalDialog } from '../ui/ModalDialog.tsx';
import { useAtlas, useView } from '../ui/atlas-context.tsx';

/** Slide sizes (16:9) and the responsive default. */
export const EMBED_SIZES = ['responsive', '1280x720', '960x540', '640x360'] as const;
export type EmbedSize = (typeof EMBED_SIZES)[number];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * An iframe snippet with a title: a fixed slide size, or responsive — the page width at 16:10,
 * with the auto-height script (`resizer`, the URL of embed-resize.js) where one is given.
 */
export function iframeSnippet(
  src: string,
  title: string,
  size: EmbedSize = 'responsive',
  resizer?: string,
): string {
  if (size !== 'responsive') {
    const [w, h] = size.split('x');
    return `<iframe src="${esc(src)}" title="${esc(title)}" width="${w}" height="${h}" style="border:0" loading="lazy"></iframe>`;
  }
  const frame = `<iframe${resizer ? ' data-kooperationsatlas' : ''} src="${esc(src)}" title="${esc(title)}" width="800" height="500" style="border:0;width:100%;height:auto;aspect-ratio:16/10" loading="lazy"></iframe>`;
  return resizer ? `${frame}\n<script src="${esc(resizer)}" async></script>` : frame;
}

export default function ShareDialog({ onClose }: { onClose: () => void }) {
  const { store, model } = useAtlas();
  const lang = useView((v) => v.lang);
  const hasScenes = useView((v) => v.scenes.length > 0);
  const s = STRINGS[lang];
  const [size, setSize] = useState<EmbedSize>('responsive');
  const view = store.get();
  const link = viewLink(window.location.href, view, model.today);
  const embed = viewLink(window.location.href, view, model.today, { embed: true });
  const resizer = new URL('embed-resize.js', window.location.href).toString();
  return (
    <ModalDialog title={s.shareTitle} closeLabel={s.close} testId="share-dialog" onClose={onClose}>
      <CopyField label={s.shareLink} value={link} lang={lang} />
      <fieldset className="share-sizes">
        <legend>{s.shareSize}</legend>
        {EMBED_SIZES.map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="embed-size"
              value={option}
              checked={size === option}
              onChange={() => setSize(option)}
            />{' '}
            {option === 'responsive' ? s.shareResponsive : option.replace('x', ' × ')}
          </label>
        ))}
      </fieldset>
      <CopyField
        label={s.shareEmbed}
        value={iframeSnippet(embed, s.embedTitle, size)}
        lang={lang}
        multiline
        testId="share-embed"
      />
      {size === 'responsive' && (
        <CopyField
          label={s.shareAutoHeight}
          value={iframeSnippet(embed, s.embedTitle, size, resizer)}
          lang={lang}
          multiline
          testId="share-auto-height"
        />
      )}
      {hasScenes && <p>{s.shareDeck}</p>}
    </ModalDialog>
  );
}
