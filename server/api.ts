// The HTTP API (JSON):
//   POST /api/maps                       create a map with a new id
//                                        → 201 {id, editToken, reviewToken, viewToken}
//   PUT  /api/maps/:id                   register a map made offline       → 201 {…} | 409 when the id is taken
//   GET  /api/maps/:id/strategy-map.json the map as a strategy-map document (Bearer edit, review
//                                        or view token); the map only, never its comments
//   GET  /api/maps/:id/tokens            the map's three tokens, for a Bearer edit token only
//                                        → 200 {id, editToken, reviewToken, viewToken} | 401
//                                        (review or view token, or none) | 404; lets a map shared
//                                        before review links existed get one
//   HEAD /api/maps/:id                   does this Bearer token open the map? → 204 with
//                                        X-Itinera-Role: edit|review|view | 401 | 404, no body;
//                                        reads only the map's record, never its content (clients
//                                        ask after a websocket attempt failed, see src/sync/access.ts)
// POST and PUT take an empty body (the client then syncs its doc over the websocket) or a
// strategy-map JSON document to start from.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import {
  exportStrategyMap,
  importStrategyMap,
  parseStrategyMap,
} from '../src/model/strategy-map/index';
import { MAP_ID_PATTERN, signToken, verifyToken } from './auth';
import { bearer, HttpError, parseJsonBody, readBody, sendJson } from './http-util';
import type { Rooms } from './rooms';
import type { Storage } from './storage/types';

export interface ApiContext {
  storage: Storage;
  rooms: Rooms;
  secret: string;
  maxBodyBytes: number;
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Same shape as the client's ids (src/model/ids.ts), with more randomness. */
function newMapId(): string {
  let out = 'map-';
  for (const b of randomBytes(16)) out += ID_ALPHABET[b % ID_ALPHABET.length];
  return out;
}

async function initialUpdate(
  req: IncomingMessage,
  maxBodyBytes: number,
): Promise<Uint8Array | undefined> {
  const input = parseJsonBody(await readBody(req, maxBodyBytes));
  if (input === undefined) return undefined;
  const parsed = parseStrategyMap(input);
  if (!parsed.ok) throw new HttpError(400, parsed.error, parsed.issues);
  const doc = new Y.Doc();
  importStrategyMap(doc, parsed.value);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

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
  const update = await initialUpdate(req, ctx.maxBodyBytes);
  const mapId = id ?? newMapId();
  if (!(await ctx.storage.createMap(mapId, Date.now())))
    throw new HttpError(409, 'id: a map with this id already exists');
  if (update) await ctx.storage.appendUpdate(mapId, update);
  sendJson(res, 201, tokensOf(ctx, mapId));
}

/** What POST, PUT and GET …/tokens answer. */
function tokensOf(ctx: ApiContext, mapId: string) {
  return {
    id: mapId,
    editToken: signToken(ctx.secret, mapId, 'edit'),
    reviewToken: signToken(ctx.secret, mapId, 'review'),
    viewToken: signToken(ctx.secret, mapId, 'view'),
  };
}

/** GET /api/maps/:id/tokens: an edit token is everything already, so it may see the others. */
async function listTokens(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  mapId: string,
) {
  if (!MAP_ID_PATTERN.test(mapId) || !(await ctx.storage.getMap(mapId)))
    throw new HttpError(404, 'map not found');
  if (verifyToken(ctx.secret, mapId, bearer(req)) !== 'edit')
    throw new HttpError(401, 'authorization: the edit token of this map is required');
  sendJson(res, 200, tokensOf(ctx, mapId));
}

async function exportMap(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  mapId: string,
) {
  if (!MAP_ID_PATTERN.test(mapId) || !(await ctx.storage.getMap(mapId)))
    throw new HttpError(404, 'map not found');
  if (!verifyToken(ctx.secret, mapId, bearer(req)))
    throw new HttpError(401, 'authorization: a valid token for this map is required');
  const live = await ctx.rooms.peek(mapId, 'map');
  if (live) {
    await live.flush();
    return sendJson(res, 200, exportStrategyMap(live.doc));
  }
  const stored = await ctx.storage.load(mapId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  try {
    sendJson(res, 200, exportStrategyMap(doc));
  } finally {
    doc.destroy();
  }
}

/** The role header of a HEAD answer: which capability the token grants. */
export const ROLE_HEADER = 'x-itinera-role';

/** HEAD /api/maps/:id: a token check as cheap as the websocket upgrade's (one record lookup). */
async function checkMap(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, mapId: string) {
  // Same order as GET: an unknown map is 404 whatever the token says.
  if (!MAP_ID_PATTERN.test(mapId) || !(await ctx.storage.getMap(mapId)))
    throw new HttpError(404, 'map not found');
  const role = verifyToken(ctx.secret, mapId, bearer(req));
  if (!role) throw new HttpError(401, 'authorization: a valid token for this map is required');
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
    if (parts.length === 1 && req.method === 'POST') await create(ctx, req, res, undefined);
    else if (parts.length === 2 && req.method === 'PUT') await create(ctx, req, res, parts[1]);
    else if (parts.length === 2 && req.method === 'HEAD')
      await checkMap(ctx, req, res, parts[1] ?? '');
    else if (parts.length === 3 && parts[2] === 'strategy-map.json' && req.method === 'GET')
      await exportMap(ctx, req, res, parts[1] ?? '');
    else if (parts.length === 3 && parts[2] === 'tokens' && req.method === 'GET')
      await listTokens(ctx, req, res, parts[1] ?? '');
    else throw new HttpError(parts.length <= 3 ? 405 : 404, 'method or path not supported');
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    if (err.status === 413) res.setHeader('connection', 'close');
    sendJson(res, err.status, { error: err.message, issues: err.issues });
  }
  return true;
}
