// The HTTP API (JSON):
//   POST /api/maps                       create a map with a new id
//                                        → 201 {id, editToken, reviewToken, viewToken}
//   PUT  /api/maps/:id                   register a map made offline       → 201 {…} | 409 when the id is taken
//                                        | 410 when it belonged to a map deleted for everyone
//                                        (a deleted id is never registered again). With an
//                                        `x-itinera-claim` header (a client secret, base64url of
//                                        ≥ 128 random bits; 400 when malformed) the map keeps its
//                                        SHA-256, and a PUT of the taken id with the same claim
//                                        → 200 {…} (its current tokens, as GET …/tokens gives
//                                        them), not counted against the quotas again, the body
//                                        unread: a registration whose answer was lost is
//                                        recovered by its retry. Another claim, or none, → 409;
//                                        revoking the edit link retires the claim
//   GET  /api/maps/:id/strategy-map.json the map as a strategy-map document (Bearer edit, review
//                                        or view token); the map only, unless `?comments=true`
//                                        (or 1) asks for its review comments too (format v3's
//                                        `comments` section); 400 for another value
//   GET  /api/maps/:id/tokens            the map's three current-generation tokens, for a Bearer
//                                        edit token only → 200 {id, editToken, reviewToken,
//                                        viewToken} | 401 (review or view token, revoked,
//                                        expired, or none) | 404; lets a map shared before review
//                                        links existed get one. `?expiresAt=<ms or ISO date>`
//                                        mints tokens that expire then (400 if not in the future)
//   POST /api/maps/:id/revoke            body {roles: ["edit"|"review"|"view", …], expiresAt?}
//                                        with a Bearer edit token: bumps those roles' token
//                                        generations (every older token of them is refused from
//                                        now on, and their open sockets are closed with 4001
//                                        "token revoked") → 200 {id, editToken, reviewToken,
//                                        viewToken} (the new current tokens) | 400 (body, with
//                                        issues) | 401 | 404. A revoke of the edit role with an
//                                        `x-itinera-claim` makes that claim the map's (the old
//                                        one retired): when the answer is lost, the revoker's
//                                        device gets the new tokens by a PUT with it (above)
//   HEAD /api/maps/:id                   does this Bearer token open the map? → 204 with
//                                        X-Itinera-Role: edit|review|view | 401 | 404, no body;
//                                        a 401 for a genuine token that was revoked or expired
//                                        says which in X-Itinera-Refusal: revoked|expired;
//                                        reads only the map's record, never its content (clients
//                                        ask after a websocket attempt failed, see src/sync/access.ts)
//   DELETE /api/maps/:id                 deletes the map for everyone, with a Bearer edit token:
//                                        its record (so every token of it), its doc and comments
//                                        doc (snapshots and updates) and its versions, in one
//                                        transaction; every open socket of it, on every instance,
//                                        is closed with 4004 "map deleted", its rooms dropped
//                                        without compaction → 204 | 401 (no valid token) | 403
//                                        (a review or view token) | 404; from then on the id
//                                        answers 404 (upgrade, HEAD, API), and PUT 410: storage
//                                        keeps a tombstone of it, so no one registers it again
//                                        and gets the deleted map's v1 tokens (they depend on
//                                        the id and role only) back
//   …/api/maps/:id/versions[/:vid]      a map's version history: server/versions-api.ts
// POST and PUT take an empty body (the client then syncs its doc over the websocket) or a
// strategy-map JSON document to start from. Both count against the creation quotas
// (quota-storage.ts): over one they answer 429 {error, issues, quota, limit} and create nothing;
// a PUT answered from its claim (200) creates nothing and is not counted.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { exportStrategyMap } from '../src/model/strategy-map/index';
import {
  MAP_ID_PATTERN,
  readToken,
  ROLES,
  signToken,
  tokenRefusal,
  verifyToken,
  type Role,
} from './auth';
import { findMap } from './map-lookup';
import { commentsDocId, type DocKind } from '../src/model/protocol-messages';
import { bearer, HttpError, readBody, sendJson, type Issue } from './http-util';
import type { Logger } from './log';
import { QuotaError, type CreationQuota } from './quota-storage';
import type { LiveTokens } from './revocation';
import type { Rooms } from './rooms';
import type { ValidatePool } from './validate-pool';
import { docOfStored } from './storage/stored-doc';
import type { MapRecord, Storage } from './storage/types';
import { handleVersions } from './versions-api';

