/**
 * Moves the keyboard focus to an inspector field once the inspector shows the record (it follows
 * the selection at lower priority, so that may take a few frames); gives up after about a
 * second. `select`: the field's text is selected, so typing replaces a default name.
 */
export type InspectorField = 'label' | 'action';

/** The id of an inspector field's input; its `data-record-id` says whose field it shows. */
export const inspectorFieldId = (field: InspectorField) => `inspector-${field}`;

export function focusInspectorField(
  field: InspectorField,
  recordId: string,
  opts: { select?: boolean } = {},
  framesLeft = 60,
): void {
  const input = document.getElementById(inspectorFieldId(field)) as HTMLInputElement | null;
  if (input?.dataset.recordId === recordId) {
    input.focus();
    if (opts.select) input.select();
    return;
  }
  if (framesLeft > 0)
    requestAnimationFrame(() => focusInspectorField(field, recordId, opts, framesLeft - 1));
}
