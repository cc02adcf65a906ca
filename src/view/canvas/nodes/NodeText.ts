/**
 * The `editor` translations for node views, provided once by the canvas. A useTranslation()
 * per node cost each of them an i18n subscription, and a t() call per type name per node
 * added up on a 500-node map's first render: the provider's function remembers each plain
 * key's text (a new one comes with a new language).
 */
import type { TFunction } from 'i18next';
import { createContext, useContext } from 'react';

export type NodeText = (key: string, options?: Record<string, unknown>) => string;

export const NodeTextContext = createContext<NodeText | null>(null);

/** Wraps `t`: keys without options are translated once and remembered. */
export function rememberingT(t: TFunction<'editor'>): NodeText {
  const known = new Map<string, string>();
  const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (key, options) => {
    if (options) return translate(key, options);
    let text = known.get(key);
    if (text === undefined) known.set(key, (text = translate(key)));
    return text;
  };
}

export function useNodeText(): NodeText {
  const t = useContext(NodeTextContext);
  if (!t) throw new Error('useNodeText: node views must be rendered inside <JourneyCanvas>');
  return t;
}
