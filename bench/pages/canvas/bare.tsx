/**
 * The reference: a bare React Flow page rendering the same graph with default nodes and
 * useNodesState/useEdgesState (no Yjs, no app logic). It keeps React Flow's own Background,
 * MiniMap and Controls because the app shows them too, and the same fitView and zoom bounds.
 */
import '@xyflow/react/dist/style.css';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useEdgesState,
  useNodesState,
  type Edge,
  type Node,
} from '@xyflow/react';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { installHooks, nodeCountParam } from './probe';

type Graph = { nodes: Node[]; edges: Edge[] };
let setNodesOutside: ((update: (nodes: Node[]) => Node[]) => void) | null = null;

function Bare({ graph }: { graph: Graph }) {
  const [nodes, setNodes, onNodesChange] = useNodesState(graph.nodes);
  const [edges, , onEdgesChange] = useEdgesState(graph.edges);
  useEffect(() => {
    setNodesOutside = setNodes;
  }, [setNodes]);
  return (
    <div style={{ width: '100vw', height: '100vh' }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        panOnDrag={[1, 2]}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1.2 }}
        minZoom={0.1}
        maxZoom={2.5}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <MiniMap pannable zoomable />
        <Controls />
      </ReactFlow>
    </div>
  );
}

async function main() {
  const n = nodeCountParam();
  const graph = (await (await fetch(`fixtures/bare-${n}.json`)).json()) as Graph;
  installHooks(
    graph.nodes.map((x) => ({ id: x.id, ...x.position })),
    (nodeId, label) => () =>
      setNodesOutside?.((nds) =>
        nds.map((x) => (x.id === nodeId ? { ...x, data: { ...x.data, label } } : x)),
      ),
  );
  createRoot(document.getElementById('root')!).render(<Bare graph={graph} />);
}

void main();
