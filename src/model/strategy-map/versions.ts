/**
 * Versions of the strategy-map format. A file states `format` and `version`; an older version
 * is brought up to date by a chain of append-only migrations (plain JSON in, plain JSON out,
 * deterministic), a newer one is refused with a message that says so. Version 1 is the first,
 * so the chain is empty today: when version 2 comes, bump STRATEGY_MAP_VERSION and append
 * `{ from: 1, name, run }` here, and keep a frozen v1 fixture with a test that loads it.
 */
import type { StrategyMapIssue } from './issues';
import type { JsonObject } from './json';
import { STRATEGY_MAP_FORMAT, STRATEGY_MAP_VERSION } from './schema';

export interface FormatMigration {
  /** The version this migration reads; it produces `from + 1`. */
  readonly from: number;
  readonly name: string;
  /** Returns the document in version `from + 1` (the caller stamps `version`). */
  readonly run: (doc: JsonObject) => JsonObject;
}

/** Append-only. Empty while version 1 is the only version. */
export const FORMAT_MIGRATIONS: readonly FormatMigration[] = [];

/** The oldest version this code can read. */
export const OLDEST_VERSION = 1;

export type UpgradeResult =
  { ok: true; value: JsonObject } | { ok: false; issues: StrategyMapIssue[] };

/**
 * Checks `format` and `version` and migrates an older document to `current`. The migrations
 * and the current version are parameters so the chain itself can be tested before it has a
 * real step.
 */
export function upgradeDocument(
  doc: JsonObject,
  migrations: readonly FormatMigration[] = FORMAT_MIGRATIONS,
  current: number = STRATEGY_MAP_VERSION,
  oldest: number = OLDEST_VERSION,
): UpgradeResult {
  if (doc.format !== STRATEGY_MAP_FORMAT) {
    const message =
      doc.format === undefined
        ? `required: "${STRATEGY_MAP_FORMAT}" (this is not an Itinera strategy map)`
        : `expected "${STRATEGY_MAP_FORMAT}"`;
    return { ok: false, issues: [{ path: 'format', message }] };
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return {
      ok: false,
      issues: [{ path: 'version', message: 'expected an integer version number' }],
    };
  }
  if (version > current) {
    return {
      ok: false,
      issues: [{ path: 'version', message: newerVersionMessage(version, current) }],
    };
  }
  if (version < oldest) {
    return {
      ok: false,
      issues: [{ path: 'version', message: `unknown version ${version}: the first is ${oldest}` }],
    };
  }
  let value = doc;
  for (let v = version; v < current; v += 1) {
    const step = migrations.find((m) => m.from === v);
    if (!step)
      return {
        ok: false,
        issues: [{ path: 'version', message: `no migration from version ${v}` }],
      };
    value = { ...step.run(value), version: v + 1 };
  }
  return { ok: true, value };
}

export function newerVersionMessage(version: number, current: number): string {
  return `this file was written by a newer version of Itinera (format version ${version}; this one reads up to ${current}): update Itinera to import it`;
}
