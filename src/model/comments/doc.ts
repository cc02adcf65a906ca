/**
 * The roots of a map's comments Y.Doc (layout: types.ts). Each root maps a record id to a
 * Y.Map of fields; a record is created with a fresh id only (never replaced), so two peers'
 * edits merge field by field.
 */
import type * as Y from 'yjs';

export type YCommentRecord = Y.Map<unknown>;

export const THREADS_ROOT = 'threads';
export const COMMENTS_ROOT = 'comments';
export const PEOPLE_ROOT = 'people';

export const threadsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(THREADS_ROOT);
export const commentsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(COMMENTS_ROOT);
export const peopleMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(PEOPLE_ROOT);

/** Every root of the comments doc (the reader observes them, the fuzz test writes them). */
export const commentRoots = (doc: Y.Doc): Y.Map<unknown>[] => [
  threadsMap(doc),
  commentsMap(doc),
  peopleMap(doc),
];
