// Hostile input: random and truncated frames, invalid websocket framing, oversized messages,
// floods (messages, bytes, sync step 1s asking for a whole map). Each must close only the
// offending connection; the process and other rooms carry on, and what a closed connection
// still sends is dropped with one log line, not one per frame.
import { connect as tcpConnect } from 'node:net';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { commentsRoom, MSG_SYNC, SYNC_STEP2 } from '../src/model/protocol-messages';
import { seededRandom } from '../src/model/testing/random';
import { createLogger } from './log';
import { encodeAwareness, encodeSyncStep1, encodeSyncUpdate } from './protocol';
import {
  connectClient,
  createMap,
  serverStats,
  startTestServer,
  synced,
  wsUrl,
} from './testing/harness';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Opens a raw socket and sends frames taken from `take` until the server closes it. */
function session(url: string, take: () => Uint8Array | undefined): Promise<void> {
  return new Promise((ok) => {
    const ws = new WebSocket(url);
    ws.on('error', () => undefined);
    ws.on('message', () => undefined);
    ws.on('open', () => {
      // One frame per tick: the server sees each one before deciding on the next.
      const next = () => {
        if (ws.readyState !== WebSocket.OPEN) return;
        const frame = take();
        if (!frame) return ws.close();
        ws.send(frame, () => setImmediate(next));
      };
      next();
    });
    ws.on('close', () => ok());
  });
}

function hostileFrames(seed: number, count: number): Uint8Array[] {
  const rnd = seededRandom(seed);
  const doc = new Y.Doc();
  const valid: Uint8Array[] = [];
  for (let i = 0; i < 20; i++) {
    const before = Y.encodeStateVector(doc);
    doc.getMap('nodes').set(`k${i}`, { label: 'x'.repeat(rnd.int(0, 50)), n: i });
    doc.getArray('a').insert(0, [i]);
    valid.push(encodeSyncUpdate(Y.encodeStateAsUpdate(doc, before)));
  }
  valid.push(encodeSyncStep1(Y.encodeStateVector(doc)));
  valid.push(encodeAwareness(new Uint8Array([1, 5, 3, 3, 123, 125, 0])));
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rnd.int(0, 3);
    if (kind === 0) {
      out.push(Uint8Array.from({ length: rnd.int(0, 64) }, () => rnd.int(0, 255)));
    } else if (kind === 1) {
      const v = rnd.pick(valid);
      out.push(v.slice(0, rnd.int(0, v.length - 1))); // truncated
    } else if (kind === 2) {
      const v = rnd.pick(valid).slice();
      for (let j = 0; j < 3; j++) v[rnd.int(0, v.length - 1)] = rnd.int(0, 255); // corrupted
      out.push(v);
    } else {
      const v = rnd.pick(valid);
      // A valid header claiming a huge payload, then garbage.
      out.push(Uint8Array.from([v[0]!, v[1] ?? 0, 0xff, 0xff, 0xff, 0x7f, ...v.slice(2, 10)]));
    }
  }
  return out;
}

