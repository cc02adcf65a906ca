/**
 * A portal into one of React Flow's layers, like its `ViewportPortal`/`EdgeLabelRenderer` but
 * looking the layer up once: theirs subscribe to the store with a `querySelector` over the
 * whole canvas DOM on every store change (each drag step and pan frame), which showed up in
 * the canvas profile of a 500-node map.
 */
import { useStore } from '@xyflow/react';
import { useLayoutEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const LAYER_CLASS = {
  /** Flow coordinates, above the nodes (React Flow's ViewportPortal target). */
  viewport: 'react-flow__viewport-portal',
  /** Flow coordinates, between edges and nodes (React Flow's EdgeLabelRenderer target). */
  edgeLabels: 'react-flow__edgelabel-renderer',
} as const;

const domNodeOf = (s: { domNode: HTMLDivElement | null }) => s.domNode;

export function FlowLayer({
  layer,
  children,
}: {
  layer: keyof typeof LAYER_CLASS;
  children: ReactNode;
}) {
  // The canvas element is set by React Flow after its first render: subscribe to it (a plain
  // reference, cheap to compare), and look the layer up only when it changes.
  const domNode = useStore(domNodeOf);
  const [target, setTarget] = useState<Element | null>(null);
  useLayoutEffect(() => {
    setTarget(domNode?.querySelector(`.${LAYER_CLASS[layer]}`) ?? null);
  }, [domNode, layer]);
  return target ? createPortal(children, target) : null;
}
