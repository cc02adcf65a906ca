// Presence integrity on real sockets: a connection sets awareness only for the client ids it
// owns, a bounded number of them, each state bounded in size (server/awareness-guard.ts).
// Honest clients are stock y-websocket providers; the hostile one is a raw socket.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import {
  MAX_AWARENESS_IDS_PER_CONNECTION,
  MAX_AWARENESS_STATE_BYTES,
} from '../src/model/protocol-messages';
import { encodeAwarenessEntries, type AwarenessEntry } from './awareness-guard';
import { createLogger } from './log';
import { encodeAwareness } from './protocol';
import { connectClient, createMap, startTestServer, synced, wsUrl } from './testing/harness';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const utf8 = new TextEncoder();
const entry = (clientId: number, clock: number, state: unknown): AwarenessEntry => ({
  clientId,
  clock,
  json: utf8.encode(JSON.stringify(state)),
  state,
});
const person = (name: string) => ({ user: { name, color: '#e03131' }, cursor: null });

async function setup() {
  const lines: string[] = [];
  const log = createLogger('warn', (line) => lines.push(line));
  const s = await startTestServer({}, log);
  cleanups.push(() => s.close());
  const map = await createMap(s.url);
  const join = async (name: string, token = map.editToken) => {
    const c = connectClient(s.url, map.id, token);
    cleanups.push(() => c.provider.destroy());
    c.provider.awareness.setLocalState(person(name));
    await synced(c.provider);
    return c;
  };
  /** A raw socket on the map's doc; `messages` counts what it received. */
  const raw = async (token = map.viewToken) => {
    const ws = new WebSocket(`${wsUrl(s.url)}/${map.id}?token=${token}`);
    ws.on('error', () => undefined);
    cleanups.push(() => ws.terminate());
    const closed = new Promise<number>((ok) => ws.once('close', (c: number) => ok(c)));
    await new Promise((ok) => ws.once('open', ok));
    const send = (entries: AwarenessEntry[]) =>
      ws.send(encodeAwareness(encodeAwarenessEntries(entries)));
    return { ws, closed, send };
  };
  const warnings = () => lines.filter((l) => l.includes('awareness entries dropped'));
  return { s, map, join, raw, warnings };
}

const nameSeen = (p: WebsocketProvider, clientId: number): unknown =>
  (p.awareness.getStates().get(clientId) as { user?: { name?: unknown } } | undefined)?.user?.name;

