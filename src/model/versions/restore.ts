/**
 * Restore in place: rewrites the live doc's roots to a version's content in ONE LOCAL
 * transaction, so it is one undo step (Ctrl+Z brings the edits back) and syncs to everyone
 * like any edit. Only what differs is written: a record present in both keeps its Y.Map and
 * only its changed fields are set (a peer's concurrent edit of another field survives), a
 * record missing from the version is deleted, one missing from the live doc is created (a
 * fresh Y.Map under its own id, as when it was first made). `meta.schemaVersion` is never
 * lowered: the live doc's layout stays (an older version is migrated by the reader anyway).
 *
 * The version doc is only read; nothing here writes to it.
 */
import * as Y from 'yjs';
import { allRoots } from '../doc';
import { LOCAL } from '../origins';

const KEEP_META = new Set(['schemaVersion']);

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Uint8Array && b instanceof Uint8Array)
    return a.length === b.length && a.every((x, i) => x === b[i]);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A copy of a version's value that can be put in the live doc (Y types are rebuilt). */
function copyOf(v: unknown): unknown {
  if (v instanceof Y.Map) {
    const m = new Y.Map<unknown>();
    v.forEach((x, k) => m.set(k, copyOf(x)));
    return m;
  }
  if (v instanceof Y.Array) {
    const a = new Y.Array<unknown>();
    a.push(v.toArray().map(copyOf));
    return a;
  }
  if (v instanceof Y.Text) {
    const t = new Y.Text();
    t.applyDelta(v.toDelta());
    return t;
  }
  if (v instanceof Y.AbstractType) return null;
  return v;
}

function syncMap(live: Y.Map<unknown>, from: Y.Map<unknown>, keep: ReadonlySet<string>): void {
  for (const key of [...live.keys()]) {
    if (!keep.has(key) && !from.has(key)) live.delete(key);
  }
  from.forEach((v, key) => {
    if (keep.has(key)) return;
    const cur = live.get(key);
    if (cur instanceof Y.Map && v instanceof Y.Map) syncMap(cur, v, new Set());
    else if (!same(cur, v)) live.set(key, copyOf(v));
  });
}

/**
 * Makes `doc` say what `version` says, in one LOCAL transaction. Returns false (nothing
 * written) when they already agree. Roots the live doc has but the version lacks are emptied.
 */
export function restoreVersionInPlace(doc: Y.Doc, version: Y.Doc): boolean {
  let changed = false;
  const onUpdate = () => {
    changed = true;
  };
  doc.on('update', onUpdate);
  try {
    doc.transact(() => {
      for (const root of allRoots(doc)) {
        if (!(root instanceof Y.Map)) continue;
        const name = rootName(doc, root);
        if (name === undefined) continue;
        const from = version.getMap(name);
        syncMap(root, from, name === 'meta' ? KEEP_META : new Set());
      }
    }, LOCAL);
  } finally {
    doc.off('update', onUpdate);
  }
  return changed;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function rootName(doc: Y.Doc, root: Y.AbstractType<any>): string | undefined {
  for (const [name, type] of doc.share) if (type === root) return name;
  return undefined;
}
