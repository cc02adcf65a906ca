import { describe, expect, it } from 'vitest';
import {
  plainHandleProps,
  replaceStoreEdges,
  replaceStoreNodes,
  type FlowStore,
} from './flowContract';
import type { AppNode, TouchpointEdge } from './flowTypes';

/** Just the store fields the adapter touches; counts the writes. */
function fakeStore(nodes: AppNode[], edges: TouchpointEdge[]) {
  const writes = { nodes: 0, edges: 0 };
  const state = {
    rfId: '1',
    noPanClassName: 'nopan',
    nodes,
    edges,
    setNodes(n: AppNode[]) {
      writes.nodes++;
      state.nodes = n;
    },
    setEdges(e: TouchpointEdge[]) {
      writes.edges++;
      state.edges = e;
    },
  };
  return { store: { getState: () => state } as unknown as FlowStore, state, writes };
}

const node = (id: string) => ({ id, position: { x: 0, y: 0 }, data: {} }) as unknown as AppNode;
const edge = (id: string) =>
  ({ id, source: 'a', target: 'b', sourceHandle: 'b', targetHandle: 't' }) as TouchpointEdge;

describe('plainHandleProps', () => {
  it("spells React Flow's <Handle type=source> attributes", () => {
    const { store } = fakeStore([], []);
    expect(plainHandleProps(store, 'n1', 'b', 'bottom', true)).toEqual({
      'data-handleid': 'b',
      'data-nodeid': 'n1',
      'data-handlepos': 'bottom',
      'data-id': '1-n1-b-source',
      className:
        'react-flow__handle react-flow__handle-bottom nodrag nopan source connectable connectablestart connectableend',
    });
    expect(plainHandleProps(store, 'n1', 'b', 'bottom', false).className).not.toMatch(
      /connectable/,
    );
  });
});

describe('direct store writes', () => {
  it('write only when something changed', () => {
    const { store, state, writes } = fakeStore([node('a'), node('b')], [edge('e')]);
    replaceStoreNodes(store, (n) => n);
    expect(replaceStoreEdges(store, (e) => e)).toBe(false);
    expect(writes).toEqual({ nodes: 0, edges: 0 });
    replaceStoreNodes(store, (n) => (n.id === 'a' ? { ...n, position: { x: 5, y: 0 } } : n));
    expect(replaceStoreEdges(store, (e) => ({ ...e, sourceHandle: 'r' }))).toBe(true);
    expect(writes).toEqual({ nodes: 1, edges: 1 });
    expect(state.nodes.map((n) => n.position.x)).toEqual([5, 0]);
    expect(state.edges[0]!.sourceHandle).toBe('r');
  });
});
