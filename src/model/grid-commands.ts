/**
 * Commands of the journey grid (model/grid.ts): lanes, lane items, stage order and relinking
 * a touchpoint to another cell. Same rules as commands.ts: one transaction each, texts cut and
 * numbers clamped with the record kind's limits, nothing written for a record that is gone.
 */
import * as Y from 'yjs';
import {
  gridItemsMap,
  gridLanesMap,
  gridSettingsMap,
  newRecord,
  nodesMap,
  touchpointsMap,
  writeFields,
  type YRecord,
} from './doc';
import { write } from './commands';
import { DEFAULT_LANE_ORDER, type LaneKey } from './grid';
import { newId } from './ids';
import { capNumber, capText, MAX_LANE_ITEMS, MAX_LANES } from './limits';
import { LANE_LIMITS } from './records/lane';
import { LANE_ITEM_LIMITS } from './records/lane-item';
import {
  CHANNEL_LANE_PREFIX,
  isDerivedLaneKey,
  LANE_SETTING_LIMITS,
  LANE_SETTING_SEP,
  type LaneSettingField,
} from './records/lane-setting';
import { NODE_LIMITS } from './records/node';
import { CONTENT_LANE_TYPES, type ContentLaneType } from './types';

const CONTENT_PREFIX = 'lane:';

/** What a lane key points at in the doc. */
type Target =
  | { kind: 'content'; id: string }
  | { kind: 'channel'; id: string; key: string }
  | { kind: 'derived'; key: string };

function target(key: string): Target | null {
  if (key.startsWith(CONTENT_PREFIX))
    return { kind: 'content', id: key.slice(CONTENT_PREFIX.length) };
  if (!isDerivedLaneKey(key)) return null;
  if (key.startsWith(CHANNEL_LANE_PREFIX))
    return { kind: 'channel', id: key.slice(CHANNEL_LANE_PREFIX.length), key };
  return { kind: 'derived', key };
}

/**
 * The record under `id`, or undefined when absent or not a record (any peer can put any value
 * under a key: commands skip what the reader skips, never throw on it).
 */
function rec(map: Y.Map<YRecord>, id: string): YRecord | undefined {
  const r = map.get(id);
  return r instanceof Y.Map ? r : undefined;
}
const kindOf = (doc: Y.Doc, id: unknown) => rec(nodesMap(doc), String(id))?.get('kind');
const isChannel = (doc: Y.Doc, id: string) => kindOf(doc, id) === 'channel';
const isStage = (doc: Y.Doc, id: string) => kindOf(doc, id) === 'stage';

function setSetting(doc: Y.Doc, key: string, field: LaneSettingField, value: unknown): void {
  const settings = gridSettingsMap(doc);
  const k = `${key}${LANE_SETTING_SEP}${field}`;
  if (value === undefined) {
    if (settings.has(k)) settings.delete(k);
  } else if (settings.get(k) !== value) settings.set(k, value);
}

export interface NewLane {
  type: ContentLaneType;
  /** '' = the type's name in the UI language. */
  title?: string;
  /** Place among the rows (see grid.ts); the view passes one between two neighbours. */
  order: number;
  id?: string;
}

/**
 * Adds a content lane; returns its id, or null past MAX_LANES or for a type that is not a
 * content lane's. An order that is not a number puts it at its type's default place.
 */
export function addLane(doc: Y.Doc, input: NewLane): string | null {
  if (!(CONTENT_LANE_TYPES as readonly string[]).includes(input.type)) return null;
  const order = Number.isNaN(input.order) ? DEFAULT_LANE_ORDER[input.type] : input.order;
  return write(doc, () => {
    const lanes = gridLanesMap(doc);
    if (lanes.size >= MAX_LANES) return null;
    const id = input.id ?? newId('lane');
    lanes.set(
      id,
      newRecord({
        type: input.type,
        title: capText(input.title ?? '', LANE_LIMITS.title),
        order: capNumber(order, LANE_LIMITS.order),
      }),
    );
    return id;
  });
}

