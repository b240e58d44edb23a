import type { Topic } from '../data/model.ts';
import { TOPIC_COLOURS } from '../map/palette.ts';
import { TOPICS } from '../data/model.ts';

/** Shapes give every topic a second, non-colour cue. */
const SHAPES = ['circle', 'square', 'diamond', 'triangle'] as const;

export function TopicSwatch({ topic }: { topic: Topic }) {
  const shape = SHAPES[TOPICS.indexOf(topic) % SHAPES.length];
  return (
    <span
      className={`swatch swatch-${shape}`}
      style={{ color: TOPIC_COLOURS[topic] }}
      aria-hidden="true"
    />
  );
}
