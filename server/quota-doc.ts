// Per-document limits on what the websocket may write (issue 19, "Quotas"). Before a room
// applies a peer's update it asks `DocQuota.check`: would the doc, with this update, break
// one of its map's limits? An update that would is refused whole (room.ts closes the sender
// with MAP_FULL_CLOSE_CODE); nothing of it is applied, stored or relayed.
//
// The limits are the format's own, so every map the server accepts exports as a strategy-map
// document that POST /api/maps takes back (server/quota-doc.test.ts proves it over the wire):
// - nodes and touchpoints (map docs): the format's MAX_NODES and MAX_TOUCHPOINTS;
// - 'size', the doc's **JSON weight**: bytes, values and objects-or-lists of its content as
//   JSON, an upper bound of what the export writes (each value as JSON.stringify writes it,
//   escapes included, each key with its quotes and colon, and RECORD_OVERHEAD for the
//   defaults the export writes for every record), held within the import's limits
//   (MAX_BODY_BYTES, at most the format's MAX_DOCUMENT_BYTES, and the body's work budget,
//   json-budget.ts) minus a headroom for the document's own skeleton;
// - 'size' too, the doc's Yjs state: at most one websocket message (MAX_MESSAGE_BYTES), or a
//   client holding the whole map could not send it in its sync step 2.
//
// Cheap on the hot path: the counts and weights of the live doc are kept, and each update
// costs one Y.decodeUpdate plus a JSON.stringify of its values. Overwritten and deleted
// content is not subtracted as it goes, so the kept figures only grow; when an update would
// pass a limit they are measured again from the doc itself (O(doc), only near the limit)
// before the update is refused; at most once per REMEASURE_INTERVAL_MS, so peers sending
// updates past the limit (each closed at once) cannot make the room measure again and again:
// in between, an update past the kept figures is refused on them. Measured at the cap (an
// 8 MB map): 0.2-0.5 s on the loaded 2-core development machine; a small update's check
// costs ≈ 0.1 ms.
//
// New records are counted by key: an item whose parent is the `nodes` (or `touchpoints`) root
// map under a key the map does not hold now. Yjs writes an item's parent only when it has no
// origin; an item with one (an overwrite, or a hostile "revival" of a deleted key) inherits
// its origin's parent and key, which is looked up (in the update, the doc's pending structs
// or the doc) the way Yjs will integrate it. Structs the doc holds as pending (waiting for a
// missing dependency) are counted with every later update too, since any update may be the
// one that releases them.
import * as Y from 'yjs';
import type { MapFullLimit } from '../src/model/protocol-messages';
import { MAX_DOCUMENT_BYTES, MAX_NODES, MAX_TOUCHPOINTS } from '../src/model/strategy-map/limits';
import { STRATEGY_MAP_BUDGET } from './json-budget';
import { findByClock, stateOf, structOf, structsByClient } from './yjs-structs';

/** JSON size of some content: bytes, values, and objects and lists among them. */
export interface Weight {
  bytes: number;
  values: number;
  containers: number;
}

/**
 * What the export writes for a record beyond its fields in the doc (the defaults of absent
 * fields, the record's braces and lists), at most: a default touchpoint is 8 values, 4 of
 * them objects or lists, in ≈ 80 bytes besides its id and ends; a channel node ≈ 90 bytes.
 */
export const RECORD_OVERHEAD: Readonly<Weight> = { bytes: 160, values: 12, containers: 4 };
/**
 * Room left in every JSON limit for the document's skeleton (format, title, empty sections:
 * 290 bytes, plus the defaults of the strategy's single objects). In bytes: this much, or a
 * quarter of a small MAX_BODY_BYTES.
 */
export const JSON_HEADROOM: Readonly<Weight> = { bytes: 16 * 1024, values: 2_000, containers: 500 };

export interface DocLimits {
  /** Keys of the `nodes` and `touchpoints` roots (Infinity for a comments doc). */
  readonly maxNodes: number;
  readonly maxTouchpoints: number;
  /** The doc's JSON weight. */
  readonly maxJson: Readonly<Weight>;
  /** Bytes of the doc's Yjs state (Y.encodeStateAsUpdate). */
  readonly maxYjsBytes: number;
}

