/**
 * Label collision for the HTML region labels (MapLibre's own collision only works for symbol
 * layers, which need a glyph server). Pure: boxes in, the ids to hide out.
 */
export interface LabelBox {
  id: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Higher wins: the selection, then its partners, then the Länder, then other places. */
  priority: number;
}

/**
 * Greedy placement: labels are taken by priority (ties keep their given order); one that
 * overlaps a label already kept (with `gap` px around it) is hidden.
 */
export function declutter(boxes: readonly LabelBox[], gap = 2): Set<string> {
  const order = boxes
    .map((box, i) => ({ box, i }))
    .sort((a, b) => b.box.priority - a.box.priority || a.i - b.i);
  const kept: LabelBox[] = [];
  const hidden = new Set<string>();
  for (const { box } of order) {
    const hits = kept.some(
      (k) =>
        box.x0 < k.x1 + gap && k.x0 < box.x1 + gap && box.y0 < k.y1 + gap && k.y0 < box.y1 + gap,
    );
    if (hits) hidden.add(box.id);
    else kept.push(box);
  }
  return hidden;
}

/** A label's priority from its kind and state. */
export function labelPriority(
  kind: string,
  state: { selected: boolean; partner: boolean },
): number {
  if (state.selected) return 4;
  if (kind === 'federal') return 3.5;
  if (state.partner) return 3;
  return kind === 'state' ? 2 : 1;
}