/**
 * Renames a lane: a content lane's title, a channel row's channel node label, a derived
 * lane's own title ('' gives it back its default name).
 */
export function renameLane(doc: Y.Doc, key: LaneKey, title: string): void {
  const t = target(key);
  if (!t) return;
  write(doc, () => {
    if (t.kind === 'content') {
      const lane = rec(gridLanesMap(doc), t.id);
      if (lane) writeFields(lane, { title: capText(title, LANE_LIMITS.title) });
    } else if (t.kind === 'channel') {
      const node = rec(nodesMap(doc), t.id);
      if (node?.get('kind') === 'channel')
        writeFields(node, { label: capText(title, NODE_LIMITS.label) });
    } else {
      const trimmed = capText(title.trim(), LANE_SETTING_LIMITS.title);
      setSetting(doc, t.key, 'title', trimmed === '' ? undefined : trimmed);
    }
  });
}

/** Hides or shows a lane (its content stays). */
export function setLaneHidden(doc: Y.Doc, key: LaneKey, hidden: boolean): void {
  const t = target(key);
  if (!t) return;
  write(doc, () => {
    if (t.kind === 'content') {
      const lane = rec(gridLanesMap(doc), t.id);
      if (lane) writeFields(lane, { hidden: hidden ? true : undefined });
    } else if (t.kind === 'derived' || isChannel(doc, t.id))
      setSetting(doc, t.key, 'hidden', hidden ? true : undefined);
  });
}

/** Step between the orders reorderLanes writes. */
export const LANE_ORDER_STEP = 10;

/**
 * Puts the lanes in the order of `keys` (every row, as the grid shows them after the move):
 * one transaction writing each lane's order (`(index + 1) × LANE_ORDER_STEP`).
 */
export function reorderLanes(doc: Y.Doc, keys: readonly LaneKey[]): void {
  write(doc, () => {
    keys.forEach((key, i) => {
      const t = target(key);
      const order = (i + 1) * LANE_ORDER_STEP;
      if (!t) return;
      if (t.kind === 'content') {
        const lane = rec(gridLanesMap(doc), t.id);
        if (lane) writeFields(lane, { order });
      } else if (t.kind === 'derived' || isChannel(doc, t.id))
        setSetting(doc, t.key, 'order', order);
    });
  });
}

/** Deletes a content lane and its items (one undo step). */
export function deleteLane(doc: Y.Doc, laneId: string): void {
  write(doc, () => {
    gridLanesMap(doc).delete(laneId);
    const items = gridItemsMap(doc);
    for (const [id, item] of [...items.entries()])
      if (item instanceof Y.Map && item.get('laneId') === laneId) items.delete(id);
  });
}

export interface NewLaneItem {
  laneId: string;
  stageId: string;
  text: string;
  /** Place in the cell; absent = last. */
  order?: number;
  id?: string;
}

/** Adds an item to a content lane's cell; null when the lane or stage is gone or past the limit. */
export function addLaneItem(doc: Y.Doc, input: NewLaneItem): string | null {
  return write(doc, () => {
    const items = gridItemsMap(doc);
    if (!rec(gridLanesMap(doc), input.laneId) || !isStage(doc, input.stageId)) return null;
    if (items.size >= MAX_LANE_ITEMS) return null;
    const order =
      input.order === undefined || Number.isNaN(input.order)
        ? lastOrder(items, input.laneId, input.stageId) + 1
        : input.order;
    const id = input.id ?? newId('item');
    items.set(
      id,
      newRecord({
        laneId: input.laneId,
        stageId: input.stageId,
        text: capText(input.text, LANE_ITEM_LIMITS.text),
        order: capNumber(order, LANE_ITEM_LIMITS.order),
      }),
    );
    return id;
  });
}

export function updateLaneItem(doc: Y.Doc, id: string, patch: { text: string }): void {
  write(doc, () => {
    const item = rec(gridItemsMap(doc), id);
    if (item) writeFields(item, { text: capText(patch.text, LANE_ITEM_LIMITS.text) });
  });
}

