/**
 * The node kinds' colours have one definition, model/kindColor.ts: the stylesheet's custom
 * properties (which the canvas, the grid and the legend read) carry the same values, so the
 * library thumbnail drawn from KIND_COLOR (sync/thumbnail.test.ts) looks like the map.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_COLOR } from '../model/kindColor';
import { NODE_KINDS } from '../model/types';

const css = readFileSync(join(import.meta.dirname, 'styles.css'), 'utf8');
const root = /:root\s*\{([^}]*)\}/.exec(css)![1]!;

describe('node kind colours', () => {
  it('styles.css :root carries KIND_COLOR for every kind', () => {
    for (const kind of NODE_KINDS) {
      const m = new RegExp(`--${kind}:\\s*([^;]+);`).exec(root);
      expect(m?.[1]?.trim().toLowerCase(), `--${kind}`).toBe(KIND_COLOR[kind].toLowerCase());
    }
  });
});
