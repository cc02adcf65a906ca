/**
 * The y-websocket wire protocol's message types, one definition for both ends: the client
 * adapter (src/sync/websocket.ts) and the server's decoder (server/protocol.ts). Every binary
 * message starts with a varuint type; a sync message then carries a varuint step.
 *
 * It lives in model/ because that is the one layer both may import: the server imports model/
 * but not sync/ (which pulls dexie and y-websocket), and src/ never imports server/. The
 * values are the stock client's (y-websocket, y-protocols/sync); src/sync/websocket.test.ts
 * checks they still agree.
 */

/** A y-protocols/sync message: a step (below) and its payload. */
export const MSG_SYNC = 0;
/** An awareness update (y-protocols/awareness). */
export const MSG_AWARENESS = 1;
/** An auth message (y-protocols/auth: permission denied). Our server never sends one. */
export const MSG_AUTH = 2;
/** "Send me everyone's awareness". */
export const MSG_QUERY_AWARENESS = 3;

/** Sync step 1: my state vector; the answer is a step 2 with what I lack. */
export const SYNC_STEP1 = 0;
/** Sync step 2: the update answering a step 1. */
export const SYNC_STEP2 = 1;
/** An incremental update. */
export const SYNC_UPDATE = 2;

/**
 * A map has two synced documents: the map itself and its review comments. Both ends name
 * them here. The websocket room of the comments is `<mapId>/comments` (so the sync URL is
 * `/sync/<mapId>/comments?token=…`); its storage key, on the server and in IndexedDB, is
 * `<mapId>:comments`, which no map id can be (MAP_ID_PATTERN has no ':').
 */
export type DocKind = 'map' | 'comments';
export const COMMENTS_ROOM_SUFFIX = '/comments';
export const commentsRoom = (mapId: string): string => `${mapId}${COMMENTS_ROOM_SUFFIX}`;
export const commentsDocId = (mapId: string): string => `${mapId}:comments`;

/**
 * What each capability token may write (the server enforces it, the client only mirrors it):
 * edit writes both documents, review the comments only, view neither.
 */
export type TokenRole = 'edit' | 'review' | 'view';
export const CAN_WRITE: Readonly<Record<DocKind, readonly TokenRole[]>> = {
  map: ['edit'],
  comments: ['edit', 'review'],
};

/**
 * Presence (awareness) limits, one definition for both ends: the server enforces them per
 * connection (server/awareness-guard.ts), the client keeps its own state within them
 * (src/sync/presence.ts). A connection may own this many awareness client ids (a browser tab
 * announces one on its map socket and none on its comments socket), and publish a state of at
 * most this many UTF-8 bytes of JSON for each. 16 KiB holds a name, a cursor and 500 selected
 * ids of the usual length; a bigger state (a huge live drag) is trimmed by the client.
 */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 4;
export const MAX_AWARENESS_STATE_BYTES = 16 * 1024;

/**
 * The close code and reason of a socket whose token was revoked (POST /api/maps/:id/revoke,
 * server/revocation.ts). The client ends in 'refused' on it rather than retrying.
 */
export const TOKEN_REVOKED_CLOSE_CODE = 4001;
export const TOKEN_REVOKED_REASON = 'token revoked';
/** The same for a token whose expiry passed while its socket was open. */
export const TOKEN_EXPIRED_REASON = 'token expired';

/**
 * The close code and reason of every socket of a map (its doc and its comments) when the map
 * was deleted for everyone (DELETE /api/maps/:id, server/api.ts), on every instance of a
 * cluster. The client ends in 'refused' (refusal 'deleted') rather than retrying: the server
 * has no such map any more, and answers its upgrade and HEAD with 404.
 */
export const MAP_DELETED_CLOSE_CODE = 4004;
export const MAP_DELETED_REASON = 'map deleted';

/**
 * The close code of a socket whose update would have broken its map's limits (server/room.ts,
 * server/doc-quota.ts): the update is not applied, stored or relayed, and the client stops
 * ('refused', "This map is full") rather than resend it on every reconnect. The reason is
 * `mapFullReason(limit)`: which limit the update would have broken.
 */
export const MAP_FULL_CLOSE_CODE = 4002;
/**
 * The limits a map's document is held to: its node and touchpoint counts (the format's
 * MAX_NODES, MAX_TOUCHPOINTS) and its size ('size': its strategy-map JSON within the import
 * limits, its Yjs state within one websocket message).
 */
export const MAP_FULL_LIMITS = ['nodes', 'touchpoints', 'size'] as const;
export type MapFullLimit = (typeof MAP_FULL_LIMITS)[number];
/** How the client names a MAP_FULL_CLOSE_CODE close: 'full-' and the limit. */
export type MapFullRefusal = `full-${MapFullLimit}`;
export const isMapFullRefusal = (why: string | undefined): why is MapFullRefusal =>
  why !== undefined && why.startsWith('full-');
const MAP_FULL_PREFIX = 'map full: ';
export const mapFullReason = (limit: MapFullLimit): string => `${MAP_FULL_PREFIX}${limit}`;
/** The limit a MAP_FULL_CLOSE_CODE reason names ('size' for one this client does not know). */
export function parseMapFullReason(reason: string): MapFullLimit {
  const limit = reason.startsWith(MAP_FULL_PREFIX) ? reason.slice(MAP_FULL_PREFIX.length) : '';
  return (MAP_FULL_LIMITS as readonly string[]).includes(limit) ? (limit as MapFullLimit) : 'size';
}
