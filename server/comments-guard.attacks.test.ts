// Hand-made updates against checkCommentsUpdate (comments-guard.ts), as Bo with a review token
// and his own author secret, Ada's records on the server: every way found to reach her records
// through Yjs's integration (overlapping clocks, Skips, gaps, an unprovable record, someone
// else's client id) is refused; Bo's honest writes, online and offline, are taken. Each attack
// was first shown to change Ada's records when the guard let it through.
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authorIdOf, newAuthorSecret } from '../src/model/comments/author';
import {
  addThread,
  editComment,
  removeComment,
  reply,
  setResolved,
  touchPerson,
} from '../src/model/comments/commands';
import {
  checkCommentsUpdate,
  recordClientOwners,
  seedClientOwners,
  type ClientOwners,
} from './comments-guard';

const ADA = 1000;
const BO = 2000;
const person = (name: string) => {
  const secret = newAuthorSecret();
  return { id: authorIdOf(secret), name };
};

type Id = [number, number];
type S =
  | {
      item: unknown[];
      /** Content as ContentJSON instead of ContentAny. */
      json?: true;
      origin?: Id;
      right?: Id;
      parent?: string | Id;
      sub?: string;
    }
  | { skip: number }
  | { gc: number }
  /** A collected item (ContentDeleted) under a root key. */
  | { deleted: number; parent: string; sub: string };

/** A hand-made V1 update: ContentAny items, Skips, GCs, and a delete set. */
function build(
  clients: { client: number; clock: number; structs: S[] }[],
  ds: [number, number, number][] = [],
): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, clients.length);
  for (const c of clients) {
    encoding.writeVarUint(e, c.structs.length);
    encoding.writeVarUint(e, c.client);
    encoding.writeVarUint(e, c.clock);
    for (const s of c.structs) {
      if ('skip' in s) {
        encoding.writeUint8(e, 10);
        encoding.writeVarUint(e, s.skip);
      } else if ('gc' in s) {
        encoding.writeUint8(e, 0);
        encoding.writeVarUint(e, s.gc);
      } else if ('deleted' in s) {
        encoding.writeUint8(e, 1 | 0x20); // ContentDeleted, with a parent key
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, s.parent);
        encoding.writeVarString(e, s.sub);
        encoding.writeVarUint(e, s.deleted);
      } else {
        const info =
          (s.json ? 2 : 8) |
          (s.origin ? 0x80 : 0) |
          (s.right ? 0x40 : 0) |
          (s.sub !== undefined ? 0x20 : 0);
        encoding.writeUint8(e, info);
        for (const id of [s.origin, s.right])
          if (id) {
            encoding.writeVarUint(e, id[0]);
            encoding.writeVarUint(e, id[1]);
          }
        if (!s.origin && !s.right) {
          if (typeof s.parent === 'string') {
            encoding.writeVarUint(e, 1);
            encoding.writeVarString(e, s.parent);
          } else {
            encoding.writeVarUint(e, 0);
            encoding.writeVarUint(e, s.parent![0]);
            encoding.writeVarUint(e, s.parent![1]);
          }
          if (s.sub !== undefined) encoding.writeVarString(e, s.sub);
        }
        encoding.writeVarUint(e, s.item.length);
        for (const v of s.item)
          if (s.json) encoding.writeVarString(e, JSON.stringify(v));
          else encoding.writeAny(e, v as never);
      }
    }
  }
  encoding.writeVarUint(e, ds.length);
  for (const [client, clock, len] of ds) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, clock);
    encoding.writeVarUint(e, len);
  }
  return encoding.toUint8Array(e);
}

