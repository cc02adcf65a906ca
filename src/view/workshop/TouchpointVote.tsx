/**
 * Voting from the inspector: while a round on touchpoints is open, the selected touchpoint's
 * form shows its votes and a Vote button (and Take back), the same command as the Votes panel.
 * Nothing outside such a round, or without a workshop API.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopApi } from '../../model/session-api';
import { itemKeyOf } from '../../model/workshop/types';
import { useSession } from '../canvas/SessionContext';
import { useWorkshop } from './useWorkshop';
import { myVotesLeft } from './votes-left';
import './workshop.css';

export function TouchpointVote({ touchpointId }: { touchpointId: string }) {
  const api = useSession().workshop;
  return api ? <Vote api={api} touchpointId={touchpointId} /> : null;
}

function Vote({ api, touchpointId }: { api: WorkshopApi; touchpointId: string }) {
  const { t } = useTranslation('workshop');
  const s = useWorkshop(api);
  const [refused, setRefused] = useState(false);
  const round = s.active;
  if (!round || round.target !== 'touchpoints') return null;
  const key = itemKeyOf(touchpointId);
  const tally = s.tallies.get(round.id);
  const dots = tally?.byItem.get(key) ?? 0;
  const mine = tally?.byVoterItem.get(api.voterId)?.get(key) ?? 0;
  const left = myVotesLeft(s, api.voterId);
  const vote = (delta: 1 | -1) => setRefused(api.vote(round.id, key, delta) === 'limit');
  return (
    <div className="tp-vote" role="group" aria-labelledby={`tp-vote-${touchpointId}`}>
      <p id={`tp-vote-${touchpointId}`} data-testid="tp-votes">
        <strong>{t('votes.title')}</strong> {t('votes.dots', { count: dots })}
        {mine > 0 ? <span className="muted"> ({t('votes.mine', { count: mine })})</span> : null}
      </p>
      {api.canEdit ? (
        <div className="tp-vote-actions">
          <button type="button" aria-disabled={left <= 0 || undefined} onClick={() => vote(1)}>
            {t('votes.vote')}
          </button>
          <button type="button" disabled={mine === 0} onClick={() => vote(-1)}>
            {t('votes.takeBack')}
          </button>
          <span className="muted">{t('votes.leftShort', { count: left })}</span>
        </div>
      ) : null}
      {refused ? (
        <p className="votes-warning" role="alert">
          {t('votes.limit')}
        </p>
      ) : null}
    </div>
  );
}
