/** The accessible alternative to the map: a table of the cooperations shown. */
import './panel.css';
import { formatPartialDate } from '../i18n/format.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import { regionName } from '../i18n/text.ts';
import { select } from '../view/actions.ts';
import { useAct, useAtlas, useDerived, useView } from '../ui/atlas-context.tsx';

export function TableView() {
  const { model } = useAtlas();
  const derived = useDerived();
  const lang = useView((v) => v.lang);
  const act = useAct();
  const s = STRINGS[lang];
  const nameOf = (id: string) => regionName(model.atlas.regions.get(id), lang, id);
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
                <button type="button" className="link-button" onClick={() => act(select(c.id))}>
                  <bdi>{c.title[lang]}</bdi>
                </button>
              </th>
              <td>
                <time dateTime={c.signed.iso}>{formatPartialDate(c.signed, lang)}</time>
              </td>
              <td>{s.kind[c.kind]}</td>
              <td>
                <bdi>{c.regions.map(nameOf).join(', ')}</bdi>
              </td>
              <td>{c.topics.map((t) => s.topic[t]).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
