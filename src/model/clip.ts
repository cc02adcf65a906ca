/**
 * The clipboard format of copy and paste (`itinera/clip`) and its parser: a value read from the
 * system clipboard is a trust boundary like any import, so only known fields in range survive.
 */
import { MAX_ID_CHARS } from './limits';
import { isId, restoreNode, restoreTouchpoint } from './records';
import type { JourneyNode, Touchpoint } from './types';

/** What copy puts on the clipboard: the nodes and the touchpoints between them. */
export interface Clip {
  /** Always 'itinera/clip': what tells our clip from any other text on the clipboard. */
  readonly format: 'itinera/clip';
  /** The copied nodes, with their ids in the source map (paste gives them new ones). */
  readonly nodes: readonly JourneyNode[];
  /** The touchpoints between the copied nodes, ends by those source ids. */
  readonly touchpoints: readonly Touchpoint[];
}

/** Nodes and touchpoints read from one clip: a paste is a small thing. */
export const MAX_CLIP_ITEMS = 5_000;

type Plain = Record<string, unknown>;

const records = (v: unknown): Plain[] =>
  Array.isArray(v)
    ? v
        .slice(0, MAX_CLIP_ITEMS)
        .filter((r): r is Plain => typeof r === 'object' && r !== null && !Array.isArray(r))
    : [];

/**
 * Each record with a usable id, first of each id, through its restore (records/): the same
 * defaults and limits as every other way into a map. The clip's own unknown fields are not
 * pasted (`extra` dropped): a paste makes new records of this version.
 */
function restoreAll<T extends { id: string; extra?: unknown }>(
  items: Plain[],
  restore: (raw: unknown, id: string) => { value: T },
): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const id = Object.hasOwn(item, 'id') ? item.id : undefined;
    if (!isId(id, MAX_ID_CHARS) || seen.has(id)) continue;
    seen.add(id);
    const { extra: _extra, ...value } = restore(item, id).value;
    out.push(value as T);
  }
  return out;
}

/**
 * A value read from the system clipboard: a trust boundary like any import. Every record goes
 * through its restore: known fields, in range, defaults filled; unknown keys and `__proto__`
 * are dropped; a record without a usable id is dropped.
 */
export function parseClip(raw: string): Clip | null {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const clip = v as Record<string, unknown>;
  if (
    clip.format !== 'itinera/clip' ||
    !Array.isArray(clip.nodes) ||
    !Array.isArray(clip.touchpoints)
  )
    return null;
  const nodes = restoreAll(records(clip.nodes), restoreNode);
  // A touchpoint whose ends are not usable ids could never be pasted (restore makes them '').
  const touchpoints = restoreAll(records(clip.touchpoints), restoreTouchpoint).filter(
    (t) => t.from !== '' && t.to !== '',
  );
  return { format: 'itinera/clip', nodes, touchpoints };
}
