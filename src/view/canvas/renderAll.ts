/**
 * The canvas renders only what is on screen (React Flow's `onlyRenderVisibleElements`); an
 * image export copies the canvas DOM, so it needs every node and touchpoint rendered for a
 * moment. The editor owns the switch; the export holds it while it copies.
 */
import { createContext, useMemo, useState } from 'react';
import { countShownNodes } from './flowContract';

export interface RenderAllApi {
  /** Asks the canvas to render everything until the returned release is called. */
  hold(): () => void;
}

export const RenderAllContext = createContext<RenderAllApi>({ hold: () => () => {} });

/** State for the editor: whether anything holds the switch, and the API to pass down. */
export function useRenderAllSwitch(): [boolean, RenderAllApi] {
  const [holders, setHolders] = useState(0);
  const api = useMemo<RenderAllApi>(
    () => ({
      hold() {
        setHolders((n) => n + 1);
        let released = false;
        return () => {
          if (released) return;
          released = true;
          setHolders((n) => n - 1);
        };
      },
    }),
    [],
  );
  return [holders > 0, api];
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Resolves once `count` nodes are in `flowRoot`'s DOM, all measured (React Flow hides a node
 * until it has measured it), and two more frames have drawn their touchpoints. Rejects after
 * `timeoutMs` with a message saying how far it got.
 */
export async function whenAllNodesRendered(
  flowRoot: HTMLElement,
  count: number,
  timeoutMs = 30_000,
): Promise<void> {
  const started = performance.now();
  for (;;) {
    const shown = countShownNodes(flowRoot);
    if (shown >= count) break;
    if (performance.now() - started > timeoutMs) {
      throw new Error(
        `rendering the whole map: ${shown} of ${count} nodes drawn after ${Math.round(timeoutMs / 1000)} s`,
      );
    }
    await nextFrame();
  }
  await nextFrame();
  await nextFrame();
}
