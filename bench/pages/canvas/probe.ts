/**
 * In-page instrumentation shared by the two canvas bench pages, exposed as `window.__bench`
 * for the runner (bench/canvas/bench.ts): when the map became visible and interactive, how
 * long a remote edit takes to reach the DOM, where to grab a node or the empty pane.
 */

export interface BenchHooks {
  /** ms from navigation start to the map visible (fitted, every on-screen node rendered and measured) and the main thread free; null until then. */
  readyAt: number | null;
  /** Nodes in the map. */
  nodeCount: number;
  /** Nodes on screen when the map became ready (the same on both pages, or the comparison is off). */
  onScreen: number;
  /** Applies one label edit "from another client" and resolves with ms from its arrival until the DOM shows it. */
  remoteEdit(nodeId: string, label: string): Promise<number>;
  /** Node components rendered since the last reset (only with ?count=1 on the ours page). */
  renders(): number;
  resetRenders(): void;
  /** A viewport point over the empty pane, for panning. */
  emptyPanePoint(): { x: number; y: number } | null;
  /** Centre of a node's element in viewport px. */
  nodeCenter(id: string): { x: number; y: number } | null;
}

declare global {
  interface Window {
    __bench?: BenchHooks;
    __benchRenders?: number;
  }
}

export const params = new URLSearchParams(location.search);
export const nodeCountParam = (): number => {
  const n = Number(params.get('n') ?? '500');
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`?n: must be a positive integer, got ${params.get('n')}`);
  return n;
};

const nodeEl = (id: string) =>
  document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);

/** Resolves with ms from `start` until `nodeId`'s element contains `label` (checked on every DOM mutation). */
export function timeUntilLabel(nodeId: string, label: string, start: number): Promise<number> {
  return new Promise((resolve) => {
    const done = () => nodeEl(nodeId)?.textContent?.includes(label) ?? false;
    if (done()) return resolve(performance.now() - start);
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      resolve(performance.now() - start);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** Ids of the nodes whose top-left corner lies inside the canvas at the current viewport. */
function nodesOnScreen(positions: readonly NodePosition[]): string[] | null {
  const flow = document.querySelector<HTMLElement>('.react-flow');
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(
    viewport?.style.transform ?? '',
  );
  if (!flow || !m) return null;
  const [tx, ty, z] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const { width, height } = flow.getBoundingClientRect();
  return positions
    .filter((p) => {
      const x = p.x * z + tx;
      const y = p.y * z + ty;
      return x >= 0 && y >= 0 && x < width && y < height;
    })
    .map((p) => p.id);
}

/**
 * Watches for the map being shown: the viewport fitted (React Flow fits once nodes have a
 * size) and every node that lies on screen in the DOM and visible (measured); then a
 * macrotask, so "interactive" means the main thread has finished the work that frame queued.
 * The same rule for both pages, whether or not a page renders off-screen nodes.
 */
function watchReady(hooks: BenchHooks, positions: readonly NodePosition[]): void {
  const check = () => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const fitted =
      viewport &&
      viewport.style.transform &&
      viewport.style.transform !== 'translate(0px, 0px) scale(1)';
    const wanted = fitted ? nodesOnScreen(positions) : null;
    if (wanted && wanted.length > 0) {
      const shown = new Set<string>();
      document.querySelectorAll<HTMLElement>('.react-flow__node').forEach((el) => {
        if (el.style.visibility !== 'hidden') shown.add(el.dataset.id ?? '');
      });
      if (wanted.every((id) => shown.has(id))) {
        hooks.onScreen = wanted.length;
        setTimeout(() => (hooks.readyAt = performance.now()), 0);
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

export interface NodePosition {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

export function installHooks(
  positions: readonly NodePosition[],
  /** Prepares one label edit (for ours: another replica's update, as bytes) and returns what applies it. */
  makeEdit: (nodeId: string, label: string) => () => void,
  /** One-off set-up for remote edits (the ours page's second replica), run before the first is timed. */
  prepareRemote: () => void = () => {},
): BenchHooks {
  let prepared = false;
  const hooks: BenchHooks = {
    readyAt: null,
    nodeCount: positions.length,
    onScreen: 0,
    async remoteEdit(nodeId, label) {
      if (!prepared) {
        prepareRemote();
        prepared = true;
      }
      const apply = makeEdit(nodeId, label);
      const start = performance.now();
      const waiting = timeUntilLabel(nodeId, label, start);
      apply();
      return waiting;
    },
    renders: () => window.__benchRenders ?? 0,
    resetRenders: () => void (window.__benchRenders = 0),
    emptyPanePoint() {
      for (let y = 120; y < innerHeight - 40; y += 17) {
        for (let x = 40; x < innerWidth - 260; x += 23) {
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane'))
            return { x, y };
        }
      }
      return null;
    },
    nodeCenter(id) {
      const r = nodeEl(id)?.getBoundingClientRect();
      return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    },
  };
  window.__bench = hooks;
  watchReady(hooks, positions);
  return hooks;
}
