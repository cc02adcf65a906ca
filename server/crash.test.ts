// Durability across `kill -9`: an edit another client has received is on disk, because the
// server appends in the tick it relays (room.ts). Runs the real entry point (server/main.ts)
// as a child, whose restart compacts what the kill left before it listens (recovery.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStorage } from './storage/sqlite';
import { connectClient, createMap, synced, tempDir } from './testing/harness';

const children: ChildProcess[] = [];
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts server/main.ts on a free port; resolves with its URL once it logs "listening". */
function spawnServer(
  dataDir: string,
  extra: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      ...extra,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      DIST_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`server exited early with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg: string; port?: number };
      if (entry.msg === 'listening') ok({ child, url: `http://127.0.0.1:${entry.port}` });
    });
  });
}

describe('crash durability', () => {
  // With no compaction before the kill the room reloads from rows alone; compacting every 20
  // leaves a snapshot with 10 rows after it, answered as the tail before the snapshot (room.ts).
  it.each([
    ['rows only', {}],
    ['a snapshot and rows after it', { COMPACT_EVERY: '20' }],
  ])(
    'kill -9 after a client saw an edit keeps that edit (%s); SIGTERM shuts down cleanly',
    async (_, env) => {
      const dataDir = tempDir(); // the secret is generated here on first start and reused after
      const first = await spawnServer(dataDir, env);
      const map = await createMap(first.url);
      const a = connectClient(first.url, map.id, map.editToken);
      const b = connectClient(first.url, map.id, map.editToken);
      cleanups.push(
        () => a.provider.destroy(),
        () => b.provider.destroy(),
      );
      await Promise.all([synced(a.provider), synced(b.provider)]);
      for (let i = 0; i < 50; i++) a.doc.getMap('nodes').set(`n${i}`, i);
      await expect.poll(() => b.doc.getMap('nodes').get('n49')).toBe(49);
      a.provider.disconnect();
      b.provider.disconnect();
      const killed = new Promise((ok) => first.child.once('exit', ok));
      first.child.kill('SIGKILL');
      await killed;

      // What the kill left: rows, after a snapshot when the room compacted.
      const storage = openSqliteStorage(dataDir);
      const stored = await storage.load(map.id);
      await storage.close();
      expect(stored.snapshot !== undefined).toBe('COMPACT_EVERY' in env);
      expect(stored.updates.length).toBeGreaterThan(0);

      const second = await spawnServer(dataDir, env);
      const c = connectClient(second.url, map.id, map.viewToken);
      cleanups.push(() => c.provider.destroy());
      await synced(c.provider);
      // All of it at the first sync, not just after it.
      expect(c.doc.getMap('nodes').size).toBe(50);
      expect(c.doc.getMap('nodes').get('n49')).toBe(49);
      c.provider.disconnect();

      const exited = new Promise<number | null>((ok) =>
        second.child.once('exit', (code) => ok(code)),
      );
      second.child.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
  );
});
