/**
 * Dot voting: an editor starts a round (touchpoints, pain points or opportunities, N votes a
 * person); everyone with an edit link places and takes back dots here, live; results sorted by
 * dots. The round and its votes are records of the map (model/workshop/); the limit is the
 * command's, so this panel only mirrors it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOTE_ROUND_LIMITS, DEFAULT_VOTES_PER_PERSON } from '../../model/records/vote-round';
import type { WorkshopApi } from '../../model/session-api';
import { rankedItems } from '../../model/workshop/tally';
import { VOTE_TARGETS, type VoteRound, type VoteTarget } from '../../model/workshop/types';
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';
import { useWorkshop } from './useWorkshop';
import { voteItems, type VoteItem } from './items';

function Results({ round, items, api }: { round: VoteRound; items: VoteItem[]; api: WorkshopApi }) {
  const { t } = useTranslation('workshop');
  const s = useWorkshop(api);
  const tally = s.tallies.get(round.id);
  const byKey = new Map(items.map((i) => [i.key, i]));
  const ranked = rankedItems(tally).filter((r) => byKey.has(r.key));
  const voters = tally?.byVoter.size ?? 0;
  return (
    <section className="votes-results" aria-labelledby={`results-${round.id}`}>
      <h3 id={`results-${round.id}`}>
        {t('votes.results')} <span className="muted">{t('votes.voters', { count: voters })}</span>
      </h3>
      {ranked.length === 0 ? (
        <p className="muted">{t('votes.noVotes')}</p>
      ) : (
        <ol data-testid="vote-results">
          {ranked.map((r) => {
            const item = byKey.get(r.key)!;
            return (
              <li key={r.key}>
                <span className="vote-dots" aria-hidden="true">
                  {'●'.repeat(Math.min(r.dots, 12))}
                </span>{' '}
                <strong>{t('votes.dots', { count: r.dots })}</strong>{' '}
                {item.text || t('votes.untitled')}
                {item.stage ? <span className="muted"> · {item.stage}</span> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function OpenRound({
  round,
  items,
  api,
}: {
  round: VoteRound;
  items: VoteItem[];
  api: WorkshopApi;
}) {
  const { t } = useTranslation('workshop');
  const s = useWorkshop(api);
  const [refused, setRefused] = useState<string | null>(null);
  const tally = s.tallies.get(round.id);
  const used = tally?.byVoter.get(api.voterId) ?? 0;
  const left = round.votesPerPerson - used;
  // My own dots per item as the doc holds them (what I can take back).
  const mine = (key: string) => tally?.byVoterItem.get(api.voterId)?.get(key) ?? 0;
  const vote = (key: string, delta: 1 | -1) => {
    const r = api.vote(round.id, key, delta);
    setRefused(r === 'limit' ? t('votes.limit') : null);
  };
  return (
    <>
      <p className="votes-left" aria-live="polite" data-testid="votes-left">
        {t('votes.left', { count: left })}
      </p>
      {refused ? (
        <p className="votes-warning" role="alert">
          {refused}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="muted" data-testid="votes-nothing">
          {t(`votes.nothing.${round.target}`)}
        </p>
      ) : (
        <ul className="vote-items" aria-label={t(`votes.targets.${round.target}`)}>
          {items.map((item) => {
            const label = item.text || t('votes.untitled');
            const n = tally?.byItem.get(item.key) ?? 0;
            const m = mine(item.key);
            return (
              <li key={item.key} data-testid="vote-item">
                <span className="vote-text">
                  {label}
                  {item.stage ? <span className="muted"> · {item.stage}</span> : null}
                </span>
                <span className="vote-count">
                  {t('votes.dots', { count: n })}
                  {m > 0 ? <span className="muted"> ({t('votes.mine', { count: m })})</span> : null}
                </span>
                <button
                  type="button"
                  aria-label={t('votes.remove', { item: label })}
                  disabled={m === 0 || !api.canEdit}
                  onClick={() => vote(item.key, -1)}
                >
                  −
                </button>
                <button
                  type="button"
                  aria-label={t('votes.add', { item: label })}
                  // Still focusable and clickable when my dots are used up: it says why.
                  aria-disabled={left <= 0 || undefined}
                  disabled={!api.canEdit}
                  onClick={() => vote(item.key, 1)}
                >
                  +
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function RoundStatus({
  round,
  api,
  onEnded,
}: {
  round: VoteRound;
  api: WorkshopApi;
  /** After "End the round" (the button goes away: focus has to go somewhere). */
  onEnded?: () => void;
}) {
  const { t } = useTranslation('workshop');
  const target = t(`votes.targets.${round.target}`);
  const open = round.endedAt === undefined;
  return (
    <div className="votes-status">
      <p data-testid="vote-round">
        {open
          ? t('votes.open', { target, count: round.votesPerPerson })
          : t('votes.ended', { target })}
      </p>
      {api.canEdit && open ? (
        <button
          type="button"
          onClick={() => {
            api.endRound(round.id);
            onEnded?.();
          }}
        >
          {t('votes.end')}
        </button>
      ) : null}
    </div>
  );
}

