import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELP, readConfig } from './config';

describe('readConfig', () => {
  it('has documented defaults', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ port: 8080, host: '0.0.0.0', logLevel: 'info', sqliteSync: 'NORMAL', maxMessageBytes: 10 * 1024 * 1024 });
    expect(c.dataDir.endsWith('.data')).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: expected an integer >= 0, got "eighty"'],
    [{ PORT: '70000' }, 'PORT: expected 0..65535, got "70000"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: expected one of debug, info, warn, error, silent, got "loud"'],
    [{ MAX_MESSAGE_BYTES: '10' }, 'MAX_MESSAGE_BYTES: expected an integer >= 1024, got "10"'],
    [{ SQLITE_SYNCHRONOUS: 'off' }, 'SQLITE_SYNCHRONOUS: expected NORMAL or FULL, got "off"'],
  ])('rejects %o with a path: message error', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });

  it('documents every variable it reads, in --help and in docs/operations.md', () => {
    const source = readFileSync(new URL('./config.ts', import.meta.url), 'utf8');
    const read = new Set([...source.matchAll(/env\.([A-Z_]+)|int\(env, '([A-Z_]+)'/g)].map((m) => m[1] ?? m[2]));
    expect(read.size).toBeGreaterThan(10);
    const doc = readFileSync(new URL('../docs/operations.md', import.meta.url), 'utf8');
    for (const name of read) {
      expect(HELP, name).toContain(name);
      expect(doc, name).toContain(`\`${name}\``);
    }
  });
});
