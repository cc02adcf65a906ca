/** The shapes of a field's limits, shared by every record kind's `<KIND>_LIMITS`. */

/** A text field: at most `chars` UTF-16 units (what `maxLength`, zod and JSON Schema count). */
export interface TextLimit {
  readonly chars: number;
}
/** A number field: inside `min..max`, whole when `integer`. */
export interface NumberLimit {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}
/** A list of texts (or ids): at most `items` entries of at most `chars` each. */
export interface ListLimit {
  readonly items: number;
  readonly chars: number;
}
export type FieldLimit = TextLimit | NumberLimit | ListLimit;
