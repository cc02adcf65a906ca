/**
 * Versions of the strategy-map format. A file states `format` and `version`; an older version
 * is brought up to date by a chain of append-only migrations (plain JSON in, plain JSON out,
 * deterministic), a newer one is refused with a message that says so. For a new version, bump
 * STRATEGY_MAP_VERSION, append `{ from: <previous>, name, run }` here, and keep a frozen
 * fixture of the previous version with a test that loads it (fixtures/airline.v1.json).
 *
 * History:
 * - 1: the journey (nodes, touchpoints) and the strategy.
 * - 2: the journey grid (`grid`: content lanes, lane items, derived lanes' settings).
 * - 3: review comments (`comments`, optional: threads with their comments, and people).
 * - 4: the map's `language` and the one-page map's `logo` (both optional).
 * - 5: `personas`, and on touchpoints `emotionByPersona`, `personas`, `evidence`,
 *   `painPointEvidence`, `opportunityEvidence`; `evidence` on lane items (all optional).
 * - 6: the journey-state links `currentState` and `futureState` (both optional).
 * - 7: `versions`, the named versions' metadata (optional).
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

/**
 * Where the v1 → v2 migration keeps a top-level `grid` field of a version 1 file: v1 did not
 * know it (another tool's field, kept as an unknown field), v2 gives the name a meaning.
 */
export const V1_GRID_FIELD = 'x-v1-grid';

/** v1 → v2: a v1 map has no grid of its own (the grid shows its derived lanes only). */
const addGrid: FormatMigration = {
  from: 1,
  name: 'add-grid',
  run: ({ grid, ...rest }) => ({
    ...(grid === undefined || rest[V1_GRID_FIELD] !== undefined ? {} : { [V1_GRID_FIELD]: grid }),
    ...rest,
    grid: { lanes: [], items: [], laneSettings: [] },
  }),
};

/**
 * Where the v2 → v3 migration keeps a top-level `comments` field of a version 2 file (another
 * tool's field then; v3 gives the name a meaning).
 */
export const V2_COMMENTS_FIELD = 'x-v2-comments';

/** v2 → v3: a v2 map has no review comments (`comments` is optional: nothing to add). */
const addComments: FormatMigration = {
  from: 2,
  name: 'add-comments',
  run: ({ comments, ...rest }) => ({
    ...(comments === undefined || rest[V2_COMMENTS_FIELD] !== undefined
      ? {}
      : { [V2_COMMENTS_FIELD]: comments }),
    ...rest,
  }),
};

/**
 * Where the v3 → v4 migration keeps top-level `language` and `logo` fields of a version 3 file
 * (another tool's fields then; v4 gives the names a meaning).
 */
export const V3_LANGUAGE_FIELD = 'x-v3-language';
export const V3_LOGO_FIELD = 'x-v3-logo';

/** v3 → v4: a v3 map has no language of its own (readers use theirs) and no logo. */
const addLanguage: FormatMigration = {
  from: 3,
  name: 'add-language-and-logo',
  run: ({ language, logo, ...rest }) => ({
    ...(language === undefined || rest[V3_LANGUAGE_FIELD] !== undefined
      ? {}
      : { [V3_LANGUAGE_FIELD]: language }),
    ...(logo === undefined || rest[V3_LOGO_FIELD] !== undefined ? {} : { [V3_LOGO_FIELD]: logo }),
    ...rest,
  }),
};

/**
 * Where the v4 → v5 migration keeps fields of a version 4 file that v5 gives a meaning to
 * (another tool's fields then): a top-level `personas` becomes `x-v4-personas`, a touchpoint's
 * or lane item's field `<name>` becomes `x-v4-<name>`.
 */
export const V4_FIELD_PREFIX = 'x-v4-';
const V5_TOUCHPOINT_FIELDS = [
  'emotionByPersona',
  'personas',
  'evidence',
  'painPointEvidence',
  'opportunityEvidence',
] as const;

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `obj` with each of `fields` it has moved to `x-v4-<field>` (unless that name is taken). */
function setAside(obj: JsonObject, fields: readonly string[]): JsonObject {
  if (!fields.some((f) => obj[f] !== undefined)) return obj;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) {
    if (!fields.includes(k)) out[k] = v;
    else if (obj[V4_FIELD_PREFIX + k] === undefined) out[V4_FIELD_PREFIX + k] = v;
  }
  return out;
}

/** v4 → v5: a v4 map has no personas and no evidence (all optional: nothing to add). */
const addPersonas: FormatMigration = {
  from: 4,
  name: 'add-personas-and-evidence',
  run: (doc) => {
    const out = setAside(doc, ['personas']);
    const touchpoints = out.touchpoints;
    const grid = out.grid;
    return {
      ...out,
      ...(Array.isArray(touchpoints)
        ? {
            touchpoints: touchpoints.map((t) =>
              isObject(t) ? setAside(t, V5_TOUCHPOINT_FIELDS) : t,
            ),
          }
        : {}),
      ...(isObject(grid) && Array.isArray(grid.items)
        ? {
            grid: {
              ...grid,
              items: grid.items.map((i) => (isObject(i) ? setAside(i, ['evidence']) : i)),
            },
          }
        : {}),
    };
  },
};

/**
 * Where the v5 → v6 migration keeps top-level `currentState` and `futureState` fields of a
 * version 5 file (another tool's fields then; v6 gives the names a meaning).
 */
export const V5_FIELD_PREFIX = 'x-v5-';

/** v5 → v6: a v5 map has no journey-state links (both optional: nothing to add). */
const addJourneyStates: FormatMigration = {
  from: 5,
  name: 'add-journey-states',
  run: (doc) => {
    if (doc.currentState === undefined && doc.futureState === undefined) return doc;
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(doc)) {
      if (k !== 'currentState' && k !== 'futureState') out[k] = v;
      else if (doc[V5_FIELD_PREFIX + k] === undefined) out[V5_FIELD_PREFIX + k] = v;
    }
    return out;
  },
};

/**
 * Where the v6 → v7 migration keeps a top-level `versions` field of a version 6 file (another
 * tool's field then; v7 gives the name a meaning).
 */
export const V6_VERSIONS_FIELD = 'x-v6-versions';

/** v6 → v7: a v6 map lists no named versions (`versions` is optional: nothing to add). */
const addNamedVersions: FormatMigration = {
  from: 6,
  name: 'add-named-versions',
  run: ({ versions, ...rest }) => ({
    ...(versions === undefined || rest[V6_VERSIONS_FIELD] !== undefined
      ? {}
      : { [V6_VERSIONS_FIELD]: versions }),
    ...rest,
  }),
};

/** Append-only: one step per version after the first. */
export const FORMAT_MIGRATIONS: readonly FormatMigration[] = [
  addGrid,
  addComments,
  addLanguage,
  addPersonas,
  addJourneyStates,
  addNamedVersions,
];

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
