/**
 * A stored version of a map (its metadata; the snapshot bytes are stored apart, see
 * sync/versions.ts). Versions come from this device's IndexedDB and from the server, both
 * untrusted: `restoreVersionMeta` is the one reader, and refuses (undefined) what it cannot
 * use rather than guessing an id or a map.
 */
/** 'named': saved by a person with a name, never thinned; 'auto': at most one per hour. */
export type VersionKind = 'named' | 'auto';
export const VERSION_KINDS: readonly VersionKind[] = ['named', 'auto'];

export const VERSION_LIMITS = {
  /** A version's name, characters. */
  nameChars: 120,
  /** Who made it (a person's name, as in presence), characters. */
  byChars: 40,
  /** The snapshot (Y.encodeStateAsUpdate of the doc), bytes; the server refuses bigger. */
  snapshotBytes: 8 * 1024 * 1024,
  /** Versions kept per map (named and auto); the oldest auto ones go first. */
  perMap: 500,
} as const;

/** Version ids and map ids (as the routes and the server accept them: MAP_ID_PATTERN). */
export const VERSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface VersionMeta {
  readonly id: string;
  readonly mapId: string;
  /** The name a person gave it; '' for an automatic version. */
  readonly name: string;
  readonly kind: VersionKind;
  /** When it was made, ms since the epoch. */
  readonly at: number;
  /** The name of the person who made it ('' when unknown). */
  readonly by: string;
  /** Size of the snapshot, bytes. */
  readonly size: number;
}

const text = (v: unknown, max: number): string =>
  typeof v === 'string' ? v.trim().slice(0, max) : '';

/** Any value → a usable VersionMeta, or undefined (no id, map id, time or size). */
export function restoreVersionMeta(raw: unknown): VersionMeta | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  const { id, mapId, at, size } = r;
  if (typeof id !== 'string' || !VERSION_ID_PATTERN.test(id)) return undefined;
  if (typeof mapId !== 'string' || !VERSION_ID_PATTERN.test(mapId)) return undefined;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return undefined;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) return undefined;
  if (size > VERSION_LIMITS.snapshotBytes) return undefined;
  const kind: VersionKind = r.kind === 'named' ? 'named' : 'auto';
  return {
    id,
    mapId,
    kind,
    name: kind === 'named' ? text(r.name, VERSION_LIMITS.nameChars) : '',
    at: Math.round(at),
    by: text(r.by, VERSION_LIMITS.byChars),
    size,
  };
}

/** Newest first, ties by id (so every device lists one history the same way). */
export function byNewest(a: VersionMeta, b: VersionMeta): number {
  return b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
