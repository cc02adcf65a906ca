/**
 * Every write to a comments doc. Each command is one transaction (origin LOCAL: the comments
 * doc has no undo manager, and the map's never sees it); ids are fresh (model/ids.ts), records
 * are created whole and never replaced, so peers' writes merge field by field. Inputs are
 * cut to the records' limits (records/comment*.ts) before they are written; a command that
 * cannot apply (an empty text, a comment that is not mine, a thread that is gone) writes
 * nothing and says so ('' / false).
 */
import * as Y from 'yjs';
import { newRecord } from '../doc';
import { newId } from '../ids';
import { capText } from '../limits';
import { LOCAL } from '../origins';
import { cleanMentions, COMMENT_LIMITS } from '../records/comment';
import { COMMENT_PERSON_LIMITS } from '../records/comment-person';
import { anchorFields, COMMENT_THREAD_LIMITS, isUsableAnchor } from '../records/comment-thread';
import { COLOR_PATTERN } from '../records/support/fields';
import { commentsMap, peopleMap, threadsMap, type YCommentRecord } from './doc';
import type { CommentAnchor, CommentMention } from './types';

/** Who writes: my author id and the display name I have now. */
export interface CommentAuthor {
  readonly id: string;
  readonly name: string;
}

const asRecord = (v: unknown): YCommentRecord | null => (v instanceof Y.Map ? v : null);

const now = (at?: number) => Math.round(at ?? Date.now());

/** The text as stored: cut at the limit, and '' when it has nothing but spaces. */
function cleanText(text: string): string {
  const t = capText(text, COMMENT_LIMITS.text);
  return t.trim() === '' ? '' : t;
}

function commentFields(
  author: CommentAuthor,
  threadId: string,
  text: string,
  mentions: readonly CommentMention[] | undefined,
  at: number,
): Record<string, unknown> {
  return {
    threadId,
    authorId: author.id,
    authorName: capText(author.name, COMMENT_LIMITS.authorName),
    text,
    mentions: cleanMentions(mentions ?? [], text).map((m) => ({ ...m })),
    createdAt: at,
  };
}

/** Whether `threadId` is a thread a reply can join (its record, or comments of it, exist). */
function threadExists(doc: Y.Doc, threadId: string): boolean {
  if (threadsMap(doc).has(threadId)) return true;
  for (const c of commentsMap(doc).values())
    if (asRecord(c)?.get('threadId') === threadId) return true;
  return false;
}

/** A new thread on `anchor` with its first comment; the thread id, or '' when not written. */
export function addThread(
  doc: Y.Doc,
  author: CommentAuthor,
  anchor: CommentAnchor,
  text: string,
  mentions?: readonly CommentMention[],
  at?: number,
): string {
  const body = cleanText(text);
  if (body === '' || !isUsableAnchor(anchor)) return '';
  const threadId = newId('th');
  const t = now(at);
  doc.transact(() => {
    threadsMap(doc).set(
      threadId,
      newRecord({
        ...anchorFields(anchor),
        authorId: author.id,
        createdAt: t,
        resolved: false,
      }),
    );
    commentsMap(doc).set(
      newId('cm'),
      newRecord(commentFields(author, threadId, body, mentions, t)),
    );
  }, LOCAL);
  return threadId;
}

/** A reply at the end of `threadId`; its id, or '' when not written. */
export function reply(
  doc: Y.Doc,
  author: CommentAuthor,
  threadId: string,
  text: string,
  mentions?: readonly CommentMention[],
  at?: number,
): string {
  const body = cleanText(text);
  if (body === '' || !threadExists(doc, threadId)) return '';
  const id = newId('cm');
  doc.transact(() => {
    commentsMap(doc).set(id, newRecord(commentFields(author, threadId, body, mentions, now(at))));
  }, LOCAL);
  return id;
}

/** My comment `commentId` (written under one of `myIds`), or null when it is gone or not mine. */
function mine(
  doc: Y.Doc,
  myIds: string | readonly string[],
  commentId: string,
): YCommentRecord | null {
  const r = asRecord(commentsMap(doc).get(commentId));
  const author = r?.get('authorId');
  const ids = typeof myIds === 'string' ? [myIds] : myIds;
  return r && typeof author === 'string' && author !== '' && ids.includes(author) ? r : null;
}

/** Rewrites the text (and mentions) of one of my comments; false when not mine or gone. */
export function editComment(
  doc: Y.Doc,
  myId: string | readonly string[],
  commentId: string,
  text: string,
  mentions?: readonly CommentMention[],
  at?: number,
): boolean {
  const record = mine(doc, myId, commentId);
  const body = cleanText(text);
  if (!record || body === '') return false;
  doc.transact(() => {
    record.set('text', body);
    record.set(
      'mentions',
      cleanMentions(mentions ?? [], body).map((m) => ({ ...m })),
    );
    record.set('editedAt', now(at));
  }, LOCAL);
  return true;
}

/**
 * Deletes one of my comments; false when not mine or gone. The thread's record stays: a
 * thread without comments is not listed, and a reply a peer wrote meanwhile keeps it.
 */
export function removeComment(
  doc: Y.Doc,
  myId: string | readonly string[],
  commentId: string,
): boolean {
  if (!mine(doc, myId, commentId)) return false;
  doc.transact(() => commentsMap(doc).delete(commentId), LOCAL);
  return true;
}

/**
 * Resolves or reopens `threadId` (by `byName`). A thread whose record is missing (listed as
 * detached, see read.ts) gets none: there is no anchor to write; false then.
 */
export function setResolved(
  doc: Y.Doc,
  byName: string,
  threadId: string,
  resolved: boolean,
  at?: number,
): boolean {
  const r = asRecord(threadsMap(doc).get(threadId));
  if (!r) return false;
  doc.transact(() => {
    r.set('resolved', resolved);
    if (resolved) {
      r.set('resolvedBy', capText(byName, COMMENT_THREAD_LIMITS.resolvedBy));
      r.set('resolvedAt', now(at));
    } else {
      r.delete('resolvedBy');
      r.delete('resolvedAt');
    }
  }, LOCAL);
  return true;
}

/**
 * Records that I have been in the map with this name and colour (for @mentions). Writes only
 * when the stored name differs (or the record is missing or unusable): opening a map again
 * writes nothing. The colour is written with the name (presence colours change per session,
 * so a colour alone is no reason to write). Returns whether it wrote.
 */
export function touchPerson(
  doc: Y.Doc,
  id: string,
  name: string,
  color: string,
  at?: number,
): boolean {
  const n = capText(name.replace(/\s+/g, ' ').trim(), COMMENT_PERSON_LIMITS.name);
  if (id === '' || n === '' || !COLOR_PATTERN.test(color)) return false;
  const people = peopleMap(doc);
  const record = asRecord(people.get(id));
  const storedColor = record?.get('color');
  if (
    record &&
    record.get('name') === n &&
    typeof storedColor === 'string' &&
    COLOR_PATTERN.test(storedColor)
  )
    return false;
  doc.transact(() => {
    if (record) {
      record.set('name', n);
      record.set('color', color);
      record.set('seenAt', now(at));
    } else people.set(id, newRecord({ name: n, color, seenAt: now(at) }));
  }, LOCAL);
  return true;
}