function fixture() {
  const ada = person('Ada');
  const bo = person('Bo');
  const adaDoc = new Y.Doc();
  adaDoc.clientID = ADA;
  touchPerson(adaDoc, ada.id, 'Ada', '#336699');
  const thread = addThread(adaDoc, ada, { kind: 'node', id: 'n1' }, 'Ada wrote this');
  const comment = [...adaDoc.getMap('comments').keys()][0]!;
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(adaDoc));
  const boDoc = new Y.Doc();
  boDoc.clientID = BO;
  Y.applyUpdate(boDoc, Y.encodeStateAsUpdate(server));
  /** Bo's honest write, as the update his client sends (his doc stays in sync). */
  const boWrite = (write: (d: Y.Doc) => void) => {
    Y.applyUpdate(boDoc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(boDoc)));
    const sv = Y.encodeStateVector(boDoc);
    write(boDoc);
    return Y.encodeStateAsUpdate(boDoc, sv);
  };
  /** Ada's honest write, checked as hers and applied. */
  const adaWrite = (write: (d: Y.Doc) => void) => {
    const sv = Y.encodeStateVector(adaDoc);
    write(adaDoc);
    const u = Y.encodeStateAsUpdate(adaDoc, sv);
    expect(checkCommentsUpdate(server, u, ada.id, 'review')).toBeNull();
    Y.applyUpdate(server, u);
  };
  const asBo = (u: Uint8Array) => checkCommentsUpdate(server, u, bo.id, 'review');
  const rec = (doc: Y.Doc, root: string, key: string) =>
    doc.getMap(root).get(key) as Y.Map<unknown> | undefined;
  const reload = () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
    return d;
  };
  const itemId = (root: string, key: string): Id => {
    const id = server.getMap(root)._map.get(key)!.id;
    return [id.client, id.clock];
  };
  return {
    ada,
    bo,
    adaDoc,
    server,
    boDoc,
    thread,
    comment,
    boWrite,
    adaWrite,
    asBo,
    rec,
    reload,
    itemId,
  };
}

/**
 * A reply to the fixture's thread under an id from before author secrets (`personId`, p-…),
 * written on a copy of the server's doc: its key, and the update that brings it (not applied).
 */
function legacyReply(
  f: ReturnType<typeof fixture>,
  personId: string,
): { legacy: string; brought: Uint8Array } {
  const ed = new Y.Doc();
  Y.applyUpdate(ed, Y.encodeStateAsUpdate(f.server));
  const sv = Y.encodeStateVector(ed);
  const legacy = reply(ed, { id: personId, name: 'Old' }, f.thread, 'old text');
  return { legacy, brought: Y.encodeStateAsUpdate(ed, sv) };
}

/**
 * Ada's client id is hers in `owners`: Bo's structs at her next clocks are refused, her own next
 * edit under it is taken (its update is returned).
 */
function expectAdasClientId(f: ReturnType<typeof fixture>, owners: ClientOwners): Uint8Array {
  expect(owners.get(ADA)).toBe(f.ada.id);
  const state = Y.getState(f.server.store, ADA);
  const gc = build([{ client: ADA, clock: state, structs: [{ gc: 20 }] }]);
  expect(checkCommentsUpdate(f.server, gc, f.bo.id, 'review', owners)).toMatchObject({
    problem: "writes under a client id another author's connection uses",
  });
  const sv = Y.encodeStateVector(f.adaDoc);
  editComment(f.adaDoc, f.ada.id, f.comment, 'Ada v2');
  const next = Y.encodeStateAsUpdate(f.adaDoc, sv);
  expect(checkCommentsUpdate(f.server, next, f.ada.id, 'review', owners)).toBeNull();
  return next;
}

