/**
 * The palette as CSS custom properties, for both themes: the stylesheets only use `var(--…)`,
 * so style/palette.ts stays the one source of every colour. Pure: returns the CSS text.
 */
import { TOPICS } from '../data/model.ts';
import { MAP_COLOURS, PAGE_COLOURS, topicColours, UI_COLOURS, type Theme } from './palette.ts';

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function variables(theme: Theme): string {
  const ui = UI_COLOURS[theme];
  const map = MAP_COLOURS[theme];
  const page = PAGE_COLOURS[theme];
  const topics = topicColours(theme);
  const entries: [string, string][] = [
    ...Object.entries(ui).map(([k, v]): [string, string] => [kebab(k), v]),
    ['sea', map.sea],
    ['land', map.land],
    ['ended', map.ended],
    ['pair', map.pair],
    ['selected-fill', map.selectedFill],
    ['selected-border', map.selectedBorder],
    ['tint-1', map.tint[0]],
    ['tint-2', map.tint[1]],
    ['tint-3', map.tint[2]],
    ['label', page.label],
    ['halo', page.halo],
    ['bund-fill', page.bundFill],
    ['bund-text', page.bundText],
    ['bund-border', page.bundBorder],
    ['bund-selected', page.bundSelected],
    ...TOPICS.map((t): [string, string] => [`topic-${t}`, topics[t]]),
  ];
  return entries.map(([k, v]) => `--${k}:${v};`).join('');
}

/** `:root{…}` for the light theme and `:root[data-theme='dark']{…}` for the dark one. */
export function tokensCss(): string {
  return (
    `:root{${variables('light')}color-scheme:light}` +
    `:root[data-theme='dark']{${variables('dark')}color-scheme:dark}`
  );
}
