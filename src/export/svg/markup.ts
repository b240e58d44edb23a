/**
 * Writing SVG as text: XML escaping, attributes, elements, text blocks, compact numbers and
 * path data. Pure.
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

/** In a double-quoted attribute an apostrophe may stay as it is ("… 'Segoe UI' …"). */
const escapeAttr = (v: string): string => escapeXml(v).replace(/&apos;/g, "'");

export type Attrs = Record<string, string | number | undefined>;

export function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : escapeAttr(v)}"`;
  }
  return out;
}

export function el(tag: string, a: Attrs, inner?: string): string {
  return inner === undefined ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${inner}</${tag}>`;
}

export const titleEl = (text: string): string => `<title>${escapeXml(text)}</title>`;

/**
 * Data text inside a line of our own text, isolated so that bidirectional control characters in
 * it cannot reorder the rest of the line.
 */
export const isolated = (text: string): string =>
  el('tspan', { 'unicode-bidi': 'isolate' }, escapeXml(text));

/** One multi-line text block: lines as tspans, first baseline at y. */
export function textBlock(
  lines: string[],
  x: number,
  y: number,
  lineHeight: number,
  a: Attrs,
): string {
  const spans = lines
    .map((line, i) =>
      el(
        'tspan',
        {
          x,
          y: i === 0 ? y : undefined,
          dy: i === 0 ? undefined : lineHeight,
          'unicode-bidi': 'isolate',
        },
        escapeXml(line),
      ),
    )
    .join('');
  return el('text', { x, y, ...a }, spans);
}
