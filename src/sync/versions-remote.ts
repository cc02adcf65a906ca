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

/** The server refused (4xx): sending again will not help. Anything else may be retried. */
export class VersionRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
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
    const res = await doFetch(`${base}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
    });
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      const body = (await res.json().catch(() => ({}))) as { error?: unknown };
      throw new VersionRefused(res.status, String(body.error ?? `HTTP ${res.status}`));
    }
    if (!res.ok) throw new Error(`versions: HTTP ${res.status}`);
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