describe('attacks through Yjs integration, refused', () => {
  it('a struct that starts inside what the server has (Yjs would attach its new part to Ada’s last item)', () => {
    const f = fixture();
    const state = Y.getState(f.server.store, ADA);
    const u = build([
      {
        client: ADA,
        clock: state - 1,
        structs: [{ item: ['x', 'EVIL'], parent: f.itemId('threads', f.thread), sub: 'resolved' }],
      },
    ]);
    expect(f.asBo(u)).toMatchObject({ problem: 'a struct that starts inside what the server has' });
    // On Bo's own record the same trick would turn its authorId into Ada's.
    const key = 'cm-bo0000001';
    const own = f.boWrite((d) =>
      d.transact(() => {
        const r = new Y.Map<unknown>();
        d.getMap('comments').set(key, r);
        r.set('threadId', f.thread);
        r.set('text', 'hi');
        r.set('authorId', f.bo.id);
      }),
    );
    expect(f.asBo(own)).toBeNull();
    Y.applyUpdate(f.server, own);
    const bo = Y.getState(f.server.store, BO);
    const u2 = build([
      {
        client: BO,
        clock: bo - 1,
        structs: [{ item: ['x', f.ada.id], parent: f.itemId('comments', key), sub: 'text' }],
      },
    ]);
    expect(f.asBo(u2)).not.toBeNull();
  });

  it('Skips: content Yjs would park and apply later, unchecked, when Ada’s next clocks arrive', () => {
    const f = fixture();
    const state = Y.getState(f.server.store, ADA);
    const skip = { problem: 'a skip: content to be applied later, unchecked' };
    // An origin inside a Skip of Ada's future clocks (it would overwrite her next edit).
    expect(
      f.asBo(
        build([
          { client: ADA, clock: state, structs: [{ skip: 10 }] },
          { client: BO, clock: 0, structs: [{ item: ['Bo was here'], origin: [ADA, state] }] },
        ]),
      ),
    ).toMatchObject(skip);
    // A deletion of her future clocks covered by a Skip (it would delete her next reply).
    expect(
      f.asBo(build([{ client: ADA, clock: state, structs: [{ skip: 50 }] }], [[ADA, state, 50]])),
    ).toMatchObject(skip);
    // A parked item whose origin is the authorId item Bo's own next reply will write.
    expect(
      f.asBo(
        build([
          { client: BO, clock: 0, structs: [{ skip: 20 }] },
          { client: 3000, clock: 0, structs: [{ item: [f.ada.id], origin: [BO, 5] }] },
        ]),
      ),
    ).toMatchObject(skip);
  });

  it('content after a gap in its clocks (Yjs would hold it pending, then integrate it unchecked)', () => {
    const f = fixture();
    const u = build([
      {
        client: BO,
        clock: 5,
        structs: [{ item: [true], parent: f.itemId('threads', f.thread), sub: 'resolved' }],
      },
    ]);
    expect(f.asBo(u)).toMatchObject({ problem: 'content after a gap in its clocks' });
  });

  it('deleting the authorId of his own record alone (it would leave it open to any author id)', () => {
    const f = fixture();
    let key = '';
    const u0 = f.boWrite((d) => (key = reply(d, f.bo, f.thread, 'Ada says: delete it all')));
    expect(f.asBo(u0)).toBeNull();
    Y.applyUpdate(f.server, u0);
    // Deleting the whole record deletes its authorId too: that is his to do.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(f.server));
    const sv = Y.encodeStateVector(copy);
    expect(removeComment(copy, f.bo.id, key)).toBe(true);
    expect(f.asBo(Y.encodeStateAsUpdate(copy, sv))).toBeNull();
    const u1 = f.boWrite((d) => f.rec(d, 'comments', key)!.delete('authorId'));
    expect(f.asBo(u1)).toMatchObject({ problem: 'rewrites the author of a record' });
  });

  it("structs under the client id of Ada's connection (the server would skip her next edit as held)", () => {
    const f = fixture();
    // Ada's client id came to this room from her connection: it is hers.
    const owners: ClientOwners = new Map();
    const fresh = new Y.Doc();
    const adaUpdate = Y.encodeStateAsUpdate(f.adaDoc);
    recordClientOwners(fresh, adaUpdate, f.ada.id, owners);
    const next = expectAdasClientId(f, owners);
    // Ids already known to the doc are not bound by a later update.
    recordClientOwners(f.server, next, f.ada.id, owners);
    expect(owners.has(BO)).toBe(false);
  });
});