describe('hostile input', () => {
  it('10,000 random, truncated and corrupted frames leave the server up and other rooms fine', async () => {
    const s = await startTestServer({ rateLimitPerSec: 1_000_000 });
    cleanups.push(() => s.close());
    const calm = await createMap(s.url);
    const target = await createMap(s.url);
    const a = connectClient(s.url, calm.id, calm.editToken);
    const b = connectClient(s.url, calm.id, calm.editToken);
    cleanups.push(
      () => a.provider.destroy(),
      () => b.provider.destroy(),
    );
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.getMap('nodes').set('before', 1);

    const frames = hostileFrames(7, 10_000);
    const url = `${wsUrl(s.url)}/${target.id}?token=${target.editToken}`;
    let next = 0;
    let connections = 0;
    const take = () => frames[next++];
    const worker = async () => {
      while (next < frames.length) {
        await session(url, take);
        connections++;
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(connections).toBeGreaterThan(100); // most frames did close their connection

    // Invalid websocket framing (unmasked client frame, reserved opcode) on raw TCP.
    for (let i = 0; i < 20; i++)
      await rawBadFrame(s.port, target.id, target.editToken, i % 2 === 0);

    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    b.doc.getMap('nodes').set('after', 2);
    await expect.poll(() => a.doc.getMap('nodes').toJSON()).toEqual({ before: 1, after: 2 });
    const fresh = connectClient(s.url, target.id, target.editToken);
    cleanups.push(() => fresh.provider.destroy());
    await synced(fresh.provider);
    fresh.doc.getMap('nodes').set('ok', true);
    const check = connectClient(s.url, target.id, target.viewToken);
    cleanups.push(() => check.provider.destroy());
    await expect.poll(() => check.doc.getMap('nodes').get('ok')).toBe(true);
  }, 120_000); // 10,000 connections: minutes on a loaded 2-core machine, not a timing claim

  it('an oversized message closes only that connection (1009)', async () => {
    const s = await startTestServer({ maxMessageBytes: 64 * 1024 });
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const a = connectClient(s.url, map.id, map.editToken);
    const b = connectClient(s.url, map.id, map.editToken);
    cleanups.push(
      () => a.provider.destroy(),
      () => b.provider.destroy(),
    );
    await Promise.all([synced(a.provider), synced(b.provider)]);

    const big = new WebSocket(`${wsUrl(s.url)}/${map.id}?token=${map.editToken}`);
    big.on('error', () => undefined);
    await new Promise((ok) => big.once('open', ok));
    const code = new Promise<number>((ok) => big.once('close', (c: number) => ok(c)));
    const d = new Y.Doc();
    d.getMap('nodes').set('huge', 'x'.repeat(100 * 1024));
    big.send(encodeSyncUpdate(Y.encodeStateAsUpdate(d)));
    expect(await code).toBe(1009);

    a.doc.getMap('nodes').set('still', 'works');
    await expect.poll(() => b.doc.getMap('nodes').get('still')).toBe('works');
    expect(b.doc.getMap('nodes').has('huge')).toBe(false);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  });

  it('drops a peer that stops answering pings, keeps one that answers', async () => {
    const s = await startTestServer({ pingIntervalMs: 100 });
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const a = connectClient(s.url, map.id, map.editToken);
    cleanups.push(() => a.provider.destroy());
    await synced(a.provider);
    const silent = await silentPeer(s.port, map.id, map.editToken);
    const health = async () => (await serverStats(s.url)).connections;
    expect(await health()).toBe(2);
    await silent.closed;
    await expect.poll(health).toBe(1);
    expect(a.provider.wsconnected).toBe(true);
  });

  it('a client over the byte rate is closed (1008), even in small messages', async () => {
    const s = await startTestServer({
      rateLimitBytesPerSec: 1024,
      maxMessageBytes: 4096,
      rateLimitPerSec: 100_000,
    });
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const flood = new WebSocket(`${wsUrl(s.url)}/${map.id}?token=${map.viewToken}`);
    flood.on('error', () => undefined);
    await new Promise((ok) => flood.once('open', ok));
    const code = new Promise<number>((ok) => flood.once('close', (c: number) => ok(c)));
    // Well-formed 1 KiB sync step 1 messages (an empty state vector with padding): a malformed
    // message would be closed with 1007, so 1008 proves the byte budget did it.
    const sv = encodeSyncStep1(new Uint8Array(1000).fill(0));
    for (let i = 0; i < 100; i++) flood.send(sv);
    expect(await code).toBe(1008);
  });

  it('a client over the rate limit is closed (1008), others are not', async () => {
    const s = await startTestServer({ rateLimitPerSec: 20 });
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const a = connectClient(s.url, map.id, map.editToken);
    cleanups.push(() => a.provider.destroy());
    await synced(a.provider);
    const flood = new WebSocket(`${wsUrl(s.url)}/${map.id}?token=${map.viewToken}`);
    flood.on('error', () => undefined);
    await new Promise((ok) => flood.once('open', ok));
    const code = new Promise<number>((ok) => flood.once('close', (c: number) => ok(c)));
    for (let i = 0; i < 100; i++) flood.send(new Uint8Array([3])); // query-awareness
    expect(await code).toBe(1008);
    expect(a.provider.wsconnected).toBe(true);
  });

  it('what a client sends after its rate-limit close is dropped with one line, not one warning per frame', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = createLogger('info', (l) => lines.push(JSON.parse(l) as Record<string, unknown>));
    const s = await startTestServer({ rateLimitPerSec: 20 }, log);
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const flood = new WebSocket(`${wsUrl(s.url)}/${map.id}?token=${map.viewToken}`);
    flood.on('error', () => undefined);
    await new Promise((ok) => flood.once('open', ok));
    const code = new Promise<number>((ok) => flood.once('close', (c: number) => ok(c)));
    // All written before the close frame arrives: the server reads them all before the
    // client's answer to it (the close event below).
    for (let i = 0; i < 2000; i++) flood.send(new Uint8Array([3]));
    expect(await code).toBe(1008);
    const closedBy = lines.filter((l) => l.msg === 'connection closed by server');
    expect(closedBy).toEqual([expect.objectContaining({ level: 'warn', reason: 'rate limit' })]);
    expect(
      lines.filter((l) => l.msg === 'frames after close dropped (logged once per connection)'),
    ).toEqual([expect.objectContaining({ level: 'warn', code: 1008, role: 'view' })]);
  });

  it('a flood of sync step 1s on a large map is closed (1008) once its replies pass the reply budget', async () => {
    // Small budgets, so a map of ≈ 600 KB is a large one: one message of at most 1 MiB, and
    // replies of as much (max(2 × 128 KiB/s, 1 MiB)) at once.
    const s = await startTestServer({
      maxMessageBytes: 1024 * 1024,
      rateLimitBytesPerSec: 128 * 1024,
    });
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    const editor = connectClient(s.url, map.id, map.editToken);
    cleanups.push(() => editor.provider.destroy());
    await synced(editor.provider);
    const big = new Y.Doc();
    big.transact(() => {
      for (let i = 0; i < 300; i++) {
        const node = new Y.Map<unknown>();
        big.getMap('nodes').set(`n${i}`, node);
        node.set('label', `${i} `.padEnd(2000, 'x'));
      }
    });
    Y.applyUpdate(editor.doc, Y.encodeStateAsUpdate(big));
    const full = Y.encodeStateAsUpdate(editor.doc).length;
    expect(full).toBeGreaterThan(600_000);
    const check = connectClient(s.url, map.id, map.viewToken);
    cleanups.push(() => check.provider.destroy());
    await expect.poll(() => check.doc.getMap('nodes').size).toBe(300);

    // 399 step 1s of a client with nothing: within the message burst (2 × 200), 5 bytes each.
    const flood = new WebSocket(`${wsUrl(s.url)}/${map.id}?token=${map.viewToken}`);
    flood.on('error', () => undefined);
    const steps2: Uint8Array[] = [];
    flood.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) === MSG_SYNC && decoding.readVarUint(d) === SYNC_STEP2)
        steps2.push(decoding.readVarUint8Array(d));
    });
    await new Promise((ok) => flood.once('open', ok));
    const closed = new Promise<{ code: number; reason: string }>((ok) =>
      flood.once('close', (c: number, r: Buffer) => ok({ code: c, reason: r.toString() })),
    );
    const step1 = encodeSyncStep1(new Uint8Array([0]));
    for (let i = 0; i < 399; i++) flood.send(step1);
    // Its reply budget (1 MiB) holds one whole map, and a reply may overdraw it once: two.
    expect(await closed).toEqual({ code: 1008, reason: 'rate limit' });
    // (Three if the server stalled over a second between two of them, refilling the budget.)
    expect(steps2.length).toBeGreaterThanOrEqual(2);
    expect(steps2.length).toBeLessThanOrEqual(3);
    for (const u of steps2) expect(u.length).toBeGreaterThan(600_000);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, steps2[0]!);
    expect(replay.getMap('nodes').size).toBe(300);

    // Everyone else carries on.
    editor.doc.getMap('meta').set('title', 'still here');
    await expect.poll(() => check.doc.getMap('meta').get('title')).toBe('still here');
  });
  it('a flood on the comments socket is closed (1008) like the map socket; its map socket is not', async () => {
    const s = await startTestServer({ rateLimitPerSec: 20 });
    cleanups.push(() => s.close());
    const map = await createMap(s.url);
    // The same token holder on both documents: each connection has its own budget.
    const onMap = connectClient(s.url, map.id, map.reviewToken);
    const onComments = connectClient(s.url, commentsRoom(map.id), map.reviewToken);
    cleanups.push(
      () => onMap.provider.destroy(),
      () => onComments.provider.destroy(),
    );
    await Promise.all([synced(onMap.provider), synced(onComments.provider)]);
    const flood = new WebSocket(`${wsUrl(s.url)}/${map.id}/comments?token=${map.reviewToken}`);
    flood.on('error', () => undefined);
    await new Promise((ok) => flood.once('open', ok));
    const code = new Promise<number>((ok) => flood.once('close', (c: number) => ok(c)));
    // Well-formed comment writes (a review token may write comments): the rate limit closes it.
    const doc = new Y.Doc();
    for (let i = 0; i < 100; i++) {
      const before = Y.encodeStateVector(doc);
      doc.getMap('threads').set(`t${i}`, i);
      flood.send(encodeSyncUpdate(Y.encodeStateAsUpdate(doc, before)));
    }
    expect(await code).toBe(1008);
    expect(onMap.provider.wsconnected).toBe(true);
    expect(onComments.provider.wsconnected).toBe(true);
  });
});

