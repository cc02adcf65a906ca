// Who may change which record of a comments doc (src/model/comments/types.ts has its layout:
// roots `threads`, `comments`, `people`, each a record id → Y.Map of fields). CAN_WRITE lets an
// edit or review token write the comments doc at all; this holds each record to its author,
// so a hand-made client with a review link cannot do what the app does not let it do:
// - create a thread or a comment only under its own author id, a people record only at its
//   own id (an edit token may create any: an imported map, a duplicate or a first upload
//   brings other people's comments);
// - change or delete a thread, a comment or a people record only when it is its own; any
//   commenter may resolve and reopen a thread (its `resolved`, `resolvedBy`, `resolvedAt`);
// - never rewrite a record's `authorId` (an unprovable one becomes at most the writer's own,
//   as one plain value);
// - a review token writes no other root, no record that is not a Y.Map, and no field that is
//   not a plain value.
// A connection's author id is the one derived from the secret its comments socket sent
// (`author`, src/model/comments/author.ts); none without one. Records under an id that is not
// of the derived form (written before secrets existed) cannot be held to anyone and stay open.
//
// The check reads the update without applying it. Each new item is placed the way Yjs will
// integrate it: under a root and key (a record itself), or inside a record (a field), its
// parent or origin looked up in the update or the doc. Deletions are placed from the doc. An
// item or deletion that cannot be placed (it depends on something neither holds) is refused:
// nothing is applied that was not checked, and Yjs must be able to apply all of it at once,
// now (what it parks it applies later, unchecked; what it applies in part breaks the checks
// that counted the rest). So: no Skip structs, no empty structs, no gap or overlap in a
// client's clocks, none that starts inside what the server has, no client listed twice in one
// update, no reference to a later clock of its own client, no cycle of references. An honest
// client only hits that in a cluster race, and its reconnect resyncs. room.ts drops whatever
// Yjs still holds pending after an apply (it was never stored).
//
// Yjs client ids are not authors: a peer could write at the clocks of someone else's session
// and make the server skip that session's next writes as already held. A client id belongs to
// the author whose connection first brought it to the room, or, for an id the doc held when
// the room loaded, to the author of the live records it made (`ClientOwners`); another
// author's structs under it are refused. An id that made no record is bound to nobody until
// then: binding it to whoever writes first would let an attacker lock its owner out.
// server/comments-guard.attacks.test.ts holds the hand-made updates that got past earlier
// versions of this check.
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { isProvableAuthorId } from '../src/model/comments/author';
import type { Role } from './auth';
import { findByClock, stateOf, structOf, structsByClient } from './yjs-structs';

/** The comments doc's roots (src/model/comments/doc.ts). */
const ROOTS: ReadonlySet<string> = new Set(['threads', 'comments', 'people']);
/** Thread fields anyone who may comment may write: resolving and reopening. */
const RESOLVE_FIELDS: ReadonlySet<string> = new Set(['resolved', 'resolvedBy', 'resolvedAt']);
const AUTHOR_FIELD = 'authorId';

export interface CommentsViolation {
  /** What was refused, in English, for the log. */
  readonly problem: string;
  readonly root?: string;
  readonly record?: string;
}

/** Where an item sits once integrated. */
type Place =
  /** The value of root `root`'s key `record` (null: not a map key): a record itself. */
  | { readonly at: 'record'; readonly root: string; readonly record: string | null }
  /**
   * Inside that record (`holder`, the record's own item), under its field `field`: the field's
   * value itself when `direct`, else something nested in it.
   */
  | {
      readonly at: 'field';
      readonly root: string;
      readonly record: string | null;
      readonly field: string | null;
      readonly holder: Y.Item;
      readonly direct: boolean;
    }
  /** Nowhere visible: its parent or neighbour was garbage-collected or deleted. */
  | { readonly at: 'void' }
  /** It depends on something neither the update nor the doc holds. */
  | { readonly at: 'unknown' };

const VOID: Place = { at: 'void' };
/** A field write whose value the guard cannot read as one plain value. */
const OPAQUE = Symbol('opaque');
const UNKNOWN: Place = { at: 'unknown' };

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** The author (undefined: none proved) that first wrote each client id of a room's doc. */
export type ClientOwners = Map<number, string | undefined>;

