/**
 * A deliberate fault-injection point for the browser tests of the error boundaries: the
 * production build must be able to make one panel fail for real, without garbage data (which
 * the record restore makes harmless). A test sets `globalThis.__ITINERA_FAIL_PANEL__` to a
 * panel's name (page.addInitScript / page.evaluate); nothing in a URL or a document can set it,
 * so a link or a shared map cannot trigger it. Clearing it and pressing "Reload this panel"
 * brings the panel back.
 */

/** Panels with their own boundary, plus `app` for the top-level one. */
export type PanelName =
  | 'canvas'
  | 'grid'
  | 'inspector'
  | 'strategy'
  | 'share'
  | 'export'
  | 'library'
  | 'comments'
  | 'votes'
  | 'personas'
  | 'compare'
  | 'history';

declare global {
  var __ITINERA_FAIL_PANEL__: string | undefined;
}

/** Rendered first inside a boundary: throws while the global names this boundary. */
export function FaultPoint({ name }: { name: PanelName | 'app' }): null {
  if (globalThis.__ITINERA_FAIL_PANEL__ === name) {
    throw new Error(`Injected failure of the ${name} panel (__ITINERA_FAIL_PANEL__)`);
  }
  return null;
}
