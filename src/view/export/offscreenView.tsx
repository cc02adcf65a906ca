/**
 * The view that is not on screen, rendered for a picture: the editor shows either the canvas
 * or the grid, and the export menu can draw either. The other one is rendered into a hidden
 * host (laid out at an editor-sized box, clipped to nothing, aria-hidden) with the same session
 * and nothing selected, waited for, copied by the export, then unmounted.
 */
import { ReactFlowProvider, useReactFlow, type ReactFlowInstance } from '@xyflow/react';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import type { MapSessionApi } from '../../model/session-api';
import { flowRootOf, useFlowStore, type FlowStore } from '../canvas/flowContract';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import type { AppNode, TouchpointEdge } from '../canvas/flowTypes';
import type { Selection } from '../canvas/selection';
import { SessionContext } from '../canvas/SessionContext';
import { GridView } from '../grid/GridView';
import { GRID_SELECTOR, isWholeGrid } from './gridPicture';

/** The box the hidden view is laid out in: a large editor's main area. */
const BOX = { width: 1440, height: 900 };
const NOTHING: Selection = { nodes: new Set(), touchpoints: new Set() };
const noop = () => {};

export interface Offscreen<T> {
  readonly value: T;
  dispose(): void;
}

function hiddenBox(): { host: HTMLElement; box: HTMLElement } {
  const host = document.createElement('div');
  Object.assign(host.style, {
    position: 'fixed',
    left: '0',
    top: '0',
    width: '0',
    height: '0',
    overflow: 'hidden',
    pointerEvents: 'none',
    zIndex: '-1',
  });
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  const box = document.createElement('div');
  Object.assign(box.style, {
    position: 'relative',
    width: `${BOX.width}px`,
    height: `${BOX.height}px`,
  });
  host.append(box);
  document.body.append(host);
  return { host, box };
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function until<T>(what: string, get: () => T | null, timeoutMs = 30_000): Promise<T> {
  const started = performance.now();
  for (;;) {
    const v = get();
    if (v) return v;
    if (performance.now() - started > timeoutMs)
      throw new Error(`${what}: not rendered after ${Math.round(timeoutMs / 1000)} s`);
    await nextFrame();
  }
}

/** The grid of the session's map, rendered off-screen; resolves with its root once ready. */
export async function renderOffscreenGrid(session: MapSessionApi): Promise<Offscreen<HTMLElement>> {
  const { host, box } = hiddenBox();
  const root = createRoot(box);
  const dispose = () => {
    root.unmount();
    host.remove();
  };
  try {
    root.render(
      <SessionContext.Provider value={session}>
        <GridView
          snapshot={session.map.getSnapshot()}
          selection={NOTHING}
          select={noop}
          renderAll
        />
      </SessionContext.Provider>,
    );
    const grid = await until('the grid', () => {
      const g = box.querySelector<HTMLElement>(GRID_SELECTOR);
      return g && isWholeGrid(g) ? g : null;
    });
    await nextFrame();
    return { value: grid, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

export interface OffscreenFlow {
  readonly flow: Pick<ReactFlowInstance<AppNode, TouchpointEdge>, 'getNodes'>;
  readonly store: FlowStore;
}

/** Hands the provider's instance and store out of the tree. */
function Grab({ onReady }: { onReady(f: OffscreenFlow): void }) {
  const flow = useReactFlow<AppNode, TouchpointEdge>();
  const store = useFlowStore();
  useEffect(() => {
    onReady({ flow, store });
  }, [flow, store, onReady]);
  return null;
}

/** The canvas of the session's map, every node rendered, off-screen in its own React Flow. */
export async function renderOffscreenCanvas(
  session: MapSessionApi,
): Promise<Offscreen<OffscreenFlow>> {
  const { host, box } = hiddenBox();
  const root = createRoot(box);
  const dispose = () => {
    root.unmount();
    host.remove();
  };
  try {
    const grabbed: { value: OffscreenFlow | null } = { value: null };
    root.render(
      <SessionContext.Provider value={session}>
        <ReactFlowProvider>
          <Grab
            onReady={(f) => {
              grabbed.value = f;
            }}
          />
          <JourneyCanvas
            snapshot={session.map.getSnapshot()}
            selection={NOTHING}
            onSelectionChange={noop}
            snapToGrid={false}
            renderAll
          />
        </ReactFlowProvider>
      </SessionContext.Provider>,
    );
    const value = await until('the canvas', () =>
      grabbed.value && flowRootOf(grabbed.value.store) ? grabbed.value : null,
    );
    return { value, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}
