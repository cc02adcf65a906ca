/**
 * Where the grid picture comes from: the journey grid on screen (`data-testid="journey-grid"`,
 * ready when `data-ready="true"`). The picture is an unclipped copy of it (export/composeGrid.ts),
 * so the whole grid is drawn whatever is scrolled into view; while it is copied the render-all
 * switch is held, so a grid that renders only what is on screen renders everything.
 */
import { gridRows, BLUEPRINT_LANES } from '../../model/grid';
import type { MapSessionApi } from '../../model/session-api';
import type { RenderAllApi } from '../canvas/renderAll';

/** The grid's root element, by its contract. */
export const GRID_SELECTOR = '[data-testid="journey-grid"]';

/** The grid root on screen, if the Grid view is shown. */
export function gridOnScreen(): HTMLElement | null {
  return document.querySelector<HTMLElement>(GRID_SELECTOR);
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Resolves with the grid root once it says it is rendered; rejects after `timeoutMs`. */
export async function whenGridReady(timeoutMs = 30_000): Promise<HTMLElement> {
  const started = performance.now();
  for (;;) {
    const grid = gridOnScreen();
    if (grid?.dataset.ready === 'true') return grid;
    if (performance.now() - started > timeoutMs)
      throw new Error(
        grid
          ? `the grid did not finish rendering in ${Math.round(timeoutMs / 1000)} s`
          : 'the grid is not shown: switch to the Grid view to export it',
      );
    await nextFrame();
  }
}

/** True when the grid shows a service-blueprint lane (the legend then explains the lines). */
export function showsBlueprint(session: MapSessionApi): boolean {
  return gridRows(session.map.getSnapshot()).some(
    (r) => !r.hidden && BLUEPRINT_LANES.includes(r.type as (typeof BLUEPRINT_LANES)[number]),
  );
}

/** Runs `draw` on the whole grid (every cell in the DOM), then lets the grid go back. */
export async function withWholeGrid<T>(
  session: MapSessionApi,
  renderAll: RenderAllApi,
  draw: (gridRoot: HTMLElement, hasBlueprint: boolean) => Promise<T>,
): Promise<T | null> {
  const release = renderAll.hold();
  try {
    await nextFrame();
    await nextFrame();
    const grid = await whenGridReady();
    return await draw(grid, showsBlueprint(session));
  } finally {
    release();
  }
}
