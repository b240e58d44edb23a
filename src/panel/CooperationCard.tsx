/**
 * One cooperation with everything known about it, every fact followed by the marks of the
 * sources that back it. All data is rendered as text.
 */
import { memo } from 'react';
import type { Cooperation } from '../data/atlas.ts';
import { formatPartialDate } from '../i18n/format.ts';
import { STRINGS } from '../i18n/strings.ts';
import { regionName } from '../i18n/text.ts';
import { select } from '../view/actions.ts';
import { useAct, useAtlas, useView } from '../ui/atlas-context.tsx';
import { TopicSwatch } from '../ui/TopicSwatch.tsx';
import { joinedSourcesOf, sourcesOf } from '../view/provenance.ts';
import { SourceMarks, sourceAnchor } from './SourceMarks.tsx';

/** Only http(s) links are ever rendered as links. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * One cooperation's card. Memoised: a date step re-renders the list, but a card changes only
 * with its cooperation, its size or the language (read from the store inside).
 */
export const CooperationCard = memo(function CooperationCard({
  cooperation: c,
  expanded,
}: {
  cooperation: Cooperation;
  expanded: boolean;
}) {
  const { model } = useAtlas();
  const lang = useView((v) => v.lang);
  const act = useAct();
  const s = STRINGS[lang];
  const { regions, organisations } = model.atlas;
  const nameOf = (id: string): string =>
    regions.has(id) ? regionName(regions.get(id), lang) : (organisations.get(id)?.name ?? id);
  return (
    <article className={`coop-card${expanded ? ' is-expanded' : ''}`} data-cooperation={c.id}>
      <h3 className="coop-title">
        <button type="button" className="link-button" onClick={() => act(select(c.id))}>
          <TopicSwatch topic={c.topics[0] ?? 'governance'} />
          <bdi>{c.title[lang]}</bdi>
        </button>
      </h3>
      <p className="coop-meta">
        <time dateTime={c.signed.iso}>{formatPartialDate(c.signed, lang)}</time>
        {' · '}
        {s.kind[c.kind]}
        {c.ended && (
          <>
            {' · '}
            <span className="ended-tag">
              {s.panelEnded} {formatPartialDate(c.ended, lang)}
            </span>
          </>
        )}
      </p>
      {expanded && (
        <p className="coop-summary">
          {c.summary[lang]}
          <SourceMarks cooperation={c} sources={sourcesOf(c, 'summary')} />
        </p>
      )}
      <div className="coop-partners">
        <span className="visually-hidden">{s.panelPartners}: </span>
        <ul className="chip-list" aria-label={s.panelPartners}>
          {c.partners.map((p, i) => (
            <li key={`${p.region}-${p.organisation ?? i}`}>
              <button
                type="button"
                className="chip"
                onClick={() => act(select(p.region))}
                data-partner={p.region}
              >
                <bdi>{nameOf(p.region)}</bdi>
                {p.organisation && (
                  <span className="chip-org">
                    {' · '}
                    <bdi>{organisations.get(p.organisation)?.name ?? p.organisation}</bdi>
                  </span>
                )}
                {p.role === 'lead' && <span className="chip-lead"> · {s.panelLead}</span>}
                {p.joined && (
                  <span className="chip-joined">
                    {' '}
                    ({s.panelJoined} {formatPartialDate(p.joined, lang)})
                  </span>
                )}
              </button>
              {expanded && p.role === 'lead' && (
                <SourceMarks cooperation={c} sources={sourcesOf(c, 'lead')} />
              )}
              {expanded && p.joined && (
                <SourceMarks cooperation={c} sources={joinedSourcesOf(c, p)} />
              )}
            </li>
          ))}
        </ul>
        {expanded && <SourceMarks cooperation={c} sources={sourcesOf(c, 'partners')} />}
      </div>
      {expanded && (
        <dl className="coop-details">
          <dt>{s.panelSigned}</dt>
          <dd data-fact="signed">
            {formatPartialDate(c.signed, lang)}
            <SourceMarks cooperation={c} sources={sourcesOf(c, 'signed')} />
          </dd>
          {c.effective && (
            <>
              <dt>{s.panelEffective}</dt>
              <dd data-fact="effective">
                {formatPartialDate(c.effective, lang)}
                <SourceMarks cooperation={c} sources={sourcesOf(c, 'effective')} />
              </dd>
            </>
          )}
          {c.ended && (
            <>
              <dt>{s.panelEnded}</dt>
              <dd data-fact="ended">
                {formatPartialDate(c.ended, lang)}
                <SourceMarks cooperation={c} sources={sourcesOf(c, 'ended')} />
              </dd>
            </>
          )}
          <dt>{s.panelTopics}</dt>
          <dd>
            <ul className="plain-list">
              {c.topics.map((t) => (
                <li key={t}>
                  <TopicSwatch topic={t} /> {s.topic[t]}
                </li>
              ))}
            </ul>
          </dd>
          {c.partners.some((p) => p.organisation) && (
            <>
              <dt>{s.panelOrganisations}</dt>
              <dd>
                <ul className="plain-list">
                  {[
                    ...new Set(c.partners.flatMap((p) => (p.organisation ? [p.organisation] : []))),
                  ].map((o) => {
                    const org = organisations.get(o);
                    return (
                      <li key={o}>
                        <bdi>{org ? `${org.name} – ${org.fullName[lang]}` : o}</bdi>
                      </li>
                    );
                  })}
                </ul>
              </dd>
            </>
          )}
          {c.projects.length > 0 && (
            <>
              <dt>
                {s.panelProjects}
                <SourceMarks cooperation={c} sources={sourcesOf(c, 'projects')} />
              </dt>
              <dd>
                <ul className="plain-list">
                  {c.projects.map((p) => (
                    <li key={p.title.de}>
                      <strong>
                        <bdi>{p.title[lang]}</bdi>
                      </strong>{' '}
                      ({s.panelLead}: <bdi>{nameOf(p.lead)}</bdi>)
                      {p.summary && (
                        <span className="project-summary">
                          {' – '}
                          <bdi>{p.summary[lang]}</bdi>
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {c.note && (
            <>
              <dt>{s.panelNote}</dt>
              <dd lang={lang}>
                <bdi>{c.note[lang]}</bdi>
              </dd>
            </>
          )}
          <dt>{s.panelSources}</dt>
          <dd>
            <ol className="sources">
              {c.sources.map((src, i) => {
                const href = safeHref(src.url);
                const label = (
                  <>
                    <bdi>{src.publisher}</bdi>: <bdi>{src.title}</bdi>
                  </>
                );
                const facts = [
                  ...new Set(src.supports.map((t) => t.split(':')[0]!)),
                ] as (keyof typeof s.fact)[];
                return (
                  <li key={src.url} id={sourceAnchor(c, i + 1)} data-source={i + 1}>
                    {href ? (
                      <a href={href} target="_blank" rel="noopener noreferrer">
                        {label}
                      </a>
                    ) : (
                      label
                    )}
                    {src.published && <span className="source-date"> ({src.published})</span>}
                    <span className="source-kind"> · {s.publisherKind[src.publisherKind]}</span>
                    {facts.length > 0 && (
                      <span className="source-backs">
                        {' '}
                        · {s.sourceBacks}: {facts.map((f) => s.fact[f]).join(', ')}
                      </span>
                    )}
                  </li>
                );
              })}
            </ol>
          </dd>
        </dl>
      )}
    </article>
  );
});
