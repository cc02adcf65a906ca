/**
 * Named versions' metadata as an imported strategy-map file lists them (format v7 `versions`;
 * schema and restore(): see README.md). The snapshots stay where the versions were made, so
 * these can be listed (History dialog: "named in the imported file") but never previewed or
 * restored.
 *
 * Stored as one flat key `versions` of the `meta` root map holding a plain list, written whole
 * by the import only (like the journey-state links): the list is part of the map (it travels
 * when the map is shared, every collaborator sees it, and the next export writes it back, so a
 * round trip loses nothing), small (≤ `count` entries of a few hundred bytes), and not in the
 * version store (sync/versions.ts), whose entries are snapshots that can be restored.
 */
import { VERSION_ID_PATTERN, VERSION_LIMITS } from '../versions/record';
import type { NamedVersionInfo } from '../types';
import { describe, isIsoTime, ISO_TIME_CHARS, note, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Restored } from './support/repair';
import { fieldsOf, own } from './support/source';
import type { FieldLimit } from './support/field-limits';

export const NAMED_VERSION_LIMITS = {
  id: { chars: 64 },
  /** The app's version-name limit (one definition: versions/record.ts). */
  name: { chars: VERSION_LIMITS.nameChars },
  createdAt: { chars: ISO_TIME_CHARS },
  /** Who made it: the app's limit on a version's author name. */
  author: { chars: VERSION_LIMITS.byChars },
} as const satisfies Record<string, FieldLimit>;

/** Named versions a map (or a file) lists at most. */
export const MAX_NAMED_VERSIONS = 200;

/** The meta key of the list. */
export const NAMED_VERSIONS_KEY = 'versions';

/** Version ids: as the version store and the server make them. */
export const NAMED_VERSION_ID_PATTERN = VERSION_ID_PATTERN;

const cut = (s: string, chars: number) => (s.length <= chars ? s : s.slice(0, chars));

/**
 * One entry; undefined (with a repair) when it has no usable id, no name or no time: an entry
 * that cannot say which version it was is no entry. A long name or author is cut.
 */
export function restoreNamedVersion(
  raw: unknown,
  field: string,
  log: RepairLog,
): NamedVersionInfo | undefined {
  const L = NAMED_VERSION_LIMITS;
  const o = fieldsOf(raw, []);
  if (!o) {
    note(log, field, 'wrongType', `not a version (${describe(raw)})`);
    return undefined;
  }
  const id = own(o, 'id');
  const name = own(o, 'name');
  const createdAt = own(o, 'createdAt');
  const author = own(o, 'author');
  if (typeof id !== 'string' || !NAMED_VERSION_ID_PATTERN.test(id)) {
    note(log, `${field}.id`, 'wrongType', `not a version id (${describe(id)})`);
    return undefined;
  }
  if (typeof name !== 'string' || name.trim() === '') {
    note(log, `${field}.name`, 'missing', 'a named version without a name');
    return undefined;
  }
  if (!isIsoTime(createdAt)) {
    note(log, `${field}.createdAt`, 'wrongType', 'not an ISO time (YYYY-MM-DDTHH:MM:SSZ)');
    return undefined;
  }
  if (name.length > L.name.chars) note(log, `${field}.name`, 'tooLong', 'too long');
  let by = '';
  if (typeof author === 'string') {
    if (author.length > L.author.chars) note(log, `${field}.author`, 'tooLong', 'too long');
    by = cut(author, L.author.chars);
  } else if (author !== undefined) note(log, `${field}.author`, 'wrongType', describe(author));
  return { id, name: cut(name, L.name.chars), createdAt, author: by };
}

/**
 * Any value as the map's list of named versions from an imported file: in their order, the
 * first `MAX_NAMED_VERSIONS` usable ones, each id once. Undefined when absent or empty.
 */
export function restoreNamedVersions(
  raw: unknown,
  field: string = NAMED_VERSIONS_KEY,
): Restored<readonly NamedVersionInfo[] | undefined> {
  if (raw === undefined) return { value: undefined, repaired: NO_REPAIRS };
  const log: RepairLog = [];
  if (!Array.isArray(raw)) {
    note(log, field, 'wrongType', `expected a list, got ${describe(raw)}`);
    return { value: undefined, repaired: log };
  }
  const out: NamedVersionInfo[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < raw.length; i += 1) {
    if (out.length === MAX_NAMED_VERSIONS) {
      note(log, field, 'tooLong', `more than ${MAX_NAMED_VERSIONS} versions`);
      break;
    }
    const v = restoreNamedVersion(raw[i], `${field}.${i}`, log);
    if (!v) continue;
    if (seen.has(v.id)) {
      note(log, `${field}.${i}.id`, 'unknown', 'a version listed twice');
      continue;
    }
    seen.add(v.id);
    out.push(v);
  }
  return {
    value: out.length > 0 ? out : undefined,
    repaired: log.length === 0 ? NO_REPAIRS : log,
  };
}

/** The named ones of a version history (VersionMeta-like: `at` ms, `by`) as format entries. */
export function namedVersionsOf(
  history: readonly {
    readonly id: string;
    readonly kind: string;
    readonly name: string;
    readonly at: number;
    readonly by: string;
  }[],
): NamedVersionInfo[] {
  const log: RepairLog = [];
  const out: NamedVersionInfo[] = [];
  for (const v of history) {
    if (v.kind !== 'named' || !Number.isFinite(v.at)) continue;
    const at = new Date(v.at);
    if (Number.isNaN(at.getTime())) continue;
    const entry = restoreNamedVersion(
      { id: v.id, name: v.name, createdAt: at.toISOString(), author: v.by },
      'versions',
      log,
    );
    if (entry) out.push(entry);
  }
  return out;
}
