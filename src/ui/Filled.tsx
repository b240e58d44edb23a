/**
 * A string template of ours with data filled in: each value is isolated in a <bdi>, so that
 * bidirectional control characters in data or URL text cannot reorder our own words.
 */
import { Fragment } from 'react';

export function Filled({
  template,
  values,
}: {
  template: string;
  values: Record<string, string | number>;
}) {
  const parts = template.split(/(\{\w+\})/);
  return (
    <>
      {parts.map((part, i) => {
        const key = /^\{(\w+)\}$/.exec(part)?.[1];
        if (key === undefined || !(key in values)) return <Fragment key={i}>{part}</Fragment>;
        return <bdi key={i}>{values[key]}</bdi>;
      })}
    </>
  );
}
