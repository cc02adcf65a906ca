/**
 * Schema migrations of a map's Y.Doc: append-only, named, idempotent and deterministic (two
 * clients that migrate the same doc offline write the same values). A doc with a newer
 * schema than this code opens read-only (commands.ts refuses writes).
 */
import type * as Y from 'yjs';
import { metaMap, SCHEMA_VERSION } from './doc';
import { MIGRATION } from './origins';
import { storedSchemaVersion } from './records/meta';
import { flattenLegacyGoLiveDone, flattenLegacyPlans } from './strategy/storage';

export interface Migration {
  /** The schema version this migration produces. */
  readonly to: number;
  readonly name: string;
  readonly run: (doc: Y.Doc) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  /** v0 → v1: docs written before versioning get `schemaVersion: 1` (nothing else changed). */
  {
    to: 1,
    name: 'stamp-schema-version',
    run: (doc) => {
      metaMap(doc).set('schemaVersion', 1);
    },
  },
  /**
   * v1 → v2: channel plans and go-live ticks become flat keys (strategy/storage.ts), so two
   * people editing a channel's plan for the first time at once both keep their fields. The
   * bump also makes v1 clients read-only: they would not see the flat keys.
   */
  {
    to: 2,
    name: 'flatten-channel-plans-and-go-live-ticks',
    run: (doc) => {
      flattenLegacyPlans(doc);
      flattenLegacyGoLiveDone(doc);
      metaMap(doc).set('schemaVersion', 2);
    },
  },
];

export type MigrationResult = 'current' | 'migrated' | 'newer' | 'empty';

/** Brings `doc` to SCHEMA_VERSION; an empty doc (not loaded yet, or brand new) is left alone. */
export function migrate(doc: Y.Doc): MigrationResult {
  const meta = metaMap(doc);
  if (meta.size === 0) return 'empty';
  // As every reader reads it (records/meta.ts): a peer's "3" is newer here too, never 0.
  const version = storedSchemaVersion(meta.get('schemaVersion')) ?? 0;
  if (version > SCHEMA_VERSION) return 'newer';
  if (version === SCHEMA_VERSION) return 'current';
  doc.transact(() => {
    for (const m of MIGRATIONS) if (m.to > version) m.run(doc);
  }, MIGRATION);
  return 'migrated';
}
