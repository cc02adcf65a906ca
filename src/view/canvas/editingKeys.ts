/**
 * The single keys of keyboard-first editing on the canvas (issue 18), listed with the other
 * shortcuts in the inspector: 1–4 add a stage, channel, device or note (the toolbar's order),
 * L links the selected node (or the selected touchpoint's stage) to another node. They act only
 * outside text fields and without Ctrl, Cmd or Alt (I and C are taken: inspector, comments).
 */
import type { NodeKind } from '../../model/types';
import { isTyping } from '../hooks/useShortcuts';

export const ADD_NODE_KEYS: Readonly<Record<NodeKind, string>> = {
  stage: '1',
  channel: '2',
  device: '3',
  note: '4',
};

export const LINK_KEY = 'L';

/** Where the focus may be for the editing keys: the page itself, the canvas, the toolbar, the inspector. */
const EDITING_PLACES = '.react-flow, .toolbar, .inspector';

/**
 * A key pressed on its own (Shift allowed only if `shift`), outside a text field, with the
 * focus on the canvas, the toolbar, the inspector or nowhere (not in the strategy or comments
 * panel, a dialog or the presentation, where the canvas is behind).
 */
export function isPlainKey(e: KeyboardEvent, shift = false): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || (e.shiftKey && !shift) || e.repeat) return false;
  if (e.defaultPrevented || isTyping(e.target)) return false;
  const el = e.target as Element | null;
  const onPage = !el || el === document.body || el === document.documentElement;
  if (!onPage && !el.closest?.(EDITING_PLACES)) return false;
  return !document.querySelector('[aria-modal="true"], dialog[open]');
}

/** The kind a key adds, if it is one of ADD_NODE_KEYS (digits read by physical key too). */
export function kindForKey(e: KeyboardEvent): NodeKind | null {
  for (const [kind, key] of Object.entries(ADD_NODE_KEYS) as [NodeKind, string][])
    if (e.key === key || e.code === `Digit${key}` || e.code === `Numpad${key}`) return kind;
  return null;
}
