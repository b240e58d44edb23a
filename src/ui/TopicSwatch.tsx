/** A small mark in a topic's colour; its shape is a second, non-colour cue. */
import { TOPICS, type Topic } from '../data/model.ts';

const SHAPES = ['circle', 'square', 'diamond', 'triangle'] as const;

export function TopicSwatch({ topic }: { topic: Topic }) {
  const shape = SHAPES[TOPICS.indexOf(topic) % SHAPES.length];
  return (
    <span
      className={`swatch swatch-${shape}`}
      style={{ color: `var(--topic-${topic})` }}
      aria-hidden="true"
    />
  );
}
