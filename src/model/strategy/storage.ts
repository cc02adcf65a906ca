/**
 * Storage of the two strategy records that exist under a fixed key before anyone edits them:
 * a channel's plan (keyed by the channel node's id) and the go-live checklist ticks (keyed by
 * item). Both are flat keys in root maps (see the layout in ../doc.ts), never a nested Y.Map
 * created on first edit: two people making that first edit at once would each create a map
 * under the same key, and Yjs would keep only one of them with its fields.
 *
 * What must stay true: every function here runs inside the caller's transaction; readers
 * merge the legacy v1 layout under the flat keys, so an edit a v1 peer made before syncing is
 * still seen after this client migrated.
 */
import * as Y from 'yjs';
import { strategyPart, strategyRecords } from '../doc';
import { MAX_ID_CHARS } from '../limits';
import { restoreChannelPlan } from '../records/channel-plan';
import { isId, listPlace } from '../records/support/fields';
import type { ChannelPlan } from '../types';

type Plain = Record<string, unknown>;

/** Separates the channel id from the field name; ids never contain it (ID_PATTERN). */
const SEP = '/';
const planFields = (doc: Y.Doc) => strategyPart(doc, 'channelPlanFields');
const legacyPlans = (doc: Y.Doc) => strategyRecords(doc, 'channelPlans');
const ticks = (doc: Y.Doc) => strategyPart(doc, 'goLiveDone');

function same(a: unknown, b: unknown): boolean {
  return (
    a === b || (typeof b === 'object' && b !== null && JSON.stringify(a) === JSON.stringify(b))
  );
}

// ---------- channel plans ----------

/**
 * Every channel plan as stored, not yet restored: the flat fields, with any field still in a
 * legacy v1 map over them. A legacy field wins because it can only be newer than its flat
 * copy: the migration and every write delete the legacy field when they write the flat one, so
 * a legacy field that is still there was written by a v1 peer that had not seen them.
 * Keys and fields are any string a peer wrote (`__proto__` included), so both levels are
 * null-prototype bags: an assignment can never reach a prototype.
 */
export function readRawChannelPlans(doc: Y.Doc): Map<string, Plain> {
  const plans = new Map<string, Plain>();
  const planOf = (id: string) => {
    let plan = plans.get(id);
    if (!plan) plans.set(id, (plan = Object.create(null) as Plain));
    return plan;
  };
  planFields(doc).forEach((value, key) => {
    const at = key.lastIndexOf(SEP);
    const plan = planOf(at < 0 ? key : key.slice(0, at));
    if (at >= 0) plan[key.slice(at + 1)] = value;
  });
  legacyPlans(doc).forEach((record, id) => {
    if (!(record instanceof Y.Map)) return;
    const plan = planOf(id);
    record.forEach((value, field) => (plan[field] = value));
  });
  return plans;
}

/** Every channel plan with a usable node id, restored (records/channel-plan.ts). */
export function readChannelPlans(doc: Y.Doc): Record<string, ChannelPlan> {
  const out: Record<string, ChannelPlan> = {};
  for (const [id, raw] of readRawChannelPlans(doc))
    if (isId(id, MAX_ID_CHARS)) out[id] = restoreChannelPlan(raw, id).value;
  return out;
}

/**
 * Writes `fields` of the plan of `channelId` (creating it); `undefined` clears a field.
 * Unchanged values are skipped, so a Y.Map does not grow on no-op writes.
 */
export function writeChannelPlan(doc: Y.Doc, channelId: string, fields: Readonly<Plain>): void {
  const flat = planFields(doc);
  const legacy = legacyPlans(doc).get(channelId);
  const old = legacy instanceof Y.Map ? legacy : undefined;
  if (!flat.has(channelId)) flat.set(channelId, true);
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'id' || field === 'nodeId') continue;
    const key = `${channelId}${SEP}${field}`;
    if (value === undefined) {
      if (flat.has(key)) flat.delete(key);
      if (old?.has(field)) old.delete(field);
      continue;
    }
    if (old?.has(field)) {
      if (same(value, old.get(field))) continue;
      old.delete(field);
    }
    if (!same(value, flat.get(key))) flat.set(key, value);
  }
}

/**
 * v1 → v2: moves the fields of every legacy plan map to flat keys. The (now empty) legacy maps
 * stay: deleting one would also drop any field a v1 peer is writing into it concurrently.
 */
export function flattenLegacyPlans(doc: Y.Doc): void {
  legacyPlans(doc).forEach((record, id) => {
    if (!(record instanceof Y.Map)) return;
    const fields = record.toJSON() as Plain;
    for (const field of Object.keys(fields)) record.delete(field);
    writeChannelPlan(doc, id, fields);
  });
}

/** Deletes the plans of `channelIds` (their flat fields and any legacy map). */
export function deleteChannelPlans(doc: Y.Doc, channelIds: ReadonlySet<string>): void {
  if (channelIds.size === 0) return;
  const flat = planFields(doc);
  for (const key of [...flat.keys()]) {
    const at = key.lastIndexOf(SEP);
    if (channelIds.has(at < 0 ? key : key.slice(0, at))) flat.delete(key);
  }
  const legacy = legacyPlans(doc);
  for (const id of channelIds) if (legacy.has(id)) legacy.delete(id);
}

// ---------- go-live checklist ----------

/** The ticked go-live items in display order, or undefined when none was ever recorded. */
export function readGoLiveDone(doc: Y.Doc): string[] | undefined {
  const legacy = strategyPart(doc, 'goLive').get('done');
  const order = new Map<string, number>();
  if (Array.isArray(legacy))
    legacy.forEach((k, i) => typeof k === 'string' && !order.has(k) && order.set(k, i + 1));
  ticks(doc).forEach((value, key) => order.set(key, listPlace(value) ?? Number.MAX_SAFE_INTEGER));
  if (order.size === 0 && !Array.isArray(legacy)) return undefined;
  return [...order.entries()]
    .sort(([ka, a], [kb, b]) => a - b || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([k]) => k);
}

/** Ticks (after every item ticked so far) or unticks one go-live item. */
export function setGoLiveDone(doc: Y.Doc, key: string, done: boolean): void {
  const map = ticks(doc);
  const goLive = strategyPart(doc, 'goLive');
  const legacy = goLive.get('done');
  const inLegacy = Array.isArray(legacy) && legacy.includes(key);
  if (done) {
    if (map.has(key) || inLegacy) return;
    let max = Array.isArray(legacy) ? legacy.length : 0;
    map.forEach((v) => (max = Math.max(max, listPlace(v) ?? 0)));
    map.set(key, max + 1);
    return;
  }
  if (map.has(key)) map.delete(key);
  if (inLegacy)
    goLive.set(
      'done',
      legacy.filter((k) => k !== key),
    );
}

/**
 * v1 → v2: moves the legacy `goLive.done` list to one key per item. Deleting the list keeps a
 * list a v1 peer sets concurrently (a new value, not the one deleted), and readers merge it.
 */
export function flattenLegacyGoLiveDone(doc: Y.Doc): void {
  const goLive = strategyPart(doc, 'goLive');
  const legacy = goLive.get('done');
  if (legacy === undefined) return;
  if (Array.isArray(legacy))
    writeGoLiveDone(
      doc,
      legacy.filter((k): k is string => typeof k === 'string'),
    );
  goLive.delete('done');
}

/** Records a whole list of ticks in its order (import, seed, migration): order = position. */
export function writeGoLiveDone(doc: Y.Doc, keys: readonly string[]): void {
  const map = ticks(doc);
  keys.forEach((key, i) => {
    if (!map.has(key)) map.set(key, i + 1);
  });
}
