// The production server as `npm run build` compiles it (scripts/build-server.mjs): plain
// JavaScript run by node without tsx serves the built app, the API and the sync websocket.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, createMap, synced, tempDir } from './testing/harness';

const ROOT = join(import.meta.dirname, '..');
// Inside the project, so the bundle's package imports resolve from node_modules (.tmp is ignored).
const OUT = join(ROOT, '.tmp', `compiled-test-${process.pid}`);
const MAIN = join(OUT, 'main.js');

let child: ChildProcess | undefined;
let url = '';
let logs = '';
let out = '';

beforeAll(async () => {
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs', OUT], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(built.status, built.stderr).toBe(0);
  const dist = tempDir();
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>compiled</title>');
  child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: tempDir(),
      DIST_DIR: dist,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
  url = await new Promise<string>((ok, fail) => {
    child!.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"msg":"listening".*"port":(\d+)/.exec(out);
      if (m) ok(`http://127.0.0.1:${m[1]}`);
    });
    child!.once('exit', (code) => fail(new Error(`exited ${code}: ${logs}`)));
  });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((ok) => child!.once('exit', ok));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(OUT, { recursive: true, force: true });
});

describe('the compiled server (dist-server/main.js)', () => {
  it('is JavaScript that needs no TypeScript loader, and loads only the storage it uses', () => {
    const js = readFileSync(MAIN, 'utf8');
    expect(js).not.toMatch(/from ["']tsx/);
    expect(js).not.toMatch(/from ["']typescript["']/);
    // Every local module is inside it or in a chunk beside it (code shared with the storage
    // engines' chunks, e.g. the protocol's constants, is split out by esbuild).
    expect(js).not.toMatch(/from ["']\.{1,2}\/(?!chunk-\w+\.js["'])/);
    // The engines are chunks imported when chosen (storage/open.ts), not part of main.js.
    expect(js).not.toMatch(/from ["'](pg|better-sqlite3)["']/);
    expect(js).toMatch(/import\(["']\.\/postgres-\w+\.js["']\)/);
    expect(readdirSync(OUT).filter((f) => f.endsWith('.js')).length).toBeGreaterThan(2);
    // The body worker is a file of its own beside main.js (validate-pool.ts finds it there).
    expect(readFileSync(join(OUT, 'body-worker.js'), 'utf8')).not.toMatch(/from ["']\.{1,2}\//);
  });

  it('parses and validates a map body in its body worker', async () => {
    const airline = readFileSync(join(ROOT, 'src/model/strategy-map/fixtures/airline.v4.json'));
    const ok = await fetch(`${url}/api/maps`, { method: 'POST', body: airline });
    expect(ok.status).toBe(201);
    const bad = await fetch(`${url}/api/maps`, { method: 'POST', body: '[[[[' + '['.repeat(40) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('over the work budget');
  });

  it('serves the app, the API and the sync websocket', async () => {
    expect(await (await fetch(`${url}/healthz`)).text()).toBe('ok');
    expect(await (await fetch(`${url}/`)).text()).toContain('<title>compiled</title>');
    const map = await createMap(url);
    const a = connectClient(url, map.id, map.editToken);
    const b = connectClient(url, map.id, map.viewToken);
    try {
      await Promise.all([synced(a.provider), synced(b.provider)]);
      a.doc.getMap('nodes').set('n1', 'from the compiled server');
      await expect.poll(() => b.doc.getMap('nodes').get('n1')).toBe('from the compiled server');
    } finally {
      a.provider.destroy();
      b.provider.destroy();
      a.doc.destroy();
      b.doc.destroy();
    }
    expect(logs).toBe('');
    // Yjs's load path is compiled before the server listens (warmup.ts).
    const warmed = out.indexOf('"msg":"warmed up"');
    expect(warmed).toBeGreaterThanOrEqual(0);
    expect(warmed).toBeLessThan(out.indexOf('"msg":"listening"'));
  });
});
