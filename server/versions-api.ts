// The versions API (issue 14), routed by api.ts:
//   GET  /api/maps/:id/versions        a map's versions, newest first (Bearer edit, review or
//                                      view token) → 200 {versions: [{id, mapId, name, kind, at,
//                                      by, size}]} | 401 | 404
//   GET  /api/maps/:id/versions/:vid   one version's snapshot (any token of the map) → 200
//                                      application/octet-stream (Y.encodeStateAsUpdate) | 404
//   POST /api/maps/:id/versions        make a version (Bearer EDIT token only: a review or view
//                                      link cannot), query `kind=named|auto`, `name` (named),
//                                      `by`, optional `id` and `at` (a version made offline);
//                                      body: the snapshot as application/octet-stream, or empty
//                                      for the map as the server has it now → 201 {version} |
//                                      200 {version, skipped: true} (an automatic version within
//                                      an hour of another: every collaborator's browser makes
//                                      them, the map keeps one) | 400 {error, issues} | 401 |
//                                      404 | 409 (that id exists) | 413 | 501 (no version store)
// Every new version thins the map's automatic ones (src/model/versions/thin.ts) in the same
// transaction.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import {
  restoreVersionMeta,
  VERSION_ID_PATTERN,
  VERSION_LIMITS,
  type VersionMeta,
} from '../src/model/versions/record';
import { AUTO_VERSION_EVERY_MS, versionsToThin } from '../src/model/versions/thin';
import { verifyToken, type Role } from './auth';
import { findMap } from './map-lookup';
import { bearer, HttpError, readBody, sendJson, type Issue } from './http-util';
import { docOfStored } from './storage/stored-doc';
import type { MapRecord } from './storage/types';
import type { VersionStorage } from './storage/versions';
import type { ApiContext } from './api';

/** How far in the future a client's `at` may be (clock skew), ms. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

function newVersionId(): string {
  let out = 'v-';
  for (const b of randomBytes(12)) out += '0123456789abcdefghijklmnopqrstuvwxyz'[b % 36];
  return out;
}

async function authorize(
  ctx: ApiContext,
  req: IncomingMessage,
  mapId: string,
  need: 'any' | 'edit',
): Promise<{ map: MapRecord; versions: VersionStorage; role: Role }> {
  const map = await findMap(ctx.storage, mapId);
  const role = verifyToken(ctx.secret, mapId, bearer(req), map.generations);
  if (!role) throw new HttpError(401, 'authorization: a valid token for this map is required');
  if (need === 'edit' && role !== 'edit')
    throw new HttpError(401, 'authorization: the edit token of this map is required');
  const versions = ctx.storage.versions;
  if (!versions) throw new HttpError(501, 'versions: not supported by this storage');
  return { map, versions, role };
}

export interface VersionRequest {
  id: string | undefined;
  kind: 'named' | 'auto';
  name: string;
  by: string;
  at: number | undefined;
}

/** The query of POST …/versions, or a 400 listing every problem with its path. */
export function parseVersionQuery(params: URLSearchParams, now = Date.now()): VersionRequest {
  const issues: Issue[] = [];
  const known = new Set(['kind', 'name', 'by', 'id', 'at']);
  for (const key of params.keys())
    if (!known.has(key)) issues.push({ path: key, message: 'unknown parameter' });
  const kind = params.get('kind');
  if (kind !== 'named' && kind !== 'auto')
    issues.push({ path: 'kind', message: 'expected "named" or "auto"' });
  const name = (params.get('name') ?? '').trim();
  if (kind === 'named' && name === '')
    issues.push({ path: 'name', message: 'a named version needs a name' });
  if (name.length > VERSION_LIMITS.nameChars)
    issues.push({ path: 'name', message: `at most ${VERSION_LIMITS.nameChars} characters` });
  const by = (params.get('by') ?? '').trim();
  if (by.length > VERSION_LIMITS.byChars)
    issues.push({ path: 'by', message: `at most ${VERSION_LIMITS.byChars} characters` });
  const id = params.get('id') ?? undefined;
  if (id !== undefined && !VERSION_ID_PATTERN.test(id))
    issues.push({ path: 'id', message: 'expected 1-64 characters of A-Z a-z 0-9 _ -' });
  const rawAt = params.get('at');
  let at: number | undefined;
  if (rawAt !== null) {
    at = /^\d{1,16}$/.test(rawAt) ? Number(rawAt) : Number.NaN;
    if (!Number.isFinite(at)) issues.push({ path: 'at', message: 'expected ms since the epoch' });
    else if (at > now + MAX_CLOCK_SKEW_MS)
      issues.push({ path: 'at', message: 'must not be in the future' });
  }
  if (issues.length > 0)
    throw new HttpError(400, issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  return { id, kind: kind as 'named' | 'auto', name: kind === 'named' ? name : '', by, at };
}

/** The snapshot bytes of a request body: a Yjs update of a doc, or a 400 saying so. */
function checkSnapshot(body: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, body);
  } catch {
    throw new HttpError(400, 'body: not a Yjs update (Y.encodeStateAsUpdate of the map)', [
      { path: 'body', message: 'not a Yjs update' },
    ]);
  } finally {
    doc.destroy();
  }
  return body;
}

