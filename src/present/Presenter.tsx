/**
 * Presentation mode. The presenter's window: full screen, the deck of scenes (save with notes,
 * show, reorder, delete), the audience window, the speaker's notes, leaving the mode, and the
 * blanked screen. The audience's window (`role=audience`): only the map and the caption, in step
 * with the presenter's. The clicker keys are in the one key map (view/keys.ts), bound by the app.
 */
import { Suspense, useRef, useState, type ComponentType } from 'react';
import './present.css';
import { STRINGS, fill } from '../i18n/strings.ts';
import { moveScene, MAX_NOTES, MAX_SCENES, type Scene } from '../view/deck.ts';
import { viewLink } from '../view/url.ts';
import { useAct, useAtlas, useView } from '../ui/atlas-context.tsx';
import { toggleFullscreen } from '../ui/fullscreen.ts';
import { goToScene } from '../ui/scenes.ts';
import { SpeakerNotes } from './SpeakerNotes.tsx';
import { useAudienceSync, usePresenterSync } from './sync.ts';

/** What the presentation may show instead of the animation (the export's storyboard). */
export type StoryboardComponent = ComponentType<{ onClose: () => void }>;

export default function Presentation({ storyboard }: { storyboard?: StoryboardComponent }) {
  const audience = useView((v) => v.audience);
  return audience ? <AudienceWindow /> : <Presenter storyboard={storyboard} />;
}

function BlankScreen() {
  const lang = useView((v) => v.lang);
  const blank = useView((v) => v.blank);
  const act = useAct();
  if (!blank) return null;
  return (
    <div
      className="blank-screen"
      role="status"
      data-testid="blank"
      onClick={() => act({ blank: false })}
    >
      <span className="visually-hidden">{STRINGS[lang].blanked}</span>
    </div>
  );
}

function AudienceWindow() {
  useAudienceSync();
  return <BlankScreen />;
}

function Presenter({ storyboard: Storyboard }: { storyboard?: StoryboardComponent | undefined }) {
  const env = useAtlas();
  const act = useAct();
  const lang = useView((v) => v.lang);
  const scenes = useView((v) => v.scenes);
  const sceneIndex = useView((v) => v.sceneIndex);
  const s = STRINGS[lang];
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  const [notes, setNotes] = useState('');
  const [showNotes, setShowNotes] = useState(false);
  const [blocked, setBlocked] = useState(false);
  // Where the system asks for reduced motion, the storyboard is offered instead of playing.
  const [reduced] = useState(() => window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  const [showStoryboard, setShowStoryboard] = useState(false);
  const [audienceOpen, setAudienceOpen] = useState(false);
  const blank = useView((v) => v.blank);
  const [since] = useState(() => Date.now());
  const audience = useRef<Window | null>(null);
  usePresenterSync(audience);

  const openAudience = () => {
    const link = viewLink(window.location.href, env.store.get(), env.model.today, {
      present: true,
      audience: true,
    });
    const w = window.open(link, 'kooperationsatlas-audience', 'popup,width=1280,height=720');
    setBlocked(w === null);
    if (w) {
      audience.current = w;
      setAudienceOpen(true);
      setShowNotes(true);
    }
  };

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
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    act({ scenes: [...cur.scenes, scene], sceneIndex: cur.scenes.length });
    setName('');
    setNotes('');
    setEditing(false);
  };

  return (
    <>
      <div className="presenter-bar" role="toolbar" aria-label={s.present}>
        <button type="button" className="text-button" onClick={toggleFullscreen}>
          {s.fullscreen}
        </button>
        {reduced && Storyboard && (
          <button
            type="button"
            className="text-button"
            aria-expanded={showStoryboard}
            onClick={() => setShowStoryboard((v) => !v)}
            data-testid="storyboard-toggle"
          >
            {s.storyboardInstead}
          </button>
        )}
        <button
          type="button"
          className="text-button"
          onClick={openAudience}
          data-testid="open-audience"
        >
          {s.audienceOpen}
        </button>
        <button
          type="button"
          className="text-button"
          aria-expanded={showNotes}
          onClick={() => setShowNotes((v) => !v)}
          data-testid="notes-toggle"
        >
          {s.notes}
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
            <label className="scene-notes">
              {s.notesLabel}
              <textarea
                value={notes}
                maxLength={MAX_NOTES}
                rows={3}
                onChange={(e) => setNotes(e.target.value)}
                data-testid="scene-notes"
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
      {blocked && (
        <p className="presenter-alert" role="alert">
          {s.audienceBlocked}
        </p>
      )}
      {showNotes && <SpeakerNotes since={since} />}
      {showStoryboard && Storyboard && (
        <Suspense fallback={null}>
          <Storyboard onClose={() => setShowStoryboard(false)} />
        </Suspense>
      )}
      <p className="presenter-help">{s.presentHelp}</p>
      {/* With an audience window, only the projector goes black; the presenter keeps the view. */}
      {audienceOpen ? (
        blank && (
          <p className="presenter-alert" role="status" data-testid="blank">
            {s.blanked}
          </p>
        )
      ) : (
        <BlankScreen />
      )}
    </>
  );
}
