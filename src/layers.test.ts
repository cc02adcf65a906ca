/**
 * The layer rules of docs/architecture.md ("Layers") bite: ESLint, with the project's own
 * eslint.config.js, lints one-line fixture imports placed at fake paths in each layer. Every
 * forbidden import is refused (static, re-export, type-only or dynamic), at any depth, and the
 * imports the layers table allows pass. The files need not exist: lintText only uses the path
 * to pick the config blocks.
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
/** Static imports and re-exports; dynamic import() has its own rule in eslint.config.js. */
const RULES = new Set(['no-restricted-imports', 'layers/dynamic-imports', 'no-restricted-globals']);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The no-restricted-imports messages for `code` placed at `filePath`. */
async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(`${filePath}: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.filter((m) => m.ruleId && RULES.has(m.ruleId)).map((m) => m.message);
}

const importOf = (source: string) => `import { a } from '${source}';\nexport { a };\n`;

/** [file in a layer, import specifier]: each must be refused. */
const REFUSED: [string, string][] = [
  // model/: no React, @xyflow, storage or network adapters, view, sync or app, at any depth
  ['src/model/x.ts', 'react'],
  ['src/model/x.ts', 'react-dom/client'],
  ['src/model/x.ts', '@xyflow/react'],
  ['src/model/x.ts', 'dexie'],
  ['src/model/x.ts', 'y-dexie'],
  ['src/model/x.ts', 'y-websocket'],
  ['src/model/x.ts', '../view/a'],
  ['src/model/x.ts', '../view'],
  ['src/model/x.ts', '../sync/local-store'],
  ['src/model/x.ts', '../app/session'],
  ['src/model/strategy/x.ts', '../../view/a'],
  ['src/model/strategy/x.ts', '../../sync/a'],
  ['src/model/strategy/x.ts', '../../app/a'],
  ['src/model/strategy-map/x.ts', '../../view/a'],
  ['src/model/strategy-map/testing/x.ts', '../../../view/canvas/toFlow'],
  ['src/model/templates/x.ts', '../../view/a'],
  ['src/model/records/x.ts', '../../view/a'],
  // sync/ and export/: no React, @xyflow, view or app
  ['src/sync/x.ts', 'react'],
  ['src/sync/x.ts', '@xyflow/react'],
  ['src/sync/x.ts', '../view/a'],
  ['src/sync/x.ts', '../app/session'],
  ['src/export/x.ts', 'react'],
  ['src/export/x.ts', '@xyflow/system'],
  ['src/export/x.ts', '../view/canvas/a'],
  ['src/export/x.ts', '../app/a'],
  // view/: never yjs, dexie, y-websocket, y-protocols, nor app/
  ['src/view/x.tsx', '../app/a'],
  ['src/view/x.tsx', 'yjs'],
  ['src/view/x.tsx', 'dexie'],
  ['src/view/x.tsx', 'y-websocket'],
  ['src/view/x.tsx', 'y-protocols/awareness'],
  ['src/view/canvas/nodes/x.tsx', '../../../app/session'],
  ['src/view/canvas/nodes/x.tsx', 'yjs'],
  // server/: nothing from src/view, src/app, React
  ['server/x.ts', '../src/view/a'],
  ['server/x.ts', '../src/app/session'],
  ['server/x.ts', 'react'],
  ['server/x.ts', 'react-dom/server'],
  ['server/storage/x.ts', '../../src/view/a'],
];

/** [file in a layer, import specifier]: each must pass. */
const ALLOWED: [string, string][] = [
  ['src/model/x.ts', 'yjs'],
  ['src/model/x.ts', 'zod'],
  ['src/model/x.ts', './records/node'],
  // a folder merely starting with a banned name is not that folder
  ['src/model/x.ts', './viewport'],
  ['src/model/strategy/x.ts', '../records/goal'],
  ['src/sync/x.ts', '../model/types'],
  ['src/sync/x.ts', 'yjs'],
  ['src/sync/x.ts', 'dexie'],
  ['src/sync/x.ts', 'y-protocols/awareness'],
  ['src/export/x.ts', '../model/read'],
  ['src/export/x.ts', 'html-to-image'],
  ['src/view/x.tsx', '../model/types'],
  ['src/view/canvas/x.tsx', '../../model/commands'],
  ['src/view/x.tsx', 'react'],
  ['src/view/x.tsx', '@xyflow/react'],
  ['src/view/export/x.tsx', '../../export/image'],
  ['server/x.ts', '../src/model/read'],
  ['server/storage/x.ts', '../../src/model/types'],
  ['server/x.ts', 'yjs'],
  ['server/x.ts', 'y-protocols/sync'],
  ['server/x.ts', 'ws'],
  ['server/x.ts', 'better-sqlite3'],
];

describe('layer lint rules', () => {
  it.each(REFUSED)('%s may not import %s', async (file, source) => {
    const messages = await layerMessages(file, importOf(source));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('docs/architecture.md');
  });

  it.each(ALLOWED)('%s may import %s', async (file, source) => {
    expect(await layerMessages(file, importOf(source))).toEqual([]);
  });

  it('refuses dynamic imports, and lets allowed ones through', async () => {
    const lazy = (source: string) => `export const load = () => import('${source}');\n`;
    expect(await layerMessages('src/model/templates/x.ts', lazy('../../view/a'))).toHaveLength(1);
    expect(await layerMessages('src/view/x.tsx', lazy('../app/session'))).toHaveLength(1);
    expect(await layerMessages('src/view/x.tsx', lazy('yjs'))).toHaveLength(1);
    expect(await layerMessages('server/x.ts', lazy('../src/view/a'))).toHaveLength(1);
    expect(await layerMessages('src/view/x.tsx', lazy('../export/image'))).toEqual([]);
    expect(await layerMessages('src/model/x.ts', lazy('./records/node'))).toEqual([]);
  });

  it('refuses DOM globals in model/, not in view/', async () => {
    const dom = 'export const width = () => window.innerWidth + document.body.clientWidth;\n';
    expect(await layerMessages('src/model/geometry.ts', dom)).toHaveLength(2);
    expect(await layerMessages('src/view/x.tsx', dom)).toEqual([]);
  });

  it('refuses re-exports and type-only imports too', async () => {
    expect(
      await layerMessages('src/model/strategy/x.ts', "export { a } from '../../view/a';\n"),
    ).toHaveLength(1);
    expect(
      await layerMessages(
        'src/view/x.tsx',
        "import type { MapSession } from '../app/session';\nexport type { MapSession };\n",
      ),
    ).toHaveLength(1);
  });
});