describe('presence integrity', () => {
  it("a view-token connection cannot rename or remove another person's presence", async () => {
    const { join, raw, warnings } = await setup();
    const alice = await join('Alice');
    const bob = await join('Bob');
    const aliceId = alice.provider.awareness.clientID;
    await expect.poll(() => nameSeen(bob.provider, aliceId)).toBe('Alice');

    const mallory = await raw();
    const clock = alice.provider.awareness.meta.get(aliceId)!.clock;
    mallory.send([entry(aliceId, clock + 10, person('Alice (fake: click here)'))]);
    mallory.send([entry(aliceId, clock + 20, null)]);
    // Her own presence is allowed: once Bob sees it, the forgeries before it were handled.
    mallory.send([entry(424242, 1, person('Mallory'))]);
    await expect.poll(() => nameSeen(bob.provider, 424242)).toBe('Mallory');

    expect(nameSeen(bob.provider, aliceId)).toBe('Alice');
    expect(nameSeen(alice.provider, 424242)).toBe('Mallory');
    const late = await join('Carol');
    await expect.poll(() => nameSeen(late.provider, 424242)).toBe('Mallory');
    expect(nameSeen(late.provider, aliceId)).toBe('Alice');
    expect(mallory.ws.readyState).toBe(WebSocket.OPEN);
    // Two violating messages, one log line for the connection.
    expect(warnings()).toHaveLength(1);
    expect(JSON.parse(warnings()[0]!)).toMatchObject({ role: 'view', 'not-owner': 1 });
  });

  it('stock clients echoing a departure, or removing a state never announced, raise no warning', async () => {
    const { map, join, raw, warnings } = await setup();
    const alice = await join('Alice');
    const bob = await join('Bob');
    const carol = await join('Carol');
    const bobId = bob.provider.awareness.clientID;
    await expect.poll(() => nameSeen(alice.provider, bobId)).toBe('Bob');
    await expect.poll(() => nameSeen(carol.provider, bobId)).toBe('Bob');
    bob.provider.destroy(); // says it leaves; Alice's and Carol's providers echo the removal
    await expect.poll(() => alice.provider.awareness.getStates().has(bobId)).toBe(false);
    await expect.poll(() => carol.provider.awareness.getStates().has(bobId)).toBe(false);
    // The comments socket's awareness has no local state: its "I left" names an id nobody holds.
    const silent = await raw(map.editToken);
    silent.send([entry(777_777, 2, null)]);
    // A later change that goes round: the echoes, sent before it, were handled by then.
    alice.provider.awareness.setLocalState(person('Alice again'));
    const aliceId = alice.provider.awareness.clientID;
    await expect.poll(() => nameSeen(carol.provider, aliceId)).toBe('Alice again');
    expect(warnings()).toEqual([]);
  });

  it('20,000 fake peers: the others see at most the cap, and edits still go round', async () => {
    const { join, raw } = await setup();
    const alice = await join('Alice');
    const bob = await join('Bob');
    await expect.poll(() => bob.provider.awareness.getStates().size).toBe(2);

    const flood = await raw();
    const fakes = Array.from({ length: 20_000 }, (_, i) =>
      entry(1_000_000 + i, 1, person(`fake ${i}`)),
    );
    flood.send(fakes);
    const fakeIds = (p: WebsocketProvider) =>
      [...p.awareness.getStates().keys()].filter((id) =>
        String(nameSeen(p, id)).startsWith('fake '),
      );
    await expect.poll(() => fakeIds(bob.provider).length).toBe(MAX_AWARENESS_IDS_PER_CONNECTION);

    alice.doc.getMap('nodes').set('after-flood', 1);
    await expect.poll(() => bob.doc.getMap('nodes').get('after-flood')).toBe(1);
    // The flood's second half, as separate messages: still nothing beyond the cap.
    for (let i = 0; i < 10; i++) flood.send(fakes.slice(10_000 + i * 1000, 11_000 + i * 1000));
    bob.doc.getMap('nodes').set('after-more', 2);
    await expect.poll(() => alice.doc.getMap('nodes').get('after-more')).toBe(2);
    const late = await join('Carol');
    await expect
      .poll(() => nameSeen(late.provider, alice.provider.awareness.clientID))
      .toBe('Alice');
    expect(fakeIds(late.provider)).toHaveLength(MAX_AWARENESS_IDS_PER_CONNECTION);
    expect(fakeIds(bob.provider)).toHaveLength(MAX_AWARENESS_IDS_PER_CONNECTION);
    expect(fakeIds(alice.provider)).toHaveLength(MAX_AWARENESS_IDS_PER_CONNECTION);
    expect(flood.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('a client reconnecting with the same id after its old connection closed is seen again', async () => {
    const { join, raw, warnings } = await setup();
    const alice = await join('Alice');
    const bob = await join('Bob');
    const aliceId = alice.provider.awareness.clientID;
    await expect.poll(() => nameSeen(bob.provider, aliceId)).toBe('Alice');

    alice.provider.disconnect();
    await expect.poll(() => bob.provider.awareness.getStates().has(aliceId)).toBe(false);
    // While the id is free, nobody else took it; Alice comes back with the same id and clock.
    alice.provider.connect();
    await synced(alice.provider);
    await expect.poll(() => nameSeen(bob.provider, aliceId)).toBe('Alice');
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice B.', color: '#2f9e44' });
    await expect.poll(() => nameSeen(bob.provider, aliceId)).toBe('Alice B.');

    // Now that she owns it again, a hostile connection still cannot take it over.
    const mallory = await raw();
    const clock = alice.provider.awareness.meta.get(aliceId)!.clock;
    mallory.send([entry(aliceId, clock + 5, person('Not Alice')), entry(777, 1, person('M'))]);
    await expect.poll(() => nameSeen(bob.provider, 777)).toBe('M');
    expect(nameSeen(bob.provider, aliceId)).toBe('Alice B.');
    // Stock clients echo every state they hear: none of that was taken for a violation.
    expect(warnings().map((w) => (JSON.parse(w) as { role: string }).role)).toEqual(['view']);
  });

  it('an id whose owner left may be claimed by a new connection', async () => {
    const { join, raw } = await setup();
    const bob = await join('Bob');
    const first = await raw();
    first.send([entry(5150, 3, person('Dana'))]);
    await expect.poll(() => nameSeen(bob.provider, 5150)).toBe('Dana');
    first.ws.close();
    await expect.poll(() => bob.provider.awareness.getStates().has(5150)).toBe(false);
    const second = await raw();
    // Its clock is newer than the removal's (3 + 1).
    second.send([entry(5150, 5, person('Dana again'))]);
    await expect.poll(() => nameSeen(bob.provider, 5150)).toBe('Dana again');
  });

  it('an oversize state is dropped, the same id with a small state is not', async () => {
    const { join, raw, warnings } = await setup();
    const bob = await join('Bob');
    const big = await raw();
    const huge = { ...person('Huge'), pad: 'x'.repeat(MAX_AWARENESS_STATE_BYTES) };
    big.send([entry(9001, 1, huge)]);
    big.send([entry(9002, 1, person('Small'))]);
    await expect.poll(() => nameSeen(bob.provider, 9002)).toBe('Small');
    expect(bob.provider.awareness.getStates().has(9001)).toBe(false);
    big.send([entry(9001, 2, person('Fits'))]);
    await expect.poll(() => nameSeen(bob.provider, 9001)).toBe('Fits');
    expect(JSON.parse(warnings()[0]!)).toMatchObject({ 'too-large': 1 });
    expect(big.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('a malformed awareness update closes the connection (1007) and applies nothing', async () => {
    const { join, raw } = await setup();
    const bob = await join('Bob');
    const bad = await raw();
    // A valid first entry, then a state that is not JSON: nothing of it may be applied.
    const good = entry(31337, 1, person('Half'));
    const broken = { ...entry(31338, 1, null), json: utf8.encode('{"user":') };
    bad.send([good, broken]);
    expect(await bad.closed).toBe(1007);
    const check = await raw();
    check.send([entry(4040, 1, person('After'))]);
    await expect.poll(() => nameSeen(bob.provider, 4040)).toBe('After');
    expect(bob.provider.awareness.getStates().has(31337)).toBe(false);
  });
});
