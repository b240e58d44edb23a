/** The accessible alternative to the map: a table of the cooperations shown. */
import type { Scene } from '../app/scene.ts';
import type { Lang } from '../data/model.ts';
import { formatPartialDate } from '../i18n/format.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import type { Derived } from '../view/derive.ts';

export function TableView({
  scene,
  derived,
  lang,
  onSelect,
}: {
  scene: Scene;
  derived: Derived;
  lang: Lang;
  onSelect: (id: string) => void;
}) {
  const s = STRINGS[lang];
  const nameOf = (id: string): string => {
    const r = scene.atlas.regions.get(id);
    return r ? (r.kind === 'federal' ? s.bund : r.name[lang]) : id;
  };
  return (
    <div className="table-wrap" data-testid="table">
      <table className="coop-table">
        <caption>{fill(s.tableCaption, { n: derived.visible.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{s.tableTitle}</th>
            <th scope="col">{s.tableDate}</th>
            <th scope="col">{s.tableKind}</th>
            <th scope="col">{s.tablePartners}</th>
            <th scope="col">{s.tableTopics}</th>
          </tr>
        </thead>
        <tbody>
          {derived.visible.map((c) => (
            <tr key={c.id} data-cooperation={c.id}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelect(c.id)}>
                  {c.title[lang]}
                </button>
              </th>
              <td>
                <time dateTime={c.signed.iso}>{formatPartialDate(c.signed, lang)}</time>
              </td>
              <td>{s.kind[c.kind]}</td>
              <td>{c.regions.map(nameOf).join(', ')}</td>
              <td>{c.topics.map((t) => s.topic[t]).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
