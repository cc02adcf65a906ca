/**
 * The header's facilitation tools: the shared timer and the Votes button, which opens the
 * dot-voting panel (a floating panel over the canvas or grid). Nothing without a workshop API
 * (views built without a session's).
 */
import { useSyncExternalStore, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../canvas/SessionContext';
import { PanelBoundary } from '../errors/PanelBoundary';
import { TimerControl } from './TimerControl';
import { VotesPanel } from './VotesPanel';
import './workshop.css';

export function WorkshopControls() {
  const { t } = useTranslation('workshop');
  const api = useSession().workshop;
  const [open, setOpen] = useState(false);
  const active = useSyncExternalStore(
    api?.snapshot.subscribe ?? noSubscribe,
    () => api?.snapshot.getSnapshot().active?.id ?? null,
  );
  if (!api) return null;
  return (
    <>
      <TimerControl api={api} />
      <button
        type="button"
        aria-pressed={open}
        className={`${open ? 'is-on ' : ''}${active ? 'has-round' : ''}`}
        onClick={() => setOpen(!open)}
      >
        {active ? t('votes.buttonActive') : t('votes.button')}
      </button>
      {open ? (
        <PanelBoundary panel="votes">
          <VotesPanel api={api} onClose={() => setOpen(false)} />
        </PanelBoundary>
      ) : null}
    </>
  );
}

const noSubscribe = () => () => {};
