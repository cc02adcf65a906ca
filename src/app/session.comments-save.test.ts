// A session whose comments doc cannot be saved (the browser's storage is full for its rows,
// the map's still save): the sync state carries the comments' failure for the save status,
// and clears it once a write succeeds again. Real local store on fake-indexeddb, with a
// Dexie middleware that refuses the comments' rows (installed before the database opens, so
// in a file of its own).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { commentsDocId } from '../model/protocol-messages';
import { getLocalStore } from '../sync/local-store';
import { refuseWritesWhen } from '../sync/testing/quota';
import { openSession } from './session';

let full = false;
let failing = '';
refuseWritesWhen(
  getLocalStore().db,
  'test-comments-quota',
  (req) =>
    full &&
    (req.type === 'add' || req.type === 'put') &&
    req.values.some((v: { mapId?: string }) => v?.mapId === failing),
);

describe('a failing comments store', () => {
  it('is in the sync state (quota) while the map saves, and clears once saved', async () => {
    const id = `cq-${process.pid}`;
    await getLocalStore().createMap({ id, template: 'airline', title: 'Full disk' });
    full = false;
    failing = commentsDocId(id);
    const s = await openSession(id);
    try {
      expect(s.api.sync.getSnapshot().commentsSaveError).toBeUndefined();
      full = true;
      s.api.comments.addThread({ kind: 'point', x: 1, y: 2 }, 'Will this be kept?');
      await expect.poll(() => s.api.sync.getSnapshot().commentsSaveError).toBe('quota');
      expect(s.api.sync.getSnapshot().save).not.toBe('error'); // the map itself is saved
      full = false;
      s.api.comments.addThread({ kind: 'point', x: 3, y: 4 }, 'Space is back');
      await expect
        .poll(() => s.api.sync.getSnapshot().commentsSaveError, { timeout: 15_000 })
        .toBeUndefined();
    } finally {
      s.close();
    }
    const again = await openSession(id);
    try {
      expect(
        again.api.comments.snapshot
          .getSnapshot()
          .threads.flatMap((t) => t.comments.map((c) => c.text))
          .sort(),
      ).toEqual(['Space is back', 'Will this be kept?']);
    } finally {
      again.close();
    }
  });
});
