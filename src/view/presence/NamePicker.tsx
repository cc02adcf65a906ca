/** My display name for the others; presence remembers it for next time. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NAME_CHARS, type PresenceApi } from '../../model/session-api';
import { useMe } from './usePresence';

export function NamePicker({
  presence,
  autoFocus,
  onDone,
}: {
  presence: PresenceApi;
  autoFocus?: boolean;
  /** Called once the name is saved or the edit cancelled. */
  onDone?: () => void;
}) {
  const { t } = useTranslation('share');
  const me = useMe(presence);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft.trim()) presence.setName(draft);
    setDraft(null);
    onDone?.();
  };
  return (
    <span className="name-picker" style={{ ['--peer-color' as string]: me.color }}>
      <span className="swatch" aria-hidden="true" />
      <input
        aria-label={t('name.label')}
        value={draft ?? me.name}
        maxLength={MAX_NAME_CHARS}
        title={t('name.hint')}
        autoFocus={autoFocus}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            setDraft(null);
            e.currentTarget.blur();
            onDone?.();
          }
        }}
      />
    </span>
  );
}
