/**
 * What a view gets to work with a map: a snapshot store, commands bound to the doc, undo and
 * the status of storage and sync. No Yjs types leak through, so `src/view/` never imports yjs.
 */
import type { BoundCommands } from './bound-commands';
import type { BoundStrategyCommands } from './strategy/bound-commands';
import type { ExternalStore } from './observable';
import type { SelectionStore } from './selection';
import type { MapSnapshot, XY } from './types';
import type { CommentAnchor, CommentMention, CommentsSnapshot } from './comments/types';
import type { WorkshopApi } from './workshop/bound';
import type { MapFullRefusal } from './protocol-messages';
import type { VersionsApi } from './versions/api';

export type { WorkshopApi } from './workshop/bound';
export type { VersionsApi } from './versions/api';

export type { ExternalStore } from './observable';

export type SaveStatus = 'loading' | 'saving' | 'saved' | 'error';
/**
 * The server connection of a session:
 * - 'local': the map is not shared, nothing to connect to;
 * - 'connecting': before the first sync, or reconnecting;
 * - 'online': synced with the server;
 * - 'offline': the network or the server is down; retried with backoff;
 * - 'refused': the server refused this link's token (revoked, another server secret, an
 *   unknown map); local edits are kept on this device. Not retried until the page is
 *   reloaded or the map gets another token, since every attempt would be refused.
 */
export type ConnectionStatus = 'local' | 'connecting' | 'online' | 'offline' | 'refused';

export interface SyncState {
  /** Local storage: is everything on disk? */
  readonly save: SaveStatus;
  /** Error message of the last failed save (quota…), if any. */
  readonly saveError?: string;
  /**
   * The review comments' local store (their own document, saved apart from the map's): why
   * its last write failed ('quota', 'failed'), absent while it saves fine. The save status
   * says so even when the map itself is saved.
   */
  readonly commentsSaveError?: string;
  /**
   * The server stopped taking the comments doc's updates because it is full ('full-<limit>',
   * 4002 on the comments socket, server/quota-doc.ts); absent while it takes them. The map's
   * own sync goes on; the save status says the comments are not saved.
   */
  readonly commentsRefusal?: MapFullRefusal;
  /**
   * Server connection; 'local' when the map is not shared, 'refused' when the server refused
   * this link's token (local edits are kept on this device, see ConnectionStatus).
   */
  readonly connection: ConnectionStatus;
  /** Local edits the server has not confirmed yet, when known. */
  readonly unconfirmed?: number;
  /**
   * With 'refused': the server said the link was revoked (the share dialog's "Revoke and
   * make a new link") or its expiry passed, by closing the socket (4001) or in its HEAD
   * answer; 'full-<limit>' when it closed the socket because an update would have broken the
   * map's limits (4002, server/quota-doc.ts); 'deleted' when it closed the socket because the
   * map was deleted for everyone (4004, DELETE /api/maps/:id); absent when it only refused
   * the token.
   */
  readonly refusal?: 'revoked' | 'expired' | 'deleted' | MapFullRefusal;
  /**
   * The link this page was opened with was refused ('refused': an unknown token, 'revoked',
   * 'expired') and the session went back to the token this device already had for the map:
   * the map syncs with the access it had, and the editor says why the link did not work.
   */
  readonly linkRefused?: 'refused' | 'revoked' | 'expired';
}

export interface UndoState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

export interface MapSessionApi {
  readonly mapId: string;
  /**
   * Why the map cannot be edited, or null when it can. 'reviewToken': opened from a review
   * link, the map is read-only and comments can be written (the server enforces both).
   */
  readonly readOnlyReason: null | 'viewToken' | 'reviewToken' | 'newerSchema';
  readonly map: ExternalStore<MapSnapshot>;
  readonly commands: BoundCommands;
  readonly undo: ExternalStore<UndoState> & {
    undo(): void;
    redo(): void;
    stopCapturing(): void;
  };
  readonly sync: ExternalStore<SyncState>;
  /** Commands of the strategy roadmap (model/strategy/). */
  readonly strategy: BoundStrategyCommands;
  /**
   * What I have selected: the one place the selection changes, and every change is published
   * to presence (model/selection.ts).
   */
  readonly selection: SelectionStore;
  /** Who else is here (awareness); absent for a map that is not shared. */
  readonly presence?: PresenceApi;
  /** Review comments (their own synced document beside the map's). */
  readonly comments: CommentsApi;
  /** Dot voting and the shared timer (model/workshop/); absent in views built without one. */
  readonly workshop?: WorkshopApi;
  /** The map's version history (model/versions/api.ts); absent in views built without one. */
  readonly versions?: VersionsApi;
}