/** The limits of a doc of `kind` on a server with these body and message caps. */
export function docLimits(
  kind: 'map' | 'comments',
  caps: { maxBodyBytes: number; maxMessageBytes: number },
): DocLimits {
  const records = kind === 'map';
  const body = Math.min(caps.maxBodyBytes, MAX_DOCUMENT_BYTES);
  return {
    maxNodes: records ? MAX_NODES : Infinity,
    maxTouchpoints: records ? MAX_TOUCHPOINTS : Infinity,
    maxJson: {
      bytes: body - Math.min(JSON_HEADROOM.bytes, Math.floor(body / 4)),
      values: STRATEGY_MAP_BUDGET.maxValues - JSON_HEADROOM.values,
      containers: STRATEGY_MAP_BUDGET.maxContainers - JSON_HEADROOM.containers,
    },
    maxYjsBytes: caps.maxMessageBytes,
  };
}

/** The default limits (MAX_BODY_BYTES and MAX_MESSAGE_BYTES at their defaults). */
export const DEFAULT_MAP_LIMITS = docLimits('map', {
  maxBodyBytes: MAX_DOCUMENT_BYTES,
  maxMessageBytes: 10 * 1024 * 1024,
});

/** Least time between two measurements of a doc after the first (see above). */
export const REMEASURE_INTERVAL_MS = 10_000;

export type QuotaVerdict =
  { ok: true; commit(): void } | { ok: false; limit: MapFullLimit; detail: Record<string, number> };

const zero = (): Weight => ({ bytes: 0, values: 0, containers: 0 });
const addTo = (w: Weight, x: Readonly<Weight>, times = 1): void => {
  w.bytes += x.bytes * times;
  w.values += x.values * times;
  w.containers += x.containers * times;
};
const over = (w: Weight, max: Readonly<Weight>): boolean =>
  w.bytes > max.bytes || w.values > max.values || w.containers > max.containers;

const utf8 = new TextEncoder();
const byteLength = (s: string): number =>
  // ASCII is the usual case: its length is its byte count.
  /^[\x20-\x7e]*$/.test(s) ? s.length : utf8.encode(s).length;

const bigintAsText = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

/** The JSON weight of one value (an unencodable or too deep one weighs Infinity: refused). */
export function jsonWeight(value: unknown): Weight {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    try {
      text = JSON.stringify(value, bigintAsText);
    } catch {
      return { bytes: Infinity, values: Infinity, containers: Infinity };
    }
  }
  const w: Weight = { bytes: text === undefined ? 4 : byteLength(text), values: 0, containers: 0 };
  // Values and containers, without recursion (a value's nesting is the sender's choice).
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    w.values++;
    if (v === null || typeof v !== 'object') continue;
    w.containers++;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v instanceof Uint8Array) w.values += v.length;
    else for (const x of Object.values(v as Record<string, unknown>)) stack.push(x);
  }
  return w;
}

/** The JSON weight of an item's content (0 for deleted content). */
function contentWeight(c: Y.Item['content']): Weight {
  if (c instanceof Y.ContentAny || c instanceof Y.ContentJSON) {
    const w = zero();
    for (const v of c.arr as unknown[]) {
      addTo(w, jsonWeight(v));
      w.bytes += 1; // the comma
    }
    return w;
  }
  if (c instanceof Y.ContentString) return jsonWeight(c.str);
  if (c instanceof Y.ContentType) return { bytes: 2, values: 1, containers: 1 };
  if (c instanceof Y.ContentBinary)
    return { bytes: c.content.length * 2 + 2, values: 1, containers: 0 };
  if (c instanceof Y.ContentEmbed) return jsonWeight(c.embed);
  if (c instanceof Y.ContentFormat) {
    const w = jsonWeight(c.value);
    w.bytes += byteLength(c.key) + 3;
    return w;
  }
  if (c instanceof Y.ContentDoc) return { bytes: 128, values: 2, containers: 1 };
  return zero(); // ContentDeleted
}

