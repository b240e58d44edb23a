/** Topic and kind filters. */
import { KINDS, TOPICS, type Kind, type Lang, type Topic } from '../data/model.ts';
import { STRINGS } from '../i18n/strings.ts';
import { TopicSwatch } from './TopicSwatch.tsx';

export interface FiltersProps {
  lang: Lang;
  topics: Topic[];
  kinds: Kind[];
  onChange: (patch: { topics?: Topic[]; kinds?: Kind[] }) => void;
}

const toggle = <T,>(list: T[], item: T): T[] =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

export function Filters({ lang, topics, kinds, onChange }: FiltersProps) {
  const s = STRINGS[lang];
  return (
    <div className="filters">
      <fieldset>
        <legend>{s.topicsLabel}</legend>
        <ul className="filter-list">
          {TOPICS.map((t) => (
            <li key={t}>
              <label>
                <input
                  type="checkbox"
                  checked={topics.includes(t)}
                  onChange={() => onChange({ topics: toggle(topics, t) })}
                  data-topic={t}
                />
                <TopicSwatch topic={t} /> {s.topic[t]}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>{s.kindsLabel}</legend>
        <ul className="filter-list">
          {KINDS.map((k) => (
            <li key={k}>
              <label>
                <input
                  type="checkbox"
                  checked={kinds.includes(k)}
                  onChange={() => onChange({ kinds: toggle(kinds, k) })}
                />
                {s.kind[k]}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {(topics.length > 0 || kinds.length > 0) && (
        <button
          type="button"
          className="text-button"
          onClick={() => onChange({ topics: [], kinds: [] })}
        >
          {s.resetFilters}
        </button>
      )}
    </div>
  );
}
