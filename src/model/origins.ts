/**
 * Transaction origins. Every write to a map's Y.Doc carries one; the undo manager tracks
 * LOCAL only, so remote, seeded, migrated and imported changes never enter a user's undo stack.
 * Providers (websocket, local store) use themselves as origin, which is "remote" for undo.
 */
export interface Origin {
  readonly name: 'local' | 'remote' | 'seed' | 'migration' | 'import';
}

export const LOCAL: Origin = Object.freeze({ name: 'local' });
export const REMOTE: Origin = Object.freeze({ name: 'remote' });
export const SEED: Origin = Object.freeze({ name: 'seed' });
export const MIGRATION: Origin = Object.freeze({ name: 'migration' });
export const IMPORT: Origin = Object.freeze({ name: 'import' });
