// Plain HTTP connections on real sockets: the per-address cap (429 when the connection opens,
// freed on close and on a websocket upgrade), the header, request and keep-alive timeouts, a
// refused read-only update logged once per connection, and aborted uploads at info level.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { ServerConfig } from './config';
import { createLogger } from './log';
import { encodeSyncStep1, encodeSyncUpdate } from './protocol';
import { serverStats, startTestServer, wsUrl, type MapTokens } from './testing/harness';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Line = Record<string, unknown>;

async function setup(overrides: Partial<ServerConfig>) {
  const lines: Line[] = [];
  const log = createLogger('debug', (line) => lines.push(JSON.parse(line) as Line));
  const s = await startTestServer(overrides, log);
  cleanups.push(() => s.close());
  return { s, lines };
}

/** A raw TCP connection: what it received, and a promise of its close. */
function open(port: number) {
  const sock: Socket = connect(port, '127.0.0.1');
  cleanups.push(() => sock.destroy());
  let received = '';
  sock.on('data', (d: Buffer) => (received += d.toString()));
  sock.on('error', () => undefined);
  const closed = new Promise<string>((ok) => sock.once('close', () => ok(received)));
  const connected = new Promise<void>((ok) => sock.once('connect', () => ok()));
  return { sock, closed, connected, received: () => received };
}

/** One request on its own connection (`Connection: close`), the raw answer once it closes. */
function request(port: number, head: string, body = ''): Promise<string> {
  const c = open(port);
  c.sock.write(`${head}\r\nHost: x\r\nConnection: close\r\n\r\n${body}`);
  return c.closed;
}

const status = (raw: string) => Number(/^HTTP\/1\.1 (\d+)/.exec(raw)?.[1] ?? 0);

async function newMap(port: number): Promise<MapTokens> {
  const raw = await request(port, 'POST /api/maps HTTP/1.1\r\nContent-Length: 0');
  return JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as MapTokens;
}

describe('HTTP connections per address', () => {
  it('refuses a connection over the cap with 429, logs it once, and frees slots on close', async () => {
    const { s, lines } = await setup({ maxHttpConnectionsPerIp: 2 });
    const held = [open(s.port), open(s.port)];
    await Promise.all(held.map((c) => c.connected));
    // Once the server has counted both, every further connection is refused.
    await expect.poll(async () => status(await request(s.port, 'GET /healthz HTTP/1.1'))).toBe(429);
    const refused = await Promise.all(
      [0, 1, 2].map(() => request(s.port, 'GET /healthz HTTP/1.1')),
    );
    for (const raw of refused) {
      expect(status(raw)).toBe(429);
      expect(raw).toContain('Retry-After: 5');
      expect(raw).not.toContain('ok'); // the request behind it was never handled
    }
    const limitLines = lines.filter(
      (l) => l.msg === 'limit reached' && l.limit === 'http-connections-per-ip',
    );
    expect(limitLines).toEqual([
      expect.objectContaining({ level: 'warn', ip: '127.0.0.1', max: 2, suppressed: 0 }),
    ]);

    held[0]!.sock.destroy();
    await expect.poll(async () => status(await request(s.port, 'GET /healthz HTTP/1.1'))).toBe(200);
    held[1]!.sock.destroy();
    await expect
      .poll(async () => (await serverStats(s.url)).refused['http-connections-per-ip'])
      .toBeGreaterThanOrEqual(4);
  });

  it('frees the slot of a connection upgraded to a websocket', async () => {
    const { s } = await setup({ maxHttpConnectionsPerIp: 1 });
    const map = await newMap(s.port);
    const ws = new WebSocket(`${wsUrl(s.url)}/${map.id}?token=${map.editToken}`);
    ws.on('error', () => undefined);
    cleanups.push(() => ws.terminate());
    await new Promise((ok) => ws.once('open', ok));
    // The websocket's TCP connection no longer holds the one HTTP slot.
    await expect.poll(async () => status(await request(s.port, 'GET /healthz HTTP/1.1'))).toBe(200);
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });

  it('is not applied behind a proxy, where every connection is the proxy', async () => {
    const { s } = await setup({ maxHttpConnectionsPerIp: 1, trustProxy: 1 });
    const held = open(s.port);
    await held.connected;
    expect(status(await request(s.port, 'GET /healthz HTTP/1.1'))).toBe(200);
  });
});

