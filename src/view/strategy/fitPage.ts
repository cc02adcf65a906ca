/**
 * Whether anything on the one-page map is cut, and what to give up next. A box is cut when it
 * clips (`overflow` not visible: the page, its sections, the stage columns) and its content
 * runs past it. StrategyPrintView asks for `nextFit` before each paint until it is null;
 * e2e/one-page.spec.ts checks the same thing at each page size, on screen and in print.
 */
import { MAX_FONT_STEP, MAX_STAGE_STEP, type OnePageFit } from './onePage';

/** Steps a column takes back when the type gets smaller. */
const REGAIN = 3;

function clips(el: HTMLElement): boolean {
  const style = getComputedStyle(el);
  if (style.overflowX === 'visible' && style.overflowY === 'visible') return false;
  return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
}

/** Whether any box of the page (itself included) cuts its content. */
export function isCut(page: HTMLElement): boolean {
  return [page, ...page.querySelectorAll<HTMLElement>('*')].some(clips);
}

/**
 * The next fit of a page that is cut, null when nothing is (or nothing more can be given up):
 * each cut stage column (`.op-stage`, in order) its next step; when no column can help, the
 * next type step, every column taking back a few of its steps. At most MAX_STAGE_STEP + 1
 * passes, then REGAIN + 1 per type step.
 */
export function nextFit(page: HTMLElement, fit: OnePageFit): OnePageFit | null {
  const columns = [...page.querySelectorAll<HTMLElement>('.op-stage')];
  const cutColumns = columns.map((c) => c.scrollHeight > c.clientHeight + 1);
  const stages = columns.map((_, i) => fit.stages[i] ?? 0);
  let helped = false;
  cutColumns.forEach((cut, i) => {
    if (cut && stages[i]! < MAX_STAGE_STEP) {
      stages[i] = stages[i]! + 1;
      helped = true;
    }
  });
  if (helped) return { font: fit.font, stages };
  // A smaller type gives every column more room: each takes back up to REGAIN steps (not all,
  // so the passes before paint stay well under React's limit of nested updates).
  if (fit.font < MAX_FONT_STEP && isCut(page))
    return { font: fit.font + 1, stages: stages.map((step) => Math.max(0, step - REGAIN)) };
  return null;
}
