/** Showing a scene of the deck: the view from the scene, and the map's camera with it. */
import { showScene } from '../view/actions.ts';
import type { AtlasEnv } from './atlas-context.tsx';

export function goToScene(env: AtlasEnv, index: number): void {
  const { store, map } = env;
  const v = store.get();
  const patch = showScene(v.scenes, index);
  if (!patch) return;
  store.set(patch);
  map.get()?.moveTo(v.scenes[index]?.camera ?? null);
}
