/**
 * The page shell that index.html shows before any script has run: the title, the tagline in both
 * languages (the URL's language is not known yet) and a loading line. Written into index.html at
 * build time (vite.config.ts), so it paints with the first frame of the HTML and its styles —
 * before the scripts, the data and the map's worker have arrived. React replaces it with its
 * first render. Build-time only (nothing of it ships as script). Pure: returns HTML text.
 */
import { STRINGS } from '../src/i18n/strings.ts';

/** Text in HTML content: &, < and > (the shell has no attribute values from strings). */
const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function bootShellHtml(): string {
  const { de, en } = STRINGS;
  return [
    '<div class="boot-shell" data-testid="boot-shell">',
    `<p class="boot-title">${escape(de.appTitle)}</p>`,
    '<p class="boot-lede">',
    `<span lang="de">${escape(de.appTagline)}</span><br />`,
    `<span lang="en">${escape(en.appTagline)}</span>`,
    '</p>',
    `<p class="boot-status"><span lang="de">${escape(de.loading)}</span> · `,
    `<span lang="en">${escape(en.loading)}</span></p>`,
    '</div>',
  ].join('');
}
