// Structs of a Yjs update and of a doc, found by id: what the checks that read an update before
// the room applies it need (quota-doc.ts, comments-guard.ts).
import * as Y from 'yjs';

const everyStruct = (s: Y.AbstractStruct): s is Y.AbstractStruct => s !== undefined;

/** `structs` by client, each list in clock order; `keep` picks which (all of them by default). */
export function structsByClient<T extends Y.AbstractStruct = Y.AbstractStruct>(
  structs: readonly Y.AbstractStruct[],
  keep: (s: Y.AbstractStruct) => s is T = everyStruct as (s: Y.AbstractStruct) => s is T,
): Map<number, T[]> {
  const index = new Map<number, T[]>();
  for (const s of structs) {
    if (!keep(s)) continue;
    let list = index.get(s.id.client);
    if (!list) index.set(s.id.client, (list = []));
    list.push(s);
  }
  for (const list of index.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return index;
}

/** The struct holding `clock` in a clock-sorted list of one client's structs. */
export function findByClock<T extends Y.AbstractStruct>(
  list: readonly T[] | undefined,
  clock: number,
): T | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** The doc's clock for `client`: structs below it are already in the doc. */
export function stateOf(doc: Y.Doc, client: number): number {
  const last = doc.store.clients.get(client)?.at(-1);
  return last ? last.id.clock + last.length : 0;
}

/** The struct of `doc` holding `id`, if the doc has it. */
export function structOf(doc: Y.Doc, id: Y.ID): Y.AbstractStruct | undefined {
  if (id.clock >= stateOf(doc, id.client)) return undefined;
  const structs = doc.store.clients.get(id.client)!;
  return structs[Y.findIndexSS(structs, id.clock)];
}
