/**
 * The stylesheet's node sizes are the model's. styles.css holds no node size of its own: it
 * reads custom properties that canvasCssVars() generates from NODE_SIZE at run time. This test
 * checks the two ends of that: the variables carry the model's numbers, and every node-sizing
 * declaration in the stylesheet is one of those variables (a literal px, or a misspelt
 * variable that would silently fall back to `auto`, fails). e2e/flow-contract.spec.ts then
 * measures the rendered nodes in a browser against NODE_SIZE.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_SIZE } from '../../model/geometry';
import { NODE_KINDS } from '../../model/types';
import { canvasCssVars, HANDLE_PX } from './canvasCssVars';

const css = readFileSync(join(__dirname, '..', 'styles.css'), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

/** Every `selector { declarations }` rule of the (flat) stylesheet. */
const rules = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
  selectors: m[1]!.split(',').map((s) => s.trim()),
  decls: m[2]!
    .split(';')
    .map((d) => d.split(':').map((p) => p.trim()))
    .filter((d) => d.length === 2 && d[0] !== '') as [string, string][],
}));

/** The value of `property` in the rule whose selector list has exactly `selector`. */
const declared = (selector: string, property: string) =>
  rules
    .filter((r) => r.selectors.includes(selector))
    .flatMap((r) => r.decls.filter(([p]) => p === property).map(([, v]) => v));

describe('canvas CSS variables', () => {
  const vars = canvasCssVars();

  it('carry the model node sizes and the handle size', () => {
    for (const kind of NODE_KINDS) {
      expect(vars[`--node-${kind}-w`]).toBe(`${NODE_SIZE[kind].w}px`);
      expect(vars[`--node-${kind}-h`]).toBe(`${NODE_SIZE[kind].h}px`);
    }
    expect(vars['--handle-px']).toBe(`${HANDLE_PX}px`);
  });

  it('are what styles.css sizes nodes and handles with', () => {
    for (const kind of ['channel', 'device'] as const)
      expect(declared(`.react-flow__node-${kind}`, 'width')).toEqual([`var(--node-${kind}-w)`]);
    for (const kind of NODE_KINDS)
      expect(declared(`.jn-${kind}`, 'min-height')).toEqual([`var(--node-${kind}-h)`]);
    expect(declared('.react-flow__handle', 'width')).toEqual(['var(--handle-px)']);
    expect(declared('.react-flow__handle', 'height')).toEqual(['var(--handle-px)']);
  });

  it('are the only sizes of node and handle rules in styles.css', () => {
    const sized = /^(width|height|min-width|min-height|max-width|max-height)$/;
    const nodeRule =
      /^\.(jn(-stage|-channel|-device|-note)?|react-flow__node(-\w+)?|react-flow__handle)$/;
    for (const r of rules) {
      if (!r.selectors.some((s) => nodeRule.test(s))) continue;
      for (const [p, v] of r.decls) {
        if (!sized.test(p)) continue;
        expect(`${r.selectors.join(', ')} { ${p}: ${v} }`).toMatch(/: (var\(--[\w-]+\)|100%) \}$/);
      }
    }
  });

  it('are all defined: styles.css uses no --node-* or --handle-* the canvas does not set', () => {
    const used = new Set([...css.matchAll(/var\((--(?:node|handle)-[\w-]+)\)/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(0);
    for (const name of used) expect(Object.keys(vars)).toContain(name);
  });
});
