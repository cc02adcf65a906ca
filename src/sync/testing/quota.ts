/**
 * Test helper: a Dexie middleware that refuses chosen writes as a full disk does
 * (`QuotaExceededError`), so a test can fill the browser's storage and empty it again.
 */
import type { DBCoreMutateRequest, Dexie } from 'dexie';

/** Refuses every write for which `refuse` says so (checked at each write, so it can change). */
export function refuseWritesWhen(
  db: Dexie,
  name: string,
  refuse: (req: DBCoreMutateRequest) => boolean,
): void {
  db.use({
    stack: 'dbcore',
    name,
    create: (down) => ({
      ...down,
      table: (table) => {
        const t = down.table(table);
        return {
          ...t,
          mutate: (req) =>
            refuse(req)
              ? Promise.reject(new DOMException('full', 'QuotaExceededError'))
              : t.mutate(req),
        };
      },
    }),
  });
}
