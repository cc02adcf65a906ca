// Lint, with the layer rules of docs/architecture.md enforced by no-restricted-imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const REACT = ['react', 'react-dom', 'react-dom/*', '@xyflow/react', 'react-i18next'];
const STORAGE = [
  'yjs',
  'dexie',
  'y-dexie',
  'y-websocket',
  'y-protocols',
  'y-protocols/*',
  'y-indexeddb',
];
const banned = (names, why) => ({
  paths: names.filter((n) => !n.includes('*')).map((name) => ({ name, message: why })),
  patterns: names.filter((n) => n.includes('*')).map((group) => ({ group: [group], message: why })),
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-bench',
      'node_modules',
      'public',
      'bench/results',
      'test-results',
      'dev-dist',
      'playwright-report',
    ],
  },
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: { ...globals.node } } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/model/**', 'src/sync/**', 'src/export/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        banned(
          [...REACT, '*/view/*'],
          'model/, sync/ and export/ never import React, @xyflow or view code',
        ),
      ],
    },
  },
  {
    files: ['src/model/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        banned(
          [...REACT, 'dexie', 'y-dexie', 'y-websocket', '*/view/*', '*/sync/*'],
          'model/ is pure: no React, DOM libraries or storage adapters',
        ),
      ],
    },
  },
  {
    files: ['src/view/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        banned(
          STORAGE,
          'view/ never imports yjs, dexie or y-websocket: go through model/ commands and hooks',
        ),
      ],
    },
  },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        banned(['*/view/*', ...REACT], 'server/ imports nothing from src/view or React'),
      ],
    },
  },
);
