/** Play: one animation at a time, driven by the view's `playing` flag. */
import { useEffect } from 'react';
import { playStep } from '../view/actions.ts';
import { play } from '../timeline/player.ts';
import { useAtlas, useView } from '../ui/atlas-context.tsx';

export function usePlayer(): void {
  const { store, bounds } = useAtlas();
  const playing = useView((v) => v.playing);
  const speed = useView((v) => v.speed);
  useEffect(() => {
    if (!playing) return;
    return play({
      start: bounds.start,
      end: bounds.end,
      from: store.get().date,
      speed,
      reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
      onStep: (day) => store.set(playStep(store.get(), day)),
      onEnd: () => store.set({ playing: false }),
    });
  }, [playing, speed, store, bounds]);
}
