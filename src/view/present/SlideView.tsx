/**
 * One slide of Present mode, drawn from the deck (model/deck.ts): the overview, a stage, or the
 * strategy summary. Large type for the back of a room; texts come from the map as they are
 * (React escapes them), untitled things get their name in the UI language.
 */
import { useTranslation } from 'react-i18next';
import type { Deck, DeckKpi, DeckLane, DeckStage, DeckTouchpoint } from '../../model/deck';
import { Face } from '../Face';
import { formatMoney, formatNumber } from '../strategy/inputs';
import { formatDate } from '../strategy/onePage';
import type { Slide } from './slides';
import { kpiTarget } from '../../model/strategy/kpiTarget';
import '../screen-reader.css';

type T = ReturnType<typeof useTranslation>['t'];

const emotionWord = (t: T, e: number | null | undefined): string =>
  e === null || e === undefined
    ? t('stage.notRated')
    : t(`emotion.${Math.max(-2, Math.min(2, Math.round(e)))}`);

export const stageTitle = (t: T, s: DeckStage): string => s.title.trim() || t('untitledStage');

/** Characters in the longest word of `titles` (at least 1): the overview sizes its titles by it. */
export function longestWord(titles: readonly string[]): number {
  let longest = 1;
  for (const title of titles)
    for (const word of title.split(/\s+/)) longest = Math.max(longest, [...word].length);
  return longest;
}

/** The title of a slide, for its label and the announcement. */
export function slideTitle(t: T, deck: Deck, slide: Slide): string {
  if (slide.kind === 'overview') return deck.title.trim() || t('untitledMap');
  if (slide.kind === 'strategy') return t('strategy.title');
  const s = deck.stages[slide.stage];
  return s ? stageTitle(t, s) : t('untitledStage');
}

function Mood({ emotion, size }: { emotion: number | null | undefined; size: number }) {
  const { t } = useTranslation('present');
  return (
    <span className="present-mood">
      {emotion !== null && emotion !== undefined ? <Face emotion={emotion} size={size} /> : null}
      <span>{emotionWord(t, emotion)}</span>
    </span>
  );
}

