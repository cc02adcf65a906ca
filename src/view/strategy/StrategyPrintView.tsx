/**
 * The one-page customer strategy map (the seeds' step 7), client-ready: goals, starting point,
 * channels and their costs, the journey by stage (feeling, actions, top pain points and
 * opportunities), KPIs, training and go-live on one landscape page (A4 or 16:9), in the map's
 * language, with the map's logo. Its texts come from `onePage()` (onePage.ts, tested figure by
 * figure); sections without content are left out and the others grow to fill the page. The
 * page has the paper's size on screen too, so print and PDF look like what is shown.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { MapSnapshot } from '../../model/types';
import { Face } from '../Face';
import { useMapLanguage } from '../hooks/useMapLanguage';
import { formatNumber } from './inputs';
import { nextFit } from './fitPage';
import { FULL_PAGE, onePage, type OnePageStage } from './onePage';
import { PositioningChart } from './PositioningChart';
import './strategy.css';
import './onePage.css';

export type PageSize = 'a4' | 'wide';

function More({ count, label }: { count: number; label: string }) {
  return count > 0 ? <li className="op-more">{label}</li> : null;
}

function StageColumn({ s, mt, lang }: { s: OnePageStage; mt: MapT; lang: string }) {
  const e = s.emotion;
  const feeling = e
    ? mt('workshop:onePage.emotion', {
        mean: formatNumber(e.mean, lang, 1),
        worst: mt(`editor:emotion.${e.worst}`),
        best: mt(`editor:emotion.${e.best}`),
      })
    : mt('workshop:onePage.notRated');
  const list = (items: readonly string[], more: number) => (
    <ul>
      {items.map((a, i) => (
        <li key={i}>{a}</li>
      ))}
      <More count={more} label={mt('workshop:onePage.more', { count: more })} />
    </ul>
  );
  return (
    <div className="op-stage" data-testid="op-stage">
      <h3>{s.title}</h3>
      <p className="op-feeling" title={feeling}>
        {e ? (
          <span className="op-faces" aria-hidden="true">
            <Face emotion={e.worst} size={14} />
            {e.best !== e.worst ? (
              <>
                <span className="op-to">…</span>
                <Face emotion={e.best} size={14} />
              </>
            ) : null}
          </span>
        ) : null}
        <span>{feeling}</span>
      </p>
      {s.channels.length > 0 ? <p className="op-channels">{s.channels.join(' · ')}</p> : null}
      {s.pains.length > 0 ? (
        <>
          <h4 className="op-pain">{mt('workshop:onePage.pains')}</h4>
          {list(s.pains, s.morePains)}
        </>
      ) : null}
      {s.opportunities.length > 0 ? (
        <>
          <h4 className="op-opp">{mt('workshop:onePage.opportunities')}</h4>
          {list(s.opportunities, s.moreOpportunities)}
        </>
      ) : null}
      {s.actions.length > 0 ? (
        <>
          <h4>{mt('workshop:onePage.actions')}</h4>
          {list(s.actions, s.moreActions)}
        </>
      ) : null}
    </div>
  );
}

type MapT = ReturnType<typeof useMapLanguage>['mt'];

export function StrategyPrintView({
  snapshot,
  size = 'a4',
}: {
  snapshot: MapSnapshot;
  size?: PageSize;
}) {
  const { language, mt } = useMapLanguage(snapshot.meta);
  // The page fits by giving up lines per stage, then type size, step by step (onePage.ts
  // `OnePageFit`), measured before paint; a new snapshot, size or language starts again from
  // the fullest page.
  const ref = useRef<HTMLElement>(null);
  const [fitState, setFitState] = useState({ snapshot, size, language, fit: FULL_PAGE });
  const fit =
    fitState.snapshot === snapshot && fitState.size === size && fitState.language === language
      ? fitState.fit
      : FULL_PAGE;
  const p = useMemo(
    () => onePage(snapshot, language, mt, undefined, fit),
    [snapshot, language, mt, fit],
  );
  // Inter arriving after the first layout changes every line's width: measure again then.
  const [fontsLoaded, setFontsLoaded] = useState(0);
  useEffect(() => {
    let live = true;
    void document.fonts?.ready.then(() => {
      if (live) setFontsLoaded((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, []);
  useLayoutEffect(() => {
    const page = ref.current;
    if (!page) return;
    const next = nextFit(page, fit);
    if (next) setFitState({ snapshot, size, language, fit: next });
  }, [p, snapshot, size, language, fit, fontsLoaded]);
  const st = snapshot.strategy;
  return (
    <article
      ref={ref}
      className={`strategy-print op-page op-${size} op-font-${p.font}`}
      data-fit={`${fit.font}/${fit.stages.join(',')}`}
      aria-label={mt('strategy:print.label')}
      lang={language}
      data-testid="one-page-map"
    >
      <header className="op-header">
        {p.logo ? (
          <img
            className="op-logo"
            src={p.logo}
            alt={mt('workshop:onePage.logoAlt', { title: p.title })}
          />
        ) : null}
        <div>
          <h1>{mt('strategy:print.title', { title: p.title })}</h1>
          <p className="op-date">{p.dateLine}</p>
        </div>
        {p.costs ? (
          <div className="op-headline">
            <p data-testid="op-saving">{p.costs.savingLine}</p>
            <dl className="op-costs">
              <div>
                <dt>{mt('workshop:onePage.costToday')}</dt>
                <dd data-testid="op-cost-today">{p.costs.today}</dd>
              </div>
              <div>
                <dt>{mt('workshop:onePage.costAfter')}</dt>
                <dd data-testid="op-cost-after">{p.costs.after}</dd>
              </div>
              <div className="is-saving">
                <dt>{mt('workshop:onePage.saving')}</dt>
                <dd data-testid="op-cost-saving">
                  {p.costs.saving} ({p.costs.savingPct})
                </dd>
              </div>
            </dl>
          </div>
        ) : null}
      </header>
      <div className="op-row op-top">
        {p.goals.length > 0 ? (
          <section className="op-goals">
            <h2>{mt('strategy:print.goals')}</h2>
            <table>
              <tbody>
                {p.goals.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">{g.title}</th>
                    <td className="op-target">{g.target}</td>
                    <td className="op-when">{g.deadline}</td>
                    <td>{g.benefit}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        {p.hasStartingPoint ? (
          <section className="op-start">
            <h2>{mt('strategy:step.startingPoint')}</h2>
            <PositioningChart startingPoint={st.startingPoint} ourLabel={mt('strategy:start.us')} />
          </section>
        ) : null}
        {p.channels.length > 0 || p.costs ? (
          <section className="op-channels-box">
            <h2>{mt('strategy:step.channels')}</h2>
            <ul>
              {p.channels.map((c) => (
                <li key={c.id}>
                  <strong>{c.label}</strong>
                  {c.detail ? `: ${c.detail}` : ''}
                </li>
              ))}
            </ul>
            {p.costs ? <p className="op-shift">{p.costs.shiftLine}</p> : null}
          </section>
        ) : null}
      </div>
      <section className="op-journey">
        <h2>
          {mt('strategy:print.journey')}{' '}
          <span className="op-legend">{mt('workshop:onePage.feelingLegend')}</span>
        </h2>
        {p.stages.length > 0 ? (
          <div className="op-stages" style={{ ['--op-stages' as string]: p.stages.length }}>
            {p.stages.map((s) => (
              <StageColumn key={s.id} s={s} mt={mt} lang={language} />
            ))}
          </div>
        ) : (
          <p>{mt('workshop:onePage.noJourney')}</p>
        )}
      </section>
      <div className="op-row op-bottom">
        {p.kpiFamilies.length > 0 ? (
          <section className="op-kpis">
            <h2>{mt('strategy:print.kpisOf')}</h2>
            <div className="op-families">
              {p.kpiFamilies.map((f) => (
                <div key={f.family}>
                  <h3>{f.name}</h3>
                  <ul>
                    {f.kpis.map((k) => (
                      <li key={k.id}>{k.line}</li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </section>
        ) : null}
        {p.training.length > 0 ? (
          <section className="op-training">
            <h2>{mt('strategy:print.trainingOf')}</h2>
            <ul>
              {p.training.map((s) => (
                <li key={s.id}>{s.line}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {p.goLive ? (
          <section className="op-golive">
            <h2>{mt('strategy:step.goLive')}</h2>
            <p className="op-golive-date">
              <strong>{p.goLive.date ?? mt('strategy:print.noDate')}</strong>
            </p>
            <p className="op-ready">
              {mt('workshop:onePage.ready', {
                done: p.goLive.checklist.filter((i) => i.done).length,
                total: p.goLive.checklist.length,
              })}
            </p>
            <p className="op-checklist">
              {p.goLive.checklist
                .filter((i) => !i.done)
                .map((i) => i.label)
                .join(' · ')}
            </p>
          </section>
        ) : null}
      </div>
    </article>
  );
}