/** Upgrades by hand and then never answers anything (a vanished laptop). */
function silentPeer(
  port: number,
  mapId: string,
  token: string,
): Promise<{ closed: Promise<void> }> {
  return new Promise((ok) => {
    const sock = tcpConnect(port, '127.0.0.1');
    sock.on('error', () => undefined);
    const closed = new Promise<void>((done) => sock.on('close', () => done()));
    sock.on('data', () => undefined); // reads pings, never answers them
    sock.once('data', () => ok({ closed }));
    sock.write(
      `GET /sync/${mapId}?token=${token} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
}

/** Upgrades by hand, then writes one frame that breaks RFC 6455; resolves when the server hangs up. */
function rawBadFrame(port: number, mapId: string, token: string, unmasked: boolean): Promise<void> {
  return new Promise((ok) => {
    const sock = tcpConnect(port, '127.0.0.1');
    sock.on('error', () => undefined);
    sock.on('close', () => ok());
    let upgraded = false;
    sock.on('data', (d) => {
      if (upgraded || !d.toString('latin1').startsWith('HTTP/1.1 101')) return;
      upgraded = true;
      // unmasked binary frame (clients must mask), or a reserved opcode 0x3 with the mask bit
      sock.write(
        unmasked ? Buffer.from([0x82, 0x02, 0x00, 0x00]) : Buffer.from([0x83, 0x80, 1, 2, 3, 4]),
      );
    });
    sock.write(
      `GET /sync/${mapId}?token=${token} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
}