export interface ApiContext {
  storage: Storage;
  rooms: Rooms;
  secret: string;
  maxBodyBytes: number;
  liveTokens: LiveTokens;
  log?: Logger;
  /** The creation quotas (none: unlimited). */
  creation?: CreationQuota;
  /** The key a request's client address counts under (client-ip.ts limitKey). */
  addressOf?: (req: IncomingMessage) => string;
  /** Parses and validates request bodies off the main thread (validate-pool.ts). */
  bodies: ValidatePool;
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Same shape as the client's ids (src/model/ids.ts), with more randomness. */
function newMapId(): string {
  let out = 'map-';
  for (const b of randomBytes(16)) out += ID_ALPHABET[b % ID_ALPHABET.length];
  return out;
}

/** The body's map as a Yjs update, parsed, validated and imported in a body worker. */
async function initialUpdate(
  req: IncomingMessage,
  ctx: ApiContext,
): Promise<Uint8Array | undefined> {
  return ctx.bodies.strategyMapUpdate(await readBody(req, ctx.maxBodyBytes));
}

/**
 * The request header of a PUT's registration claim: a secret the client makes before its first
 * PUT of the id and sends with every retry (src/app/sharing.ts), so the retry of a
 * registration whose answer was lost gets the tokens instead of a 409. A revoke of the edit
 * link sends a new one, which replaces the map's. Never logged; storage keeps only its SHA-256.
 */
export const CLAIM_HEADER = 'x-itinera-claim';

/** A claim: base64url without padding, 22 characters (128 bits) to 128. */
const CLAIM_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

/** The request's claim, as the SHA-256 (hex) storage keeps; undefined without one; 400 if malformed. */
function claimHashOf(req: IncomingMessage): string | undefined {
  const raw = req.headers[CLAIM_HEADER];
  if (raw === undefined) return undefined;
  // Never echoes the value: it is a secret (a repeated header arrives joined with ", ").
  if (typeof raw !== 'string' || !CLAIM_PATTERN.test(raw)) {
    const message =
      'expected 22-128 characters of A-Z a-z 0-9 _ - (base64url, no padding, of at least 128 random bits)';
    throw new HttpError(400, `${CLAIM_HEADER}: ${message}`, [{ path: CLAIM_HEADER, message }]);
  }
  return createHash('sha256').update(raw).digest('hex');
}

/**
 * Answers a PUT whose claim registered `mapId` already (a retry after a lost answer): 200
 * with its current tokens; false, answering nothing, when the claim does not hold for it.
 * `bodyUnread`: the request's body is still in the stream, so the connection is not reused.
 */
async function answerClaim(
  ctx: ApiContext,
  res: ServerResponse,
  mapId: string,
  claimHash: string,
  bodyUnread: boolean,
): Promise<boolean> {
  const map = await ctx.storage.getClaimedMap?.(mapId, claimHash);
  if (!map) return false;
  ctx.log?.info('map registration repeated', { mapId });
  if (bodyUnread) res.setHeader('connection', 'close');
  sendJson(res, 200, tokensOf(ctx, map));
  return true;
}

/** PUT of a deleted map's id: 410, for good (storage keeps its tombstone). */
const DELETED_ID_MESSAGE =
  'id: this id belonged to a map that was deleted for everyone; it is never registered again';

async function create(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  id: string | undefined,
) {
  if (id !== undefined && !MAP_ID_PATTERN.test(id)) {
    throw new HttpError(400, 'id: invalid map id', [
      { path: 'id', message: 'expected 1-64 characters of A-Z a-z 0-9 _ -' },
    ]);
  }
  // Only a PUT names its id, so only its retry can find the map again.
  const claimHash = id === undefined ? undefined : claimHashOf(req);
  // Final, so before the quotas and the body (createMap refuses the id by itself too); the
  // body is unread, so it is not left in the stream.
  if (id !== undefined && (await ctx.storage.wasDeleted?.(id))) {
    res.setHeader('connection', 'close');
    throw new HttpError(410, DELETED_ID_MESSAGE);
  }
  // A retry of this claim's registration: before the quotas (it creates nothing, so it is not
  // counted again) and the body (the first PUT stored it); the body is left unread.
  if (
    id !== undefined &&
    claimHash !== undefined &&
    (await answerClaim(ctx, res, id, claimHash, true))
  )
    return;
  const address = ctx.addressOf?.(req) ?? 'unknown';
  // Over a quota: refused before the body is read and parsed.
  await ctx.creation?.check(address);
  const update = await initialUpdate(req, ctx);
  const mapId = id ?? newMapId();
  const register = (createdBy?: string) =>
    ctx.storage.createMap(mapId, Date.now(), createdBy, claimHash);
  const registered = ctx.creation ? await ctx.creation.create(address, register) : await register();
  if (!registered) {
    // Deleted since the check above (a concurrent DELETE), or taken: by a concurrent PUT of
    // the same claim (its retry, sent before the first answered), or by another.
    if (await ctx.storage.wasDeleted?.(mapId)) throw new HttpError(410, DELETED_ID_MESSAGE);
    if (claimHash !== undefined && (await answerClaim(ctx, res, mapId, claimHash, false))) return;
    throw new HttpError(409, 'id: a map with this id already exists');
  }
  if (update) await ctx.storage.appendUpdate(mapId, update);
  const map = await ctx.storage.getMap(mapId);
  if (!map) throw new Error(`map ${mapId} vanished after createMap`);
  sendJson(res, 201, tokensOf(ctx, map));
}

/** What POST, PUT, GET …/tokens and POST …/revoke answer: the current-generation tokens. */
function tokensOf(ctx: ApiContext, map: MapRecord, expiresAt?: number) {
  const sign = (role: Role) =>
    signToken(ctx.secret, map.id, role, map.generations[role], expiresAt);
  return {
    id: map.id,
    editToken: sign('edit'),
    reviewToken: sign('review'),
    viewToken: sign('view'),
  };
}

/** The map, when the request's Bearer token is its current edit token; else 404 or 401. */
async function requireEdit(
  ctx: ApiContext,
  req: IncomingMessage,
  mapId: string,
): Promise<MapRecord> {
  const map = await findMap(ctx.storage, mapId);
  if (verifyToken(ctx.secret, mapId, bearer(req), map.generations) !== 'edit')
    throw new HttpError(401, 'authorization: the edit token of this map is required');
  return map;
}

/** Latest expiry accepted: year 9999, so the decimal form stays short. */
const MAX_EXPIRES_AT = Date.UTC(9999, 11, 31);

/** `expiresAt` as ms since the epoch: a number of ms or an ISO date, in the future. */
function parseExpiresAt(value: unknown, where: string, now = Date.now()): number {
  const ms =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? /^\d+$/.test(value)
          ? Number(value)
          : Date.parse(value)
        : Number.NaN;
  const issue = (message: string): never => {
    throw new HttpError(400, `${where}: ${message}`, [{ path: where, message }]);
  };
  if (!Number.isFinite(ms))
    issue('expected ms since the epoch or an ISO 8601 date, e.g. "2027-01-31T00:00:00Z"');
  if (ms <= now) issue('must be in the future');
  if (ms > MAX_EXPIRES_AT) issue('must be before the year 10000');
  return Math.floor(ms);
}

/** GET /api/maps/:id/tokens: an edit token is everything already, so it may see the others. */
async function listTokens(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  mapId: string,
) {
  const map = await requireEdit(ctx, req, mapId);
  const raw = new URL(req.url ?? '/', 'http://x').searchParams.get('expiresAt');
  const expiresAt = raw === null ? undefined : parseExpiresAt(raw, 'expiresAt');
  sendJson(res, 200, tokensOf(ctx, map, expiresAt));
}

interface RevokeRequest {
  roles: Role[];
  expiresAt: number | undefined;
}

/** The body of POST …/revoke, or a 400 listing every problem with its path. */
export function parseRevokeRequest(input: unknown): RevokeRequest {
  const fail = (issues: Issue[]): never => {
    throw new HttpError(400, issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    fail([{ path: 'body', message: 'expected a JSON object like {"roles": ["edit"]}' }]);
  const body = input as Record<string, unknown>;
  const issues: Issue[] = [];
  for (const key of Object.keys(body))
    if (key !== 'roles' && key !== 'expiresAt')
      issues.push({ path: key, message: 'unknown field (expected roles, expiresAt)' });
  const roles: Role[] = [];
  if (!Array.isArray(body.roles) || body.roles.length === 0)
    issues.push({
      path: 'roles',
      message: 'expected a non-empty array of "edit", "review", "view"',
    });
  else if (body.roles.length > ROLES.length)
    issues.push({ path: 'roles', message: `at most ${ROLES.length} roles` });
  else
    body.roles.forEach((role: unknown, i) => {
      if (!ROLES.includes(role as Role))
        issues.push({ path: `roles.${i}`, message: 'expected "edit", "review" or "view"' });
      else if (roles.includes(role as Role))
        issues.push({ path: `roles.${i}`, message: `"${String(role)}" is listed twice` });
      else roles.push(role as Role);
    });
  let expiresAt: number | undefined;
  if (body.expiresAt !== undefined) {
    try {
      expiresAt = parseExpiresAt(body.expiresAt, 'expiresAt');
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      issues.push(...err.issues);
    }
  }
  if (issues.length > 0) fail(issues);
  return { roles, expiresAt };
}

/**
 * POST /api/maps/:id/revoke: new generations for `roles`; their open sockets closed now. With
 * the edit role, the request's claim (if any) becomes the map's: the old edit token is dead
 * the moment this commits, so a revoker whose answer is lost gets the tokens back with it.
 */
async function revoke(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, mapId: string) {
  await requireEdit(ctx, req, mapId);
  const claimHash = claimHashOf(req);
  const { roles, expiresAt } = parseRevokeRequest(
    await ctx.bodies.json(await readBody(req, ctx.maxBodyBytes)),
  );
  const map = await ctx.storage.bumpGenerations(mapId, roles, claimHash);
  if (!map) throw new HttpError(404, 'map not found');
  const closed = ctx.liveTokens.revoke(mapId, map.generations);
  // The other instances close theirs too (fan-out 'revoked': they read the generations).
  ctx.rooms.announceRevoke(mapId);
  ctx.log?.info('tokens revoked', { mapId, roles, closed });
  sendJson(res, 200, tokensOf(ctx, map, expiresAt));
}

/**
 * DELETE /api/maps/:id: the map is gone for everyone. Its sockets are closed (4004) and its
 * rooms dropped first, here and on the other instances (fan-out 'deleted'), so no room writes
 * to its docs after the delete; then storage deletes everything of it in one transaction.
 */
async function deleteMap(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  mapId: string,
) {
  const map = await findMap(ctx.storage, mapId);
  const claims = readToken(ctx.secret, mapId, bearer(req));
  if (!claims || tokenRefusal(claims, map.generations))
    throw new HttpError(401, 'authorization: the edit token of this map is required');
  if (claims.role !== 'edit')
    throw new HttpError(403, `authorization: a ${claims.role} token cannot delete the map`);
  const closed = ctx.liveTokens.deleteMap(mapId);
  ctx.rooms.announceDelete(mapId);
  await ctx.rooms.discard(mapId);
  let deleted: boolean;
  try {
    deleted = await ctx.storage.deleteMap(mapId);
  } catch (err) {
    // Nothing was deleted: the map's links work again (its open sockets were closed).
    ctx.liveTokens.created(mapId);
    throw err;
  }
  if (!deleted) throw new HttpError(404, 'map not found'); // deleted by a concurrent request
  ctx.log?.info('map deleted', { mapId, closed });
  res.writeHead(204, { 'cache-control': 'no-store' });
  res.end();
}

/**
 * `?comments=` of the export: whether to include the map's review comments (off by default,
 * like the client's JSON export). Only `true`/`1` and `false`/`0`; anything else is a 400.
 */
export function parseIncludeComments(raw: string | null): boolean {
  if (raw === null || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new HttpError(400, 'comments: expected true or false', [
    { path: 'comments', message: 'expected true or false' },
  ]);
}

/**
 * A document as it is now: the live room's (flushed first) when loaded, else rebuilt from
 * storage; `done` destroys a rebuilt one (never a room's).
 */
async function readDoc(
  ctx: ApiContext,
  mapId: string,
  kind: DocKind,
): Promise<{ doc: Y.Doc; done(): void }> {
  const live = await ctx.rooms.peek(mapId, kind);
  if (live) {
    await live.flush();
    return { doc: live.doc, done: () => {} };
  }
  const doc = docOfStored(await ctx.storage.load(kind === 'map' ? mapId : commentsDocId(mapId)));
  return { doc, done: () => doc.destroy() };
}

async function exportMap(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  mapId: string,
) {
  const map = await findMap(ctx.storage, mapId);
  if (!verifyToken(ctx.secret, mapId, bearer(req), map.generations))
    throw new HttpError(401, 'authorization: a valid token for this map is required');
  const withComments = parseIncludeComments(
    new URL(req.url ?? '/', 'http://x').searchParams.get('comments'),
  );
  const mapDoc = await readDoc(ctx, mapId, 'map');
  const commentsDoc = withComments ? await readDoc(ctx, mapId, 'comments') : undefined;
  try {
    // The server's history: its named versions' metadata go into `versions` (format v7).
    const versions = await ctx.storage.versions?.list(mapId).catch(() => undefined);
    sendJson(
      res,
      200,
      exportStrategyMap(mapDoc.doc, {
        ...(commentsDoc ? { comments: commentsDoc.doc } : {}),
        ...(versions ? { versions } : {}),
      }),
    );
  } finally {
    mapDoc.done();
    commentsDoc?.done();
  }
}

/** The role header of a HEAD answer: which capability the token grants. */
export const ROLE_HEADER = 'x-itinera-role';
/** On a HEAD 401 for a token the server signed: why it grants nothing now (revoked, expired). */
export const REFUSAL_HEADER = 'x-itinera-refusal';

/** HEAD /api/maps/:id: a token check as cheap as the websocket upgrade's (one record lookup). */
async function checkMap(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, mapId: string) {
  // Same order as GET: an unknown map is 404 whatever the token says.
  const map = await findMap(ctx.storage, mapId);
  const claims = readToken(ctx.secret, mapId, bearer(req));
  const refusal = claims && tokenRefusal(claims, map.generations);
  // Only the holder of a token the server signed learns that it was revoked or expired.
  if (refusal) res.setHeader(REFUSAL_HEADER, refusal);
  if (!claims || refusal)
    throw new HttpError(401, 'authorization: a valid token for this map is required');
  const role = claims.role;
  res.writeHead(204, { [ROLE_HEADER]: role, 'cache-control': 'no-store' });
  res.end();
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, 'path: invalid percent-encoding');
  }
}

/** Handles /api/*; returns false for other paths. */
export async function handleApi(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<boolean> {
  if (!path.startsWith('/api/')) return false;
  try {
    const parts = path.split('/').slice(2).map(safeDecode); // ['maps', id?, file?]
    if (parts[0] !== 'maps') throw new HttpError(404, 'not found');
    if (await handleVersions(ctx, req, res, parts)) return true;
    if (parts.length === 1 && req.method === 'POST') await create(ctx, req, res, undefined);
    else if (parts.length === 2 && req.method === 'PUT') await create(ctx, req, res, parts[1]);
    else if (parts.length === 2 && req.method === 'DELETE')
      await deleteMap(ctx, req, res, parts[1] ?? '');
    else if (parts.length === 2 && req.method === 'HEAD')
      await checkMap(ctx, req, res, parts[1] ?? '');
    else if (parts.length === 3 && parts[2] === 'strategy-map.json' && req.method === 'GET')
      await exportMap(ctx, req, res, parts[1] ?? '');
    else if (parts.length === 3 && parts[2] === 'tokens' && req.method === 'GET')
      await listTokens(ctx, req, res, parts[1] ?? '');
    else if (parts.length === 3 && parts[2] === 'revoke' && req.method === 'POST')
      await revoke(ctx, req, res, parts[1] ?? '');
    else throw new HttpError(parts.length <= 3 ? 405 : 404, 'method or path not supported');
  } catch (err) {
    if (err instanceof HttpError && err.retryAfterS) res.setHeader('retry-after', err.retryAfterS);
    if (!(err instanceof HttpError)) throw err;
    // The body may be unread (too big, or refused by a quota first): not left in the stream.
    if (err.status === 413 || err instanceof QuotaError) res.setHeader('connection', 'close');
    if (err instanceof QuotaError) {
      ctx.log?.warn('quota reached', { quota: err.quota, limit: err.limit, url: req.url });
      sendJson(res, err.status, {
        error: err.message,
        issues: err.issues,
        quota: err.quota,
        limit: err.limit,
      });
    } else sendJson(res, err.status, { error: err.message, issues: err.issues });
  }
  return true;
}
