/**
 * Presentation mode: slide-clicker keys step through the events (or through the deck of
 * scenes), B blanks the screen, and a toolbar saves scenes and orders the deck.
 */
import { useEffect, useState } from 'react';
import type { Lang } from '../data/model.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import type { TimelineEvent } from '../time/events.ts';
import type { Store } from '../view/store.ts';
import type { ViewState } from '../view/view-state.ts';
import { moveScene, MAX_SCENES, type Scene } from './deck.ts';
import { stepEvent, stepKeyOf, stepScene } from './step.ts';

export interface PresenterProps {
  store: Store<ViewState>;
  events: TimelineEvent[];
  lang: Lang;
  scenes: Scene[];
  sceneIndex: number;
  blank: boolean;
  /** The map's camera now, for saving a scene. */
  getCamera: () => [number, number, number] | null;
}

/** Applies a scene to the view (and moves the camera). */
export function showScene(store: Store<ViewState>, scenes: readonly Scene[], index: number): void {
  const sc = scenes[index];
  if (!sc) return;
  const cur = store.get();
  store.set({
    sceneIndex: index,
    mode: sc.mode,
    date: sc.date,
    from: sc.from,
    select: sc.select,
    topics: sc.topics,
    playing: false,
    camera: { target: sc.camera, seq: cur.camera.seq + 1 },
  });
}

export default function Presenter({
  store,
  events,
  lang,
  scenes,
  sceneIndex,
  blank,
  getCamera,
}: PresenterProps) {
  const s = STRINGS[lang];
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT'))
        return;
      const cur = store.get();
      if (e.key === 'b' || e.key === 'B' || e.key === '.') {
        e.preventDefault();
        store.set({ blank: !cur.blank });
        return;
      }
      if (cur.blank) {
        if (e.key === 'Escape') store.set({ blank: false });
        return;
      }
      // On a button or link, Space and Enter keep their usual meaning.
      if (
        (e.key === ' ' || e.key === 'Enter') &&
        t &&
        (t.tagName === 'BUTTON' || t.tagName === 'A')
      )
        return;
      const key = stepKeyOf(e);
      if (!key) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      if (cur.scenes.length > 0) {
        const to = stepScene(cur.scenes.length, cur.sceneIndex, key);
        if (to >= 0) showScene(store, cur.scenes, to);
        return;
      }
      const to = stepEvent(events, { date: cur.date, select: cur.select }, key);
      const ev = events[to];
      if (ev)
        store.set({
          date: ev.day,
          select: ev.cooperation,
          playing: false,
          mode: cur.mode === 'signed' ? 'inforce' : cur.mode,
        });
    };
    // Capture: the presenter's keys win over the timeline's while presenting.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store, events]);

  const save = () => {
    const cur = store.get();
    if (cur.scenes.length >= MAX_SCENES) return;
    const scene: Scene = {
      name: name.trim() || fill(s.sceneDefaultName, { n: cur.scenes.length + 1 }),
      mode: cur.mode,
      date: cur.date,
      from: cur.from,
      select: cur.select,
      topics: cur.topics,
      camera: getCamera(),
    };
    store.set({ scenes: [...cur.scenes, scene], sceneIndex: cur.scenes.length });
    setName('');
    setEditing(false);
  };

  return (
    <>
      <div className="presenter-bar" role="toolbar" aria-label={s.present}>
        <button
          type="button"
          className="text-button"
          onClick={() => {
            if (document.fullscreenElement) void document.exitFullscreen();
            else void document.documentElement.requestFullscreen?.().catch(() => undefined);
          }}
        >
          {s.fullscreen}
        </button>
        <button
          type="button"
          className="text-button"
          onClick={() => setEditing((v) => !v)}
          aria-expanded={editing}
          data-testid="scenes-toggle"
        >
          {s.scenes} ({scenes.length})
        </button>
        <button
          type="button"
          className="text-button"
          onClick={() => {
            if (document.fullscreenElement) void document.exitFullscreen();
            store.set({ present: false, blank: false });
          }}
        >
          {s.presentExit}
        </button>
        {scenes.length > 0 && sceneIndex >= 0 && (
          <span className="presenter-status" data-testid="scene-status">
            {fill(s.sceneOf, { i: sceneIndex + 1, n: scenes.length })}: {scenes[sceneIndex]?.name}
          </span>
        )}
      </div>
      {editing && (
        <div className="scenes-panel" data-testid="scenes-panel">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <label>
              {s.sceneName}{' '}
              <input
                value={name}
                maxLength={80}
                onChange={(e) => setName(e.target.value)}
                placeholder={fill(s.sceneDefaultName, { n: scenes.length + 1 })}
              />
            </label>
            <button type="submit" className="text-button">
              {s.saveScene}
            </button>
          </form>
          {scenes.length === 0 ? (
            <p>{s.scenesEmpty}</p>
          ) : (
            <ol className="scene-list">
              {scenes.map((sc, i) => (
                <li key={`${i}-${sc.name}`} className={i === sceneIndex ? 'is-current' : ''}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => showScene(store, scenes, i)}
                    aria-label={`${s.sceneShow}: ${sc.name}`}
                  >
                    {sc.name}
                  </button>
                  <span className="scene-actions">
                    <button
                      type="button"
                      className="icon-button"
                      onClick={() => store.set({ scenes: moveScene(scenes, i, -1) })}
                      aria-label={`${s.sceneUp}: ${sc.name}`}
                      disabled={i === 0}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      onClick={() => store.set({ scenes: moveScene(scenes, i, 1) })}
                      aria-label={`${s.sceneDown}: ${sc.name}`}
                      disabled={i === scenes.length - 1}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      onClick={() =>
                        store.set({ scenes: scenes.filter((_, j) => j !== i), sceneIndex: -1 })
                      }
                      aria-label={`${s.sceneDelete}: ${sc.name}`}
                    >
                      ×
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      <p className="presenter-help">{s.presentHelp}</p>
      {blank && (
        <div
          className="blank-screen"
          role="status"
          data-testid="blank"
          onClick={() => store.set({ blank: false })}
        >
          <span className="visually-hidden">{s.blanked}</span>
        </div>
      )}
    </>
  );
}
