/** Search-as-you-type over regions, organisations and cooperations (a combobox). */
import './panel.css';
import { useId, useMemo, useState } from 'react';
import { STRINGS } from '../i18n/strings.ts';
import { search } from '../model/search.ts';
import { select } from '../view/actions.ts';
import { useAct, useAtlas, useView } from '../ui/atlas-context.tsx';

export function Search() {
  // The index is built on the first query, not at start-up.
  const { model } = useAtlas();
  const lang = useView((v) => v.lang);
  const act = useAct();
  const onSelect = (id: string) => act(select(id));
  const s = STRINGS[lang];
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const hits = useMemo(
    () => (query.trim() ? search(model.searchIndex, query, 10) : []),
    [model, query],
  );
  const listId = useId();
  const kindLabel = {
    region: s.searchRegion,
    organisation: s.searchOrganisation,
    cooperation: s.searchCooperation,
  };
  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    onSelect(hit.entry.target);
    setQuery('');
    setOpen(false);
  };
  return (
    <div className="search" role="search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        {s.search}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={open && query !== ''}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={s.searchPlaceholder}
        value={query}
        autoComplete="off"
        data-testid="search"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(active);
          } else if (e.key === 'Escape') {
            setQuery('');
            setOpen(false);
          }
        }}
      />
      {open && query !== '' && (
        <ul id={listId} role="listbox" className="search-results" data-testid="search-results">
          {hits.length === 0 && <li className="search-empty">{s.searchNoResults}</li>}
          {hits.map((h, i) => (
            <li
              key={`${h.entry.kind}-${h.entry.id}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
            >
              <bdi className="search-label">{h.entry.label[lang]}</bdi>
              <span className="search-kind">{kindLabel[h.entry.kind]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
