/**
 * The header's facilitation tools: the shared timer and the Votes button, which opens the
 * dot-voting panel (docked at the editor's side like the other panels, so it never covers the
 * inspector: `DockedVotes`). During a round the button says how many votes I have left.
 * Escape in the panel closes it and gives focus back to the button. Nothing without a
 * workshop API (views built without a session's).
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopApi } from '../../model/session-api';
import { useSession } from '../canvas/SessionContext';
import { PanelBoundary } from '../errors/PanelBoundary';
import { TimerControl } from './TimerControl';
import { VotesPanel } from './VotesPanel';
import { myVotesLeft } from './votes-left';
import { votesUi } from './votesUi';
import './workshop.css';

export function WorkshopControls() {
  const api = useSession().workshop;
  return api ? <Controls api={api} /> : null;
}

function Controls({ api }: { api: WorkshopApi }) {
  const { t } = useTranslation('workshop');
  const open = useSyncExternalStore(votesUi.subscribe, votesUi.get, votesUi.get);
  const button = useRef<HTMLButtonElement>(null);
  // Closed from inside the panel (Escape, its Close button), focus went with the panel: it
  // comes back to this button. Closed from the button, focus is already here.
  const wasOpen = useRef(open);
  useEffect(() => {
    const active = document.activeElement;
    if (wasOpen.current && !open && (active === null || active === document.body))
      button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  // A number (or -1: no round) so the button re-renders only when it changes.
  const left = useSyncExternalStore(api.snapshot.subscribe, () =>
    myVotesLeft(api.snapshot.getSnapshot(), api.voterId),
  );
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
        onClick={() => votesUi.set(!open)}
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
    </>
  );
}

/** The dot-voting panel, docked at the editor's side while the Votes button is on. */
export function DockedVotes() {
  const api = useSession().workshop;
  const open = useSyncExternalStore(votesUi.subscribe, votesUi.get, votesUi.get);
  if (!api || !open) return null;
  return (
    <PanelBoundary panel="votes" className="panel-error-side">
      <VotesPanel api={api} onClose={() => votesUi.set(false)} />
    </PanelBoundary>
  );
}
