/**
 * Review comments in the strategy-map format (version 3, the optional `comments` section):
 * export from a comments snapshot, import into a comments doc. Off by default: the export
 * writes the section only when asked, and an import without a comments doc ignores it.
 *
 * Export: threads in the snapshot's order (newest activity first) with their comments (oldest
 * first), people by name; cut to the format's counts (the newest threads, each thread's oldest
 * comments). What must stay true: export → import → export gives the same section.
 *
 * Import: into any comments doc, empty or not (a new map's, or the current map's): a thread
 * or comment whose id is already there gets a fresh one (a thread's comments follow it), a
 * person already there keeps the record it has. Every record goes through its restore(), as
 * every way into a doc does, in one transaction with the IMPORT origin.
 */
import type * as Y from 'yjs';
import { commentsMap, peopleMap, threadsMap } from '../comments/doc';
import type { Comment, CommentAnchor, CommentsSnapshot } from '../comments/types';
import { newRecord } from '../doc';
import { newId } from '../ids';
import { IMPORT } from '../origins';
import { restoreComment } from '../records/comment';
import { restoreCommentPerson } from '../records/comment-person';
import { anchorFields, restoreCommentThread } from '../records/comment-thread';
import { MAX_COMMENT_PEOPLE, MAX_COMMENT_THREADS, MAX_COMMENTS_PER_THREAD } from './limits';
import type { StrategyMapComments } from './schema';

type JsonThread = StrategyMapComments['threads'][number];
type JsonComment = JsonThread['comments'][number];
/**
 * A restored anchor is one the format accepts (its section one of STRATEGY_ANCHOR_SECTIONS,
 * its lane key a grid row's), and a parsed one is a CommentAnchor: the types only say it less
 * precisely (`section: string`, `laneKey: string`).
 */
const toJsonAnchor = (a: CommentAnchor) => ({ ...a }) as JsonThread['anchor'];
const fromJsonAnchor = (a: JsonThread['anchor']) => a as CommentAnchor;

function commentToJson(c: Comment): JsonComment {
  return {
    id: c.id,
    authorId: c.authorId,
    authorName: c.authorName,
    text: c.text,
    mentions: c.mentions.map(({ start, length, personId }) => ({ start, length, personId })),
    createdAt: c.createdAt,
    ...(c.editedAt !== undefined ? { editedAt: c.editedAt } : {}),
  };
}

/** The comments of a snapshot as the format's `comments` section. Never throws. */
export function commentsToJson(snap: CommentsSnapshot): StrategyMapComments {
  return {
    threads: snap.threads.slice(0, MAX_COMMENT_THREADS).map((t) => ({
      id: t.id,
      anchor: toJsonAnchor(t.anchor),
      authorId: t.authorId,
      createdAt: t.createdAt,
      resolved: t.resolved,
      ...(t.resolvedBy !== undefined ? { resolvedBy: t.resolvedBy } : {}),
      ...(t.resolvedAt !== undefined ? { resolvedAt: t.resolvedAt } : {}),
      comments: t.comments.slice(0, MAX_COMMENTS_PER_THREAD).map(commentToJson),
    })),
    people: snap.people.slice(0, MAX_COMMENT_PEOPLE).map((p) => ({ ...p })),
  };
}

/** What an import of comments wrote. */
export interface CommentsImportResult {
  readonly threads: number;
  readonly comments: number;
  readonly people: number;
  /** Threads and comments whose id was taken in the doc and that got a fresh one. */
  readonly renamed: number;
}

/** A record's fields for the doc: the restored record minus its id (the key of its map). */
function withoutId<T extends { id: string }>(record: T): Omit<T, 'id'> {
  const { id: _id, ...fields } = record;
  return fields;
}

/**
 * Writes a parsed `comments` section (from `parseStrategyMap`: ids unique, mentions inside
 * their texts) into the comments doc `doc`. See the header for ids that clash.
 */
export function importComments(doc: Y.Doc, value: StrategyMapComments): CommentsImportResult {
  const threads = threadsMap(doc);
  const comments = commentsMap(doc);
  const people = peopleMap(doc);
  let renamed = 0;
  let commentCount = 0;
  let peopleCount = 0;
  doc.transact(() => {
    for (const t of value.threads) {
      const threadId = threads.has(t.id) || comments.has(t.id) ? newId('th') : t.id;
      if (threadId !== t.id) renamed++;
      const { value: record } = restoreCommentThread(
        {
          ...anchorFields(fromJsonAnchor(t.anchor)),
          authorId: t.authorId,
          createdAt: t.createdAt,
          resolved: t.resolved,
          ...(t.resolvedBy !== undefined ? { resolvedBy: t.resolvedBy } : {}),
          ...(t.resolvedAt !== undefined ? { resolvedAt: t.resolvedAt } : {}),
        },
        threadId,
      );
      const { anchor: _anchor, ...fields } = withoutId(record);
      // The anchor as the file has it (a detached one included), stored flat like commands do.
      threads.set(threadId, newRecord({ ...anchorFields(fromJsonAnchor(t.anchor)), ...fields }));
      for (const c of t.comments) {
        const id = comments.has(c.id) || threads.has(c.id) ? newId('cm') : c.id;
        if (id !== c.id) renamed++;
        const restored = restoreComment({ ...c, threadId }, id).value;
        const fieldsOf = withoutId(restored);
        comments.set(
          id,
          newRecord({ ...fieldsOf, mentions: fieldsOf.mentions.map((m) => ({ ...m })) }),
        );
        commentCount++;
      }
    }
    for (const p of value.people) {
      if (people.has(p.id)) continue;
      people.set(p.id, newRecord(withoutId(restoreCommentPerson(p, p.id).value)));
      peopleCount++;
    }
  }, IMPORT);
  return {
    threads: value.threads.length,
    comments: commentCount,
    people: peopleCount,
    renamed,
  };
}
