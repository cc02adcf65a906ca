/**
 * Whether anything on the one-page map is cut: a box that clips (`overflow` not visible: the
 * page, its sections, the stage columns) whose content runs past it. StrategyPrintView asks
 * for a denser page (onePage.ts `atDensity`) while this is true; e2e/one-page.spec.ts checks
 * the same thing at each page size, on screen and in print.
 */
export function isCut(page: HTMLElement): boolean {
  for (const el of [page, ...page.querySelectorAll<HTMLElement>('*')]) {
    const style = getComputedStyle(el);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) return true;
  }
  return false;
}