/** The largest order in a cell (0 when empty), of the items that are records with one. */
function lastOrder(items: Y.Map<YRecord>, laneId: string, stageId: string, skip?: string): number {
  let max = 0;
  items.forEach((item, id) => {
    if (!(item instanceof Y.Map) || id === skip) return;
    const o = item.get('order');
    if (
      item.get('laneId') === laneId &&
      item.get('stageId') === stageId &&
      typeof o === 'number' &&
      Number.isFinite(o)
    )
      max = Math.max(max, o);
  });
  return max;
}

/**
 * Moves an item to another cell (or place in its cell), one undo step; an order that is not a
 * number puts it last in the cell.
 */
export function moveLaneItem(
  doc: Y.Doc,
  id: string,
  to: { laneId: string; stageId: string; order: number },
): void {
  write(doc, () => {
    const item = rec(gridItemsMap(doc), id);
    if (!item || !rec(gridLanesMap(doc), to.laneId) || !isStage(doc, to.stageId)) return;
    const order = Number.isNaN(to.order)
      ? lastOrder(gridItemsMap(doc), to.laneId, to.stageId, id) + 1
      : to.order;
    writeFields(item, {
      laneId: to.laneId,
      stageId: to.stageId,
      order: capNumber(order, LANE_ITEM_LIMITS.order),
    });
  });
}

export function deleteLaneItems(doc: Y.Doc, ids: Iterable<string>): void {
  write(doc, () => {
    const items = gridItemsMap(doc);
    for (const id of ids) items.delete(id);
  });
}

/**
 * Relinks a touchpoint to the cell of `stageId` and `channelId`: the end that is a stage
 * becomes `stageId`, the other end `channelId` (the direction is kept). One undo step; nothing
 * happens when either node is not of its kind or the touchpoint is not a card of the grid (one
 * end a stage, the other a channel).
 */
export function relinkTouchpoint(
  doc: Y.Doc,
  id: string,
  to: { stageId: string; channelId: string },
): void {
  write(doc, () => {
    const tp = rec(touchpointsMap(doc), id);
    if (!tp || !isStage(doc, to.stageId) || !isChannel(doc, to.channelId)) return;
    const from = kindOf(doc, tp.get('from'));
    const toEnd = kindOf(doc, tp.get('to'));
    const stageAtFrom = from === 'stage' && toEnd === 'channel';
    if (!stageAtFrom && !(from === 'channel' && toEnd === 'stage')) return;
    writeFields(
      tp,
      stageAtFrom ? { from: to.stageId, to: to.channelId } : { from: to.channelId, to: to.stageId },
    );
  });
}

/** Puts the stages in the order of `ids` (order 1, 2, …), one undo step. */
export function reorderStages(doc: Y.Doc, ids: readonly string[]): void {
  write(doc, () => {
    const nodes = nodesMap(doc);
    ids.forEach((id, i) => {
      const node = rec(nodes, id);
      if (node?.get('kind') === 'stage')
        writeFields(node, { order: capNumber(i + 1, NODE_LIMITS.order) });
    });
  });
}

/**
 * What deleting nodes leaves behind in the grid, removed in the caller's transaction: the
 * items of deleted stages and the settings of deleted channels' rows.
 */
export function deleteGridLeftovers(doc: Y.Doc, nodeIds: ReadonlySet<string>): void {
  if (nodeIds.size === 0) return;
  const items = gridItemsMap(doc);
  for (const [id, item] of [...items.entries()])
    if (item instanceof Y.Map && nodeIds.has(String(item.get('stageId')))) items.delete(id);
  const settings = gridSettingsMap(doc);
  for (const key of [...settings.keys()]) {
    if (!key.startsWith(CHANNEL_LANE_PREFIX)) continue;
    const at = key.lastIndexOf(LANE_SETTING_SEP);
    if (nodeIds.has(key.slice(CHANNEL_LANE_PREFIX.length, at))) settings.delete(key);
  }
}