/** The `authorId` a record item's map holds now. */
function ownerOf(item: Y.Item): unknown {
  const type = item.content instanceof Y.ContentType ? item.content.type : undefined;
  return type instanceof Y.Map ? (type.get(AUTHOR_FIELD) as unknown) : undefined;
}

/** A record this update creates: every `authorId` it writes must be the connection's. */
interface Created {
  readonly root: string;
  readonly record: string | null;
  /** Some `authorId` was written, and every one of them was this connection's id. */
  author: 'none' | 'mine' | 'other';
}

class Guard {
  private readonly index: Map<number, Y.AbstractStruct[]>;
  private readonly places = new Map<Y.Item, Place>();
  /** New records of this update (their own items), with what their `authorId` items say. */
  private readonly created = new Map<Y.Item, Created>();

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly Y.AbstractStruct[],
    private readonly author: string | undefined,
    private readonly role: Role,
  ) {
    this.index = structsByClient(structs);
  }

  private lookup(id: Y.ID): Y.AbstractStruct | undefined {
    return structOf(this.doc, id) ?? findByClock(this.index.get(id.client), id.clock);
  }

  /** The place of `item` (integrated or from the update), the way Yjs integrates it. */
  place(item: Y.Item, depth = 0): Place {
    const known = this.places.get(item);
    if (known) return known;
    // A hostile chain of origins inside the update could be long: honest ones are short.
    if (depth > 64) return UNKNOWN;
    const result = this.placeNow(item, depth);
    this.places.set(item, result);
    return result;
  }

  /** An integrated item's place: up its parents (a finite, acyclic chain), however deep. */
  private placeIntegrated(item: Y.Item): Place {
    let below = item;
    let top = item;
    let depth = 0;
    for (;;) {
      const parent = top.parent as Y.AbstractType<unknown>;
      const holder = parent._item;
      if (holder === null) {
        const root = Y.findRootTypeKey(parent);
        if (top === item) return { at: 'record', root, record: item.parentSub };
        return {
          at: 'field',
          root,
          record: top.parentSub,
          field: below.parentSub,
          holder: top,
          direct: depth === 1,
        };
      }
      if (holder.deleted) return VOID;
      below = top;
      top = holder;
      depth++;
    }
  }

  private placeNow(item: Y.Item, depth: number): Place {
    const parent: unknown = item.parent;
    if (parent instanceof Y.AbstractType) return this.placeIntegrated(item);
    if (typeof parent === 'string') return { at: 'record', root: parent, record: item.parentSub };
    if (parent instanceof Y.ID) {
      const holder = this.lookup(parent);
      if (!holder) return UNKNOWN;
      if (
        !(holder instanceof Y.Item) ||
        !(holder.content instanceof Y.ContentType) ||
        holder.deleted
      )
        return VOID;
      return this.inside(this.place(holder, depth + 1), holder, item.parentSub);
    }
    // No parent written: Yjs takes its origin's (or right origin's) parent and key.
    const ref = item.origin ?? item.rightOrigin;
    if (!ref) return UNKNOWN;
    const neighbour = this.lookup(ref);
    if (!neighbour) return UNKNOWN;
    if (!(neighbour instanceof Y.Item)) return VOID;
    return this.place(neighbour, depth + 1);
  }

  /** The place of an item whose parent type is held by `holder`, placed at `outer`. */
  private inside(outer: Place, holder: Y.Item, key: string | null): Place {
    if (outer.at === 'record')
      return {
        at: 'field',
        root: outer.root,
        record: outer.record,
        field: key,
        holder,
        direct: true,
      };
    // Deeper inside the same field of the same record, or nowhere.
    return outer.at === 'field' ? { ...outer, direct: false } : outer;
  }

  private createdEntry(holder: Y.Item, root: string, record: string | null): Created {
    let entry = this.created.get(holder);
    if (!entry) this.created.set(holder, (entry = { root, record, author: 'none' }));
    return entry;
  }

  /** The record's live value in the doc, if `record` holds one now. */
  private live(root: string, record: string | null): Y.Item | undefined {
    if (record === null) return undefined;
    const type = this.doc.share.get(root);
    const item = type?._map.get(record);
    return item && !item.deleted ? item : undefined;
  }

  /** Whether this connection may change or delete the live record `item` of `root`. */
  private owns(root: string, record: string | null, item: Y.Item): boolean {
    if (root === 'people')
      return record !== null && (record === this.author || !isProvableAuthorId(record));
    const owner = ownerOf(item);
    return !isProvableAuthorId(owner) || owner === this.author;
  }

  private violation(problem: string, root?: string, record?: string | null): CommentsViolation {
    return { problem, ...(root !== undefined ? { root } : {}), ...(record ? { record } : {}) };
  }

  /** A new item of the update, checked; a violation or null. */
  checkItem(item: Y.Item): CommentsViolation | null {
    const place = this.place(item);
    if (place.at === 'void') return null;
    if (place.at === 'unknown')
      return this.violation('an item that depends on content the server does not have');
    const { root, record } = place;
    if (!ROOTS.has(root))
      return this.role === 'edit'
        ? null
        : this.violation('a root the comments doc does not have', root);
    if (record === null) return this.violation('a list in a root of records', root);
    // What the app writes: records are maps, fields plain values (ContentAny).
    if (
      this.role !== 'edit' &&
      place.at === 'field' &&
      !(place.direct && item.content instanceof Y.ContentAny) &&
      !(item.content instanceof Y.ContentDeleted)
    )
      return this.violation('a field that is not a plain value', root, record);
    if (place.at === 'record') {
      // Replacing a live record is changing it; the new one is held to its author as any.
      const existing = this.live(root, record);
      if (existing && !this.owns(root, record, existing))
        return this.violation("replaces someone else's record", root, record);
      // A record its writer made and deleted while offline: it arrives collected, no fields.
      // At a people key only the writer's own (it would win the key from that person's next
      // first record); thread and comment keys are random.
      if (item.content instanceof Y.ContentDeleted)
        return root === 'people' && record !== this.author
          ? this.violation("creates someone else's people record", root, record)
          : null;
      if (
        this.role !== 'edit' &&
        !(item.content instanceof Y.ContentType && item.content.type instanceof Y.Map)
      )
        return this.violation('a record that is not a map', root, record);
      this.createdEntry(item, root, record);
      return null;
    }
    // A field of a record this update creates, or of the doc's live one.
    const { holder, field } = place;
    if (this.created.has(holder) || this.isNew(holder)) {
      const entry = this.createdEntry(holder, root, record);
      if (field === AUTHOR_FIELD) {
        const mine =
          place.direct &&
          item.content instanceof Y.ContentAny &&
          item.content.arr.length === 1 &&
          item.content.arr[0] === this.author;
        entry.author = mine && entry.author !== 'other' ? 'mine' : 'other';
      }
      return null;
    }
    const existing = this.live(root, record);
    if (existing !== holder) return null; // a field of a dead record: no visible effect
    // What a direct write of a field sets: one plain value, or something no rule can read
    // (the reader's Y.Map.get would return a JSON or embedded value just as well).
    const written =
      place.direct && item.content instanceof Y.ContentAny && item.content.arr.length === 1
        ? item.content.arr[0]
        : OPAQUE;
    return this.mayChange(root, record, existing, field, false, written);
  }

  private isNew(item: Y.Item): boolean {
    return item.id.clock >= stateOf(this.doc, item.id.client);
  }

  /**
   * Whether this connection may write or delete field `field` of the live record `existing`.
   * `wholeRecord`: the record itself goes in the same update (its fields go with it), so
   * deleting its `authorId` is not rewriting it; deleting it alone would leave the record
   * unprovable, open to anyone's author id.
   */
  private mayChange(
    root: string,
    record: string,
    existing: Y.Item,
    field: string | null,
    wholeRecord = false,
    written?: unknown,
  ): CommentsViolation | null {
    if (root === 'threads' && field !== null && RESOLVE_FIELDS.has(field)) return null;
    if (!this.owns(root, record, existing))
      return this.violation("changes someone else's record", root, record);
    if (!wholeRecord && field === AUTHOR_FIELD && root !== 'people') {
      // A provable author is for good; an unprovable one becomes at most the writer's own.
      if (isProvableAuthorId(ownerOf(existing)))
        return this.violation('rewrites the author of a record', root, record);
      if (written === OPAQUE || (isProvableAuthorId(written) && written !== this.author))
        return this.violation('gives a record to another author', root, record);
    }
    return null;
  }

  /** New records, once every item is seen: a review token creates only its own. */
  checkCreated(): CommentsViolation | null {
    if (this.role === 'edit') return null;
    for (const c of this.created.values()) {
      if (!ROOTS.has(c.root)) continue; // refused when its item was checked
      if (c.root === 'people') {
        if (c.record !== this.author || this.author === undefined)
          return this.violation("creates someone else's people record", c.root, c.record);
      } else if (this.author === undefined || c.author !== 'mine')
        return this.violation('creates a record under another author', c.root, c.record);
    }
    return null;
  }

  /** A deletion of the update (whose delete set is `ds`), checked against what the doc holds. */
  checkDeleted(
    ds: DeleteSet,
    client: number,
    clock: number,
    len: number,
  ): CommentsViolation | null {
    const end = clock + len;
    const state = stateOf(this.doc, client);
    // Content of this update itself (made and deleted in it): placed as its items were.
    if (end > state) {
      for (let c = Math.max(clock, state); c < end;) {
        const s = findByClock(this.index.get(client), c);
        if (!s) return this.violation('deletes content the server does not have');
        c = s.id.clock + s.length;
      }
    }
    const structs = this.doc.store.clients.get(client);
    if (!structs || clock >= state) return null;
    for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
      const s = structs[i]!;
      if (s.id.clock >= end) break;
      if (!(s instanceof Y.Item) || s.deleted) continue;
      const place = this.place(s);
      if (place.at === 'void') continue;
      if (place.at === 'unknown') return this.violation('deletes content it cannot place');
      const { root, record } = place;
      if (!ROOTS.has(root)) {
        if (this.role === 'edit') continue;
        return this.violation('a root the comments doc does not have', root);
      }
      if (record === null) return this.violation('a list in a root of records', root);
      if (place.at === 'record') {
        if (this.live(root, record) === s && !this.owns(root, record, s))
          return this.violation("deletes someone else's record", root, record);
        continue;
      }
      const existing = this.live(root, record);
      if (!existing || existing !== place.holder) continue;
      const whole = Y.isDeleted(ds, existing.id);
      const refused = this.mayChange(root, record, existing, place.field, whole);
      if (refused) return refused;
    }
    return null;
  }
}

