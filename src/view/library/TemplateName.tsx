import { useTranslation } from 'react-i18next';

const KNOWN = new Set(['blank', 'airline', 'ecommerce']);

/** A template's name (and one-line description), translated when the key is known. */
export function TemplateName({
  templateKey,
  withHint = false,
}: {
  templateKey: string;
  withHint?: boolean;
}) {
  const { t } = useTranslation('library');
  if (!KNOWN.has(templateKey)) return <span>{t('templates.other', { key: templateKey })}</span>;
  return (
    <span className={withHint ? 'template-name' : undefined}>
      <strong>{t(`templates.${templateKey}`)}</strong>
      {withHint ? <small>{t(`templates.${templateKey}Hint`)}</small> : null}
    </span>
  );
}
