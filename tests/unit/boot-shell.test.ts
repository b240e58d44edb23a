import { describe, expect, it } from 'vitest';
import { bootShellHtml } from '../../scripts/boot-shell.ts';
import { STRINGS } from '../../src/i18n/strings.ts';

describe('the page shell before the scripts', () => {
  it('says what the atlas is in both languages, and that it is loading', () => {
    const html = bootShellHtml();
    for (const lang of ['de', 'en'] as const) {
      const s = STRINGS[lang];
      const escaped = (t: string) => t.replace(/&/g, '&amp;');
      expect(html).toContain(`<span lang="${lang}">${escaped(s.appTagline)}</span>`);
      expect(html).toContain(`<span lang="${lang}">${escaped(s.loading)}</span>`);
    }
    expect(html).toContain(`<p class="boot-title">${STRINGS.de.appTitle}</p>`);
  });
  it('is plain markup: no script, no style, no handler', () => {
    expect(bootShellHtml()).not.toMatch(/<script|<style|\son\w+=|javascript:/i);
  });
});