/**
 * Whether a connection with author id `author` (undefined: it proved none) and `role` may apply
 * `update` to the comments doc `doc`: null when it may, else what it tried.
 */
export function checkCommentsUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  author: string | undefined,
  role: Role,
  owners: ClientOwners = new Map(),
): CommentsViolation | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const refused =
    checkClocks(doc, update, structs, author, owners) ?? checkReferences(doc, structs);
  if (refused) return refused;
  const guard = new Guard(doc, structs, author, role);
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    // Already integrated (the client resent it): Yjs skips it.
    if (s.id.clock + s.length <= stateOf(doc, s.id.client)) continue;
    const refused = guard.checkItem(s);
    if (refused) return refused;
  }
  const created = guard.checkCreated();
  if (created) return created;
  for (const [client, ranges] of ds.clients)
    for (const r of ranges) {
      const refused = guard.checkDeleted(ds, client, r.clock, r.len);
      if (refused) return refused;
    }
  return null;
}

/**
 * Nothing Yjs would hold back (a Skip, a gap after the doc's clock, a struct starting inside
 * what the doc has) and nothing under a client id another author's connection made here.
 */
function checkClocks(
  doc: Y.Doc,
  update: Uint8Array,
  structs: readonly Y.AbstractStruct[],
  author: string | undefined,
  owners: ClientOwners,
): CommentsViolation | null {
  // A client's structs come in one block: Yjs keeps only the last block of a client listed
  // twice, so structs this check read in an earlier one would not be what Yjs applies. The
  // update starts with its count of blocks (V1): one per client that has structs.
  const clients = new Set(structs.map((s) => s.id.client));
  if (decoding.readVarUint(decoding.createDecoder(update)) !== clients.size)
    return { problem: 'a client listed twice (or with nothing) in one update' };
  for (const [client, list] of structsByClient(structs)) {
    const state = stateOf(doc, client);
    let expected = state;
    let adds = false;
    for (const s of list) {
      if (s instanceof Y.Skip) return { problem: 'a skip: content to be applied later, unchecked' };
      // Yjs integrates an empty struct at the sender's clock (offset 0 is new), though its end
      // is no later than what the server has: it would pass as held, unchecked.
      if (s.length <= 0) return { problem: 'an empty struct' };
      const end = s.id.clock + s.length;
      if (end <= state) continue; // the server has it: Yjs skips it
      if (s.id.clock < state) return { problem: 'a struct that starts inside what the server has' };
      if (s.id.clock > expected) return { problem: 'content after a gap in its clocks' };
      if (s.id.clock < expected) return { problem: 'structs that overlap in one update' };
      expected = end;
      adds = true;
    }
    if (adds && owners.has(client) && owners.get(client) !== author)
      return { problem: "writes under a client id another author's connection uses" };
  }
  return null;
}

