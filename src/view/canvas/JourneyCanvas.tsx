/**
 * The journey canvas: React Flow in controlled mode over the map snapshot. Selection, in-flight
 * drags and resizes and measured sizes are local state; the doc is written only by commands
 * (drag end → moveNodes, connect → addTouchpoint, delete → deleteItems).
 */
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  ReactFlow,
  SelectionMode,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  useReactFlow,
  useStore,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapSnapshot, Touchpoint, XY } from '../../model/types';
import { PeerCursors } from '../presence/PeerCursors';
import { CanvasPins } from '../comments/CanvasPins';
import { commentsUiFor } from '../comments/commentsUi';
import { usePeers } from '../hooks/usePeers';
import { GRID_PX, mapExtent } from '../../model/geometry';
import { FAR_ZOOM, FarContext, initialViewport } from './detail';
import { FIT, useFitMap } from './useFitMap';
import { CANVAS_CSS_VARS } from './canvasCssVars';
import {
  FLOW_CLASS,
  nodeElement,
  nodeIdAtPoint,
  selectCanvasWidth,
  selectZoom,
} from './flowContract';
import { NodeEditContext, type NodeEdit } from './nodes/NodeLabel';
import { focusInspectorField } from '../panels/focusField';
import { isTyping } from '../hooks/useShortcuts';
import type { WheelMode } from './wheelMode';
import { EmotionCurve } from './EmotionCurve';
import { isPlainKey, LINK_KEY } from './editingKeys';
import { LinkPicker } from './LinkPicker';
import { useLiveDrag } from './useLiveDrag';
import { JourneyMiniMap } from './JourneyMiniMap';
import { LaneLabels } from './LaneLabels';
import { NodeTextContext, rememberingT } from './nodes/NodeText';
import type { AppNode, TouchpointEdge } from './flowTypes';
import { EDGE_TYPES, NODE_TYPES } from './nodeTypes';
import { useSession } from './SessionContext';
import { createEdgeMapper, createNodeMapper, edgeName, handlesFor } from './toFlow';
import { cachedGlyphLayout, NO_GLYPHS, type Box, type GlyphInput } from './touchpointTexts';
import { TouchpointTexts } from './TouchpointTexts';
import { useDimmedEdges } from '../personas/dimming';
import { nodeSize } from '../../model/geometry';
import type { Selection } from './selection';

/**
 * From this size on, only on-screen nodes and touchpoints are rendered. Below it everything is
 * (mounting nodes that scroll into view costs more than it saves on a smaller map).
 */
export const CULL_ABOVE_NODES = 1000;
const isFar = (s: Parameters<typeof selectZoom>[0]) => selectZoom(s) < FAR_ZOOM;

// Props React Flow compares by identity: a fresh array or object on every render makes it
// update its store (waking every node's subscriptions) or re-bind its key and zoom handlers,
// so a remote label edit cost three store updates instead of one.
const SNAP_GRID: [number, number] = [GRID_PX, GRID_PX];
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PAN_BUTTONS = [1, 2];
const PRO_OPTIONS = { hideAttribution: false };

interface Props {
  snapshot: MapSnapshot;
  selection: Selection;
  onSelectionChange(next: Selection): void;
  snapToGrid: boolean;
  /** Render every node and touchpoint, not only those on screen (while an image is exported). */
  renderAll?: boolean;
  /** What the mouse wheel does (a local setting, `wheelMode.ts`). */
  wheel?: WheelMode;
}

type Size = { width: number; height: number };

