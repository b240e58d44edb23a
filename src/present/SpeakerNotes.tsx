/**
 * The presenter's own panel: the clock and the time since the talk began, the notes of the
 * current scene (editable; they travel in the deck), and the next scene. Never shown in the
 * audience's window.
 */
import { useEffect, useState } from 'react';
import type { Lang } from '../data/model.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import { MAX_NOTES, type Scene } from '../view/deck.ts';
import { useAct, useView } from '../ui/atlas-context.tsx';

const LOCALE: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

/** "0:12:31" */
export function elapsedText(ms: number): string {
  const t = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(t / 3600)}:${two(Math.floor(t / 60) % 60)}:${two(t % 60)}`;
}

export function SpeakerNotes({ since }: { since: number }) {
  const lang = useView((v) => v.lang);
  const scenes = useView((v) => v.scenes);
  const index = useView((v) => v.sceneIndex);
  const act = useAct();
  const s = STRINGS[lang];
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  const scene = scenes[index];
  const next = scenes[index + 1];
  const setNotes = (notes: string) =>
    act({
      scenes: scenes.map((sc, i) => {
        if (i !== index) return sc;
        const next: Scene = { ...sc, notes };
        if (!notes) delete next.notes;
        return next;
      }),
    });
  return (
    <section className="speaker-notes" aria-label={s.notes} data-testid="speaker-notes">
      <p className="speaker-clock">
        <span>
          {s.clock}{' '}
          <time data-testid="clock">
            {new Intl.DateTimeFormat(LOCALE[lang], { timeStyle: 'medium' }).format(now)}
          </time>
        </span>
        <span>
          {s.elapsed} <span data-testid="elapsed">{elapsedText(now - since)}</span>
        </span>
      </p>
      {scene ? (
        <>
          <h2 className="speaker-scene">
            {fill(s.sceneOf, { i: index + 1, n: scenes.length })}: <bdi>{scene.name}</bdi>
          </h2>
          <label className="speaker-notes-field">
            <span>{s.notesLabel}</span>
            <textarea
              value={scene.notes ?? ''}
              maxLength={MAX_NOTES}
              rows={6}
              onChange={(e) => setNotes(e.target.value)}
              data-testid="notes-text"
            />
          </label>
          <p className="speaker-next" data-testid="next-scene">
            {next ? (
              <>
                {s.nextScene}: <bdi>{next.name}</bdi>
              </>
            ) : (
              s.lastScene
            )}
          </p>
        </>
      ) : (
        <p>{s.notesNoScene}</p>
      )}
    </section>
  );
}
