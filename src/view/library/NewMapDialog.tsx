import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { templateName, TemplateName } from './TemplateName';
import { META_LIMITS } from '../../model/records/meta';

interface Props {
  readonly templates: readonly string[];
  onCreate(input: { template: string; title: string }): Promise<void>;
  onClose(): void;
}

/** The "New map" form: a template choice and a title. Stays open, with the error, on failure. */
export function NewMapDialog({ templates, onCreate, onClose }: Props) {
  const { t } = useTranslation('library');
  const headingId = useId();
  const [template, setTemplate] = useState(templates[0] ?? 'blank');
  // What the person typed, or null: until they type, the title follows the chosen template's
  // name (in the UI language), so picking "Airline" does not create an "Untitled map".
  const [typed, setTyped] = useState<string | null>(null);
  const title = typed ?? (template === 'blank' ? t('defaultTitle') : templateName(t, template));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    onCreate({ template, title: title.trim() || t('defaultTitle') }).catch((err: unknown) => {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    });
  };

  return (
    <section
      className="library-dialog"
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h2 id={headingId}>{t('newMapDialog')}</h2>
      <form onSubmit={submit}>
        <fieldset className="library-templates">
          <legend>{t('template')}</legend>
          {templates.map((key) => (
            <label key={key} className={key === template ? 'selected' : undefined}>
              <input
                type="radio"
                name="template"
                value={key}
                checked={key === template}
                onChange={() => {
                  setTemplate(key);
                  // A title cleared to nothing is not one the person chose: follow the template.
                  if (!typed?.trim()) setTyped(null);
                }}
              />
              <TemplateName templateKey={key} withHint />
            </label>
          ))}
        </fieldset>
        <label className="library-field">
          {t('title')}
          <input
            type="text"
            value={title}
            maxLength={META_LIMITS.title.chars}
            onChange={(e) => setTyped(e.target.value)}
            // The suggested title is selected, so typing replaces it instead of adding to it.
            onFocus={(e) => typed === null && e.currentTarget.select()}
            autoFocus
          />
        </label>
        {error ? (
          <p role="alert" className="library-error">
            {t('failed', { message: error })}
          </p>
        ) : null}
        <div className="library-dialog-actions">
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('create')}
          </button>
        </div>
      </form>
    </section>
  );
}
