import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MAP_ORIGINS, TEMPLATE_KEYS } from '../../model/templates';

const KNOWN = new Set<string>(TEMPLATE_KEYS);
/** Origins of maps no template made (an import, a share link): a name, no hint. */
const ORIGINS = new Set<string>(Object.values(MAP_ORIGINS));

/** A template's (or a map origin's) translated name (`t` of the library namespace). */
export const templateName = (t: TFunction<'library'>, key: string): string =>
  KNOWN.has(key) || ORIGINS.has(key)
    ? t(`templates.${key}` as 'templates.blank')
    : t('templates.other', { key });

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
