/**
 * "Ada is presenting · Follow · Dismiss": a non-modal prompt, as Miro asks rather than pulls
 * people along. Shown for the first person in the room presenting with follow me on, unless I
 * dismissed them (until they stop) or I am in Present mode myself. Nothing for a map that is
 * not shared.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../canvas/SessionContext';
import { usePeers } from '../hooks/usePeers';
import { useStore } from '../hooks/useStore';
import { presentStoreFor } from './presentStore';
import { useCanFollow } from './PresentMode';
import './present.css';

export function PresentBanner() {
  const { t } = useTranslation('present');
  const session = useSession();
  const store = presentStoreFor(session);
  const state = useStore(store);
  const dismissed = useStore(store.dismissed);
  const peers = usePeers(session);
  const canFollow = useCanFollow(session);
  const presenters = peers.filter((p) => p.presenting?.follow);

  // A dismissal lasts until that person stops presenting.
  useEffect(() => {
    const still = [...dismissed].filter((id) => presenters.some((p) => p.clientId === id));
    if (still.length !== dismissed.size) store.dismissed.set(new Set(still));
  }, [dismissed, presenters, store]);

  const presenter = presenters.find((p) => !dismissed.has(p.clientId));
  if (!canFollow || !presenter || state.mode !== 'closed') return null;
  const follow = () =>
    store.set({
      mode: 'following',
      clientId: presenter.clientId,
      name: presenter.name,
      // Where to be if they stop before the first render; the live slide wins meanwhile.
      at: {
        index: presenter.presenting?.slide ?? 0,
        ...(presenter.presenting?.stageId ? { stageId: presenter.presenting.stageId } : {}),
      },
      detached: false,
    });
  return (
    <section
      className="present-banner"
      aria-label={t('banner.region')}
      style={{ ['--peer-color' as string]: presenter.color }}
    >
      <span className="present-dot" aria-hidden="true" />
      <p role="status">{t('banner.text', { name: presenter.name })}</p>
      <button
        type="button"
        className="present-banner-follow"
        aria-label={t('banner.followName', { name: presenter.name })}
        onClick={follow}
      >
        {t('banner.follow')}
      </button>
      <button
        type="button"
        onClick={() => store.dismissed.set(new Set([...dismissed, presenter.clientId]))}
      >
        {t('banner.dismiss')}
      </button>
    </section>
  );
}
