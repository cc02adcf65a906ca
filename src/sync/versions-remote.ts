/**
 * The server's side of a shared map's versions (server/versions-api.ts):
 *   GET  /api/maps/:id/versions       (any token) → {versions}
 *   GET  /api/maps/:id/versions/:vid  (any token) → the snapshot bytes
 *   POST /api/maps/:id/versions?kind&name&by&id&at, body the snapshot (edit token)
 * Everything the server answers goes through restoreVersionMeta.
 */
import { restoreVersionMeta, type VersionMeta } from '../model/versions/record';

export interface VersionsRemote {
  list(): Promise<VersionMeta[]>;
  snapshot(id: string): Promise<Uint8Array | undefined>;
  /** Stores a version; resolves with the server's answer (`skipped` for a near auto one). */
  create(meta: VersionMeta, snapshot: Uint8Array): Promise<{ skipped: boolean }>;
}

/**
 * The server refused for good (a 4xx other than 408 and 429: 400 a bad version, 401/403 no
 * edit right, 413 too big…): sending again will not help.
 */
export class VersionRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A failure that may pass (5xx, 408, 429, or no answer at all): worth sending again later,
 * after `retryAfterMs` when the server said how long (Retry-After).
 */
export class VersionTransient extends Error {
  constructor(
    /** The HTTP status, or undefined when the request got no answer (network). */
    readonly status: number | undefined,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Longest wait a Retry-After is followed for (a bigger one is capped to this). */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * A Retry-After header as ms from `now`: delta-seconds or an HTTP date; undefined when absent
 * or unreadable; never negative, capped at MAX_RETRY_AFTER_MS.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  const ms = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

export interface RemoteOptions {
  readonly mapId: string;
  /** The current token of the map (the library's), or undefined when not shared. */
  readonly token: () => Promise<string | undefined>;
  readonly apiBase?: string;
  readonly fetch?: typeof fetch;
}

export function createVersionsRemote(opts: RemoteOptions): VersionsRemote {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const base = `${opts.apiBase ?? ''}/api/maps/${encodeURIComponent(opts.mapId)}/versions`;
  const call = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const token = await opts.token();
    if (!token) throw new Error('versions: the map is not shared');
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
      });
    } catch (err) {
      throw new VersionTransient(undefined, `versions: ${(err as Error)?.message ?? String(err)}`);
    }
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      const body = (await res.json().catch(() => ({}))) as { error?: unknown };
      throw new VersionRefused(res.status, String(body.error ?? `HTTP ${res.status}`));
    }
    if (!res.ok)
      throw new VersionTransient(
        res.status,
        `versions: HTTP ${res.status}`,
        parseRetryAfter(res.headers.get('retry-after')),
      );
    return res;
  };
  return {
    async list() {
      const body = (await (await call('')).json()) as { versions?: unknown };
      const raw = Array.isArray(body.versions) ? body.versions : [];
      return raw.flatMap((v) => {
        const meta = restoreVersionMeta(v);
        return meta && meta.mapId === opts.mapId ? [meta] : [];
      });
    },
    async snapshot(id) {
      try {
        return new Uint8Array(await (await call(`/${encodeURIComponent(id)}`)).arrayBuffer());
      } catch (err) {
        if (err instanceof VersionRefused && err.status === 404) return undefined;
        throw err;
      }
    },
    async create(meta, snapshot) {
      const q = new URLSearchParams({
        kind: meta.kind,
        by: meta.by,
        id: meta.id,
        at: String(meta.at),
      });
      if (meta.kind === 'named') q.set('name', meta.name);
      try {
        const res = await call(`?${q}`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream' },
          body: snapshot as BodyInit,
        });
        const body = (await res.json()) as { skipped?: unknown };
        return { skipped: body.skipped === true };
      } catch (err) {
        // Sent before, and the answer was lost: the server has it.
        if (err instanceof VersionRefused && err.status === 409) return { skipped: false };
        throw err;
      }
    },
  };
}