/**
 * References inside the update that Yjs could not follow in one apply: to a later clock of the
 * struct's own client (Yjs throws halfway, after storing what it integrated), or around a
 * cycle of structs (Yjs parks them; the rest applies without them, so a record could lose the
 * `authorId` this check counted).
 */
function checkReferences(
  doc: Y.Doc,
  structs: readonly Y.AbstractStruct[],
): CommentsViolation | null {
  const index = structsByClient(structs);
  const targets = (s: Y.Item): Y.AbstractStruct[] => {
    const out: Y.AbstractStruct[] = [];
    const parent: unknown = s.parent;
    for (const id of [s.origin, s.rightOrigin, parent instanceof Y.ID ? parent : null]) {
      if (!id || id.clock < stateOf(doc, id.client)) continue; // none, or in the doc
      const t = findByClock(index.get(id.client), id.clock);
      if (t) out.push(t);
    }
    return out;
  };
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const parent: unknown = s.parent;
    for (const id of [s.origin, s.rightOrigin, parent instanceof Y.ID ? parent : null])
      if (id && id.client === s.id.client && id.clock >= s.id.clock)
        return { problem: 'a reference to a later clock of its own client' };
  }
  // Depth-first, iteratively (a hostile update may be long): grey on the path, black done.
  const color = new Map<Y.AbstractStruct, 'grey' | 'black'>();
  for (const start of structs) {
    if (!(start instanceof Y.Item) || color.has(start)) continue;
    const stack: { node: Y.Item; next: Y.AbstractStruct[] }[] = [
      { node: start, next: targets(start) },
    ];
    color.set(start, 'grey');
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const t = top.next.pop();
      if (!t) {
        color.set(top.node, 'black');
        stack.pop();
        continue;
      }
      const c = color.get(t);
      if (c === 'grey') return { problem: 'structs that refer to each other in a cycle' };
      if (c === 'black' || !(t instanceof Y.Item)) continue;
      color.set(t, 'grey');
      stack.push({ node: t, next: targets(t) });
    }
  }
  return null;
}

/**
 * Binds the client ids of the doc's live records to their provable authors (a comment's or a
 * thread's `authorId`, a people record's key): the ids the doc held before the room loaded,
 * whose sessions may still be writing. Run once per room, before its first check.
 */
export function seedClientOwners(doc: Y.Doc, owners: ClientOwners): void {
  for (const root of ROOTS) {
    const type = doc.share.get(root);
    if (!type) continue;
    for (const [key, item] of type._map) {
      if (item.deleted) continue;
      const author = root === 'people' ? key : ownerOf(item);
      if (isProvableAuthorId(author) && !owners.has(item.id.client))
        owners.set(item.id.client, author);
    }
  }
}

/** Binds the client ids `update` brings to the doc for the first time to `author`. */
export function recordClientOwners(
  doc: Y.Doc,
  update: Uint8Array,
  author: string | undefined,
  owners: ClientOwners,
): void {
  for (const [client, clock] of Y.parseUpdateMeta(update).from)
    if (clock === 0 && stateOf(doc, client) === 0 && !owners.has(client))
      owners.set(client, author);
}
