/**
 * How a node kind looks: its colour on the canvas, in the export legend and in the library's
 * thumbnail of the map. Pure data, so the storage layer's thumbnail can use it without the view.
 * The stylesheet's `--stage`, `--channel`, `--device` and `--note` (view/styles.css) hold the
 * same values; view/kindColor.test.ts keeps the two in step.
 */
import type { NodeKind } from './types';

export const KIND_COLOR: Record<NodeKind, string> = {
  stage: '#3b5bdb',
  channel: '#0c8599',
  device: '#7048e8',
  note: '#f2c94c',
};