describe('attacks found in the second round, refused', () => {
  it('a client listed twice in one update (Yjs keeps its last block only)', () => {
    const f = fixture();
    const s = Y.getState(f.server.store, ADA);
    // Read whole, the first block fills the gap before the second; Yjs would drop it and park
    // the second, with a delete set waiting for Ada's next edit.
    const u = build(
      [
        { client: ADA, clock: s, structs: [{ gc: 5 }] },
        { client: ADA, clock: s + 5, structs: [{ gc: 1 }] },
      ],
      [[ADA, s, 5]],
    );
    expect(f.asBo(u)).toMatchObject({
      problem: 'a client listed twice (or with nothing) in one update',
    });
  });

  it("giving a legacy record (no provable author) to Ada's provable id", () => {
    const f = fixture();
    const { legacy, brought } = legacyReply(f, 'p-legacy0001');
    expect(checkCommentsUpdate(f.server, brought, undefined, 'edit')).toBeNull();
    Y.applyUpdate(f.server, brought);
    const u = f.boWrite((d) =>
      d.transact(() => {
        const r = f.rec(d, 'comments', legacy)!;
        r.set('text', 'Ada says: this plan is stupid');
        r.set('authorId', f.ada.id);
      }),
    );
    expect(f.asBo(u)).toMatchObject({ problem: 'gives a record to another author' });
    // Taking it for himself is what anyone may do with an unprovable record (from a client
    // that did not keep the refused write).
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(f.server));
    const before = Y.encodeStateVector(copy);
    f.rec(copy, 'comments', legacy)!.set('authorId', f.bo.id);
    expect(f.asBo(Y.encodeStateAsUpdate(copy, before))).toBeNull();
  });

  it("a collected record at Ada's people key (it would win the key from her first record)", () => {
    const f = fixture();
    f.server.getMap('people').delete(f.ada.id);
    const u = build([
      { client: 3000, clock: 0, structs: [{ deleted: 1, parent: 'people', sub: f.ada.id }] },
    ]);
    expect(f.asBo(u)).toMatchObject({ problem: "creates someone else's people record" });
    const own = build([
      { client: 3001, clock: 0, structs: [{ deleted: 1, parent: 'people', sub: f.bo.id }] },
    ]);
    expect(f.asBo(own)).toBeNull();
  });

  it("structs at Ada's next clocks after the room loaded again: her id is bound from her records", () => {
    const f = fixture();
    const owners: ClientOwners = new Map();
    seedClientOwners(f.server, owners);
    expectAdasClientId(f, owners);
  });
});

describe('attacks found in the third round, refused', () => {
  it('an empty struct at his own clock (Yjs integrates it; its origin would delete Ada’s text)', () => {
    const f = fixture();
    const text = (f.server.getMap('comments').get(f.comment) as Y.Map<unknown>)._map.get('text')!;
    const u = build([
      { client: BO, clock: 0, structs: [{ item: [], origin: [text.id.client, text.id.clock] }] },
    ]);
    expect(f.asBo(u)).toMatchObject({ problem: 'an empty struct' });
    expect(checkCommentsUpdate(f.server, u, undefined, 'edit')).toMatchObject({
      problem: 'an empty struct',
    });
  });

  it('an authorId written as JSON content (the reader takes it as any value)', () => {
    const f = fixture();
    const { legacy, brought } = legacyReply(f, 'p-legacy0002');
    Y.applyUpdate(f.server, brought);
    const record = f.server.getMap('comments').get(legacy) as Y.Map<unknown>;
    const author = record._map.get('authorId')!;
    const u = build([
      {
        client: 4000,
        clock: 0,
        structs: [{ item: [f.ada.id], json: true, origin: [author.id.client, author.id.clock] }],
      },
    ]);
    expect(f.asBo(u)).not.toBeNull();
    expect(checkCommentsUpdate(f.server, u, undefined, 'edit')).toMatchObject({
      problem: 'gives a record to another author',
    });
  });

  it('a cycle of references, and a reference to a later clock of its own client', () => {
    const f = fixture();
    const cycle = build([
      { client: 5000, clock: 0, structs: [{ item: ['a'], origin: [5001, 0] }] },
      { client: 5001, clock: 0, structs: [{ item: ['b'], origin: [5000, 0] }] },
    ]);
    expect(f.asBo(cycle)).toMatchObject({ problem: 'structs that refer to each other in a cycle' });
    const forward = build([
      {
        client: 5002,
        clock: 0,
        structs: [
          { item: ['x'], parent: [5002, 1], sub: 'text' },
          { item: ['y'], parent: 'comments', sub: 'cm-forward' },
        ],
      },
    ]);
    expect(f.asBo(forward)).toMatchObject({
      problem: 'a reference to a later clock of its own client',
    });
  });

  it('nested types in a field from a review link (a deep chain would jam later deletions)', () => {
    const f = fixture();
    const u = f.boWrite((d) => {
      const deep = new Y.Map<unknown>();
      (d.getMap('threads').get(f.thread) as Y.Map<unknown>).set('resolved', deep);
    });
    expect(f.asBo(u)).toMatchObject({ problem: 'a field that is not a plain value' });
  });
});

