/** Reading an exported SVG in unit tests: parsed with a real XML parser (@xmldom/xmldom). */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { expect } from 'vitest';

/** Parses the SVG; any XML error fails the test. */
export function parseSvg(svg: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(svg, 'image/svg+xml');
  expect(errors).toEqual([]);
  return doc;
}

/** Every element of a tag below a node. */
export const all = (node: Document | Element, tag: string): Element[] =>
  Array.from(node.getElementsByTagName(tag));

/** The group with an id; a missing one fails the test. */
export function groupById(doc: Document, id: string): Element {
  const g = all(doc, 'g').find((x) => x.getAttribute('id') === id);
  if (!g) throw new Error(`no group ${id}`);
  return g;
}
