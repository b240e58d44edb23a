/**
 * The auto-height message for responsive embeds: in an iframe (`embed=1`), the app posts
 * `{ type: 'kooperationsatlas:resize', height }` to its host whenever the height it wants
 * changes (view/layout.ts: 16:10 of its width, or the matrix's content), so a host page or an
 * iframe-resizer script (public/embed-resize.js) can adapt the iframe.
 */
import { useEffect } from 'react';
import { preferredEmbedHeight } from '../view/layout.ts';
import { useView } from '../ui/atlas-context.tsx';
import { hostTargets } from './protocol.ts';

export const RESIZE_TYPE = 'kooperationsatlas:resize';

/**
 * The matrix's own height — its heading, its table with the caption, its legend, and the gaps —
 * plus the timeline's: measured from the content, never from the box it fills (which follows
 * the iframe's height and would make host and embed chase each other).
 */
function contentHeight(): number {
  const matrix = document.querySelector<HTMLElement>('.matrix-view');
  if (!matrix) return 0;
  const style = getComputedStyle(matrix);
  let inner =
    parseFloat(style.paddingTop) +
    parseFloat(style.paddingBottom) +
    parseFloat(style.rowGap || '0') * Math.max(0, matrix.children.length - 1);
  for (const child of matrix.children) {
    const table = child.querySelector('table');
    if (!table) {
      inner += (child as HTMLElement).offsetHeight;
      continue;
    }
    const boxes = [table, table.querySelector('caption')].flatMap((e) =>
      e ? [e.getBoundingClientRect()] : [],
    );
    inner += Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top)) + 4;
  }
  const timeline = document.querySelector<HTMLElement>('.timeline');
  return inner + (timeline?.offsetHeight ?? 0);
}

export function useResizeMessage(): void {
  const embed = useView((v) => v.embed);
  const tab = useView((v) => v.tab);
  const origins = useView((v) => v.origins);
  useEffect(() => {
    if (!embed || window.parent === window) return;
    let last = 0;
    let frame = 0;
    let ro: ResizeObserver | null = null;
    const post = () => {
      frame = 0;
      // The matrix's parts change size as its styles and data arrive: watch them too.
      for (const el of document.querySelectorAll('.matrix-view > *, .matrix-view table'))
        ro?.observe(el);
      const height = preferredEmbedHeight(document.documentElement.clientWidth, contentHeight());
      if (height === last) return;
      last = height;
      for (const target of hostTargets(origins))
        window.parent.postMessage({ type: RESIZE_TYPE, height }, target);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(post);
    };
    ro = new ResizeObserver(schedule);
    ro.observe(document.documentElement);
    // The matrix loads on demand and grows with its content: watch its area for that.
    const mo = new MutationObserver(schedule);
    const area = document.querySelector('.matrix-area');
    if (area) mo.observe(area, { childList: true, subtree: true });
    schedule();
    return () => {
      ro?.disconnect();
      mo.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [embed, tab, origins]);
}
