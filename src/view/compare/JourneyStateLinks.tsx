/**
 * The map header's journey states: "Current state: <title>" and "Future state: <title>" (each
 * opens the other map), "Compare" with it, and "Create future state" when the map has none. A
 * link to a map that is not in this device's library (deleted, or made on another device) shows
 * its last known title as text with a note, not a link.
 */
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyStateLink, JourneyStateRole } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';
import { useJourneyStates, type JourneyStatesService } from './journeyStatesService';
import './compare.css';

type Found = { readonly mapId: string; readonly title: string | null } | null;

/** The linked map's library title (null: not on this device), looked up when the link changes. */
function useLinkedMap(service: JourneyStatesService, link: JourneyStateLink | undefined): Found {
  const [found, setFound] = useState<Found>(null);
  const mapId = link?.mapId;
  useEffect(() => {
    if (mapId === undefined) return;
    let live = true;
    service.lookup(mapId).then(
      (entry) => live && setFound({ mapId, title: entry ? entry.title : null }),
      () => live && setFound({ mapId, title: null }),
    );
    return () => {
      live = false;
    };
  }, [service, mapId]);
  return found && found.mapId === mapId ? found : null;
}

function StateLink({
  role,
  link,
  service,
  thisId,
}: {
  role: JourneyStateRole;
  link: JourneyStateLink;
  service: JourneyStatesService;
  thisId: string;
}) {
  const { t } = useTranslation('compare');
  const found = useLinkedMap(service, link);
  const title = found?.title || link.title || t('states.untitled');
  const compare =
    role === 'future'
      ? service.compareHref(thisId, link.mapId)
      : service.compareHref(link.mapId, thisId);
  return (
    <span className="journey-state">
      <span className="journey-state-role">{t(`states.${role}`)}</span>{' '}
      {found === null ? (
        <span className="journey-state-title" aria-busy="true">
          {link.title || t('states.untitled')}
        </span>
      ) : found.title === null ? (
        <span className="journey-state-title journey-state-missing" title={t('states.notHereHint')}>
          {t('states.notHere', { title })}
        </span>
      ) : (
        <>
          <a className="journey-state-title" href={service.mapHref(link.mapId)}>
            {title}
          </a>
          <a
            className="journey-state-compare"
            href={compare}
            aria-label={t(role === 'future' ? 'states.compareFuture' : 'states.compareCurrent')}
          >
            {t('states.compareShort')}
          </a>
        </>
      )}
    </span>
  );
}

export const JourneyStateLinks = memo(function JourneyStateLinks() {
  const { t } = useTranslation('compare');
  const session = useSession();
  const service = useJourneyStates();
  const meta = useStore(session.map).meta;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (!service) return null;
  const create = () => {
    setBusy(true);
    setMessage(null);
    const title = t('states.futureTitle', { title: meta.title || t('states.untitled') });
    service.createFutureState(title).then(
      () => {
        setBusy(false);
        setMessage({ text: t('states.created', { title }), error: false });
      },
      (err: unknown) => {
        setBusy(false);
        setMessage({
          text: t('states.failed', { message: String((err as Error)?.message ?? err) }),
          error: true,
        });
      },
    );
  };
  const canCreate = !meta.futureState && session.readOnlyReason === null;
  if (!meta.currentState && !meta.futureState && !canCreate) return null;
  return (
    <nav className="journey-states" aria-label={t('states.nav')}>
      {meta.currentState ? (
        <StateLink
          role="current"
          link={meta.currentState}
          service={service}
          thisId={session.mapId}
        />
      ) : null}
      {meta.futureState ? (
        <StateLink role="future" link={meta.futureState} service={service} thisId={session.mapId} />
      ) : null}
      {canCreate ? (
        <button type="button" className="journey-state-create" disabled={busy} onClick={create}>
          {busy ? t('states.creating') : t('states.create')}
        </button>
      ) : null}
      <span
        className={message?.error ? 'journey-state-message is-error' : 'journey-state-live'}
        role="status"
      >
        {message?.text ?? ''}
      </span>
    </nav>
  );
});
