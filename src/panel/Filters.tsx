/** Topic and kind filters. */
import { KINDS, TOPICS, type Kind, type Topic } from '../data/model.ts';
import { STRINGS } from '../i18n/strings.ts';
import { setFilters } from '../view/actions.ts';
import { useAct, useView } from '../ui/atlas-context.tsx';
import { TopicSwatch } from '../ui/TopicSwatch.tsx';

const toggle = <T,>(list: readonly T[], item: T): T[] =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

function CheckboxGroup<T extends string>(p: {
  legend: string;
  values: readonly T[];
  checked: readonly T[];
  label: (value: T) => React.ReactNode;
  dataAttr?: string;
  onChange: (next: T[]) => void;
}) {
  return (
    <fieldset>
      <legend>{p.legend}</legend>
      <ul className="filter-list">
        {p.values.map((v) => (
          <li key={v}>
            <label>
              <input
                type="checkbox"
                checked={p.checked.includes(v)}
                onChange={() => p.onChange(toggle(p.checked, v))}
                {...(p.dataAttr ? { [p.dataAttr]: v } : {})}
              />
              {p.label(v)}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function Filters() {
  const lang = useView((v) => v.lang);
  const topics = useView((v) => v.topics);
  const kinds = useView((v) => v.kinds);
  const act = useAct();
  const s = STRINGS[lang];
  return (
    <div className="filters">
      <CheckboxGroup<Topic>
        legend={s.topicsLabel}
        values={TOPICS}
        checked={topics}
        dataAttr="data-topic"
        label={(t) => (
          <>
            <TopicSwatch topic={t} /> {s.topic[t]}
          </>
        )}
        onChange={(next) => act(setFilters({ topics: next }))}
      />
      <CheckboxGroup<Kind>
        legend={s.kindsLabel}
        values={KINDS}
        checked={kinds}
        label={(k) => s.kind[k]}
        onChange={(next) => act(setFilters({ kinds: next }))}
      />
      {(topics.length > 0 || kinds.length > 0) && (
        <button
          type="button"
          className="text-button"
          onClick={() => act(setFilters({ topics: [], kinds: [] }))}
        >
          {s.resetFilters}
        </button>
      )}
    </div>
  );
}
