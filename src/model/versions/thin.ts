/**
 * Which automatic versions to keep as they age: every one of the last day, the newest of each
 * day for 30 days, the newest of each week after that. Named versions are never thinned. A
 * pure function of the list and the time, so every device (and the server) thins alike.
 */
import type { VersionMeta } from './record';

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
/** Automatic versions are at most this close together. */
export const AUTO_VERSION_EVERY_MS = HOUR_MS;
/** Every automatic version younger than this is kept. */
export const KEEP_ALL_MS = DAY_MS;
/** Up to this age, one automatic version a day; older, one a week. */
export const DAILY_UNTIL_MS = 30 * DAY_MS;

/** The bucket an automatic version of age `age` falls in (null: keep it whatever). */
function bucketOf(age: number): string | null {
  if (age < KEEP_ALL_MS) return null;
  if (age < DAILY_UNTIL_MS) return `d${Math.floor(age / DAY_MS)}`;
  return `w${Math.floor(age / WEEK_MS)}`;
}

/** The ids of the automatic versions that thinning drops at `now` (keeps each bucket's newest). */
export function versionsToThin(
  versions: readonly Pick<VersionMeta, 'id' | 'kind' | 'at'>[],
  now: number,
): string[] {
  const newestIn = new Map<string, Pick<VersionMeta, 'id' | 'at'>>();
  const drop: string[] = [];
  const autos = versions
    .filter((v) => v.kind === 'auto')
    .sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
  for (const v of autos) {
    // A version from the future (a skewed clock) counts as made now.
    const bucket = bucketOf(Math.max(0, now - v.at));
    if (bucket === null) continue;
    if (newestIn.has(bucket)) drop.push(v.id);
    else newestIn.set(bucket, v);
  }
  return drop;
}

/**
 * Whether the next local edit makes an automatic version first (of the map as it was before
 * that edit): the newest version, of any kind, is at least AUTO_VERSION_EVERY_MS old, or
 * there is none. The caller also skips it when the doc has not changed since that version.
 */
export function autoVersionDue(newestAt: number | undefined, now: number): boolean {
  return newestAt === undefined || now - newestAt >= AUTO_VERSION_EVERY_MS;
}