/** Where an item sits: under root map `root` (a root type's name) or a nested type, at `key`. */
interface Place {
  root: string | undefined;
  key: string | null;
}
const NOWHERE: Place = { root: undefined, key: null };

/** Items of one update (and the doc's pending structs) by client, in clock order. */
type UpdateIndex = Map<number, Y.Item[]>;

const isItem = (s: Y.AbstractStruct): s is Y.Item => s instanceof Y.Item;
const indexItems = (structs: readonly Y.AbstractStruct[]): UpdateIndex =>
  structsByClient(structs, isItem);

/** The place of an integrated item of the doc. */
function placeInDoc(item: Y.Item): Place {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType)) return NOWHERE;
  return {
    root: parent._item === null ? Y.findRootTypeKey(parent) : undefined,
    key: item.parentSub,
  };
}

/** Resolves the places of decoded items the way Yjs will integrate them. */
class Placer {
  private readonly memo = new Map<Y.Item, Place>();
  constructor(
    private readonly doc: Y.Doc,
    private readonly index: UpdateIndex,
  ) {}

  place(item: Y.Item): Place {
    // An origin chain inside one update is followed iteratively; each link is memoised.
    const chain: Y.Item[] = [];
    let at: Y.Item | undefined = item;
    let found: Place | undefined;
    while (at && found === undefined) {
      const known = this.memo.get(at);
      if (known) {
        found = known;
        break;
      }
      const parent = at.parent as unknown;
      if (typeof parent === 'string') found = { root: parent, key: at.parentSub };
      else if (parent !== null) found = { root: undefined, key: at.parentSub };
      else {
        chain.push(at);
        const ref: Y.ID | null = at.origin ?? at.rightOrigin;
        if (!ref) {
          found = NOWHERE;
          break;
        }
        const inUpdate: Y.Item | undefined = findByClock(this.index.get(ref.client), ref.clock);
        if (inUpdate && !chain.includes(inUpdate)) {
          at = inUpdate;
          continue;
        }
        const inDoc = structOf(this.doc, ref);
        found = inDoc instanceof Y.Item ? placeInDoc(inDoc) : NOWHERE;
        break;
      }
      chain.push(at);
    }
    const result = found ?? NOWHERE;
    for (const it of chain) this.memo.set(it, result);
    return result;
  }
}

/** The JSON weight an item adds where it sits. */
function itemWeight(item: Y.Item, place: Place): Weight {
  const w = contentWeight(item.content);
  if (place.key !== null) w.bytes += byteLength(JSON.stringify(place.key)) + 2;
  if (place.root !== undefined && place.key !== null && item.content instanceof Y.ContentType)
    addTo(w, RECORD_OVERHEAD);
  return w;
}

/** The doc's usage as measured from its structs (and pending ones). */
interface Usage {
  json: Weight;
  yjsBytes: number;
  /** Measured from the doc since the last change (not just added up). */
  exact: boolean;
}

function measure(doc: Y.Doc): Usage {
  const json = zero();
  for (const structs of doc.store.clients.values())
    for (const s of structs)
      if (s instanceof Y.Item && !s.deleted) addTo(json, itemWeight(s, placeInDoc(s)));
  let yjsBytes = Y.encodeStateAsUpdate(doc).length;
  const pending = doc.store.pendingStructs?.update;
  if (pending) {
    yjsBytes += pending.length;
    const { structs } = Y.decodeUpdateV2(pending); // Yjs keeps them as a V2 update
    const placer = new Placer(doc, indexItems(structs));
    for (const s of structs) if (s instanceof Y.Item) addTo(json, itemWeight(s, placer.place(s)));
  }
  return { json, yjsBytes, exact: true };
}

/** The roots whose keys are counted records, and their limits. */
const COUNTED = [
  ['nodes', 'maxNodes'],
  ['touchpoints', 'maxTouchpoints'],
] as const;

export class DocQuota {
  private usage: Usage | undefined;
  private measuredAt = -Infinity;

