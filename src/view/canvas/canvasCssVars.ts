/**
 * The canvas's CSS custom properties, generated from the model's geometry so the stylesheet
 * holds no copy of a node size: styles.css sizes nodes with `var(--node-<kind>-w|h)` and the
 * side handles with `var(--handle-px)`, and the canvas root (JourneyCanvas) carries these
 * values. An image export copies the root's custom properties (export/rasterize.ts), so
 * pictures get them too. canvasCssVars.test.ts checks that styles.css uses only these
 * variables and no literal size where one belongs.
 */
import type { CSSProperties } from 'react';
import { NODE_SIZE } from '../../model/geometry';
import { NODE_KINDS } from '../../model/types';

/**
 * Rendered size of a side handle (nodes/Handles.tsx), px, border included (`box-sizing:
 * border-box`). toFlow.ts places estimated handles with it; React Flow measures the same.
 */
export const HANDLE_PX = 9;

/** `--node-<kind>-w`, `--node-<kind>-h` and `--handle-px`, with units. */
export function canvasCssVars(): Record<string, string> {
  const vars: Record<string, string> = { '--handle-px': `${HANDLE_PX}px` };
  for (const kind of NODE_KINDS) {
    vars[`--node-${kind}-w`] = `${NODE_SIZE[kind].w}px`;
    vars[`--node-${kind}-h`] = `${NODE_SIZE[kind].h}px`;
  }
  return vars;
}

/** For `<ReactFlow style>`: one object, so the canvas root's style never changes. */
export const CANVAS_CSS_VARS = canvasCssVars() as CSSProperties;
