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

/** Options i18next reads itself (plurals, context, fallbacks…): a call with one goes to `t`. */
const I18NEXT_OPTIONS = new Set([
  'count',
  'context',
  'defaultValue',
  'ns',
  'lng',
  'lngs',
  'fallbackLng',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'skipInterpolation',
  'ordinal',
  'keyPrefix',
  'replace',
]);

/** Marks value `i` in a template; private-use characters, which no translation holds. */
const mark = (i: number) => `\uE000${i}\uE001`;
const MARK = /\uE000(\d+)\uE001/;

/**
 * A translation with `names` as plain {{name}} values, as the pieces between them: `t` is
 * asked once with a marker for each value, so i18next resolves the key (and its fallbacks)
 * once, and each later call only joins the pieces with the values. Even pieces are text, odd
 * ones the index of a value in `names`.
 */
function templateOf(
  translate: (key: string, options?: Record<string, unknown>) => string,
  key: string,
  names: readonly string[],
): (string | number)[] {
  const marked = translate(key, Object.fromEntries(names.map((n, i) => [n, mark(i)])));
  return marked.split(MARK).map((piece, i) => (i % 2 ? Number(piece) : piece));
}

/**
 * Wraps `t`: keys without options are translated once and remembered; keys with only plain
 * string or number values ({{from}}, {{order}}) are turned into a template once (templateOf)
 * and filled in per call: an edge name per touchpoint through i18next's interpolation cost a
 * 500-node map's first render ≈ 30 ms (bench/canvas/load-profile.ts).
 */
export function rememberingT(t: TFunction<'editor'>): NodeText {
  const known = new Map<string, string>();
  const templates = new Map<string, (string | number)[]>();
  const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (key, options) => {
    if (options) {
      const names = Object.keys(options);
      const plain = names.every((n) => {
        const v = options[n];
        return !I18NEXT_OPTIONS.has(n) && (typeof v === 'string' || typeof v === 'number');
      });
      if (!plain) return translate(key, options);
      const id = `${key}\u0000${names.join('\u0000')}`;
      let pieces = templates.get(id);
      if (!pieces) templates.set(id, (pieces = templateOf(translate, key, names)));
      let out = '';
      for (let i = 0; i < pieces.length; i++) {
        const piece = pieces[i]!;
        out += typeof piece === 'number' ? String(options[names[piece]!]) : piece;
      }
      return out;
    }
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
