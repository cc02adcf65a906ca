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