export function JourneyCanvas({
  snapshot,
  selection,
  onSelectionChange,
  snapToGrid,
  renderAll = false,
  wheel = 'pan',
}: Props) {
  const { t } = useTranslation('editor');
  const session = useSession();
  const readOnly = session.readOnlyReason !== null;
  const drag = useLiveDrag(snapshot);
  const { move: moveDrag, end: endDrag, ref: dragRef } = drag;
  const [resize, setResize] = useState<ReadonlyMap<string, Size>>(new Map());
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(new Map());
  const mapNodes = useRef(createNodeMapper()).current;
  const mapEdges = useRef(createEdgeMapper()).current;
  const flow = useReactFlow();
  const presence = session.presence;
  const far = useStore(isFar) && !renderAll;
  // Where the map is shown before React Flow has measured and fitted it (see detail.ts).
  const [startViewport] = useState(() =>
    initialViewport(mapExtent(snapshot), FIT, {
      width: window.innerWidth,
      height: window.innerHeight,
    }),
  );
  // Fit the whole map (with curve and lane labels) once the canvas has a size and the map has
  // nodes (a shared map may arrive by its first sync).
  const fitMap = useFitMap();
  const canvasWidth = useStore(selectCanvasWidth);
  const fitted = useRef(false);
  const hasNodes = snapshot.nodes.length > 0;
  useEffect(() => {
    if (fitted.current || !canvasWidth || !hasNodes) return;
    fitted.current = true;
    fitMap();
  }, [canvasWidth, hasNodes, fitMap]);
  const nodeText = useMemo(() => rememberingT(t), [t]);
  // "Add comment" mode: a click on the empty canvas pins a comment there.
  const commentsUi = commentsUiFor(session);
  const readPlacing = () => commentsUi.get().placing;
  const placing = useSyncExternalStore(commentsUi.subscribe, readPlacing, readPlacing);
  const onPaneClick = useCallback(
    (e: React.MouseEvent) => {
      if (!commentsUi.get().placing) return;
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      commentsUi.startThread({ kind: 'point', x: Math.round(at.x), y: Math.round(at.y) });
    },
    [commentsUi, flow],
  );
  const ariaLabelConfig = useMemo(
    () => ({
      'controls.ariaLabel': t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t('keyboard.zoomIn'),
      'controls.zoomOut.ariaLabel': t('keyboard.zoomOut'),
      'controls.fitView.ariaLabel': t('keyboard.fitView'),
      'controls.interactive.ariaLabel': t('keyboard.interactive'),
      'node.a11yDescription.default': t('keyboard.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('keyboard.nodeHelp'),
      'node.a11yDescription.ariaLiveMessage': ({ x, y }: { x: number; y: number }) =>
        t('keyboard.moved', { x: Math.round(x), y: Math.round(y) }),
      'edge.a11yDescription.default': t('keyboard.edgeHelp'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('keyboard.handle'),
    }),
    [t],
  );
  // The node whose label is edited in place (double-click, or Enter on the selected node).
  const [editing, setEditing] = useState<string | null>(null);
  const nodeEdit = useMemo<NodeEdit>(
    () => ({
      editing,
      finish(id, label) {
        setEditing(null);
        if (label !== null && !readOnly) session.commands.renameNode(id, label);
        // Back to the node, so Enter edits again and the arrow keys nudge it.
        requestAnimationFrame(() => nodeElement(id)?.focus({ preventScroll: true }));
      },
    }),
    [editing, readOnly, session],
  );
  const onNodeDoubleClick = useCallback(
    (_e: React.MouseEvent, node: AppNode) => {
      if (!readOnly) setEditing(node.id);
    },
    [readOnly],
  );
  const selectedNodes = selection.nodes;
  const onlyNode =
    selectedNodes.size === 1 && selection.touchpoints.size === 0 ? [...selectedNodes][0]! : null;
  useEffect(() => {
    if (!onlyNode || readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      if (isTyping(e.target)) return;
      const el = e.target as HTMLElement | null;
      // Enter on a button or link keeps its own meaning; on the page or the canvas it edits.
      if (el && el !== document.body && !el.closest(`.${FLOW_CLASS.root}`)) return;
      if (el?.closest('button, a')) return;
      // Enter on another node than the selected one selects that node (React Flow), no more.
      const onNode = el?.closest(`.${FLOW_CLASS.node}`);
      if (onNode && onNode.getAttribute('data-id') !== onlyNode) return;
      e.preventDefault();
      setEditing(onlyNode);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onlyNode, readOnly]);
  // L: the keyboard link picker, from the selected node or the selected touchpoint's stage.
  const [linking, setLinking] = useState<{ from: string | null } | null>(null);
  const linkFrom = useRef<string | null>(null);
  linkFrom.current = linkStart(snapshot, selection);
  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isPlainKey(e) || e.key.toUpperCase() !== LINK_KEY) return;
      e.preventDefault();
      setLinking({ from: linkFrom.current });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly]);
  const peers = usePeers(session);

  // Other people's live drags and selections (awareness), under my own drag (read from its
  // ref: see useLiveDrag; `drag.version` and the snapshot say when to read it again).
  const { shownDrag, peerSelected } = useMemo(() => {
    const mine = drag.ref.current;
    const remote = new Map<string, XY>();
    const selectedBy = new Map<string, string>();
    for (const p of peers) {
      for (const [id, pos] of Object.entries(p.drag ?? {})) remote.set(id, pos);
      for (const id of p.selection ?? []) if (!selectedBy.has(id)) selectedBy.set(id, p.color);
    }
    if (remote.size === 0) return { shownDrag: mine, peerSelected: selectedBy };
    for (const [id, pos] of mine) remote.set(id, pos);
    return { shownDrag: remote as ReadonlyMap<string, XY>, peerSelected: selectedBy };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- drag.ref is read on purpose when these change
  }, [peers, drag.version, drag.ref, snapshot.nodes]);

  const nodes = useMemo(
    () =>
      mapNodes(snapshot.nodes, {
        selected: selection.nodes,
        drag: shownDrag,
        resize,
        measured,
        readOnly,
        peerSelected,
      }),
    [
      mapNodes,
      snapshot.nodes,
      selection.nodes,
      shownDrag,
      resize,
      measured,
      readOnly,
      peerSelected,
    ],
  );
  // Faces moved off each other and every action's text placed (touchpointTexts.ts), from the
  // stored positions and the measured sizes; laid out again only when one of those changed.
  // On screen, not before React Flow has measured a node: a layout from the estimated sizes
  // would be thrown away a frame later (on a 500-node map, about 50 ms of the load). An
  // export's off-screen canvas (renderAll) lays out at once: its picture is taken as soon as
  // the nodes are measured, before the render that measuring brings.
  const layoutGlyphs = useMemo(cachedGlyphLayout, []);
  const glyphs = useMemo(() => {
    if (!renderAll && measured.size === 0 && snapshot.nodes.length > 0) return NO_GLYPHS;
    const boxOf = (id: string): Box | null => {
      const n = snapshot.nodeById.get(id);
      if (!n) return null;
      const m = measured.get(id);
      const size = m ? { w: m.width, h: m.height } : nodeSize(n);
      return { x: n.x, y: n.y, w: size.w, h: size.h };
    };
    const inputs: GlyphInput[] = [];
    for (const tp of snapshot.touchpoints) {
      const from = boxOf(tp.from);
      const to = boxOf(tp.to);
      if (!from || !to) continue;
      const sides = handlesFor(from, to);
      inputs.push({
        id: tp.id,
        action: tp.action,
        hasGlyph: tp.emotion !== undefined || tp.painPoints.length > 0,
        hasPains: tp.painPoints.length > 0,
        from,
        to,
        ...sides,
      });
    }
    const nodeBoxes = snapshot.nodes.map((n) => boxOf(n.id)!);
    return layoutGlyphs(inputs, nodeBoxes);
  }, [layoutGlyphs, renderAll, snapshot.touchpoints, snapshot.nodes, snapshot.nodeById, measured]);
  const edges = useMemo(() => {
    const pos = (id: string) => shownDrag.get(id) ?? snapshot.nodeById.get(id);
    const words = {
      touchpoint: (from: string, to: string) => nodeText('edgeName.touchpoint', { from, to }),
      deviceLink: (from: string, to: string) => nodeText('edgeName.deviceLink', { from, to }),
    };
    const nameOf = (tp: Touchpoint) => edgeName(tp, snapshot.nodeById, words);
    return mapEdges(snapshot.touchpoints, pos, selection.touchpoints, glyphs.shifts, nameOf);
  }, [
    nodeText,
    mapEdges,
    snapshot.touchpoints,
    snapshot.nodeById,
    shownDrag,
    selection.touchpoints,
    glyphs.shifts,
  ]);

  // Node and edge select changes of one gesture arrive in separate callbacks: accumulate them.
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const applySelection = useCallback(
    (next: Selection) => {
      if (
        sameSet(next.nodes, selectionRef.current.nodes) &&
        sameSet(next.touchpoints, selectionRef.current.touchpoints)
      )
        return;
      selectionRef.current = next;
      // The session's selection store publishes it to presence (every path goes through it).
      onSelectionChange(next);
    },
    [onSelectionChange],
  );
  const presenceRef = useRef(presence);
  presenceRef.current = presence;

  const onNodesChange = useCallback(
    (changes: NodeChange<AppNode>[]) => {
      let nextDrag: Map<string, XY> | null = null;
      let nextResize: Map<string, Size> | null = null;
      let nextMeasured: Map<string, Size> | null = null;
      let nextSelected: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'select') {
          nextSelected ??= new Set(selectionRef.current.nodes);
          if (c.selected) nextSelected.add(c.id);
          else nextSelected.delete(c.id);
        } else if (c.type === 'position' && c.dragging && c.position) {
          nextDrag ??= new Map(dragRef.current);
          nextDrag.set(c.id, c.position);
        } else if (c.type === 'dimensions' && c.resizing === false && resizeRef.current.has(c.id)) {
          nextResize ??= new Map(resizeRef.current);
          nextResize.delete(c.id);
        } else if (c.type === 'dimensions' && c.dimensions) {
          if (c.resizing && c.setAttributes) {
            nextResize ??= new Map(resizeRef.current);
            nextResize.set(c.id, c.dimensions);
          } else {
            const prev = measuredRef.current.get(c.id);
            if (!prev || prev.width !== c.dimensions.width || prev.height !== c.dimensions.height) {
              nextMeasured ??= new Map(measuredRef.current);
              nextMeasured.set(c.id, c.dimensions);
            }
          }
        }
      }
      if (nextDrag) {
        moveDrag(nextDrag);
        presenceRef.current?.setDrag(nextDrag);
      }
      if (nextResize) setResize((resizeRef.current = nextResize));
      if (nextMeasured) setMeasured((measuredRef.current = nextMeasured));
      if (nextSelected) applySelection({ ...selectionRef.current, nodes: nextSelected });
    },
    [applySelection, moveDrag, dragRef],
  );
  const resizeRef = useRef<ReadonlyMap<string, Size>>(resize);
  const measuredRef = useRef<ReadonlyMap<string, Size>>(measured);

  const onNodeDragStop = useCallback(
    (_e: unknown, _node: AppNode, dragged: AppNode[]) => {
      const moves = dragged.map((n) => ({
        id: n.id,
        ...(dragRef.current.get(n.id) ?? n.position),
      }));
      if (!readOnly) session.commands.moveNodes(moves);
      endDrag();
      presence?.setDrag(null);
    },
    [session, readOnly, presence, endDrag, dragRef],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<TouchpointEdge>[]) => {
      // Removal arrives through onDelete; only selection is handled here.
      let next: Set<string> | null = null;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        next ??= new Set(selectionRef.current.touchpoints);
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      if (next) applySelection({ ...selectionRef.current, touchpoints: next });
    },
    [applySelection],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (readOnly || !c.source || !c.target) return;
      const id = session.commands.addTouchpoint({ from: c.source, to: c.target });
      if (!id) return;
      onSelectionChange({ nodes: new Set(), touchpoints: new Set([id]) });
      // The new touchpoint's Action next: type what the customer does.
      focusInspectorField('action', id);
    },
    [session, readOnly, onSelectionChange],
  );

  /** Dropping a link anywhere on another node (not only on its handle) connects to that node. */
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (readOnly || state.isValid || !state.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const target = nodeIdAtPoint(point.clientX, point.clientY);
      if (target && target !== state.fromNode.id)
        onConnect({ source: state.fromNode.id, target, sourceHandle: null, targetHandle: null });
    },
    [readOnly, onConnect],
  );

  const onDelete = useCallback(
    ({ nodes: n, edges: e }: { nodes: AppNode[]; edges: TouchpointEdge[] }) => {
      if (readOnly) return;
      session.commands.deleteItems({
        nodeIds: n.map((x) => x.id),
        touchpointIds: e.map((x) => x.id),
      });
      onSelectionChange({ nodes: new Set(), touchpoints: new Set() });
    },
    [session, readOnly, onSelectionChange],
  );

  return (
    <FarContext.Provider value={far}>
      <NodeTextContext.Provider value={nodeText}>
        <NodeEditContext.Provider value={nodeEdit}>
          <ReactFlow<AppNode, TouchpointEdge>
            nodes={nodes}
            edges={useDimmedEdges(edges, snapshot)}
            nodeTypes={NODE_TYPES}
            edgeTypes={EDGE_TYPES}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onNodeDragStop={onNodeDragStop}
            onConnect={onConnect}
            onConnectEnd={onConnectEnd}
            onDelete={onDelete}
            onNodeDoubleClick={onNodeDoubleClick}
            zoomOnDoubleClick={false}
            onPaneClick={onPaneClick}
            className={placing ? 'is-placing-comment' : undefined}
            connectionMode={ConnectionMode.Loose}
            deleteKeyCode={readOnly ? null : DELETE_KEYS}
            multiSelectionKeyCode={MULTI_SELECT_KEYS}
            selectionOnDrag
            panOnDrag={PAN_BUTTONS}
            panOnScroll={wheel === 'pan'}
            zoomOnScroll={wheel === 'zoom'}
            selectionMode={SelectionMode.Partial}
            snapToGrid={snapToGrid}
            snapGrid={SNAP_GRID}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            elementsSelectable
            onlyRenderVisibleElements={!renderAll && snapshot.nodes.length > CULL_ABOVE_NODES}
            defaultViewport={startViewport}
            minZoom={FIT.minZoom}
            maxZoom={2.5}
            proOptions={PRO_OPTIONS}
            ariaLabelConfig={ariaLabelConfig}
            aria-label={t('canvas.label')}
            style={CANVAS_CSS_VARS}
            onPointerMove={
              presence
                ? (e) =>
                    presence.setCursor(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }))
                : undefined
            }
            onPointerLeave={presence ? () => presence.setCursor(null) : undefined}
          >
            <Background variant={BackgroundVariant.Dots} gap={GRID_PX} size={1.2} />
            <EmotionCurve snapshot={snapshot} />
            <TouchpointTexts
              texts={glyphs.texts}
              selected={selection.touchpoints}
              renderAll={renderAll}
              snapshot={snapshot}
            />
            <LaneLabels nodes={snapshot.nodes} measured={measured} />
            <JourneyMiniMap nodes={snapshot.nodes} />
            <Controls onFitView={() => fitMap(200)} />
            {presence ? <PeerCursors peers={peers} /> : null}
            <CanvasPins map={snapshot} measured={measured} />
          </ReactFlow>
          {linking ? (
            <LinkPicker
              nodes={snapshot.nodes}
              from={linking.from ? (snapshot.nodeById.get(linking.from) ?? null) : null}
              onLink={(from, to) => {
                setLinking(null);
                onConnect({ source: from, target: to, sourceHandle: null, targetHandle: null });
              }}
              onCancel={(refocus) => {
                const back = linking.from;
                setLinking(null);
                if (back && refocus)
                  requestAnimationFrame(() => nodeElement(back)?.focus({ preventScroll: true }));
              }}
            />
          ) : null}
        </NodeEditContext.Provider>
      </NodeTextContext.Provider>
    </FarContext.Provider>
  );
}

/** Where a keyboard link starts: the one selected node, or the selected touchpoint's stage. */
function linkStart(snapshot: MapSnapshot, selection: Selection): string | null {
  const count = selection.nodes.size + selection.touchpoints.size;
  if (count !== 1) return null;
  if (selection.nodes.size === 1) return [...selection.nodes][0]!;
  const tp = snapshot.touchpointById.get([...selection.touchpoints][0]!);
  if (!tp) return null;
  return snapshot.nodeById.get(tp.to)?.kind === 'stage' &&
    snapshot.nodeById.get(tp.from)?.kind !== 'stage'
    ? tp.to
    : tp.from;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