function Overview({ deck }: { deck: Deck }) {
  const { t } = useTranslation('present');
  const count = deck.stages.reduce((n, s) => n + s.touchpoints.length, 0);
  return (
    <div className="present-overview">
      <header className="present-head">
        <p className="present-eyebrow">{t('overview.title')}</p>
        <h2 className="present-title">{deck.title.trim() || t('untitledMap')}</h2>
        <p className="present-sub">
          {t('overview.summary', { stages: deck.stages.length, count })}
        </p>
      </header>
      {deck.stages.length === 0 ? (
        <p className="present-empty">{t('overview.noStages')}</p>
      ) : (
        <ol
          className="present-columns"
          style={{
            ['--cols' as string]: deck.stages.length,
            ['--longest-word' as string]: longestWord(deck.stages.map((s) => stageTitle(t, s))),
          }}
        >
          {deck.stages.map((s) => (
            <li key={s.stageId} className="present-column">
              <span className="present-column-index" aria-hidden="true">
                {s.index}
              </span>
              <h3>{stageTitle(t, s)}</h3>
              <Mood emotion={s.emotion} size={28} />
              <p className="present-muted">
                {t('overview.touchpoints', { count: s.touchpoints.length })}
              </p>
              <div className="present-pain">
                <p className="present-label">{t('overview.topPain')}</p>
                <p>{s.painPoints[0] ?? t('overview.noPain')}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function List({ title, items, tone }: { title: string; items: readonly string[]; tone: string }) {
  if (!items.length) return null;
  return (
    <div className={`present-list present-list-${tone}`}>
      <p className="present-label">{title}</p>
      <ul>
        {items.map((x, i) => (
          <li key={i}>{x}</li>
        ))}
      </ul>
    </div>
  );
}

function TouchpointCard({ tp }: { tp: DeckTouchpoint }) {
  const { t } = useTranslation('present');
  return (
    <li className="present-card">
      <div className="present-card-top">
        <Mood emotion={tp.emotion} size={36} />
        {tp.channel ? (
          <span className="present-chip">
            <span className="sr-only">{t('stage.channel')}: </span>
            {tp.channel}
          </span>
        ) : null}
      </div>
      <h4 className="present-action">{tp.action.trim() || '—'}</h4>
      <List title={t('stage.painPoints')} items={tp.painPoints} tone="pain" />
      <List title={t('stage.opportunities')} items={tp.opportunities} tone="opp" />
      <List title={t('stage.kpis')} items={tp.kpis} tone="kpi" />
    </li>
  );
}

const laneTitle = (t: T, l: DeckLane) => l.title.trim() || t(`lane.${l.type}`);

function StageSlide({ deck, stage }: { deck: Deck; stage: DeckStage }) {
  const { t } = useTranslation('present');
  return (
    <div className="present-stage">
      <header className="present-head present-head-row">
        <div>
          <p className="present-eyebrow">
            {t('stage.eyebrow', { n: stage.index, total: deck.stages.length })}
          </p>
          <h2 className="present-title">{stageTitle(t, stage)}</h2>
          {stage.description ? <p className="present-sub">{stage.description}</p> : null}
        </div>
        <Mood emotion={stage.emotion} size={56} />
      </header>
      {stage.touchpoints.length === 0 ? (
        <p className="present-empty">{t('stage.noTouchpoints')}</p>
      ) : (
        <ul className="present-cards" style={{ ['--cols' as string]: stage.touchpoints.length }}>
          {stage.touchpoints.map((tp) => (
            <TouchpointCard key={tp.id} tp={tp} />
          ))}
        </ul>
      )}
      {stage.lanes.length ? (
        <div className="present-lanes">
          {stage.lanes.map((l) => (
            <List key={l.key} title={laneTitle(t, l)} items={l.items} tone="lane" />
          ))}
        </div>
      ) : null}
    </div>
  );
}

const kpiLine = (k: DeckKpi, language: string) =>
  [k.name, k.target !== undefined ? kpiTarget(k.target, k.unit, language) : '', k.frequency]
    .filter(Boolean)
    .join(' · ');

function StrategySlide({ deck }: { deck: Deck }) {
  const { t, i18n } = useTranslation('present');
  const s = deck.strategy;
  const money = (n: number) => formatMoney(n, s.costs.currency, i18n.language);
  const done = s.checklist.filter((c) => c.done).length;
  return (
    <div className="present-strategy">
      <header className="present-head">
        <p className="present-eyebrow">{deck.title.trim() || t('untitledMap')}</p>
        <h2 className="present-title">{t('strategy.title')}</h2>
        <p className="present-sub">
          {s.goLiveDate
            ? `${t('strategy.goLive', { date: formatDate(s.goLiveDate, i18n.language) })} · `
            : ''}
          {t('strategy.checklist', { done, total: s.checklist.length })}
        </p>
      </header>
      <div className="present-strategy-grid">
        <List
          title={t('strategy.goals')}
          items={s.goals.map((g) =>
            [
              g.title,
              g.target ? t('strategy.target', { target: g.target }) : '',
              // In the UI language ("31 dic 2026"), as the panel, the one-pager and the decks.
              g.deadline ? formatDate(g.deadline, i18n.language) : '',
            ]
              .filter(Boolean)
              .join(' · '),
          )}
          tone="goal"
        />
        <List
          title={t('strategy.kpis')}
          items={s.kpis.map((k) => kpiLine(k, i18n.language))}
          tone="kpi"
        />
        <List
          title={t('strategy.channels')}
          items={s.channels.map((c) =>
            [
              c.label,
              c.status ? t(`strategy.status.${c.status}`) : '',
              c.preferencePct !== undefined ? `${c.preferencePct}%` : '',
            ]
              .filter(Boolean)
              .join(' · '),
          )}
          tone="opp"
        />
        {s.costs.totalToday > 0 ? (
          <List
            title={t('strategy.costs')}
            items={[
              t('strategy.costLine', {
                today: money(s.costs.totalToday),
                after: money(s.costs.totalAfter),
              }),
              t('strategy.saving', {
                saving: money(s.costs.saving),
                // One decimal in the UI language, as the strategy panel and the decks say it.
                pct: formatNumber(s.costs.savingPct, i18n.language, 1),
              }),
            ]}
            tone="pain"
          />
        ) : null}
      </div>
    </div>
  );
}

export function SlideView({ deck, slide }: { deck: Deck; slide: Slide }) {
  if (slide.kind === 'overview') return <Overview deck={deck} />;
  if (slide.kind === 'strategy') return <StrategySlide deck={deck} />;
  const stage = deck.stages[slide.stage];
  return stage ? <StageSlide deck={deck} stage={stage} /> : <Overview deck={deck} />;
}
