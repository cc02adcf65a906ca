/**
 * Schema migrations of a map's Y.Doc: append-only, named, idempotent and deterministic (two
 * clients that migrate the same doc offline write the same values). A doc with a newer
 * schema than this code opens read-only (commands.ts refuses writes).
 */
import type * as Y from 'yjs';
import { metaMap, SCHEMA_VERSION } from './doc';
import { MIGRATION } from './origins';

export interface Migration {
  /** The schema version this migration produces. */
  readonly to: number;
  readonly name: string;
  readonly run: (doc: Y.Doc) => void;
}

/** v0 → v1: docs written before versioning get `schemaVersion: 1` (nothing else changed). */
export const MIGRATIONS: readonly Migration[] = [
  {
    to: 1,
    name: 'stamp-schema-version',
    run: (doc) => {
      metaMap(doc).set('schemaVersion', 1);
    },
  },
];

export type MigrationResult = 'current' | 'migrated' | 'newer' | 'empty';

/** Brings `doc` to SCHEMA_VERSION; an empty doc (not loaded yet, or brand new) is left alone. */
export function migrate(doc: Y.Doc): MigrationResult {
  const meta = metaMap(doc);
  if (meta.size === 0) return 'empty';
  const raw = meta.get('schemaVersion');
  const version = typeof raw === 'number' ? raw : 0;
  if (version > SCHEMA_VERSION) return 'newer';
  if (version === SCHEMA_VERSION) return 'current';
  doc.transact(() => {
    for (const m of MIGRATIONS) if (m.to > version) m.run(doc);
  }, MIGRATION);
  return 'migrated';
}
