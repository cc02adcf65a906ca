/**
 * My in-flight drag, kept out of React state: each drag step moves the nodes (and turns the
 * dragged nodes' touchpoints to the sides they should leave from) in React Flow's store
 * directly, so a step costs one store update instead of a canvas render plus one (on a
 * 2,000-node map that halved the work per step). The canvas renders again when the drag ends.
 *
 * `ref.current` always holds the live positions; the canvas reads it whenever it maps nodes
 * (`version` changes tell it to), so a re-render in the middle of a drag (a remote edit, a
 * peer's cursor) never puts a dragged node back.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { MapSnapshot, XY } from '../../model/types';
import { replaceStoreEdges, replaceStoreNodes, useFlowStore } from './flowContract';
import { handlesFor } from './toFlow';

export interface LiveDrag {
  readonly ref: { readonly current: ReadonlyMap<string, XY> };
  /** Changes when the canvas must map nodes and edges again. */
  readonly version: number;
  /** One drag step: the new positions of every dragged node. */
  move(next: ReadonlyMap<string, XY>): void;
  /** The drag ended (after the move command was sent). */
  end(): void;
}

export function useLiveDrag(snapshot: MapSnapshot): LiveDrag {
  const store = useFlowStore();
  const ref = useRef<ReadonlyMap<string, XY>>(new Map());
  const [version, setVersion] = useState(0);

  const byNode = useMemo(() => {
    const index = new Map<string, { id: string; from: string; to: string }[]>();
    for (const t of snapshot.touchpoints) {
      for (const id of [t.from, t.to]) {
        let list = index.get(id);
        if (!list) index.set(id, (list = []));
        list.push(t);
      }
    }
    return index;
  }, [snapshot.touchpoints]);

  // Read through a ref so `move` keeps its identity across edits: it reaches React Flow as part
  // of onNodesChange, and a new onNodesChange is one more store update (every node's
  // subscriptions run) on each remote edit.
  const latest = useRef({ byNode, nodeById: snapshot.nodeById });
  latest.current = { byNode, nodeById: snapshot.nodeById };

  const move = useCallback(
    (next: ReadonlyMap<string, XY>) => {
      const { byNode, nodeById } = latest.current;
      ref.current = next;
      replaceStoreNodes(store, (n) => {
        const p = next.get(n.id);
        return p && (p.x !== n.position.x || p.y !== n.position.y) ? { ...n, position: p } : n;
      });
      // Touchpoints of the dragged nodes leave from the side facing their other end.
      const at = (id: string) => next.get(id) ?? nodeById.get(id);
      const sides = new Map<string, { sourceHandle: string; targetHandle: string }>();
      for (const id of next.keys())
        for (const t of byNode.get(id) ?? []) sides.set(t.id, handlesFor(at(t.from), at(t.to)));
      replaceStoreEdges(store, (e) => {
        const h = sides.get(e.id);
        return !h || (h.sourceHandle === e.sourceHandle && h.targetHandle === e.targetHandle)
          ? e
          : { ...e, ...h };
      });
    },
    [store],
  );

  const end = useCallback(() => {
    ref.current = new Map();
    setVersion((v) => v + 1);
  }, []);

  return useMemo(() => ({ ref, version, move, end }), [version, move, end]);
}
