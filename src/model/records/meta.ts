/** The metadata of a map (schema and restore(): see README.md). */
import { MAX_ID_CHARS, MAX_LABEL_CHARS } from '../limits';
import { SCHEMA_VERSION } from '../doc';
import { MAP_LANGUAGES, type MapMeta } from '../types';
import {
  ISO_TIME_CHARS,
  isIsoTime,
  note,
  num,
  oneOf,
  text,
  type RepairLog,
} from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { extraOf, fieldsOf, own } from './support/source';
import { journeyStateKey, JOURNEY_STATE_ROLES, restoreJourneyStateLink } from './journey-state';
import { NAMED_VERSIONS_KEY, restoreNamedVersions } from './named-version';
import type { FieldLimit } from './support/field-limits';

export const META_LIMITS = {
  /** Whole; a newer client's version is kept (migrations.ts decides what to do with it). */
  schemaVersion: { min: 0, max: 1_000_000, integer: true },
  title: { chars: MAX_LABEL_CHARS },
  template: { chars: MAX_ID_CHARS },
  /** An ISO 8601 UTC time (`isIsoTime`, as `toISOString()` writes it); '' when unknown. */
  createdAt: { chars: ISO_TIME_CHARS },
  /** A data URL: about 150 KB of image (base64 is 4/3 of the bytes). */
  logo: { chars: 200_000 },
} as const satisfies Record<string, FieldLimit>;

/** The logo's whole value: an image data URL of a raster type browsers draw (never SVG: scripts). */
export const LOGO_PATTERN = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;
export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
/** Bytes of a logo file the one-page map accepts (its data URL stays within META_LIMITS.logo). */
export const MAX_LOGO_BYTES = 140_000;

const KNOWN: ReadonlySet<string> = new Set([
  ...Object.keys(META_LIMITS),
  'language',
  ...JOURNEY_STATE_ROLES.map(journeyStateKey),
  NAMED_VERSIONS_KEY,
]);
/** The top-level fields of the format: `meta.extra` holds the document's other ones. */
const FORMAT_FIELDS: ReadonlySet<string> = new Set([
  'format',
  'version',
  'title',
  'nodes',
  'touchpoints',
  'strategy',
  'language',
  'logo',
  'currentState',
  'futureState',
  'versions',
]);

/**
 * The schema version a doc says it has (`meta.schemaVersion`), read as restoreMeta reads it (a
 * number written as text counts); undefined when missing or unusable. One reading for the
 * migrations, the read-only check and the snapshot: a peer's "3" is newer for all of them.
 */
export function storedSchemaVersion(raw: unknown): number | undefined {
  return num(raw, 'schemaVersion', META_LIMITS.schemaVersion, undefined, []);
}

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
    createdAt: createdAtOf(own(o, 'createdAt'), log),
  };
  const template = text(own(o, 'template'), 'template', L.template, undefined, log);
  if (template !== undefined) value.template = template;
  const language = oneOf(own(o, 'language'), 'language', MAP_LANGUAGES, undefined, log);
  if (language !== undefined) value.language = language;
  const logo = own(o, 'logo');
  if (typeof logo === 'string' && logo.length <= L.logo.chars && LOGO_PATTERN.test(logo))
    value.logo = logo;
  else if (logo !== undefined)
    note(
      log,
      'logo',
      typeof logo === 'string' ? (logo.length > L.logo.chars ? 'tooLong' : 'unknown') : 'wrongType',
      'not a PNG, JPEG or WebP data URL within the limit',
    );
  for (const role of JOURNEY_STATE_ROLES) {
    const key = journeyStateKey(role);
    const link = restoreJourneyStateLink(own(o, key), key);
    if (link.value !== undefined) value[key] = link.value;
    if (link.repaired !== NO_REPAIRS) log.push(...link.repaired);
  }
  const versions = restoreNamedVersions(own(o, NAMED_VERSIONS_KEY), NAMED_VERSIONS_KEY);
  if (versions.value !== undefined) value.versions = versions.value;
  if (versions.repaired !== NO_REPAIRS) log.push(...versions.repaired);
  const extra = extraOf(o, KNOWN, log, FORMAT_FIELDS);
  if (extra !== undefined) value.extra = extra;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}

/**
 * When the map was made: an ISO time, or '' (unknown: missing, or what a restored snapshot
 * wrote back), neither a repair; anything else is '' as a repair. Never any other text: the
 * decks print it as a date, and `new Date('12')` is 1 December 2001, `new Date('2026-02-30')`
 * 2 March 2026.
 */
function createdAtOf(v: unknown, log: RepairLog): string {
  if (v === undefined || v === '') return '';
  if (isIsoTime(v)) return v;
  note(
    log,
    'createdAt',
    typeof v === 'string' ? 'unknown' : 'wrongType',
    'not an ISO time (YYYY-MM-DDTHH:MM:SSZ)',
  );
  return '';
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
