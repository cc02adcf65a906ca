/**
 * A portal into one of React Flow's layers, like its `ViewportPortal`/`EdgeLabelRenderer` but
 * looking the layer up once: theirs subscribe to the store with a `querySelector` over the
 * whole canvas DOM on every store change (each drag step and pan frame), which showed up in
 * the canvas profile of a 500-node map.
 */
import { useStore } from '@xyflow/react';
import { useLayoutEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { flowLayer, selectDomNode, type FlowLayerName } from './flowContract';

export function FlowLayer({ layer, children }: { layer: FlowLayerName; children: ReactNode }) {
  // The canvas element is set by React Flow after its first render: subscribe to it (a plain
  // reference, cheap to compare), and look the layer up only when it changes.
  const domNode = useStore(selectDomNode);
  const [target, setTarget] = useState<Element | null>(null);
  useLayoutEffect(() => {
    setTarget(flowLayer(domNode, layer));
  }, [domNode, layer]);
  return target ? createPortal(children, target) : null;
}
