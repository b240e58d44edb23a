/** Binds the one key map (view/keys.ts) on the window and turns its commands into view actions. */
import { useEffect } from 'react';
import * as A from '../view/actions.ts';
import { keyCommand, keyPlaceOf } from '../view/keys.ts';
import { useAtlas } from '../ui/atlas-context.tsx';
import { goToScene } from '../ui/scenes.ts';

export function useKeyboard(): void {
  const env = useAtlas();
  useEffect(() => {
    const { store, bounds, model } = env;
    const onKey = (e: KeyboardEvent) => {
      const v = store.get();
      // The audience's window follows the presenter's; its own keys would put it out of step.
      if (v.audience) return;
      const cmd = keyCommand(e, {
        place: keyPlaceOf(e.target),
        presenting: v.present,
        blank: v.blank,
        selected: v.select !== null,
      });
      if (!cmd) return;
      // Escape keeps its default (it also ends full screen, closes popups).
      if (cmd.type !== 'clear' && cmd.type !== 'unblank') e.preventDefault();
      switch (cmd.type) {
        case 'togglePlay':
          return store.set(A.togglePlay(v));
        case 'step':
          return store.set(A.stepDate(v, cmd.direction, cmd.byYear, bounds));
        case 'jump':
          return store.set(A.jumpDate(v, cmd.to, bounds));
        case 'clear':
          return store.set(A.select(null));
        case 'blank':
          return store.set({ blank: !v.blank });
        case 'unblank':
          return store.set({ blank: false });
        case 'clicker': {
          // With a deck, the clicker steps through its scenes; without one, through the events.
          if (v.scenes.length > 0) {
            const to = A.sceneAfter(v, cmd.key);
            if (to >= 0) goToScene(env, to);
            return;
          }
          const patch = A.stepToEvent(v, model.steps, cmd.key);
          if (patch) store.set(patch);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [env]);
}
