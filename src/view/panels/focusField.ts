/**
 * Moves the keyboard focus to an inspector field once the inspector shows the record (it follows
 * the selection at lower priority, so that may take a few frames); gives up after about a
 * second. `select`: the field's text is selected, so typing replaces a default name.
 *
 * What is typed in the meantime goes into the field, not to the canvas: a quick "2" then
 * "Call center" must not lose the C (or let it toggle the comments). Only printable keys
 * without Ctrl, Cmd or Alt are kept, and only while the focus is on its way.
 */
import { isTyping } from '../hooks/useShortcuts';

export type InspectorField = 'label' | 'action';

/** The id of an inspector field's input; its `data-record-id` says whose field it shows. */
export const inspectorFieldId = (field: InspectorField) => `inspector-${field}`;

const INSPECTOR = '.inspector';
const INSPECTOR_COLLAPSED = '.inspector.is-collapsed';

/** The focus on its way, with what was typed meanwhile. */
let pending: { token: object; typed: string } | null = null;

function onTypedMeanwhile(e: KeyboardEvent): void {
  if (!pending || e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
  // Typing in another field (the header's title, a comment) stays there.
  if (isTyping(e.target) && !(e.target as Element).closest(INSPECTOR)) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  pending.typed += e.key;
}

function stopKeeping(token: object): string {
  if (pending?.token !== token) return '';
  const typed = pending.typed;
  pending = null;
  window.removeEventListener('keydown', onTypedMeanwhile, true);
  return typed;
}

/** Puts `text` in place of the input's selection, as typing would (React sees an input event). */
function insertTyped(input: HTMLInputElement, text: string): void {
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? input.value.length;
  const next = input.value.slice(0, start) + text + input.value.slice(end);
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, next);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.setSelectionRange(start + text.length, start + text.length);
}

export function focusInspectorField(
  field: InspectorField,
  recordId: string,
  opts: { select?: boolean } = {},
): void {
  // A newer request replaces an older one (and keeps what was typed for it).
  const typed = pending?.typed ?? '';
  if (pending) stopKeeping(pending.token);
  const token = {};
  pending = { token, typed };
  // A folded inspector shows no field: nothing to keep keys for.
  if (!document.querySelector(INSPECTOR_COLLAPSED))
    window.addEventListener('keydown', onTypedMeanwhile, true);
  const attempt = (framesLeft: number) => {
    if (pending?.token !== token) return;
    const input = document.getElementById(inspectorFieldId(field)) as HTMLInputElement | null;
    if (input?.dataset.recordId === recordId) {
      input.focus();
      if (opts.select) input.select();
      const meanwhile = stopKeeping(token);
      if (meanwhile && !input.readOnly) insertTyped(input, meanwhile);
      return;
    }
    if (framesLeft > 0) requestAnimationFrame(() => attempt(framesLeft - 1));
    else stopKeeping(token);
  };
  attempt(60);
}
