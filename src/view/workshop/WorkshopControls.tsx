/**
 * The header's facilitation tools: the shared timer and the Votes button, which opens the
 * dot-voting panel (a floating panel over the canvas or grid). During a round the button says
 * how many votes I have left. Escape in the panel closes it and gives focus back to the
 * button. Nothing without a workshop API (views built without a session's).
 */
import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopApi } from '../../model/session-api';
import { useSession } from '../canvas/SessionContext';
import { PanelBoundary } from '../errors/PanelBoundary';
import { TimerControl } from './TimerControl';
import { VotesPanel } from './VotesPanel';
import { myVotesLeft } from './votes-left';
import './workshop.css';

export function WorkshopControls() {
  const api = useSession().workshop;
  return api ? <Controls api={api} /> : null;
}

function Controls({ api }: { api: WorkshopApi }) {
  const { t } = useTranslation('workshop');
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // A number (or -1: no round) so the button re-renders only when it changes.
  const left = useSyncExternalStore(api.snapshot.subscribe, () =>
    myVotesLeft(api.snapshot.getSnapshot(), api.voterId),
  );
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  const round = left >= 0;
  const label = !round
    ? t('votes.button')
    : api.canEdit
      ? t('votes.buttonLeft', { count: left })
      : t('votes.buttonActive');
  return (
    <>
      <TimerControl api={api} />
      <button
        ref={button}
        type="button"
        aria-pressed={open}
        className={`votes-button${open ? ' is-on' : ''}${round ? ' has-round' : ''}`}
        aria-label={label}
        onClick={() => setOpen(!open)}
      >
        {t('votes.button')}
        {/* A space: the visible text reads "Votes 2", the start of the name (WCAG 2.5.3). */}
        {round && api.canEdit ? ' ' : null}
        {round && api.canEdit ? (
          <span className="votes-badge" aria-hidden="true">
            {left}
          </span>
        ) : null}
        {/* A reader cannot vote: a dot says a round is open (no text to read twice). */}
        {round && !api.canEdit ? <span className="votes-badge is-dot" aria-hidden="true" /> : null}
      </button>
      {open ? (
        <PanelBoundary panel="votes">
          <VotesPanel api={api} onClose={close} />
        </PanelBoundary>
      ) : null}
    </>
  );
}
