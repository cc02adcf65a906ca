/**
 * Where the grid picture comes from: the journey grid on screen (`data-testid="journey-grid"`,
 * ready when `data-ready="true"`), or, when the canvas is shown, the grid rendered off-screen
 * for the picture (offscreenView.tsx). The picture is an unclipped copy of it
 * (export/composeGrid.ts), so the whole grid is drawn whatever is scrolled into view: the grid
 * on screen renders only the rows and columns near what is visible (grid/windowing.ts), so the
 * export holds the render-all switch while it copies, until the grid says
 * `data-complete="true"`.
 */
import type { MapSessionApi } from '../../model/session-api';
import type { RenderAllApi } from '../canvas/renderAll';

/** The grid's root element, by its contract. */
export const GRID_SELECTOR = '[data-testid="journey-grid"]';

/**
 * The grid's editing chrome, never in a picture (besides `[data-export-ignore]`): the add
 * buttons of empty cells, the lane and stage menu buttons, an open menu.
 */
export const GRID_EXPORT_CHROME = '.grid-add, .grid-menu-button, [role="menu"]';

/** The grid root on screen, if the Grid view is shown. */
export function gridOnScreen(): HTMLElement | null {
  const grid = document.querySelector<HTMLElement>(GRID_SELECTOR);
  return grid?.isConnected ? grid : null;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Is this grid root rendered, every row and column of it (not only those on screen)? */
export const isWholeGrid = (grid: HTMLElement) =>
  grid.dataset.ready === 'true' && grid.dataset.complete === 'true';

/**
 * Resolves with the grid root on screen once it says it is rendered (whole, with `whole`);
 * null when none is shown.
 */
async function whenGridReady(whole: boolean, timeoutMs = 30_000): Promise<HTMLElement | null> {
  const started = performance.now();
  for (;;) {
    const grid = gridOnScreen();
    if (!grid) return null;
    if (whole ? isWholeGrid(grid) : grid.dataset.ready === 'true') return grid;
    if (performance.now() - started > timeoutMs)
      throw new Error(
        `the grid did not finish rendering${whole ? ' whole' : ''} in ${Math.round(timeoutMs / 1000)} s`,
      );
    await nextFrame();
  }
}

/**
 * Runs `draw` on the whole grid: the one on screen, every row and column rendered while
 * `renderAll` is held, else one rendered off-screen for it.
 */
export async function withWholeGrid<T>(
  session: MapSessionApi,
  renderAll: RenderAllApi,
  draw: (gridRoot: HTMLElement) => Promise<T>,
): Promise<T> {
  if (await whenGridReady(false)) {
    const release = renderAll.hold();
    try {
      const shown = await whenGridReady(true);
      if (shown) {
        // One more frame: the rows just rendered are laid out and painted.
        await nextFrame();
        return await draw(shown);
      }
    } finally {
      release();
    }
  }
  const { renderOffscreenGrid } = await import('./offscreenView');
  const offscreen = await renderOffscreenGrid(session);
  try {
    return await draw(offscreen.value);
  } finally {
    offscreen.dispose();
  }
}