/** The map's doc as the server has it now, as one update. */
async function currentSnapshot(ctx: ApiContext, mapId: string): Promise<Uint8Array> {
  const live = await ctx.rooms.peek(mapId, 'map');
  if (live) {
    await live.flush();
    return Y.encodeStateAsUpdate(live.doc);
  }
  const doc = docOfStored(await ctx.storage.load(mapId));
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

async function list(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, mapId: string) {
  const { versions } = await authorize(ctx, req, mapId, 'any');
  sendJson(res, 200, { versions: await versions.list(mapId) });
}

async function getOne(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  mapId: string,
  id: string,
) {
  const { versions } = await authorize(ctx, req, mapId, 'any');
  const data = VERSION_ID_PATTERN.test(id) ? await versions.snapshot(mapId, id) : undefined;
  if (!data) throw new HttpError(404, 'version not found');
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': data.length,
    // A version never changes once made.
    'cache-control': 'private, max-age=31536000, immutable',
  });
  res.end(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}

async function create(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, mapId: string) {
  const { versions } = await authorize(ctx, req, mapId, 'edit');
  const now = Date.now();
  const q = parseVersionQuery(new URL(req.url ?? '/', 'http://x').searchParams, now);
  const limit = Math.min(ctx.maxBodyBytes, VERSION_LIMITS.snapshotBytes);
  const body = await readBody(req, limit);
  const snapshot =
    body.length === 0 ? await currentSnapshot(ctx, mapId) : checkSnapshot(new Uint8Array(body));
  if (snapshot.length > VERSION_LIMITS.snapshotBytes)
    throw new HttpError(413, `snapshot: larger than ${VERSION_LIMITS.snapshotBytes} bytes`);
  const meta = restoreVersionMeta({
    id: q.id ?? newVersionId(),
    mapId,
    kind: q.kind,
    name: q.name,
    at: q.at ?? now,
    by: q.by,
    size: snapshot.length,
  }) as VersionMeta;
  const existing = await versions.list(mapId);
  if (meta.kind === 'auto') {
    const near = existing.find((v) => Math.abs(v.at - meta.at) < AUTO_VERSION_EVERY_MS);
    if (near) return sendJson(res, 200, { version: near, skipped: true });
  }
  const all = [meta, ...existing];
  const drop = versionsToThin(all, now);
  const kept = all.filter((v) => !drop.includes(v.id));
  const excess = kept.length - VERSION_LIMITS.perMap;
  if (excess > 0) {
    const autos = kept.filter((v) => v.kind === 'auto' && v.id !== meta.id);
    drop.push(...autos.slice(-excess).map((v) => v.id));
  }
  if (!(await versions.put(meta, snapshot, drop)))
    throw new HttpError(409, 'id: this map already has a version with this id');
  ctx.log?.info('version created', {
    mapId,
    kind: meta.kind,
    size: meta.size,
    thinned: drop.length,
  });
  sendJson(res, 201, { version: meta });
}

/**
 * Routes /api/maps/:id/versions[/:vid] (parts: ['maps', id, 'versions', vid?]); false when
 * the path is not one of them.
 */
export async function handleVersions(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  parts: readonly string[],
): Promise<boolean> {
  if (parts[2] !== 'versions' || parts.length > 4) return false;
  const mapId = parts[1] ?? '';
  if (parts.length === 3 && req.method === 'GET') await list(ctx, req, res, mapId);
  else if (parts.length === 3 && req.method === 'POST') await create(ctx, req, res, mapId);
  else if (parts.length === 4 && req.method === 'GET')
    await getOne(ctx, req, res, mapId, parts[3] ?? '');
  else throw new HttpError(405, 'method not supported');
  return true;
}
