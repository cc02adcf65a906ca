/**
 * Asks for a name the first time this browser joins a shared map (the random "Guest 715" is
 * only the fallback: "Not now" keeps it for this tab). A banner under the header rather than a
 * modal: the map stays usable while the person decides, and nothing it covers is blocked.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NAME_CHARS } from '../../model/session-api';
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';
import { useMe } from './usePresence';
import type { PresenceApi } from '../../model/session-api';
import '../workshop/workshop.css';

const SKIPPED_KEY = 'itinera.namePromptSkipped';

function skipped(): boolean {
  try {
    return sessionStorage.getItem(SKIPPED_KEY) === '1';
  } catch {
    return false;
  }
}

function Prompt({ presence }: { presence: PresenceApi }) {
  const { t } = useTranslation('workshop');
  const me = useMe(presence);
  const [dismissed, setDismissed] = useState(skipped);
  const [name, setName] = useState('');
  if (me.named !== false || dismissed) return null;
  const skip = () => {
    try {
      sessionStorage.setItem(SKIPPED_KEY, '1');
    } catch {
      // Asked again next time: nothing lost.
    }
    setDismissed(true);
  };
  return (
    <form
      className="name-prompt"
      role="region"
      aria-labelledby="name-prompt-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) presence.setName(name);
      }}
    >
      <strong id="name-prompt-title">{t('name.title')}</strong>
      <span className="muted">{t('name.hint')}</span>
      <input
        value={name}
        maxLength={MAX_NAME_CHARS}
        placeholder={me.name}
        autoComplete="nickname"
        aria-label={t('name.label')}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="primary" disabled={!name.trim()}>
        {t('name.save')}
      </button>
      <button type="button" onClick={skip}>
        {t('name.skip')}
      </button>
    </form>
  );
}

/** Only on a shared map (with presence and a server to share it with). */
export function NamePrompt() {
  const session = useSession();
  const { connection } = useStore(session.sync);
  return session.presence && connection !== 'local' ? <Prompt presence={session.presence} /> : null;
}
