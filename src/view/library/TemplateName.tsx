import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

const KNOWN = new Set(['blank', 'airline', 'ecommerce']);

/** A template's translated name (`t` of the library namespace). */
export const templateName = (t: TFunction<'library'>, key: string): string =>
  KNOWN.has(key) ? t(`templates.${key}`) : t('templates.other', { key });

/** A template's name (and one-line description), translated when the key is known. */
export function TemplateName({
  templateKey,
  withHint = false,
}: {
  templateKey: string;
  withHint?: boolean;
}) {
  const { t } = useTranslation('library');
  if (!KNOWN.has(templateKey)) return <span>{templateName(t, templateKey)}</span>;
  return (
    <span className={withHint ? 'template-name' : undefined}>
      <strong>{templateName(t, templateKey)}</strong>
      {withHint ? <small>{t(`templates.${templateKey}Hint`)}</small> : null}
    </span>
  );
}
