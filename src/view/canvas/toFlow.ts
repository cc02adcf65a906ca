/**
 * Snapshot → React Flow nodes and edges, reusing the previous output object for every record
 * whose inputs did not change, so memoized custom nodes skip re-rendering (a drag re-renders
 * only the dragged node).
 */
import { Position, type NodeHandle } from '@xyflow/react';
import { nodeSize } from '../../model/geometry';
import { isDeviceLink } from '../../model/touchpoint-kinds';
import type { JourneyNode, Touchpoint, XY } from '../../model/types';
import { HANDLE_PX } from './canvasCssVars';
import type { AppNode, TouchpointEdge } from './flowTypes';

/**
 * Where the four side handles (nodes/Handles.tsx) sit on a node of this size, so React Flow can
 * draw a touchpoint to a node it has not rendered yet (off screen, `onlyRenderVisibleElements`).
 * Replaced by the measured handles once the node has been in the DOM.
 */
export function estimatedHandles(width: number, height: number): NodeHandle[] {
  const h = HANDLE_PX / 2;
  const at = (id: string, position: Position, x: number, y: number): NodeHandle => ({
    id,
    type: 'source',
    position,
    x: x - h,
    y: y - h,
    width: HANDLE_PX,
    height: HANDLE_PX,
  });
  return [
    at('t', Position.Top, width / 2, 0),
    at('r', Position.Right, width, height / 2),
    at('b', Position.Bottom, width / 2, height),
    at('l', Position.Left, 0, height / 2),
  ];
}

export interface LocalNodeState {
  readonly selected: ReadonlySet<string>;
  /** In-flight drag positions (local, shared only through awareness). */
  readonly drag: ReadonlyMap<string, XY>;
  /** In-flight resize sizes. */
  readonly resize: ReadonlyMap<string, { width: number; height: number }>;
  /** Sizes React Flow measured; kept so re-created nodes stay visible. */
  readonly measured: ReadonlyMap<string, { width: number; height: number }>;
  readonly readOnly: boolean;
  /** Node ids other people have selected, with the colour of (one of) them. */
  readonly peerSelected?: ReadonlyMap<string, string>;
}

interface NodeEntry {
  src: JourneyNode;
  selected: boolean;
  pos: XY | undefined;
  size: { width: number; height: number } | undefined;
  measured: { width: number; height: number } | undefined;
  readOnly: boolean;
  peerColor: string | undefined;
  out: AppNode;
}

const RESIZABLE = new Set(['note', 'stage']);

export function createNodeMapper() {
  let cache = new Map<string, NodeEntry>();
  return (nodes: readonly JourneyNode[], local: LocalNodeState): AppNode[] => {
    const next = new Map<string, NodeEntry>();
    const out = nodes.map((src) => {
      const selected = local.selected.has(src.id);
      const pos = local.drag.get(src.id);
      const size = local.resize.get(src.id);
      const measured = local.measured.get(src.id);
      const peerColor = local.peerSelected?.get(src.id);
      const prev = cache.get(src.id);
      if (
        prev &&
        prev.src === src &&
        prev.selected === selected &&
        prev.pos === pos &&
        prev.size === size &&
        prev.measured === measured &&
        prev.readOnly === local.readOnly &&
        prev.peerColor === peerColor
      ) {
        next.set(src.id, prev);
        return prev.out;
      }
      const width = size?.width ?? src.w;
      const height = size?.height ?? src.h;
      // Until React Flow has measured a node, it gets the model's size and handles, so the
      // map can be fitted and linked without rendering every node once (off-screen nodes are
      // not rendered at all).
      const estimate = measured
        ? null
        : nodeSize({ kind: src.kind, w: size?.width ?? src.w, h: size?.height ?? src.h });
      const node = {
        id: src.id,
        type: src.kind,
        position: pos ?? { x: src.x, y: src.y },
        // The same data object while the record is unchanged: memoized node views then skip
        // re-rendering when only React Flow's wrapper changes (measured, selected, readOnly).
        data: prev && prev.src === src ? prev.out.data : { node: src },
        selected,
        draggable: !local.readOnly,
        connectable: !local.readOnly,
        deletable: !local.readOnly,
        ariaLabel: src.label,
        // Resizable kinds always get their width (the model's default until resized) and a
        // height once one was set; otherwise they grow with their text (styles.css min-height).
        ...(RESIZABLE.has(src.kind)
          ? { width: width ?? nodeSize(src).w, ...(height !== undefined ? { height } : {}) }
          : {}),
        ...(measured
          ? { measured }
          : {
              measured: { width: estimate!.w, height: estimate!.h },
              handles: estimatedHandles(estimate!.w, estimate!.h),
            }),
        ...(peerColor
          ? { className: 'peer-selected', style: { ['--peer-color' as string]: peerColor } }
          : {}),
      } as AppNode;
      next.set(src.id, {
        src,
        selected,
        pos,
        size,
        measured,
        readOnly: local.readOnly,
        peerColor,
        out: node,
      });
      return node;
    });
    cache = next;
    return out;
  };
}

