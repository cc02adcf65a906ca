/**
 * What `restore()` reports. Every record kind in this folder turns any value a peer, an old
 * client or a damaged store put in the shared doc into a valid record, and lists what it had to
 * change; the snapshot carries that list (`MapSnapshot.repairs`) so the view can show a repaired
 * value where it is edited. Nothing is written back here: a repaired value reaches the doc only
 * when a person edits that field (no write storms between peers that repair the same value).
 */

/** One repaired field of one record. */
export interface Repair {
  /** The field, dotted for nested values (`painPoints.3`, `size.w`); '' for the record itself. */
  readonly field: string;
  /** What was wrong, in English, for logs and tests (the view translates `kind`). */
  readonly problem: string;
  /** The kind of repair, for the view's message. */
  readonly kind: RepairKind;
}

export const REPAIR_KINDS = [
  /** The value had the wrong type (a number as a label, a map as a list…): the default was used. */
  'wrongType',
  /** A number outside the field's range, or not finite: clamped, or the default when NaN. */
  'outOfRange',
  /** A text or list longer than the field's limit: cut. */
  'tooLong',
  /** A value outside the field's allowed set (an unknown KPI family): the default was used. */
  'unknown',
  /** A required field was missing: its default was filled in. */
  'missing',
] as const;
export type RepairKind = (typeof REPAIR_KINDS)[number];

/** A restored record and what was repaired in it (empty when the record was valid). */
export interface Restored<T> {
  readonly value: T;
  readonly repaired: readonly Repair[];
}

/**
 * Key of a record in `MapSnapshot.repairs`: the record kind and its id, e.g. `node:n1`,
 * `touchpoint:t3`, `goal:g2`, `kpi:k1`, `training:s1`, `competitor:c1`, `channelPlan:<nodeId>`,
 * and the singletons `self`, `costModel`, `goLive`, `meta`.
 */
export type RecordKey = string;
export const recordKey = (kind: string, id?: string): RecordKey =>
  id === undefined ? kind : `${kind}:${id}`;

/** The `repaired` of every valid record: one shared empty list (nothing allocated per record). */
export const NO_REPAIRS: readonly Repair[] = Object.freeze([]);

/** A record type without its `readonly`s, for building a restored value field by field. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
