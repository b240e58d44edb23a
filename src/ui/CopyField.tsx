/** A read-only text with its label and a Copy button (share links, snippets, citations). */
import { useRef, useState } from 'react';
import type { Lang } from '../data/model.ts';
import { STRINGS } from '../i18n/strings.ts';

export function CopyField({
  label,
  value,
  lang,
  multiline,
  rows = 4,
  testId,
}: {
  label: string;
  value: string;
  lang: Lang;
  multiline?: boolean;
  /** Rows of a multi-line field (default 4). */
  rows?: number;
  testId?: string;
}) {
  const s = STRINGS[lang];
  const [copied, setCopied] = useState(false);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const copy = async () => {
    ref.current?.select();
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      document.execCommand?.('copy');
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="copy-field">
      <label>
        <span>{label}</span>
        {multiline ? (
          <textarea ref={ref} readOnly value={value} rows={rows} data-testid={testId} />
        ) : (
          <input ref={ref} readOnly value={value} data-testid={testId} />
        )}
      </label>
      <button type="button" className="text-button" onClick={() => void copy()}>
        {copied ? s.copied : s.copy}
      </button>
    </div>
  );
}
