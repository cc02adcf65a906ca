// Who may run a workshop, enforced by a real server (port 0, SQLite in a temp dir) with stock
// y-websocket clients: vote rounds, votes and the shared timer are records of the map's doc
// (src/model/workshop/), so only an edit token writes them. A view or review token's client
// that writes them anyway (the app hides the controls; a hand-made client does not) is read
// live but its writes are dropped by the room (CAN_WRITE), never applied, relayed or stored.
import { afterEach, describe, expect, it } from 'vitest';
import {
  castVote,
  endRound,
  setTimer,
  startRound,
  startTimer,
} from '../src/model/workshop/commands';
import { readWorkshop } from '../src/model/workshop/read';
import type { Logger } from './log';
import {
  connectClient,
  createMap,
  recordingLogger,
  startTestServer,
  synced,
} from './testing/harness';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function server(log?: Logger, overrides = {}): Promise<Server> {
  const s = await startTestServer(overrides, log);
  cleanups.push(() => s.close());
  return s;
}

function client(s: Server, mapId: string, token: string) {
  const c = connectClient(s.url, mapId, token);
  cleanups.push(() => c.provider.destroy());
  return c;
}

/** Resolves once `watcher` sees the awareness name `name`: everything `from` sent before is handled. */
async function roundTrip(from: ReturnType<typeof client>, watcher: ReturnType<typeof client>) {
  const name = `mark-${Math.random()}`;
  from.provider.awareness.setLocalStateField('user', { name });
  await expect
    .poll(() => [...watcher.provider.awareness.getStates().values()].map((st) => st.user?.name))
    .toContain(name);
}

describe('workshop roles', () => {
  it('only an edit token starts rounds, votes and runs the timer; the others read them live', async () => {
    const { log, warnings } = recordingLogger();
    const s = await server(log);
    const map = await createMap(s.url);
    const editor = client(s, map.id, map.editToken);
    const viewer = client(s, map.id, map.viewToken);
    const reviewer = client(s, map.id, map.reviewToken);
    await Promise.all([editor, viewer, reviewer].map((c) => synced(c.provider)));

    // The editor runs the workshop: a round, a vote, a running five-minute timer.
    const round = startRound(editor.doc, { target: 'touchpoints', votesPerPerson: 2 }, 1000);
    expect(castVote(editor.doc, round, 'ada', 'tp-1', 1)).toBeNull();
    setTimer(editor.doc, 300_000);
    startTimer(editor.doc, 2000);
    for (const reader of [viewer, reviewer]) {
      await expect.poll(() => readWorkshop(reader.doc).active?.id).toBe(round);
      await expect.poll(() => readWorkshop(reader.doc).timer.startedAt).toBe(2000);
      expect(readWorkshop(reader.doc).tallies.get(round)?.byItem.get('tp-1')).toBe(1);
    }

    // The readers' hand-made clients try everything the app hides from them.
    for (const [reader, who] of [
      [viewer, 'vic'],
      [reviewer, 'rita'],
    ] as const) {
      expect(castVote(reader.doc, round, who, 'tp-1', 1)).toBeNull(); // applied locally only
      startRound(reader.doc, { target: 'painPoints', votesPerPerson: 5 }, 3000);
      endRound(reader.doc, round, 3000);
      setTimer(reader.doc, 60_000);
      await roundTrip(reader, editor);
    }

    // Nobody else got any of it: not the editor, not a fresh client, not after a restart.
    const fresh = client(s, map.id, map.editToken);
    await synced(fresh.provider);
    for (const doc of [editor.doc, fresh.doc]) {
      const w = readWorkshop(doc);
      expect(w.rounds.map((r) => r.id)).toEqual([round]);
      expect(w.active?.id).toBe(round);
      expect([...w.tallies.get(round)!.byVoter.keys()]).toEqual(['ada']);
      expect(w.timer).toEqual({ durationMs: 300_000, elapsedMs: 0, startedAt: 2000 });
    }
    const drops = warnings.filter((w) => w.msg === 'update from read-only token dropped');
    expect(drops).toContainEqual(expect.objectContaining({ mapId: map.id, role: 'view' }));
    expect(drops).toContainEqual(expect.objectContaining({ mapId: map.id, role: 'review' }));

    for (const c of [editor, viewer, reviewer, fresh]) c.provider.destroy();
    await s.close();
    const again = await server(undefined, {
      dataDir: s.config.dataDir,
      syncSecret: s.config.syncSecret,
    });
    const later = client(again, map.id, map.viewToken);
    await synced(later.provider);
    const stored = readWorkshop(later.doc);
    expect(stored.rounds.map((r) => r.id)).toEqual([round]);
    expect([...stored.tallies.get(round)!.byVoter.keys()]).toEqual(['ada']);
    expect(stored.timer.durationMs).toBe(300_000);
  });

  it('two edit tokens vote at once and both votes count, on every client', async () => {
    const s = await server();
    const map = await createMap(s.url);
    const ada = client(s, map.id, map.editToken);
    const bo = client(s, map.id, map.editToken);
    await Promise.all([synced(ada.provider), synced(bo.provider)]);
    const round = startRound(ada.doc, { target: 'touchpoints', votesPerPerson: 1 }, 1000);
    await expect.poll(() => readWorkshop(bo.doc).active?.id).toBe(round);
    castVote(ada.doc, round, 'ada', 'tp-1', 1);
    castVote(bo.doc, round, 'bo', 'tp-1', 1);
    for (const doc of [ada.doc, bo.doc])
      await expect.poll(() => readWorkshop(doc).tallies.get(round)?.byItem.get('tp-1')).toBe(2);
  });
});