/** Which side handles to use so a touchpoint leaves and enters along its main direction. */
export function handlesFor(
  from: XY | undefined,
  to: XY | undefined,
): { sourceHandle: string; targetHandle: string } {
  if (!from || !to) return { sourceHandle: 'b', targetHandle: 't' };
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (Math.abs(dy) >= Math.abs(dx) * 0.6) {
    return dy >= 0
      ? { sourceHandle: 'b', targetHandle: 't' }
      : { sourceHandle: 't', targetHandle: 'b' };
  }
  return dx >= 0
    ? { sourceHandle: 'r', targetHandle: 'l' }
    : { sourceHandle: 'l', targetHandle: 'r' };
}

interface EdgeEntry {
  src: Touchpoint;
  selected: boolean;
  handles: string;
  shift: { dx: number; dy: number } | undefined;
  name: string;
  out: TouchpointEdge;
}

/** The UI's words for an edge's accessible name (editor.json `edgeName.*`). */
export interface EdgeWords {
  /** A touchpoint with no action yet: "Touchpoint: Booking → Web". */
  touchpoint(from: string, to: string): string;
  /** A device link (model/touchpoint-kinds.ts): "Device link: Web → Smartphone". */
  deviceLink(from: string, to: string): string;
}

/** An edge's accessible name: a touchpoint's action, else what it joins; a device link as such. */
export function edgeName(
  tp: Touchpoint,
  nodeById: ReadonlyMap<string, JourneyNode>,
  words: EdgeWords,
): string {
  const from = nodeById.get(tp.from)?.label || '?';
  const to = nodeById.get(tp.to)?.label || '?';
  if (isDeviceLink(tp, nodeById)) return words.deviceLink(from, to);
  return tp.action.trim() || words.touchpoint(from, to);
}

export function createEdgeMapper() {
  let cache = new Map<string, EdgeEntry>();
  let last: TouchpointEdge[] = [];
  return (
    touchpoints: readonly Touchpoint[],
    positionOf: (id: string) => XY | undefined,
    selected: ReadonlySet<string>,
    /** Face shifts by touchpoint id (touchpointTexts.ts); kept by identity while unchanged. */
    shifts?: ReadonlyMap<string, { dx: number; dy: number }>,
    /** Each edge's accessible name (`edgeName` with the UI's words); by default what it joins. */
    nameOf: (tp: Touchpoint) => string = (tp) => tp.action.trim() || `${tp.from} → ${tp.to}`,
  ): TouchpointEdge[] => {
    const next = new Map<string, EdgeEntry>();
    const out: TouchpointEdge[] = [];
    for (const src of touchpoints) {
      const from = positionOf(src.from);
      const to = positionOf(src.to);
      if (!from || !to) continue; // dangling after a concurrent delete: not drawn
      const h = handlesFor(from, to);
      const handles = `${h.sourceHandle}${h.targetHandle}`;
      const isSelected = selected.has(src.id);
      const name = nameOf(src);
      const prev = cache.get(src.id);
      const found = shifts?.get(src.id);
      const shift =
        found && prev?.shift && prev.shift.dx === found.dx && prev.shift.dy === found.dy
          ? prev.shift
          : found;
      if (
        prev &&
        prev.src === src &&
        prev.selected === isSelected &&
        prev.handles === handles &&
        prev.shift === shift &&
        prev.name === name
      ) {
        next.set(src.id, prev);
        out.push(prev.out);
        continue;
      }
      const edge: TouchpointEdge = {
        id: src.id,
        type: 'touchpoint',
        source: src.from,
        target: src.to,
        ...h,
        selected: isSelected,
        data: shift ? { touchpoint: src, shift } : { touchpoint: src },
        ariaLabel: name,
      };
      next.set(src.id, { src, selected: isSelected, handles, shift, name, out: edge });
      out.push(edge);
    }
    cache = next;
    // The same array when no edge changed (a drag that keeps every touchpoint's sides): React
    // Flow rebuilds its connection lookup over all edges whenever the array changes.
    if (out.length === last.length && out.every((e, i) => e === last[i])) return last;
    last = out;
    return out;
  };
}
