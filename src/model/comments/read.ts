/**
 * Reading a comments Y.Doc into a CommentsSnapshot (types.ts). `CommentsReader` is the external
 * store the view binds to: the snapshot is rebuilt, lazily, after any change of the doc (a
 * map's comments are few: hundreds, not the thousands of a map's nodes) and is the same object
 * until then. Every record goes through its restore() (records/comment-*.ts).
 *
 * Rules of the listing:
 * - a thread lists with its comments, oldest first (ties by id); threads newest activity first;
 * - a thread with no comment left is not listed (removing a thread's last comment leaves its
 *   record, so a reply written concurrently brings it back with its anchor);
 * - comments whose thread record is missing (a peer deleted it, or garbage) are still listed,
 *   under a thread of that id with DETACHED_ANCHOR (repair `thread:<id>`), never dropped;
 * - a comment with an unusable thread id belongs nowhere and is left out (repair kept);
 * - a value that is not a Y.Map, or a key that is not an id, is skipped (repair kept).
 */
import * as Y from 'yjs';
import { createEmitter } from '../observable';
import { isId, recordKey, type Repair } from '../records';
import { restoreComment } from '../records/comment';
import { restoreCommentPerson } from '../records/comment-person';
import { restoreCommentThread } from '../records/comment-thread';
import { MAX_ID_CHARS } from '../limits';
import { NOT_A_RECORD, NOT_AN_ID } from '../read-strategy';
import { commentRoots, commentsMap, peopleMap, threadsMap } from './doc';
import { activityOf } from './status';
import {
  DETACHED_ANCHOR,
  type Comment,
  type CommentPerson,
  type CommentsSnapshot,
  type CommentThread,
  type CommentThreadRecord,
} from './types';

const MISSING_THREAD: readonly Repair[] = Object.freeze([
  Object.freeze({ field: '', kind: 'missing', problem: 'no thread record: listed as detached' }),
]) as readonly Repair[];

const byTimeThenId = (a: Comment, b: Comment) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The records of a root: Y.Maps under usable ids. Anything else is skipped and reported like
 * the map's reader does (NOT_A_RECORD, NOT_AN_ID): a plain object is not a record, since
 * peers may not even decode it alike (lib0 assigns an own `__proto__` key).
 */
function* entries(
  root: Y.Map<unknown>,
  kind: string,
  repairs: Map<string, readonly Repair[]>,
): Generator<[string, Y.Map<unknown>]> {
  for (const [k, v] of root.entries()) {
    if (!(v instanceof Y.Map)) repairs.set(recordKey(kind, k), NOT_A_RECORD);
    else if (!isId(k, MAX_ID_CHARS)) repairs.set(recordKey(kind, k), NOT_AN_ID);
    else yield [k, v];
  }
}

/** A whole snapshot of `doc`, read from scratch. */
export function readComments(doc: Y.Doc): CommentsSnapshot {
  const repairs = new Map<string, readonly Repair[]>();
  const records = new Map<string, CommentThreadRecord>();
  for (const [id, raw] of entries(threadsMap(doc), 'thread', repairs)) {
    const r = restoreCommentThread(raw, id);
    records.set(id, r.value);
    if (r.repaired.length > 0) repairs.set(recordKey('thread', id), r.repaired);
  }
  const byThread = new Map<string, Comment[]>();
  for (const [id, raw] of entries(commentsMap(doc), 'comment', repairs)) {
    const r = restoreComment(raw, id);
    if (r.repaired.length > 0) repairs.set(recordKey('comment', id), r.repaired);
    if (r.value.threadId === '') continue;
    let list = byThread.get(r.value.threadId);
    if (!list) byThread.set(r.value.threadId, (list = []));
    list.push(r.value);
  }
  const threads: CommentThread[] = [];
  for (const [threadId, comments] of byThread) {
    comments.sort(byTimeThenId);
    let record = records.get(threadId);
    if (!record) {
      const first = comments[0]!;
      record = {
        id: threadId,
        anchor: DETACHED_ANCHOR,
        authorId: first.authorId,
        createdAt: first.createdAt,
        resolved: false,
      };
      repairs.set(recordKey('thread', threadId), MISSING_THREAD);
    }
    let last = record.createdAt;
    for (const c of comments) last = Math.max(last, activityOf(c));
    threads.push({ ...record, comments, lastActivityAt: last });
  }
  threads.sort(
    (a, b) => b.lastActivityAt - a.lastActivityAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const people: CommentPerson[] = [];
  for (const [id, raw] of entries(peopleMap(doc), 'person', repairs)) {
    const r = restoreCommentPerson(raw, id);
    people.push(r.value);
    if (r.repaired.length > 0) repairs.set(recordKey('person', id), r.repaired);
  }
  people.sort((a, b) => {
    const an = a.name.toLowerCase();
    const bn = b.name.toLowerCase();
    return an < bn ? -1 : an > bn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return { threads, people, repairs };
}

/** The external store over one comments doc: `getSnapshot()` is stable until the doc changes. */
export class CommentsReader {
  private snapshot: CommentsSnapshot | null = null;
  private readonly changed = createEmitter();

  constructor(private readonly doc: Y.Doc) {
    commentRoots(doc); // defined now, so a peer's first write lands in typed roots
    doc.on('afterTransaction', this.onTransaction);
  }

  /** One notification per transaction that changed anything (whatever the roots touched). */
  private readonly onTransaction = (tr: Y.Transaction): void => {
    if (tr.changed.size === 0) return;
    this.snapshot = null;
    this.changed.notify();
  };

  readonly subscribe = (listener: () => void): (() => void) => this.changed.subscribe(listener);

  readonly getSnapshot = (): CommentsSnapshot => (this.snapshot ??= readComments(this.doc));

  dispose(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.changed.clear();
  }
}
