/**
 * The `editor` translations for node views, provided once by the canvas. A useTranslation()
 * per node cost each of them an i18n subscription and made a 500-node map's first render
 * noticeably slower; a context re-renders the nodes only when the language changes.
 */
import type { TFunction } from 'i18next';
import { createContext, useContext } from 'react';

export const NodeTextContext = createContext<TFunction<'editor'> | null>(null);

export function useNodeText(): TFunction<'editor'> {
  const t = useContext(NodeTextContext);
  if (!t) throw new Error('useNodeText: node views must be rendered inside <JourneyCanvas>');
  return t;
}