describe('direct and indirect writes to Ada’s records, refused', () => {
  it('direct and indirect writes to Ada’s records', () => {
    const f = fixture();
    const state = Y.getState(f.server.store, ADA);
    const text = f.server.getMap('comments').get(f.comment) as Y.Map<unknown>;
    const textId = text._map.get('text')!.id;
    const t: Id = [textId.client, textId.clock];
    const cases: [string, Uint8Array][] = [
      ['origin Ada text', build([{ client: BO, clock: 0, structs: [{ item: ['x'], origin: t }] }])],
      [
        'rightOrigin Ada text',
        build([{ client: BO, clock: 0, structs: [{ item: ['x'], right: t }] }]),
      ],
      [
        'chain in update',
        build([
          {
            client: BO,
            clock: 0,
            structs: [
              { item: ['a'], origin: t },
              { item: ['b'], origin: [BO, 0] },
            ],
          },
        ]),
      ],
      [
        'parent Ada record',
        build([
          {
            client: BO,
            clock: 0,
            structs: [{ item: ['x'], parent: f.itemId('comments', f.comment), sub: 'text' }],
          },
        ]),
      ],
      ['delete Ada text', build([], [t.concat(1) as [number, number, number]])],
      ['delete all Ada', build([], [[ADA, 0, state]])],
      [
        'replace people',
        build([
          { client: BO, clock: 0, structs: [{ item: ['x'], parent: 'people', sub: f.ada.id }] },
        ]),
      ],
      [
        'origin Ada record',
        build([
          {
            client: BO,
            clock: 0,
            structs: [{ item: ['x'], origin: f.itemId('comments', f.comment) }],
          },
        ]),
      ],
      [
        'new own record, two authorIds',
        f.boWrite((d) => {
          const r = new Y.Map<unknown>();
          d.getMap('comments').set('cm-zz', r);
          r.set('authorId', f.bo.id);
          r.set('authorId', f.ada.id);
        }),
      ],
    ];
    for (const [what, u] of cases) expect(f.asBo(u), what).not.toBeNull();
  });
});

describe('honest writes by Bo, taken', () => {
  it('online, one transaction per update', () => {
    const f = fixture();
    const ok = (w: (d: Y.Doc) => void) => {
      const u = f.boWrite(w);
      const v = f.asBo(u);
      Y.applyUpdate(f.server, u);
      return v;
    };
    let th = '';
    let rp = '';
    expect(
      ok((d) => (th = addThread(d, f.bo, { kind: 'node', id: 'n2' }, 'Bo thread'))),
    ).toBeNull();
    expect(ok((d) => (rp = reply(d, f.bo, f.thread, 'Bo reply')))).toBeNull();
    expect(ok((d) => editComment(d, f.bo.id, rp, 'edited'))).toBeNull();
    expect(ok((d) => setResolved(d, 'Bo', f.thread, true))).toBeNull();
    expect(ok((d) => setResolved(d, 'Bo', f.thread, false))).toBeNull();
    expect(ok((d) => setResolved(d, 'Bo', th, true))).toBeNull();
    expect(ok((d) => touchPerson(d, f.bo.id, 'Bo', '#993366'))).toBeNull();
    expect(ok((d) => touchPerson(d, f.bo.id, 'Bo B', '#993366'))).toBeNull();
    expect(ok((d) => removeComment(d, f.bo.id, rp))).toBeNull();
    expect(ok((d) => d.getMap('threads').delete(th))).toBeNull();
  });

  it('offline: reply then delete it, synced in one step-2 update', () => {
    const f = fixture();
    const u = f.boWrite((d) => {
      const id = reply(d, f.bo, f.thread, 'oops');
      removeComment(d, f.bo.id, id);
    });
    // The record arrives collected (ContentDeleted): his to make and delete.
    expect(f.asBo(u)).toBeNull();
  });

  it('offline: new thread, edit, resolve/reopen, person, in one update', () => {
    const f = fixture();
    const u = f.boWrite((d) => {
      const th = addThread(d, f.bo, { kind: 'node', id: 'n2' }, 'x');
      const cm = [...d.getMap('comments').entries()].find(
        ([, v]) => (v as Y.Map<unknown>).get('threadId') === th,
      )![0];
      editComment(d, f.bo.id, cm, 'y');
      setResolved(d, 'Bo', th, true);
      setResolved(d, 'Bo', f.thread, true);
      setResolved(d, 'Bo', f.thread, false);
      touchPerson(d, f.bo.id, 'Bo', '#993366');
      touchPerson(d, f.bo.id, 'Bo 2', '#993366');
    });
    expect(f.asBo(u)).toBeNull();
  });
});
