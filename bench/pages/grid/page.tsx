/**
 * The grid bench page (bench/grid/bench.ts): the app's real Editor over an in-memory Y.Doc
 * loaded from one Yjs update (fixtures/grid-map.bin, bench/grid/generate.ts), in the view
 * `?view=grid|canvas` asks for (the remembered per-map choice, set before the first render, so
 * nothing else is rendered first). Session as bench/pages/canvas/ours.tsx. A remote edit is
 * the update another replica's transaction produced (a touchpoint's new action), applied with
 * the REMOTE origin. Exposed as `window.__gridBench`.
 */
import '@xyflow/react/dist/style.css';
import '../../../src/view/styles.css';
import { createRoot } from 'react-dom/client';
import * as Y from 'yjs';
import { initI18n } from '../../../src/app/i18n';
import { bindCommands } from '../../../src/model/bound-commands';
import { touchpointsMap } from '../../../src/model/doc';
import { createHistory } from '../../../src/model/history';
import { REMOTE } from '../../../src/model/origins';
import { MapReader } from '../../../src/model/read';
import { createSelectionStore } from '../../../src/model/selection';
import type { MapSessionApi, SyncState, UndoState } from '../../../src/model/session-api';
import { bindStrategyCommands } from '../../../src/model/strategy/bound-commands';
import { Editor } from '../../../src/view/editor/Editor';
import { installHooks } from '../canvas/probe';
import { NO_COMMENTS } from '../../../src/model/comments/none';

export type View = 'grid' | 'canvas';

export interface GridBenchHooks {
  readonly view: View;
  /** ms from navigation start to the view shown and the main thread free; null until then. */
  readyAt: number | null;
  /** Selects one touchpoint (its action then shows on the canvas too; the inspector opens in both views). */
  select(touchpointId: string): void;
  /** Sets a touchpoint's action "from another client"; resolves with ms until the view's DOM shows it. */
  remoteAction(touchpointId: string, action: string): Promise<number>;
  /** Where to scroll the grid or pan the canvas from, viewport px. */
  scrollPoint(): { x: number; y: number } | null;
  /** The grid's scroll offset or the canvas's viewport transform, to check a gesture moved it. */
  offset(): string;
}

declare global {
  interface Window {
    __gridBench?: GridBenchHooks;
  }
}

const MAP_ID = 'bench-grid';
const GRID = '[data-testid="journey-grid"]';
const constant = <T,>(value: T) => ({ subscribe: () => () => {}, getSnapshot: () => value });

/** The element that scrolls the grid: the grid root, an ancestor or a descendant that overflows. */
function gridScroller(): HTMLElement | null {
  const grid = document.querySelector<HTMLElement>(GRID);
  if (!grid) return null;
  const scrolls = (e: HTMLElement) =>
    /(auto|scroll)/.test(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth;
  for (let e: HTMLElement | null = grid; e; e = e.parentElement) if (scrolls(e)) return e;
  for (const e of grid.querySelectorAll<HTMLElement>('*')) if (scrolls(e)) return e;
  return null;
}

/** The smallest element under `root` whose text contains `text`. */
function smallestWith(root: Element, text: string): Element | null {
  let best: Element | null = null;
  const walk = (e: Element) => {
    if (!e.textContent?.includes(text)) return;
    best = e;
    for (const c of e.children) walk(c);
  };
  walk(root);
  return best;
}

/** Resolves with ms from `start` until `el` (or, if React replaced it, `root`) shows `text`. */
function timeUntilText(el: Element, root: Element, text: string, start: number): Promise<number> {
  return new Promise((resolve) => {
    const done = () =>
      el.isConnected
        ? (el.textContent?.includes(text) ?? false)
        : !!root.textContent?.includes(text);
    if (done()) return resolve(performance.now() - start);
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      resolve(performance.now() - start);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** The grid is interactive when it says it is rendered and a macrotask queued after that frame ran. */
function watchGridReady(hooks: GridBenchHooks): void {
  const check = () => {
    if (document.querySelector<HTMLElement>(GRID)?.dataset.ready === 'true') {
      setTimeout(() => (hooks.readyAt = performance.now()), 0);
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function main() {
  const view: View =
    new URLSearchParams(location.search).get('view') === 'grid' ? 'grid' : 'canvas';
  // The Editor reads the remembered view of the map (view/grid/viewMode.ts) when it mounts.
  localStorage.setItem(`itinera.view.${MAP_ID}`, view);
  const bytes = new Uint8Array(await (await fetch('fixtures/grid-map.bin')).arrayBuffer());
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bytes, REMOTE);
  const reader = new MapReader(doc);
  const history = createHistory(doc);
  const selection = createSelectionStore();
  const session: MapSessionApi = {
    mapId: MAP_ID,
    readOnlyReason: null,
    comments: NO_COMMENTS,
    map: { subscribe: reader.subscribe, getSnapshot: reader.getSnapshot },
    commands: bindCommands(doc),
    undo: {
      ...constant<UndoState>({ canUndo: false, canRedo: false }),
      undo: history.undo,
      redo: history.redo,
      stopCapturing: history.stopCapturing,
    },
    sync: constant<SyncState>({ save: 'saved', connection: 'local' }),
    strategy: bindStrategyCommands(doc),
    selection,
  };

  // Another client's replica, made before the first timed edit (not during the load).
  let other: Y.Doc | null = null;
  const hooks: GridBenchHooks = {
    view,
    readyAt: null,
    select(id) {
      selection.set({ nodes: new Set(), touchpoints: new Set([id]) });
    },
    async remoteAction(id, action) {
      if (!other) {
        other = new Y.Doc();
        Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
      }
      const before = reader.getSnapshot().touchpointById.get(id)?.action ?? '';
      const root =
        view === 'grid'
          ? document.querySelector(GRID)
          : document.querySelector(`[data-testid="tp-label-${CSS.escape(id)}"]`);
      if (!root) throw new Error(`${view}: touchpoint ${id} is not in the DOM`);
      const el = view === 'grid' ? smallestWith(root, before) : root;
      if (!el) throw new Error(`${view}: no element shows "${before}"`);
      let update: Uint8Array | null = null;
      const capture = (u: Uint8Array) => (update = u);
      other.on('update', capture);
      touchpointsMap(other).get(id)?.set('action', action);
      other.off('update', capture);
      const start = performance.now();
      const waiting = timeUntilText(el, root, action, start);
      Y.applyUpdate(doc, update!, REMOTE);
      return waiting;
    },
    scrollPoint() {
      if (view === 'canvas') return window.__bench?.emptyPanePoint() ?? null;
      const s = gridScroller();
      if (!s) return null;
      const r = s.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + Math.min(r.height / 2, 300) };
    },
    offset() {
      if (view === 'canvas')
        return document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
      const s = gridScroller();
      return s ? `${s.scrollLeft},${s.scrollTop}` : '';
    },
  };
  window.__gridBench = hooks;
  if (view === 'grid') watchGridReady(hooks);
  else {
    // The canvas rows' rule (bench/pages/canvas/probe.ts): fitted, every on-screen node measured.
    const probe = installHooks(reader.getSnapshot().nodes, () => () => {});
    const copy = () => {
      if (probe.readyAt != null) hooks.readyAt = probe.readyAt;
      else requestAnimationFrame(copy);
    };
    requestAnimationFrame(copy);
  }

  initI18n();
  createRoot(document.getElementById('root')!).render(<Editor session={session} />);
}

void main();
