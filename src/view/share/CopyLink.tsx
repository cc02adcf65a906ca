/**
 * One share link: shown in a read-only field (selectable by hand) with a copy button, and an
 * optional one-line hint (what its holder can do) that describes the field.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CopyLink({
  label,
  copyLabel,
  href,
  hint,
}: {
  label: string;
  copyLabel: string;
  href: string;
  hint?: string;
}) {
  const { t } = useTranslation('share');
  const id = useId();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = () => {
    // The clipboard needs a secure context and permission: fall back to a clear message.
    (navigator.clipboard?.writeText(href) ?? Promise.reject(new Error('no clipboard'))).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <div className="share-link">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="share-link-hint">
          {hint}
        </p>
      ) : null}
      <div className="share-link-row">
        <input
          id={id}
          readOnly
          value={href}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={copy}>
          {copyLabel}
        </button>
      </div>
      <span role="status" className="share-copied">
        {copied === 'yes' ? t('copied') : copied === 'failed' ? t('copyFailed') : ''}
      </span>
    </div>
  );
}
