/**
 * Text measured by estimate (no DOM, so exports render the same in Node and in every browser):
 * widths of a sans-serif system font, line wrapping and truncation. Linear in the text's length.
 */

// Rough advance widths (in em) of a humanist/grotesque sans-serif.
const NARROW = new Set([...'iljtfrI.,:;!|\'"()[]{}’‘ ']);
const WIDE = new Set([...'mwMW@%']);
const CAPS = /[A-ZÄÖÜ]/;
const DIGITS = /[0-9]/;

/** Estimated advance of one character in em. */
function advance(ch: string): number {
  if (NARROW.has(ch)) return 0.33;
  if (WIDE.has(ch)) return 0.92;
  if (CAPS.test(ch)) return 0.7;
  if (DIGITS.test(ch)) return 0.64;
  if (ch === '–' || ch === '—') return 0.64;
  return 0.6;
}

/** Estimated width of a text in px at a font size (bold texts run about 10 % wider). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em * fontSize * (bold ? 1.1 : 1);
}

/**
 * Wraps a text into lines no wider than maxWidth. A word longer than a line is cut with an
 * ellipsis rather than running off the page.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const space = textWidth(' ', fontSize, bold);
  for (const raw of words) {
    const word = truncateText(raw, maxWidth, fontSize, bold);
    const w = textWidth(word, fontSize, bold);
    if (line && lineWidth + space + w > maxWidth) {
      lines.push(line);
      line = word;
      lineWidth = w;
    } else {
      lineWidth += (line ? space : 0) + w;
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * Shortens a text with an ellipsis so it fits maxWidth. Each character is measured once (a
 * running sum), so a 30 000-character title costs as little as a short one.
 */
export function truncateText(
  text: string,
  maxWidth: number,
  fontSize: number,
  bold = false,
): string {
  const scale = fontSize * (bold ? 1.1 : 1);
  const chars = [...text];
  const budget = maxWidth / scale - advance('…');
  let em = 0;
  let fits = 0;
  for (const ch of chars) {
    em += advance(ch);
    if (em <= budget) fits++;
  }
  if (em * scale <= maxWidth) return text;
  return `${chars.slice(0, Math.max(1, fits)).join('').trimEnd()}…`;
}
