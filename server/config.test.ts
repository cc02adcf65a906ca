import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELP, readConfig } from './config';

describe('readConfig', () => {
  it('has documented defaults', () => {
    const c = readConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'info',
      sqliteSync: 'NORMAL',
      maxMessageBytes: 10 * 1024 * 1024,
    });
    expect(c.dataDir.endsWith('.data')).toBe(true);
    expect(c).toMatchObject({
      maxConnectionsPerIp: 200,
      maxConnections: 10_000,
      apiRateLimitPerMin: 60,
      apiRateLimitBurst: 20,
      trustProxy: 0,
    });
    expect(
      readConfig({ TRUST_PROXY: '1', MAX_CONNECTIONS: '5', MAX_CONNECTIONS_PER_IP: '5' }),
    ).toMatchObject({ trustProxy: 1, maxConnections: 5 });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: expected an integer >= 0, got "eighty"'],
    [{ PORT: '70000' }, 'PORT: expected 0..65535, got "70000"'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL: expected one of debug, info, warn, error, silent, got "loud"',
    ],
    [{ MAX_MESSAGE_BYTES: '10' }, 'MAX_MESSAGE_BYTES: expected an integer >= 1024, got "10"'],
    [{ MAX_CONNECTIONS_PER_IP: '0' }, 'MAX_CONNECTIONS_PER_IP: expected an integer >= 1, got "0"'],
    [
      { MAX_CONNECTIONS: '10', MAX_CONNECTIONS_PER_IP: '20' },
      'MAX_CONNECTIONS_PER_IP: expected at most MAX_CONNECTIONS (10), got "20"',
    ],
    [
      { API_RATE_LIMIT_PER_MIN: '1.5' },
      'API_RATE_LIMIT_PER_MIN: expected an integer >= 1, got "1.5"',
    ],
    [
      { API_RATE_LIMIT_BURST: 'lots' },
      'API_RATE_LIMIT_BURST: expected an integer >= 1, got "lots"',
    ],
    [
      { TRUST_PROXY: 'true' },
      'TRUST_PROXY: expected the number of reverse proxies in front of the server (0-10, usually 1), got "true"',
    ],
    [{ TRUST_PROXY: '-1' }, 'TRUST_PROXY: expected the number'],
    [{ SQLITE_SYNCHRONOUS: 'off' }, 'SQLITE_SYNCHRONOUS: expected NORMAL or FULL, got "off"'],
    // A value that would end the CSP directive and add its own is refused, not passed through.
    [{ FRAME_ANCESTORS: 'https://a.example; script-src *' }, 'FRAME_ANCESTORS: expected'],
    [
      { FRAME_ANCESTORS: '*' },
      "FRAME_ANCESTORS: expected 'none', 'self' or space-separated origins",
    ],
    [{ FRAME_ANCESTORS: 'https://a.example/path' }, 'got "https://a.example/path"'],
    [{ FRAME_ANCESTORS: 'javascript:x' }, 'got "javascript:x"'],
    [{ FRAME_ANCESTORS: 'https://a.example,https://b.example' }, 'FRAME_ANCESTORS: expected'],
    [
      { HEADERS_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '10000' },
      'HEADERS_TIMEOUT_MS: expected at most REQUEST_TIMEOUT_MS (10000), got "20000"',
    ],
    [{ KEEP_ALIVE_TIMEOUT_MS: '5s' }, 'KEEP_ALIVE_TIMEOUT_MS: expected an integer >= 100'],
    [{ MAX_HTTP_CONNECTIONS_PER_IP: '0' }, 'MAX_HTTP_CONNECTIONS_PER_IP: expected an integer >= 1'],
    [{ SERVE_SOURCE_MAPS: 'yes' }, 'SERVE_SOURCE_MAPS: expected 0 or 1, got "yes"'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN: expected at least 16 characters without spaces'],
    [{ METRICS_TOKEN: 'a long token with spaces' }, 'METRICS_TOKEN: expected at least 16'],
  ])('rejects %o with a path: message error', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });

  it('has documented defaults for connections, timeouts, source maps and metrics', () => {
    expect(readConfig({})).toMatchObject({
      maxHttpConnectionsPerIp: 256,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 60_000,
      keepAliveTimeoutMs: 5_000,
      serveSourceMaps: false,
      metricsToken: undefined,
    });
    expect(readConfig({ SERVE_SOURCE_MAPS: '1', METRICS_TOKEN: 'x'.repeat(16) })).toMatchObject({
      serveSourceMaps: true,
      metricsToken: 'x'.repeat(16),
    });
    // The token never appears in a refusal: only its length.
    expect(() => readConfig({ METRICS_TOKEN: 'hunter2' })).toThrow('got 7 characters');
  });

  it('reads the creation quotas: 1000 maps per address by default, no total, 0 switches one off', () => {
    expect(readConfig({})).toMatchObject({ maxMapsPerIp: 1_000, maxMaps: 0, maxStorageBytes: 0 });
    expect(
      readConfig({ MAX_MAPS_PER_IP: '0', MAX_MAPS: '50000', MAX_STORAGE_BYTES: '10737418240' }),
    ).toMatchObject({ maxMapsPerIp: 0, maxMaps: 50_000, maxStorageBytes: 10 * 1024 ** 3 });
    expect(() => readConfig({ MAX_MAPS_PER_IP: '-1' })).toThrow(
      'MAX_MAPS_PER_IP: expected an integer >= 0, got "-1"',
    );
    expect(() => readConfig({ MAX_STORAGE_BYTES: '10GB' })).toThrow('MAX_STORAGE_BYTES');
  });

  it('reads DATABASE_URL: unset is SQLite, postgres:// or postgresql:// with a host', () => {
    expect(readConfig({}).databaseUrl).toBeUndefined();
    expect(readConfig({ DATABASE_URL: ' ' }).databaseUrl).toBeUndefined();
    for (const url of ['postgres://u:p@db.internal:5432/itinera', 'postgresql://db/itinera'])
      expect(readConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    // Refusals name the variable and never echo the value (it may hold a password).
    expect(() => readConfig({ DATABASE_URL: 'mysql://u:hunter2@db/x' })).toThrow(
      'DATABASE_URL: expected postgres://user:password@host:5432/database, got a URL with scheme "mysql:"',
    );
    expect(() => readConfig({ DATABASE_URL: 'hunter2' })).toThrow(
      'DATABASE_URL: expected postgres://user:password@host:5432/database, got something that is not a URL',
    );
    expect(() => readConfig({ DATABASE_URL: 'postgres:///itinera' })).toThrow(
      'got a URL without a host',
    );
  });

  it('reads FRAME_ANCESTORS: none by default, self or origins for embedding', () => {
    expect(readConfig({}).frameAncestors).toBe("'none'");
    expect(readConfig({ FRAME_ANCESTORS: '' }).frameAncestors).toBe("'none'");
    expect(readConfig({ FRAME_ANCESTORS: "'none'" }).frameAncestors).toBe("'none'");
    expect(readConfig({ FRAME_ANCESTORS: "'self'" }).frameAncestors).toBe("'self'");
    expect(
      readConfig({
        FRAME_ANCESTORS: '  https://intranet.example.org   https://*.corp.example:8443 ',
      }).frameAncestors,
    ).toBe('https://intranet.example.org https://*.corp.example:8443');
  });

  it('documents every variable it reads, in --help and in docs/operations.md', () => {
    const source = readFileSync(new URL('./config.ts', import.meta.url), 'utf8');
    const read = new Set(
      [...source.matchAll(/env\.([A-Z_]+)|(?:int|flag)\(env, '([A-Z_]+)'/g)].map(
        (m) => m[1] ?? m[2],
      ),
    );
    expect(read.size).toBeGreaterThan(10);
    const doc = readFileSync(new URL('../docs/operations.md', import.meta.url), 'utf8');
    for (const name of read) {
      expect(HELP, name).toContain(name);
      expect(doc, name).toContain(`\`${name}\``);
    }
  });
});