/**
 * Review comments of a map. Every write is one transaction on the comments document (never in
 * the map's undo history); a write the session may not make (a view link, a newer schema) is
 * a no-op returning '' / false, and the server drops it anyway.
 */
export interface CommentsApi {
  readonly snapshot: ExternalStore<CommentsSnapshot>;
  /**
   * My author id: derived from a secret stable per browser (localStorage), shared by every
   * map; the server holds my records to it (model/comments/author.ts).
   */
  readonly myId: string;
  /** Whether a comment by `authorId` is mine (my id, or the one this browser wrote under before). */
  isMine(authorId: string): boolean;
  /** False for a view link (and a map from a newer version): no comment controls. */
  readonly canComment: boolean;
  /** A new thread with its first comment; returns the thread id ('' when not allowed). */
  addThread(anchor: CommentAnchor, text: string, mentions?: readonly CommentMention[]): string;
  /** Returns the new comment's id ('' when not allowed or the thread is gone). */
  reply(threadId: string, text: string, mentions?: readonly CommentMention[]): string;
  /** Edits one of my comments; false when it is not mine or is gone. */
  edit(commentId: string, text: string, mentions?: readonly CommentMention[]): boolean;
  /** Deletes one of my comments (the thread goes with its last comment); false when not mine. */
  remove(commentId: string): boolean;
  /** Resolves or reopens a thread (anyone who can comment). */
  setResolved(threadId: string, resolved: boolean): void;
  /**
   * Local to this browser: when I last read each thread (thread id → ms). A thread is new to
   * me when its lastActivityAt is later and its newest comment is not mine.
   */
  readonly seen: ExternalStore<ReadonlyMap<string, number>>;
  markSeen(threadId: string): void;
}

/** One other person in the room, as their awareness state says. */
export interface Peer {
  readonly clientId: number;
  readonly name: string;
  /** CSS colour of their cursor and outlines. */
  readonly color: string;
  /** Pointer position in flow coordinates, when over the canvas. */
  readonly cursor?: XY;
  /** Ids of the nodes and touchpoints they have selected. */
  readonly selection?: readonly string[];
  /** Positions of the nodes they are dragging right now (before the drop is written). */
  readonly drag?: Readonly<Record<string, XY>>;
  /** What they are presenting right now (Present mode), when they are. */
  readonly presenting?: PresentingState;
}

/**
 * Where a presenter is in Present mode, as their awareness says: `slide` of `total` (0-based,
 * slide 0 is the overview), the stage it shows if any (so followers keep the right stage when
 * stages are reordered) and whether they asked the room to follow them.
 */
export interface PresentingState {
  readonly slide: number;
  readonly total: number;
  readonly stageId?: string;
  readonly follow: boolean;
}

/**
 * Characters of a display name in presence: short enough for a cursor label and the people
 * list. Names are not map records (they live in awareness, never in the doc), so this is not a
 * records limit; the name picker and presence's `cleanName` cut to it.
 */
export const MAX_NAME_CHARS = 40;

export interface PresenceApi {
  /** The other people, at most a bounded number (sync/presence.ts: MAX_PEERS). */
  readonly peers: ExternalStore<readonly Peer[]>;
  /**
   * How many more people's states the room holds beyond `peers` (past the cap; not checked one
   * by one, so a state with no usable name counts too). Notified with `peers`.
   */
  readonly morePeers: ExternalStore<number>;
  readonly me: ExternalStore<{
    readonly name: string;
    readonly color: string;
    /** True once this browser chose a name (else the name is the random guest fallback). */
    readonly named?: boolean;
  }>;
  /** Trimmed, cut to MAX_NAME_CHARS; an empty name is ignored. */
  setName(name: string): void;
  setCursor(position: XY | null): void;
  setSelection(ids: readonly string[]): void;
  setDrag(positions: ReadonlyMap<string, XY> | null): void;
  /** What I am presenting (Present mode), or null when I am not. */
  setPresenting(state: PresentingState | null): void;
}
