/**
 * The Länder matrix (view=matrix): who works with whom, how much, as an HTML table in step with
 * everything the map reads. Its header cells carry `data-region` and every data cell its count
 * (a public contract for tests and hosts). Hover or focus highlights the pair on the map; a
 * click or Enter selects the pair; arrow keys move from cell to cell.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import './matrix.css';
import { STRINGS, fill } from '../i18n/strings.ts';
import { plural, regionAbbr, regionName } from '../i18n/text.ts';
import { pairId } from '../model/atlas-model.ts';
import { MATRIX_RAMP } from '../style/palette.ts';
import { hover, select } from '../view/actions.ts';
import {
  buildMatrix,
  countOf,
  MATRIX_ORDERS,
  syncOrder,
  type Matrix,
  type MatrixOrder,
} from '../view/matrix.ts';
import { matrixStep, matrixThresholds, stepLabels } from '../view/matrix-scale.ts';
import { useAct, useAtlas, useDerived, useView } from '../ui/atlas-context.tsx';
import { OpenInAtlas } from '../ui/OpenInAtlas.tsx';

/** The order of rows and columns; the clustered one is worked out (and loaded) on demand. */
function useOrder(m: Matrix, order: MatrixOrder): number[] {
  const geo = useMemo(() => m.regions.map((_, i) => i), [m]);
  const [clustered, setClustered] = useState<number[] | null>(null);
  useEffect(() => {
    if (order !== 'cluster') return;
    let live = true;
    void import('../view/seriate.ts')
      .then(({ clusteredOrder }) => clusteredOrder(m))
      .then((o) => {
        if (live) setClustered(o);
      });
    return () => {
      live = false;
    };
  }, [m, order]);
  return syncOrder(m, order) ?? clustered ?? geo;
}

