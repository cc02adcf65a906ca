import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDir } from './testing/harness';

let s: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  const dist = tempDir();
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Itinera</title>');
  writeFileSync(join(dist, 'sw.js'), 'self.x = 1;');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{}');
  writeFileSync(join(dist, 'assets', 'index-abc123.js.map'), SOURCE_MAP);
  s = await startTestServer({ distDir: dist });
  withMaps = await startTestServer({ distDir: dist, serveSourceMaps: true });
});
afterAll(async () => {
  await s.close();
  await withMaps.close();
});

const SOURCE_MAP = '{"version":3,"sources":["/home/build/src/secret.ts"],"mappings":""}';
let withMaps: Awaited<ReturnType<typeof startTestServer>>;

describe('static app', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', 'no-cache'],
    ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8', 'no-cache'],
    [
      '/assets/index-abc123.js',
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ],
    ['/assets/index-abc123.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/map/some-id', 'text/html; charset=utf-8', 'no-cache'],
  ])('%s → %s, %s', async (path, type, cache) => {
    const res = await fetch(s.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe(cache);
  });

  it('revalidates with an ETag: 304 when unchanged', async () => {
    const first = await fetch(`${s.url}/`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${s.url}/`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect((await fetch(`${s.url}/`, { headers: { 'if-none-match': 'W/"other"' } })).status).toBe(
      200,
    );
  });

  it('404s a missing asset instead of serving index.html', async () => {
    expect((await fetch(`${s.url}/assets/gone-123.js`)).status).toBe(404);
  });

  it('never serves a file outside dist', async () => {
    const raw = await new Promise<string>((ok) => {
      const sock = connect(s.port, '127.0.0.1');
      let out = '';
      sock.on('data', (d) => (out += d.toString()));
      sock.on('end', () => ok(out));
      sock.write('GET /../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    });
    expect(raw).not.toContain('root:');
  });

  it('answers /healthz with a bare ok, no internals', async () => {
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('ok');
  });

  it('does not serve source maps unless SERVE_SOURCE_MAPS is set', async () => {
    const off = await fetch(`${s.url}/assets/index-abc123.js.map`);
    expect(off.status).toBe(404);
    expect(await off.text()).not.toContain('secret.ts');
    const on = await fetch(`${withMaps.url}/assets/index-abc123.js.map`);
    expect(on.status).toBe(200);
    expect(await on.text()).toBe(SOURCE_MAP);
  });
});
