/**
 * Play: moves the date from the current position (or the start) to today in about
 * 20 seconds at speed 1, then stops. With reduced motion it advances in yearly steps.
 */
import { nextYearStart } from './scale.ts';

export const PLAY_SECONDS = 20;

export interface PlayerOptions {
  start: number;
  end: number;
  from: number;
  speed: number;
  reducedMotion: boolean;
  onStep: (day: number) => void;
  onEnd: () => void;
}

/** Starts playing; returns a function that stops. */
export function play(o: PlayerOptions): () => void {
  let stopped = false;
  let timer = 0;
  let frame = 0;
  let day = o.from >= o.end ? o.start : o.from;
  o.onStep(day);
  if (o.reducedMotion) {
    const tick = () => {
      if (stopped) return;
      day = Math.min(o.end, nextYearStart(day));
      o.onStep(day);
      if (day >= o.end) o.onEnd();
      else timer = window.setTimeout(tick, 1200 / o.speed);
    };
    timer = window.setTimeout(tick, 1200 / o.speed);
  } else {
    const daysPerMs = ((o.end - o.start) / (PLAY_SECONDS * 1000)) * o.speed;
    let last = performance.now();
    let exact = day;
    const loop = (now: number) => {
      if (stopped) return;
      exact = Math.min(o.end, exact + (now - last) * daysPerMs);
      last = now;
      const next = Math.floor(exact);
      if (next !== day) {
        day = next;
        o.onStep(day);
      }
      if (day >= o.end) o.onEnd();
      else frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
  }
  return () => {
    stopped = true;
    clearTimeout(timer);
    cancelAnimationFrame(frame);
  };
}
