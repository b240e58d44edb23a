/**
 * Pure helpers for the slide exports: XML escaping, compact numbers, and text measured and
 * wrapped by estimate (no DOM, so widths are approximations for a sans-serif system font).
 */

/** Characters XML 1.0 forbids even when escaped (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/F). */
/* eslint-disable no-control-regex -- matching the control characters is the point. */
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** Escapes text for XML content and attribute values: & < > " ' (and drops invalid characters). */
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });
}

/** A number with at most one decimal, without a trailing ".0" and without "-0". */
export function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

// Rough advance widths (in em) of a humanist/grotesque sans-serif.
const NARROW = new Set([...'iljtfrI.,:;!|\'"()[]{}’‘ ']);
const WIDE = new Set([...'mwMW@%']);
const CAPS = /[A-ZÄÖÜ]/;
const DIGITS = /[0-9]/;

/** Estimated width of a text in px at a font size (bold texts run about 10 % wider). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.33;
    else if (WIDE.has(ch)) em += 0.92;
    else if (CAPS.test(ch)) em += 0.7;
    else if (DIGITS.test(ch)) em += 0.64;
    else if (ch === '–' || ch === '—') em += 0.64;
    else em += 0.6;
  }
  return em * fontSize * (bold ? 1.1 : 1);
}

/**
 * Wraps a text into lines no wider than maxWidth (by estimate). Words longer than a line stay
 * whole; an empty text gives one empty line.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  lines.push(line);
  return lines;
}

/** Shortens a text with an ellipsis so it fits maxWidth (by estimate). */
export function truncateText(
  text: string,
  maxWidth: number,
  fontSize: number,
  bold = false,
): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontSize, bold) > maxWidth)
    chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Keeps [A-Za-z0-9-] only: anything else becomes "-", runs collapse, ends are trimmed. */
export function sanitizeFilePart(text: string): string {
  return text
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Compact SVG path data for projected points: an absolute moveto, then relative linetos on
 * a 0.1 px grid (deltas of the rounded points, so no error accumulates). Points closer than
 * minStep px to the last kept one are dropped (the last point always stays); `close` ends
 * the path with "z". Returns "" when fewer than two (three if closed) distinct points remain.
 */
export function pathData(
  points: readonly (readonly [number, number])[],
  close = false,
  minStep = 0,
): string {
  const kept: [number, number][] = [];
  const step = minStep * 10;
  points.forEach((p, i) => {
    const q: [number, number] = [Math.round(p[0] * 10), Math.round(p[1] * 10)];
    const last = kept[kept.length - 1];
    if (last) {
      if (q[0] === last[0] && q[1] === last[1]) return;
      const isEnd = i === points.length - 1;
      if (!isEnd && Math.hypot(q[0] - last[0], q[1] - last[1]) < step) return;
    }
    kept.push(q);
  });
  if (close && kept.length > 1) {
    const first = kept[0]!;
    const last = kept[kept.length - 1]!;
    if (first[0] === last[0] && first[1] === last[1]) kept.pop();
  }
  if (kept.length < (close ? 3 : 2)) return '';
  let d = '';
  const put = (n: number, afterCommand: boolean): void => {
    const text = String(n / 10);
    d += afterCommand || text.startsWith('-') ? text : ` ${text}`;
  };
  const [x0, y0] = kept[0]!;
  d += 'M';
  put(x0, true);
  put(y0, false);
  d += 'l';
  for (let i = 1; i < kept.length; i++) {
    const [x, y] = kept[i]!;
    const [px, py] = kept[i - 1]!;
    put(x - px, i === 1);
    put(y - py, false);
  }
  return close ? `${d}z` : d;
}