describe('HTTP timeouts', () => {
  it('closes a connection whose headers never end with 408', async () => {
    const { s, lines } = await setup({ headersTimeoutMs: 200, requestTimeoutMs: 10_000 });
    const c = open(s.port);
    c.sock.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'); // and nothing more
    expect(status(await c.closed)).toBe(408);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: 'limit reached',
        limit: 'request-timeout',
        ip: '127.0.0.1',
        headersTimeoutMs: 200,
      }),
    );
    expect((await serverStats(s.url)).refused['request-timeout']).toBe(1);
  });

  it('closes a connection that never sends anything, as an idle one, not as a refusal', async () => {
    const { s, lines } = await setup({ headersTimeoutMs: 200, requestTimeoutMs: 10_000 });
    const c = open(s.port);
    await c.connected;
    await c.closed;
    expect(c.sock.destroyed).toBe(true);
    // A browser opens such connections ahead of requests it may make (a preconnect): closing
    // one is housekeeping, not an abuse limit.
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'debug', msg: 'idle connection closed', ip: '127.0.0.1' }),
    );
    expect(lines.filter((l) => l.msg === 'limit reached')).toEqual([]);
    expect((await serverStats(s.url)).refused['request-timeout']).toBe(0);
  });

  it('closes a request whose body trickles past the request timeout with 408', async () => {
    const { s } = await setup({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
    const c = open(s.port);
    c.sock.write(
      'POST /api/maps HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    const trickle = setInterval(() => c.sock.write(' '), 50);
    cleanups.push(() => clearInterval(trickle));
    const raw = await c.closed;
    expect(raw === '' || status(raw) === 408).toBe(true);
    expect(raw).not.toContain('201');
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const { s } = await setup({ keepAliveTimeoutMs: 200 });
    const c = open(s.port);
    c.sock.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const raw = await c.closed;
    expect(status(raw)).toBe(200);
    expect(raw).toContain('Keep-Alive: timeout=');
  });
});

describe('logs', () => {
  it('logs an upload the client aborted at info, not as an error', async () => {
    const { s, lines } = await setup({});
    const c = open(s.port);
    c.sock.write(
      'POST /api/maps HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"version":',
    );
    // Let the headers reach the handler, which is then waiting for the rest of the body.
    await new Promise((ok) => setTimeout(ok, 50));
    c.sock.destroy();
    await expect
      .poll(() => lines.find((l) => l.msg === 'request aborted by client'))
      .toMatchObject({ level: 'info', url: '/api/maps', method: 'POST' });
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('logs a read-only connection’s dropped updates once, not once per message', async () => {
    const { s, lines } = await setup({});
    const map = await newMap(s.port);
    const ws = new WebSocket(`${wsUrl(s.url)}/${map.id}?token=${map.viewToken}`);
    ws.on('error', () => undefined);
    cleanups.push(() => ws.terminate());
    await new Promise((ok) => ws.once('open', ok));
    const doc = new Y.Doc();
    for (let i = 0; i < 50; i++) {
      const before = Y.encodeStateVector(doc);
      doc.getMap('nodes').set(`n${i}`, i);
      ws.send(encodeSyncUpdate(Y.encodeStateAsUpdate(doc, before)));
    }
    // A round trip after the 50: a sync step 1 is answered only after what came before it.
    await new Promise<void>((ok) => {
      ws.once('message', () => ok());
      ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    });
    await expect
      .poll(() => lines.filter((l) => l.msg === 'update from read-only token dropped').length)
      .toBe(1);
    expect(lines.filter((l) => l.msg === 'update from read-only token dropped')).toEqual([
      expect.objectContaining({ level: 'warn', mapId: map.id, role: 'view' }),
    ]);
  });
});
