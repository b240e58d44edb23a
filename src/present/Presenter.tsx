/**
 * Presentation mode's toolbar: full screen, the deck of scenes (save, show, reorder, delete),
 * leaving the mode, and the blanked screen. The clicker keys are in the one key map
 * (view/keys.ts), bound by the app.
 */
import { useState } from 'react';
import './present.css';
import { STRINGS, fill } from '../i18n/strings.ts';
import { moveScene, MAX_SCENES, type Scene } from '../view/deck.ts';
import { useAct, useAtlas, useView } from '../ui/atlas-context.tsx';
import { toggleFullscreen } from '../ui/fullscreen.ts';
import { goToScene } from '../ui/scenes.ts';

export default function Presenter() {
  const env = useAtlas();
  const act = useAct();
  const lang = useView((v) => v.lang);
  const scenes = useView((v) => v.scenes);
  const sceneIndex = useView((v) => v.sceneIndex);
  const blank = useView((v) => v.blank);
  const s = STRINGS[lang];
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');

  const save = () => {
    const cur = env.store.get();
    if (cur.scenes.length >= MAX_SCENES) return;
    const scene: Scene = {
      name: name.trim() || fill(s.sceneDefaultName, { n: cur.scenes.length + 1 }),
      mode: cur.mode,
      date: cur.date,
      from: cur.from,
      select: cur.select,
      topics: cur.topics,
      camera: env.map.get()?.camera() ?? null,
    };
    act({ scenes: [...cur.scenes, scene], sceneIndex: cur.scenes.length });
    setName('');
    setEditing(false);
  };

  return (
    <>
      <div className="presenter-bar" role="toolbar" aria-label={s.present}>
        <button type="button" className="text-button" onClick={toggleFullscreen}>
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
            act({ present: false, blank: false });
          }}
        >
          {s.presentExit}
        </button>
        {scenes.length > 0 && sceneIndex >= 0 && (
          <span className="presenter-status" data-testid="scene-status">
            {fill(s.sceneOf, { i: sceneIndex + 1, n: scenes.length })}:{' '}
            <bdi>{scenes[sceneIndex]?.name}</bdi>
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
                    onClick={() => goToScene(env, i)}
                    aria-label={`${s.sceneShow}: ${sc.name}`}
                  >
                    <bdi>{sc.name}</bdi>
                  </button>
                  <span className="scene-actions">
                    <button
                      type="button"
                      className="icon-button"
                      onClick={() => act({ scenes: moveScene(scenes, i, -1) })}
                      aria-label={`${s.sceneUp}: ${sc.name}`}
                      disabled={i === 0}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      onClick={() => act({ scenes: moveScene(scenes, i, 1) })}
                      aria-label={`${s.sceneDown}: ${sc.name}`}
                      disabled={i === scenes.length - 1}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      onClick={() =>
                        act({ scenes: scenes.filter((_, j) => j !== i), sceneIndex: -1 })
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
          onClick={() => act({ blank: false })}
        >
          <span className="visually-hidden">{s.blanked}</span>
        </div>
      )}
    </>
  );
}
