// Lint, with the layer rules of docs/architecture.md ("Layers") enforced by no-restricted-imports.
// The layer patterns are regular expressions on the import specifier, so they match at any
// depth: `../../view/a` from src/model/strategy and `../src/view/a` from server/ are refused
// like `../view/a` (a gitignore-style `*/view/*` group matches one segment only and let them
// through). The same bans apply to dynamic import() through the local layers/dynamic-imports
// rule. src/layers.test.ts proves every rule on fixture imports; change both together.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A package and its subpaths: `react` matches `react` and `react/jsx-runtime`, not `react-dom`. */
const pkg = (name) => `^${escape(name)}(/|$)`;
/**
 * A relative import that passes through a folder of that name at any depth (`../view`,
 * `../../view/a`, `../src/view/a`). Conservative by design: only a layer's own subfolder of
 * the same name would be a false alarm, and no layer has one.
 */
const folder = (name) => `^\\.\\.?/(.*/)?${escape(name)}(/|$)`;

/** What each ban refuses, as regexes, and the message a developer sees. */
const BANS = {
  react: {
    regex: [pkg('react'), pkg('react-dom'), pkg('react-i18next'), `^@xyflow/`],
    why: 'React and @xyflow belong to src/view/',
  },
  storage: {
    regex: ['dexie', 'y-dexie', 'y-indexeddb', 'y-websocket'].map(pkg),
    why: 'storage and network adapters belong to src/sync/, wired by src/app/',
  },
  yjs: {
    regex: ['yjs', 'y-protocols'].map(pkg),
    why: 'views never touch the Y.Doc: read snapshots and call commands through the MapSession',
  },
  view: { regex: [folder('view')], why: 'only src/app/ and src/view/ itself import view code' },
  sync: {
    regex: [folder('sync')],
    why: 'model/ is pure: adapters import the model, never the reverse',
  },
  app: { regex: [folder('app')], why: 'src/app/ wires everything and nothing imports it back' },
};

/** The browser globals model/ code could reach for; the server has none of them. */
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'requestAnimationFrame',
  'HTMLElement',
  'Element',
  'getComputedStyle',
];

/**
 * no-restricted-imports sees static imports and re-exports only; this sees `import('…')` with
 * a literal specifier, so a lazy-loaded module cannot cross a layer either.
 */
const dynamicImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Refuse dynamic import() of the specifiers a layer bans' },
    schema: [
      {
        type: 'object',
        properties: {
          patterns: {
            type: 'array',
            items: {
              type: 'object',
              properties: { regex: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
    ],
  },
  create(context) {
    const patterns = (context.options[0]?.patterns ?? []).map((p) => ({
      regex: new RegExp(p.regex, 'u'),
      message: p.message,
    }));
    return {
      ImportExpression(node) {
        const src = node.source;
        const value =
          src.type === 'Literal'
            ? src.value
            : src.type === 'TemplateLiteral' && src.expressions.length === 0
              ? src.quasis[0].value.cooked
              : null;
        if (typeof value !== 'string') return;
        const hit = patterns.find((p) => p.regex.test(value));
        if (hit)
          context.report({ node, message: `'${value}' import is restricted. ${hit.message}` });
      },
    };
  },
};

/** The layer's bans for static imports (no-restricted-imports) and dynamic ones, one list. */
const layer = (name, bans) => {
  const patterns = bans.flatMap((ban) =>
    BANS[ban].regex.map((regex) => ({
      regex,
      message: `${name} never imports this: ${BANS[ban].why} (docs/architecture.md, "Layers").`,
    })),
  );
  return {
    'no-restricted-imports': [
      'error',
      { patterns: patterns.map((p) => ({ ...p, caseSensitive: true })) },
    ],
    'layers/dynamic-imports': ['error', { patterns }],
  };
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-bench',
      'dist-server',
      'node_modules',
      'public',
      'bench/results',
      'test-results',
      'dev-dist',
      'playwright-report',
      '.tmp',
    ],
  },
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: { ...globals.node } } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: {
      'react-hooks': reactHooks,
      layers: { rules: { 'dynamic-imports': dynamicImports } },
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  // One block per layer, and the globs never overlap: flat config replaces a rule's options
  // rather than merging them, so a second block on the same files would silently drop bans.
  {
    files: ['src/model/**'],
    rules: {
      ...layer('src/model/', ['react', 'storage', 'view', 'sync', 'app']),
      // The server runs the model: the DOM is the one dependency no import would show.
      'no-restricted-globals': [
        'error',
        ...DOM_GLOBALS.map((name) => ({
          name,
          message: 'src/model/ runs on the server too: no DOM (docs/architecture.md, "Layers").',
        })),
      ],
    },
  },
  { files: ['src/sync/**'], rules: layer('src/sync/', ['react', 'view', 'app']) },
  { files: ['src/export/**'], rules: layer('src/export/', ['react', 'view', 'app']) },
  { files: ['src/view/**'], rules: layer('src/view/', ['yjs', 'storage', 'app']) },
  { files: ['server/**'], rules: layer('server/', ['react', 'view', 'app']) },
);
