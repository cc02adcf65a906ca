/** The metadata of a map (schema and restore(): see README.md). */
import { MAX_ID_CHARS, MAX_LABEL_CHARS } from '../limits';
import { SCHEMA_VERSION } from '../doc';
import type { MapMeta } from '../types';
import { num, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { extraOf, fieldsOf, own } from './support/source';
import type { FieldLimit } from './support/field-limits';

export const META_LIMITS = {
  /** Whole; a newer client's version is kept (migrations.ts decides what to do with it). */
  schemaVersion: { min: 0, max: 1_000_000, integer: true },
  title: { chars: MAX_LABEL_CHARS },
  template: { chars: MAX_ID_CHARS },
  createdAt: { chars: MAX_ID_CHARS },
} as const satisfies Record<string, FieldLimit>;

const KNOWN: ReadonlySet<string> = new Set([...Object.keys(META_LIMITS)]);
/** The top-level fields of the format: `meta.extra` holds the document's other ones. */
const FORMAT_FIELDS: ReadonlySet<string> = new Set([
  'format',
  'version',
  'title',
  'nodes',
  'touchpoints',
  'strategy',
]);

/** Any value as the map's metadata (a singleton: the `meta` root map). */
export function restoreMeta(raw: unknown): Restored<MapMeta> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = META_LIMITS;
  const value: Mutable<MapMeta> = {
    schemaVersion: num(
      own(o, 'schemaVersion'),
      'schemaVersion',
      L.schemaVersion,
      SCHEMA_VERSION,
      log,
    ),
    title: text(own(o, 'title'), 'title', L.title, '', log),
    createdAt: text(own(o, 'createdAt'), 'createdAt', L.createdAt, '', log),
  };
  const template = text(own(o, 'template'), 'template', L.template, undefined, log);
  if (template !== undefined) value.template = template;
  const extra = extraOf(o, KNOWN, log, FORMAT_FIELDS);
  if (extra !== undefined) value.extra = extra;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}

/**
 * Any value as the strategy's `extra` (`strategy.meta` → `extra`): the unknown fields of an
 * imported strategy, kept only when plain JSON and small enough (see source.ts).
 */
export function restoreStrategyExtra(
  raw: unknown,
): Restored<Readonly<Record<string, unknown>> | undefined> {
  const log: RepairLog = [];
  const value = raw === undefined ? undefined : extraOf({ extra: raw }, NONE, log);
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}
/**
 * Strategy fields of the format: never unknown, so never in `extra` (the export would write
 * them over the real lists). `startingPoint` is allowed: it holds that object's own extras.
 */
const NONE: ReadonlySet<string> = new Set([
  'goals',
  'kpis',
  'training',
  'goLive',
  'channels',
  'costModel',
]);
