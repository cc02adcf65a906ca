/**
 * The map's own language (MapMeta.language, else the UI's) and translation functions fixed to
 * it: exports, the one-page map and other texts made for a client use these, the UI keeps the
 * person's language.
 */
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MAP_LANGUAGES, type MapLanguage, type MapMeta } from '../../model/types';

export function mapLanguageOf(meta: MapMeta, uiLanguage: string | undefined): MapLanguage {
  if (meta.language) return meta.language;
  return MAP_LANGUAGES.find((l) => l === uiLanguage) ?? 'en';
}

export function useMapLanguage(meta: MapMeta): {
  readonly language: MapLanguage;
  /** Fixed to the map's language, any namespace by prefix ('strategy:…', 'export:…'). */
  readonly mt: TFunction;
} {
  const { i18n } = useTranslation();
  const language = mapLanguageOf(meta, i18n.resolvedLanguage);
  const mt = useMemo(
    () => i18n.getFixedT(language, ['strategy', 'workshop', 'export', 'editor']) as TFunction,
    [i18n, language],
  );
  return { language, mt };
}
