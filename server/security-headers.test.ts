// The browser defences on every kind of response of a real server (port 0, SQLite in a temp
// dir): the app shell, an asset, the service worker, the manifest, API answers (200, 201, 204,
// 400, 401, 404), a 404, a 405, a 304 and a 429. A header missing anywhere fails here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, parseFrameAncestors, securityHeaders } from './security-headers';
import { createMap, startTestServer, tempDir, type MapTokens } from './testing/harness';

type Server = Awaited<ReturnType<typeof startTestServer>>;

function distWithApp(): string {
  const dist = tempDir();
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Itinera</title>');
  writeFileSync(join(dist, 'sw.js'), 'self.x = 1;');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{}');
  return dist;
}

/** The CSP directives by name, e.g. { 'script-src': "'self'" }. */
function directives(csp: string | null): Record<string, string> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter((d) => d !== '')
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values.join(' ')];
      }),
  );
}

/** What is wrong with the security headers of `res` (empty: all present and strict). */
function headerProblems(res: Response, host: string): string[] {
  const problems: string[] = [];
  const expectHeader = (name: string, value: string) => {
    const got = res.headers.get(name);
    if (got !== value) problems.push(`${name}: expected "${value}", got "${got}"`);
  };
  expectHeader('referrer-policy', 'no-referrer');
  expectHeader('x-content-type-options', 'nosniff');
  expectHeader('cross-origin-opener-policy', 'same-origin');
  expectHeader('x-frame-options', 'DENY');
  const d = directives(res.headers.get('content-security-policy'));
  const want: Record<string, string> = {
    'default-src': "'self'",
    'script-src': "'self'",
    'style-src': "'self'",
    'connect-src': `'self' ws://${host} wss://${host}`,
    'img-src': "'self' data: blob:",
    'font-src': "'self' data:",
    'worker-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'self'",
    'form-action': "'self'",
    'frame-ancestors': "'none'",
  };
  for (const [name, value] of Object.entries(want))
    if (d[name] !== value) problems.push(`CSP ${name}: expected "${value}", got "${d[name]}"`);
  for (const [name, value] of Object.entries(d))
    if (/'unsafe-eval'|\*|https?:(?!\/\/)/.test(value))
      problems.push(`CSP ${name} too wide: ${value}`);
  if (/'unsafe-inline'/.test(d['script-src'] ?? '')) problems.push('CSP script-src allows inline');
  return problems;
}

describe('security headers on every response', () => {
  let s: Server;
  let map: MapTokens;
  let host: string;
  beforeAll(async () => {
    s = await startTestServer({ distDir: distWithApp() });
    map = await createMap(s.url);
    host = new URL(s.url).host;
  });
  afterAll(() => s.close());

  const cases: [string, () => Promise<Response>, number][] = [
    ['index.html', () => fetch(`${s.url}/`), 200],
    ['a client-side route (index.html)', () => fetch(`${s.url}/map/x`), 200],
    ['a static asset', () => fetch(`${s.url}/assets/index-abc123.js`), 200],
    ['the service worker', () => fetch(`${s.url}/sw.js`), 200],
    ['the manifest', () => fetch(`${s.url}/manifest.webmanifest`), 200],
    ['a missing asset (404)', () => fetch(`${s.url}/assets/gone-1.js`), 404],
    ['an unknown method (405)', () => fetch(`${s.url}/`, { method: 'DELETE' }), 405],
    ['/healthz', () => fetch(`${s.url}/healthz`), 200],
    [
      'an API answer',
      () => fetch(`${s.url}/api/maps/${map.id}/strategy-map.json`, auth(map.viewToken)),
      200,
    ],
    ['a created map (201)', () => fetch(`${s.url}/api/maps`, { method: 'POST' }), 201],
    [
      'an API HEAD (204)',
      () => fetch(`${s.url}/api/maps/${map.id}`, { method: 'HEAD', ...auth(map.viewToken) }),
      204,
    ],
    ['an API 401', () => fetch(`${s.url}/api/maps/${map.id}/strategy-map.json`), 401],
    ['an API 404', () => fetch(`${s.url}/api/nothing-here`), 404],
    [
      'an API 400 (bad JSON)',
      () =>
        fetch(`${s.url}/api/maps`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{nope',
        }),
      400,
    ],
  ];

  it.each(cases)('%s', async (_name, request, status) => {
    const res = await request();
    expect(res.status).toBe(status);
    expect(headerProblems(res, host)).toEqual([]);
  });

  it('a revalidated index.html (304)', async () => {
    const etag = (await fetch(`${s.url}/`)).headers.get('etag')!;
    const res = await fetch(`${s.url}/`, { headers: { 'if-none-match': etag } });
    expect(res.status).toBe(304);
    expect(headerProblems(res, host)).toEqual([]);
  });
});

describe('security headers on refusals', () => {
  it('a rate-limited API request (429)', async () => {
    const s = await startTestServer({ apiRateLimitBurst: 1, apiRateLimitPerMin: 1 });
    try {
      await fetch(`${s.url}/api/maps`, { method: 'POST' });
      const res = await fetch(`${s.url}/api/maps`, { method: 'POST' });
      expect(res.status).toBe(429);
      expect(headerProblems(res, new URL(s.url).host)).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

describe('embedding (FRAME_ANCESTORS)', () => {
  it('the configured frame-ancestors reach every response, without X-Frame-Options', async () => {
    const s = await startTestServer({
      distDir: distWithApp(),
      frameAncestors: parseFrameAncestors('https://intranet.example.org'),
    });
    try {
      for (const path of ['/', '/sw.js', '/api/nothing-here']) {
        const res = await fetch(s.url + path);
        expect(directives(res.headers.get('content-security-policy'))['frame-ancestors']).toBe(
          'https://intranet.example.org',
        );
        expect(res.headers.get('x-frame-options')).toBeNull();
      }
    } finally {
      await s.close();
    }
  });

  it("'self' also sends X-Frame-Options: SAMEORIGIN", () => {
    const h = securityHeaders({ headers: { host: 'a.example' } }, parseFrameAncestors("'self'"));
    expect(h['x-frame-options']).toBe('SAMEORIGIN');
    expect(directives(h['content-security-policy']!)['frame-ancestors']).toBe("'self'");
  });
});

describe('contentSecurityPolicy', () => {
  it('never echoes a Host header that could break out of connect-src', () => {
    for (const host of ['evil.example; script-src *', 'a b', "x'", 'a.example/path', ''])
      expect(directives(contentSecurityPolicy(host, "'none'"))['connect-src']).toBe("'self'");
    expect(directives(contentSecurityPolicy(undefined, "'none'"))['connect-src']).toBe("'self'");
    expect(directives(contentSecurityPolicy('[::1]:8080', "'none'"))['connect-src']).toBe(
      "'self' ws://[::1]:8080 wss://[::1]:8080",
    );
  });
});

function auth(token: string): RequestInit {
  return { headers: { authorization: `Bearer ${token}` } };
}
