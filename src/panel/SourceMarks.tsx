/**
 * Reference marks after a fact: "¹ ³", each a link to the source in the card's list, named for
 * assistive technology ("Quelle 1: Senatskanzlei Berlin").
 */
import type { Cooperation } from '../data/atlas.ts';
import { fill, STRINGS } from '../i18n/strings.ts';
import { useView } from '../ui/atlas-context.tsx';

/** The id of a cooperation's n-th source in the card (1-based). */
export const sourceAnchor = (c: Cooperation, n: number): string => `src-${c.id}-${n}`;

export function SourceMarks({
  cooperation: c,
  sources,
}: {
  cooperation: Cooperation;
  sources: number[];
}) {
  const lang = useView((v) => v.lang);
  if (sources.length === 0) return null;
  const s = STRINGS[lang];
  return (
    <sup className="source-marks" data-sources={sources.join(',')}>
      {sources.map((n, i) => (
        <span key={n}>
          {i > 0 && ' '}
          <a
            href={`#${sourceAnchor(c, n)}`}
            aria-label={fill(s.sourceMark, { n, publisher: c.sources[n - 1]?.publisher ?? '' })}
          >
            {n}
          </a>
        </span>
      ))}
    </sup>
  );
}
