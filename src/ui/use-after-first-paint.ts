/** A hook for long lists that need not be in the first frame. */
import { useEffect, useState } from 'react';

/**
 * False on the first render, true from the next frame on: long lists (panel cards, timeline
 * marks) mount after the first commit, so the map is created — and starts loading — sooner.
 */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const id = requestAnimationFrame(() => setReady(true));
    return () => cancelAnimationFrame(id);
  }, []);
  return ready;
}