  constructor(
    readonly limits: DocLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private measure(doc: Y.Doc): Usage {
    this.measuredAt = this.now();
    return (this.usage = measure(doc));
  }

  /**
   * Whether `doc` with `update` keeps within the limits; `commit()` after applying it counts
   * it. Throws on an update Yjs cannot decode (the room closes the sender as malformed).
   */
  check(doc: Y.Doc, update: Uint8Array): QuotaVerdict {
    const { structs, ds } = Y.decodeUpdate(update);
    const pendingUpdate = doc.store.pendingStructs?.update;
    // Yjs keeps its pending structs as a V2 update.
    const pending = pendingUpdate ? Y.decodeUpdateV2(pendingUpdate).structs : [];
    const placer = new Placer(doc, indexItems([...structs, ...pending]));
    const added = zero();
    const newKeys = new Map<string, Set<string>>(COUNTED.map(([root]) => [root, new Set()]));
    const visit = (s: Y.AbstractStruct, fresh: boolean) => {
      if (!(s instanceof Y.Item)) return;
      // Already in the doc (a resent update): Yjs skips it.
      if (s.id.clock + s.length <= stateOf(doc, s.id.client)) return;
      if (Y.isDeleted(ds, s.id) || s.content instanceof Y.ContentDeleted) return;
      const place = placer.place(s);
      if (fresh) addTo(added, itemWeight(s, place));
      const keys = place.root !== undefined ? newKeys.get(place.root) : undefined;
      if (keys && place.key !== null && !doc.getMap(place.root).has(place.key)) keys.add(place.key);
    };
    for (const s of structs) visit(s, true);
    for (const s of pending) visit(s, false);

    for (const [root, limit] of COUNTED) {
      const keys = newKeys.get(root)!;
      const max = this.limits[limit];
      if (keys.size === 0) continue;
      const map = doc.getMap(root);
      let count = map.size + keys.size;
      if (count <= max) continue;
      // Records this update deletes make room (an offline "delete one, add one").
      for (const [, item] of map._map) if (!item.deleted && Y.isDeleted(ds, item.id)) count--;
      if (count > max) return { ok: false, limit: root, detail: { records: count, max } };
    }

    const fits = (u: Usage) =>
      !over(
        {
          bytes: u.json.bytes + added.bytes,
          values: u.json.values + added.values,
          containers: u.json.containers + added.containers,
        },
        this.limits.maxJson,
      ) && u.yjsBytes + update.length <= this.limits.maxYjsBytes;
    let usage = this.usage ?? this.measure(doc);
    if (!fits(usage) && !usage.exact && this.now() - this.measuredAt >= REMEASURE_INTERVAL_MS)
      usage = this.measure(doc);
    if (!fits(usage))
      return {
        ok: false,
        limit: 'size',
        detail: {
          jsonBytes: usage.json.bytes + added.bytes,
          jsonValues: usage.json.values + added.values,
          jsonContainers: usage.json.containers + added.containers,
          maxJsonBytes: this.limits.maxJson.bytes,
          yjsBytes: usage.yjsBytes + update.length,
          maxYjsBytes: this.limits.maxYjsBytes,
        },
      };
    const counted = usage;
    return {
      ok: true,
      commit: () => {
        addTo(counted.json, added);
        counted.yjsBytes += update.length;
        counted.exact = false;
      },
    };
  }

  /** Counts an update applied without a check (what another instance stored). */
  applied(doc: Y.Doc, update: Uint8Array): void {
    const usage = this.usage;
    if (!usage) return; // measured from the doc when first needed
    const { structs } = Y.decodeUpdate(update);
    const placer = new Placer(doc, indexItems(structs));
    for (const s of structs)
      if (s instanceof Y.Item && !s.deleted) addTo(usage.json, itemWeight(s, placer.place(s)));
    usage.yjsBytes += update.length;
    usage.exact = false;
  }

  /** The usage kept now, measured from `doc` if none is (for tests and logs). */
  current(doc: Y.Doc): { json: Weight; yjsBytes: number } {
    const usage = this.usage ?? this.measure(doc);
    return { json: { ...usage.json }, yjsBytes: usage.yjsBytes };
  }
}
