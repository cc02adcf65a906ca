// The server's door to the shared strategy-map JSON module (src/model/strategy-map), loaded
// lazily so the server starts even while that module is absent; the API answers 501 then.
import type * as Y from 'yjs';

export interface StrategyMapModule {
  parseStrategyMap(
    input: unknown,
  ): { ok: true; value: unknown } | { ok: false; error: string; issues: { path: string; message: string }[] };
  importStrategyMap(doc: Y.Doc, value: unknown): void;
  exportStrategyMap(doc: Y.Doc): unknown;
}

let loaded: Promise<StrategyMapModule | undefined> | undefined;

export function strategyMapModule(): Promise<StrategyMapModule | undefined> {
  const spec = '../src/model/strategy-map/index.ts';
  loaded ??= import(/* @vite-ignore */ spec).then(
    (m: Partial<StrategyMapModule>) =>
      typeof m.parseStrategyMap === 'function' && typeof m.importStrategyMap === 'function' && typeof m.exportStrategyMap === 'function'
        ? (m as StrategyMapModule)
        : undefined,
    () => {
      loaded = undefined; // try again next time: the module may appear while we run (dev)
      return undefined;
    },
  );
  return loaded;
}
