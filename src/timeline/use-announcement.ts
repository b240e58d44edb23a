/** The timeline's live region text, updated at most every 700 ms so screen readers are not flooded. */
import { useEffect, useState } from 'react';
import type { Lang } from '../data/model.ts';
import { formatLongDay } from '../i18n/format.ts';
import { fill, STRINGS } from '../i18n/strings.ts';
import type { TimeMode } from '../time/in-force.ts';

export function useAnnouncement(p: {
  mode: TimeMode;
  date: number;
  from: number;
  lang: Lang;
  /** What the map shows now (after the filters). */
  visibleCount: number;
  /** Diff mode: the sentence that sums up the change (announced as it is). */
  diffText: string | null;
}): string {
  const [text, setText] = useState('');
  useEffect(() => {
    const s = STRINGS[p.lang];
    const t = setTimeout(() => {
      const date = formatLongDay(p.date, p.lang);
      const n = p.visibleCount;
      if (p.diffText !== null) setText(p.diffText);
      else if (p.mode === 'signed')
        setText(fill(s.announceRange, { from: formatLongDay(p.from, p.lang), to: date, n }));
      else
        setText(fill(p.mode === 'inforce' ? s.announceInForce : s.announceCumulative, { date, n }));
    }, 700);
    return () => clearTimeout(t);
  }, [p.mode, p.date, p.from, p.lang, p.visibleCount, p.diffText]);
  return text;
}