/** The facilitator's form: what to vote on and how many votes a person (no round open). */
function StartRound({ api, onStarted }: { api: WorkshopApi; onStarted: () => void }) {
  const { t } = useTranslation('workshop');
  const [target, setTarget] = useState<VoteTarget>('touchpoints');
  const [perPerson, setPerPerson] = useState(String(DEFAULT_VOTES_PER_PERSON));
  const L = VOTE_ROUND_LIMITS.votesPerPerson;
  return (
    <form
      className="votes-start"
      onSubmit={(e) => {
        e.preventDefault();
        // The command clamps to the limits too; a blank field is the default.
        api.startRound(target, Number(perPerson) || DEFAULT_VOTES_PER_PERSON);
        onStarted(); // this form goes away while the round is open
      }}
    >
      <label>
        {t('votes.target')}
        <select value={target} onChange={(e) => setTarget(e.target.value as VoteTarget)}>
          {VOTE_TARGETS.map((v) => (
            <option key={v} value={v}>
              {t(`votes.targets.${v}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('votes.perPerson')}
        <input
          type="number"
          className="narrow"
          min={L.min}
          max={L.max}
          step={1}
          value={perPerson}
          onChange={(e) => setPerPerson(e.target.value)}
        />
      </label>
      <button type="submit">{t('votes.start')}</button>
    </form>
  );
}

export function VotesPanel({ api, onClose }: { api: WorkshopApi; onClose(): void }) {
  const { t } = useTranslation('workshop');
  const session = useSession();
  const snapshot = useStore(session.map);
  const s = useWorkshop(api);
  const round = s.active ?? s.rounds[0] ?? null;
  const earlier = s.rounds.filter((r) => r !== round);
  const items = useMemo(() => (round ? voteItems(snapshot, round.target) : []), [snapshot, round]);
  const ref = useRef<HTMLElement>(null);
  // Focus moves into the panel when it opens, so Escape and Tab work from there.
  useEffect(() => ref.current?.focus(), []);
  const refocus = () => ref.current?.focus();
  return (
    <aside
      ref={ref}
      className="votes-panel"
      aria-label={t('votes.title')}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <header className="votes-head">
        <h2>{t('votes.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('votes.close')}
        </button>
      </header>
      {!api.canEdit ? <p className="muted">{t('votes.readOnly')}</p> : null}
      {round && round.endedAt === undefined ? (
        <>
          <RoundStatus round={round} api={api} onEnded={refocus} />
          <Results round={round} items={items} api={api} />
          <OpenRound round={round} items={items} api={api} />
        </>
      ) : (
        <>
          {api.canEdit ? <StartRound api={api} onStarted={refocus} /> : null}
          {!round ? (
            <p className="votes-empty" data-testid="votes-empty">
              {api.canEdit ? t('votes.noneEditor') : t('votes.none')}
            </p>
          ) : (
            <>
              <RoundStatus round={round} api={api} />
              <Results round={round} items={items} api={api} />
            </>
          )}
        </>
      )}
      {earlier.length > 0 ? (
        <details className="votes-history">
          <summary>{t('votes.history', { count: earlier.length })}</summary>
          {earlier.map((r) => (
            <div key={r.id}>
              <RoundStatus round={r} api={api} />
              <Results round={r} items={voteItems(snapshot, r.target)} api={api} />
            </div>
          ))}
        </details>
      ) : null}
    </aside>
  );
}
