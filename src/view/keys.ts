/**
 * The one key map: which key does what, on the page, on a timeline handle and while presenting.
 * The app binds it once on the window, the timeline handles on themselves; both turn the command
 * into a view action. Pure.
 */

export type KeyCommand =
  | { type: 'togglePlay' }
  | { type: 'step'; direction: 1 | -1; byYear: boolean }
  | { type: 'jump'; to: 'start' | 'end' }
  | { type: 'clear' }
  | { type: 'clicker'; key: 'next' | 'previous' | 'first' | 'last' }
  | { type: 'blank' }
  | { type: 'unblank' };

export interface KeyInput {
  key: string;
  shiftKey?: boolean;
}

/** Where the key was pressed. */
export type KeyPlace =
  /** Nothing in particular has the focus. */
  | 'page'
  /** The map canvas: its arrow keys pan the map. */
  | 'map'
  /** A timeline handle (an ARIA slider). */
  | 'slider'
  /** A button or link: Space and Enter keep their meaning. */
  | 'control'
  /** A text field, or anything in a dialog: every key is theirs. */
  | 'text';

export interface KeyContext {
  place: KeyPlace;
  presenting: boolean;
  blank: boolean;
  selected: boolean;
}

const CLICKER: Record<string, 'next' | 'previous' | 'first' | 'last'> = {
  PageDown: 'next',
  ArrowRight: 'next',
  ' ': 'next',
  PageUp: 'previous',
  ArrowLeft: 'previous',
  Home: 'first',
  End: 'last',
};

/** The command for a key press, or null when the key is not ours there. */
export function keyCommand(e: KeyInput, ctx: KeyContext): KeyCommand | null {
  const { key } = e;
  const byYear = e.shiftKey === true;
  if (ctx.place === 'text') return null;
  if (ctx.presenting) {
    if (key === 'b' || key === 'B' || key === '.') return { type: 'blank' };
    if (ctx.blank) return key === 'Escape' ? { type: 'unblank' } : null;
    if (ctx.place === 'control' && (key === ' ' || key === 'Enter')) return null;
    // Slide clickers send PageDown/PageUp (and arrows): they step through the talk everywhere.
    const clicker = CLICKER[key];
    if (clicker) return { type: 'clicker', key: clicker };
  }
  if (key === 'Escape') return ctx.selected ? { type: 'clear' } : null;
  if (ctx.place === 'control') return null;
  switch (key) {
    case ' ':
    case 'Spacebar':
      return { type: 'togglePlay' };
    case 'Home':
      return { type: 'jump', to: 'start' };
    case 'End':
      return { type: 'jump', to: 'end' };
  }
  if (ctx.place === 'map') return null;
  switch (key) {
    case 'ArrowRight':
      return { type: 'step', direction: 1, byYear };
    case 'ArrowLeft':
      return { type: 'step', direction: -1, byYear };
  }
  if (ctx.place !== 'slider') return null;
  // An ARIA slider also takes up/down and page keys (a year).
  switch (key) {
    case 'ArrowUp':
      return { type: 'step', direction: 1, byYear };
    case 'ArrowDown':
      return { type: 'step', direction: -1, byYear };
    case 'PageUp':
      return { type: 'step', direction: 1, byYear: true };
    case 'PageDown':
      return { type: 'step', direction: -1, byYear: true };
  }
  return null;
}

/** The kind of place an event target is, for keyCommand. */
export function keyPlaceOf(target: EventTarget | null): KeyPlace {
  const el = target as {
    tagName?: string;
    getAttribute?: (n: string) => string | null;
    closest?: (s: string) => unknown;
  } | null;
  const tag = el?.tagName?.toUpperCase();
  if (!tag || tag === 'BODY' || tag === 'HTML') return 'page';
  if (el?.closest?.('dialog')) return 'text';
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return 'text';
  if (el?.getAttribute?.('role') === 'slider') return 'slider';
  if (tag === 'CANVAS') return 'map';
  if (tag === 'MAIN') return 'page';
  return 'control';
}