export default function MatrixView() {
  const { model } = useAtlas();
  const derived = useDerived();
  const act = useAct();
  const lang = useView((v) => v.lang);
  const theme = useView((v) => v.theme);
  const mode = useView((v) => v.mode);
  const date = useView((v) => v.date);
  const from = useView((v) => v.from);
  const order = useView((v) => v.order);
  const nationwide = useView((v) => v.nationwide);
  const selection = useView((v) => v.select);
  const embed = useView((v) => v.embed);
  const s = STRINGS[lang];
  const m = useMemo(
    () => buildMatrix(model, derived.visible, { mode, date, from }, nationwide),
    [model, derived.visible, mode, date, from, nationwide],
  );
  const rows = useOrder(m, order);
  const thresholds = matrixThresholds(m.minPair, m.maxPair);
  const step = matrixStep(thresholds);
  const ramp = MATRIX_RAMP[theme];
  const [active, setActive] = useState<[number, number]>([1, 2]);
  const [lit, setLit] = useState<[number, number] | null>(null);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const name = (i: number) =>
    regionName(model.atlas.regions.get(m.regions[i]!), lang, m.regions[i]);
  const short = (i: number) =>
    regionAbbr(model.atlas.regions.get(m.regions[i]!), lang, m.regions[i]);
  const idOf = (i: number, j: number) =>
    i === j ? m.regions[i]! : pairId(m.regions[i]!, m.regions[j]!);
  const changeAt = (i: number, j: number) => {
    const k = i * m.regions.length + j;
    return m.change ? { added: m.change.added[k]!, ended: m.change.ended[k]! } : null;
  };
  const label = (i: number, j: number) => {
    const n = countOf(m, i, j);
    const text =
      i === j
        ? fill(plural(s.matrixDiagonal, n, lang), { a: name(i) })
        : fill(plural(s.matrixCell, n, lang), { a: name(i), b: name(j) });
    const ch = changeAt(i, j);
    if (!ch || (ch.added === 0 && ch.ended === 0)) return text;
    return `${text} (${fill(s.matrixChange, { added: ch.added, ended: ch.ended })})`;
  };
  const focusCell = (r: number, c: number) => {
    setActive([r, c]);
    cells.current.get(`${r}|${c}`)?.focus();
  };
  const light = (i: number, j: number) => {
    setLit([i, j]);
    act(hover(i === j ? null : idOf(i, j)));
  };
  const onKey = (e: React.KeyboardEvent, r: number, c: number) => {
    const n = rows.length;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [Math.max(0, r - 1), c],
      ArrowDown: [Math.min(n - 1, r + 1), c],
      ArrowLeft: [r, Math.max(0, c - 1)],
      ArrowRight: [r, Math.min(n - 1, c + 1)],
      Home: [r, 0],
      End: [r, n - 1],
    };
    const to = moves[e.key];
    if (to) {
      e.preventDefault();
      e.stopPropagation();
      focusCell(to[0], to[1]);
      light(rows[to[0]]!, rows[to[1]]!);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      act(select(idOf(rows[r]!, rows[c]!)));
    }
  };

  return (
    <section className="matrix-view" aria-labelledby="matrix-title" data-testid="matrix-view">
      <div className="matrix-head">
        <h2 id="matrix-title">{s.matrixTitle}</h2>
        <div className="matrix-controls">
          <div className="segmented" role="radiogroup" aria-label={s.matrixOrder}>
            {MATRIX_ORDERS.map((o) => (
              <button
                key={o}
                type="button"
                role="radio"
                aria-checked={order === o}
                data-order={o}
                onClick={() => act({ order: o })}
              >
                {s[`matrixOrder_${o}`]}
              </button>
            ))}
          </div>
          {embed && (
            <span className="embed-bar">
              <OpenInAtlas />
            </span>
          )}
          <label className="matrix-switch">
            <input
              type="checkbox"
              checked={!nationwide}
              onChange={(e) => act({ nationwide: !e.target.checked })}
              data-testid="matrix-nationwide"
            />
            {s.matrixWithoutNationwide}
          </label>
        </div>
      </div>
      <div className="matrix-scroll">
        <table
          className="matrix"
          data-testid="matrix"
          onPointerLeave={() => {
            setLit(null);
            act(hover(null));
          }}
        >
          <caption>
            {s.matrixCaption}. <span className="visually-hidden">{s.matrixKeys}</span>
          </caption>
          <thead>
            <tr>
              <td className="matrix-corner" />
              {rows.map((j) => (
                <th
                  key={m.regions[j]}
                  scope="col"
                  data-region={m.regions[j]}
                  className={lit?.[1] === j ? 'is-lit' : undefined}
                  title={name(j)}
                >
                  <span aria-hidden="true">{short(j)}</span>
                  <span className="visually-hidden">{name(j)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((i, r) => (
              <tr key={m.regions[i]}>
                <th
                  scope="row"
                  data-region={m.regions[i]}
                  className={lit?.[0] === i ? 'is-lit' : undefined}
                >
                  {name(i)}
                </th>
                {rows.map((j, c) => {
                  const n = countOf(m, i, j);
                  const k = n === 0 ? 0 : step(n);
                  const id = idOf(i, j);
                  const ch = changeAt(i, j);
                  return (
                    <td
                      key={m.regions[j]}
                      ref={(el) => {
                        if (el) cells.current.set(`${r}|${c}`, el);
                        else cells.current.delete(`${r}|${c}`);
                      }}
                      tabIndex={active[0] === r && active[1] === c ? 0 : -1}
                      aria-label={label(i, j)}
                      className={[
                        i === j ? 'is-diagonal' : '',
                        selection === id ? 'is-selected' : '',
                        lit && (lit[0] === i || lit[1] === j) ? 'is-lit' : '',
                        ch && ch.added > 0 ? 'is-added' : '',
                        ch && ch.ended > 0 ? 'is-ended' : '',
                      ].join(' ')}
                      style={{ background: ramp.fill[k], color: ramp.text[k] }}
                      onPointerEnter={() => light(i, j)}
                      onFocus={() => {
                        setActive([r, c]);
                        light(i, j);
                      }}
                      onClick={() => act(select(id))}
                      onKeyDown={(e) => onKey(e, r, c)}
                      data-count={n}
                      {...(ch ? { 'data-added': ch.added, 'data-ended': ch.ended } : {})}
                    >
                      {n === 0 ? '' : n}
                      {ch && ch.added > 0 && (
                        <span className="matrix-added" aria-hidden="true">
                          +{ch.added}
                        </span>
                      )}
                      {ch && ch.ended > 0 && (
                        <span className="matrix-ended" aria-hidden="true">
                          −{ch.ended}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="matrix-legend" aria-label={s.matrixScale}>
        {m.change && (
          <span className="matrix-legend-diff" data-testid="matrix-diff-legend">
            <span className="matrix-added">+n</span> {s.matrixAddedKey}
            <span className="matrix-ended">−n</span> {s.matrixEndedKey}
          </span>
        )}
        <span>{s.matrixScale}:</span>
        {stepLabels(thresholds).map((t, i) => (
          <span key={t} className="matrix-legend-step">
            <span
              className="matrix-swatch"
              style={{ background: ramp.fill[i + 1], color: ramp.text[i + 1] }}
              aria-hidden="true"
            />
            {t}
          </span>
        ))}
      </div>
    </section>
  );
}
