/**
 * Review comments: the types views and exports see (no Yjs). Comments live in their own synced
 * document beside the map's (see docs/architecture.md, "Review comments"), so the server can let
 * a review token write comments and nothing else; this module is the shape of that document's
 * snapshot, the session API's comment commands are `CommentsApi` in `session-api.ts`.
 *
 * Document layout (roots of the comments Y.Doc, each an id → Y.Map of fields, records created
 * with a fresh id only, field-level merge like map records):
 *   threads:  id → { anchorKind, anchorId, stageId, laneKey, section, x, y, authorId,
 *                    createdAt, resolved, resolvedBy, resolvedAt }
 *   comments: id → { threadId, authorId, authorName, text, mentions, createdAt, editedAt }
 *   people:   authorId → { name, color, seenAt }   (who has been in the map, for @mentions)
 * Every record goes through its restore() in `records/` (comment-thread.ts, comment.ts,
 * comment-person.ts); nothing here trusts the document.
 */
import type { LaneKey } from '../grid';
import type { Repair } from '../records/support/repair';

/** What a thread is pinned to. */
export type CommentAnchor =
  /** A stage, channel or device node (canvas and grid). */
  | { readonly kind: 'node'; readonly id: string }
  /** A touchpoint (its card in the grid, its link on the canvas). */
  | { readonly kind: 'touchpoint'; readonly id: string }
  /** A grid cell: one stage (column) × one lane (row). */
  | { readonly kind: 'cell'; readonly stageId: string; readonly laneKey: LaneKey }
  /** An item of a content lane (frontstage, backstage, support, text). */
  | { readonly kind: 'laneItem'; readonly id: string }
  /**
   * A strategy item: `section` is the strategy root it lives in ('goals', 'kpis', 'training',
   * 'channelPlans', 'companyScores', 'costModel', 'goLive'), `id` its record id ('' for a
   * one-record section such as the cost model).
   */
  | { readonly kind: 'strategy'; readonly section: string; readonly id: string }
  /** A point on the canvas, in flow coordinates. */
  | { readonly kind: 'point'; readonly x: number; readonly y: number };

export type CommentAnchorKind = CommentAnchor['kind'];

/** A mention inside a comment's text: `text.slice(start, start + length)` is "@Name". */
export interface CommentMention {
  readonly start: number;
  readonly length: number;
  /** The mentioned person's author id (a key of `people`). */
  readonly personId: string;
}

export interface Comment {
  readonly id: string;
  readonly threadId: string;
  /** Stable per browser (see `CommentsApi.me`), so "my comments" survive reloads. */
  readonly authorId: string;
  /** The display name the author had when writing (presence name). */
  readonly authorName: string;
  /** Plain text, never rendered as HTML; at most COMMENT_LIMITS.text characters. */
  readonly text: string;
  readonly mentions: readonly CommentMention[];
  /** ms since the epoch. */
  readonly createdAt: number;
  /** ms since the epoch, when edited. */
  readonly editedAt?: number;
}

export interface CommentThread {
  readonly id: string;
  readonly anchor: CommentAnchor;
  readonly authorId: string;
  readonly createdAt: number;
  readonly resolved: boolean;
  /** Display name of who resolved it, when resolved. */
  readonly resolvedBy?: string;
  readonly resolvedAt?: number;
  /** Oldest first; a thread whose every comment was deleted is not listed. */
  readonly comments: readonly Comment[];
  /** createdAt/editedAt of its newest comment (or the thread's createdAt). */
  readonly lastActivityAt: number;
}

/** Someone who has been in the map (written by editors and reviewers when they open it). */
export interface CommentPerson {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly seenAt: number;
}

export interface CommentsSnapshot {
  /** Newest activity first. */
  readonly threads: readonly CommentThread[];
  /** By name. */
  readonly people: readonly CommentPerson[];
  /** recordKey ('thread:<id>', 'comment:<id>', 'person:<id>') → what restore() repaired. */
  readonly repairs: ReadonlyMap<string, readonly Repair[]>;
}

/**
 * The strategy roots a strategy anchor may name (`section`); `companyScores` covers the
 * company itself (id SELF_ID) and its competitors, `costModel` and `goLive` are one record
 * each (id '').
 */
export const STRATEGY_ANCHOR_SECTIONS = [
  'goals',
  'kpis',
  'training',
  'channelPlans',
  'companyScores',
  'costModel',
  'goLive',
] as const;
export type StrategyAnchorSection = (typeof STRATEGY_ANCHOR_SECTIONS)[number];

/**
 * The anchor of a thread whose stored anchor is unusable (an unknown kind a newer version
 * wrote, a missing or broken id): it names no record, so the thread is listed as detached.
 * The stored fields stay in the document untouched (restore never writes back).
 */
export const DETACHED_ANCHOR: CommentAnchor = Object.freeze({ kind: 'node', id: '' });

/** A thread record as restored (records/comment-thread.ts): a thread without its comments. */
export type CommentThreadRecord = Omit<CommentThread, 'comments' | 'lastActivityAt'>;

export const EMPTY_COMMENTS: CommentsSnapshot = {
  threads: [],
  people: [],
  repairs: new Map(),
};
