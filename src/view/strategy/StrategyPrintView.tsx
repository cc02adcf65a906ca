/**
 * The one-page customer strategy map (the seeds' step 7): goals, starting point, channels,
 * the journey by stage, KPIs, training and go-live on one landscape page. `@media print` in
 * strategy.css hides everything else, so the browser's print gives a PDF of just this page.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { goLiveChecklist } from '../../model/strategy/checklist';
import { computeCosts } from '../../model/strategy/cost';
import { KPI_FAMILIES, type MapSnapshot, type StageNode } from '../../model/types';
import { formatMoney } from './inputs';
import { PositioningChart } from './PositioningChart';
import './strategy.css';

/** For each stage in journey order: the channels and actions of its touchpoints. */
function journeyByStage(s: MapSnapshot) {
  const stages = s.nodes
    .filter((n): n is StageNode => n.kind === 'stage')
    .sort((a, b) => a.order - b.order);
  return stages.map((stage) => {
    const tps = s.touchpoints.filter((t) => t.from === stage.id || t.to === stage.id);
    const others = tps
      .map((t) => s.nodeById.get(t.from === stage.id ? t.to : t.from))
      .filter((n) => n?.kind === 'channel');
    return {
      stage,
      channels: [...new Set(others.map((n) => n!.label))],
      actions: tps.map((t) => t.action).filter(Boolean),
    };
  });
}

export function StrategyPrintView({ snapshot }: { snapshot: MapSnapshot }) {
  const { t, i18n } = useTranslation('strategy');
  const st = snapshot.strategy;
  const journey = useMemo(() => journeyByStage(snapshot), [snapshot]);
  const checklist = useMemo(() => goLiveChecklist(snapshot), [snapshot]);
  const costs = useMemo(() => computeCosts(snapshot), [snapshot]);
  const goalTitle = (id?: string) => st.goals.find((g) => g.id === id)?.title;
  const channels = snapshot.nodes.filter((n) => n.kind === 'channel');
  return (
    <article className="strategy-print" aria-label={t('print.label')}>
      <div className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('print.print')}
        </button>
      </div>
      <h1>{t('print.title', { title: snapshot.meta.title })}</h1>
      <div className="strategy-print-grid">
        <section className="span-2">
          <h2>{t('print.goals')}</h2>
          <table>
            <tbody>
              {st.goals.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{g.title}</th>
                  <td>{g.target}</td>
                  <td>{g.deadline}</td>
                  <td>{g.benefit}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h2>{t('step.startingPoint')}</h2>
          <PositioningChart startingPoint={st.startingPoint} ourLabel={t('start.us')} />
        </section>
        <section className="span-3">
          <h2>{t('print.journey')}</h2>
          <div className="journey-columns">
            {journey.map(({ stage, channels: chs, actions }) => (
              <div key={stage.id}>
                <strong>{stage.label}</strong>
                <div>{chs.join(', ')}</div>
                <ul>
                  {actions.map((a, i) => (
                    <li key={i}>{a}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </section>
        <section>
          <h2>{t('step.channels')}</h2>
          <ul>
            {channels.map((c) => {
              const plan = st.channelPlans[c.id];
              return (
                <li key={c.id}>
                  {c.label}: {plan?.status ? t(`channels.${plan.status}`) : t('channels.unset')}
                  {plan?.preferencePct !== undefined ? ` · ${plan.preferencePct}%` : ''}
                  {plan?.reason ? ` · ${plan.reason}` : ''}
                </li>
              );
            })}
          </ul>
          <p>
            {t('cost.saving')}:{' '}
            <strong>{formatMoney(costs.saving, costs.currency, i18n.language)}</strong> (
            {costs.shiftPct}%)
          </p>
        </section>
        <section>
          <h2>{t('print.kpisOf')}</h2>
          {KPI_FAMILIES.map((f) => (
            <div key={f}>
              <strong>{t(`kpis.family.${f}`)}</strong>
              <ul>
                {st.kpis
                  .filter((k) => k.family === f)
                  .map((k) => (
                    <li key={k.id}>
                      {k.name}
                      {k.target !== undefined ? `: ${k.target} ${k.unit ?? ''}` : ''}
                      {k.frequency ? ` (${k.frequency})` : ''}
                      {goalTitle(k.goalId) ? ` → ${goalTitle(k.goalId)}` : ''}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </section>
        <section>
          <h2>{t('print.trainingOf')}</h2>
          <ul>
            {st.training.map((s) => (
              <li key={s.id}>
                {s.topic} ({t(`training.${s.kind}`)}){s.audience ? `, ${s.audience}` : ''}
                {s.due ? `, ${s.due}` : ''}
              </li>
            ))}
          </ul>
          <h2>{t('step.goLive')}</h2>
          <p>
            <strong>{st.goLive.date ?? t('print.noDate')}</strong>
          </p>
          <ul>
            {checklist.map((i) => (
              <li key={i.key}>
                {i.done ? '✓' : '○'} {t(`goLive.item.${i.key}`)}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </article>
  );
}
