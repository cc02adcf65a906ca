import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The map's title as the library shows it. */
  readonly title: string;
  /** Deletes the map for everyone; rejects with an Error to show (the dialog stays open). */
  onConfirm(): Promise<void>;
  onClose(): void;
}

/**
 * The confirm step of "Delete for everyone": names the map and says what goes (the map for
 * every collaborator, with its history and comments, and this device's copy; no undo). Cancel
 * has the focus, so Enter never deletes by accident; Escape closes.
 */
export function DeleteForEveryoneDialog({ title, onConfirm, onClose }: Props) {
  const { t } = useTranslation('library');
  const headingId = useId();
  const textId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = () => {
    setBusy(true);
    setError(null);
    onConfirm().catch((err: unknown) => {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    });
  };

  return (
    <section
      className="library-dialog library-dialog-danger"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={headingId}
      aria-describedby={textId}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h2 id={headingId}>{t('deleteForEveryone.heading', { title })}</h2>
      <p id={textId}>{t('deleteForEveryone.explain')}</p>
      {error ? (
        <p role="alert" className="library-error">
          {t('failed', { message: error })}
        </p>
      ) : null}
      <div className="library-dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('cancel')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={confirm}>
          {t('deleteForEveryone.confirm')}
        </button>
      </div>
    </section>
  );
}
