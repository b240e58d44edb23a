/** The notice about URL values that were ignored: dismissable, each value isolated as text. */
import { useState } from 'react';
import { STRINGS, fill } from '../i18n/strings.ts';
import type { Notice } from '../view/url.ts';
import { useView } from '../ui/atlas-context.tsx';

export function Notices({ initial }: { initial: Notice[] }) {
  const lang = useView((v) => v.lang);
  const [notices, setNotices] = useState(initial);
  const s = STRINGS[lang];
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="notice">
      <p>{s.noticeTitle}</p>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>
            <code>{n.param}</code>:{' '}
            {n.reason === 'more' ? (
              fill(s.notice_more, { n: n.value })
            ) : (
              <>
                „<bdi>{n.value}</bdi>“ – {s[`notice_${n.reason}`]}
              </>
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="text-button" onClick={() => setNotices([])}>
        {s.dismiss}
      </button>
    </div>
  );
}
