/** Who is here: me first (my chip turns into my name field on click), then everyone else. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenceApi } from '../../model/session-api';
import { useSession } from '../canvas/SessionContext';
import { useMorePeers, usePeers } from '../hooks/usePeers';
import { useStore } from '../hooks/useStore';
import { NamePicker } from './NamePicker';
import { useMe } from './usePresence';
import './presence.css';

/** People listed by name in the header; the rest are one "+N more" item. */
export const MAX_LISTED_PEERS = 12;

function People({ presence }: { presence: PresenceApi }) {
  const { t } = useTranslation('share');
  const session = useSession();
  const peers = usePeers(session);
  const beyond = useMorePeers(session);
  const me = useMe(presence);
  const [renaming, setRenaming] = useState(false);
  const listed = peers.slice(0, MAX_LISTED_PEERS);
  const more = peers.length - listed.length + beyond;
  return (
    <div className="people-list">
      <ul
        aria-label={t('people.label')}
        title={t('people.count', { count: peers.length + beyond + 1 })}
      >
        <li style={{ ['--peer-color' as string]: me.color }} className="people-me">
          {renaming ? (
            <NamePicker presence={presence} autoFocus onDone={() => setRenaming(false)} />
          ) : (
            <button type="button" title={t('name.change')} onClick={() => setRenaming(true)}>
              <span className="swatch" aria-hidden="true" />
              {t('people.you', { name: me.name })}
            </button>
          )}
        </li>
        {listed.map((p) => (
          <li key={p.clientId} style={{ ['--peer-color' as string]: p.color }}>
            <span className="swatch" aria-hidden="true" />
            {p.name}
          </li>
        ))}
        {more > 0 ? (
          <li className="people-more" title={t('people.moreTitle', { count: more })}>
            {t('people.more', { count: more })}
          </li>
        ) : null}
      </ul>
    </div>
  );
}

/** Nothing for a map that is not shared (no presence, or not connected to a server). */
export function PeopleList() {
  const session = useSession();
  const { connection } = useStore(session.sync);
  return session.presence && connection !== 'local' ? <People presence={session.presence} /> : null;
}
