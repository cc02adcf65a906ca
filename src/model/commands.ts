/**
 * Every write to a map's journey goes through these commands: `verbNoun(doc, args)`, one
 * `doc.transact(fn, LOCAL)` each (origin overridable for seeding and import). Views never
 * write the doc directly. A doc written by a newer Itinera is refused (ReadOnlyDocError).
 */
import * as Y from 'yjs';
import {
  metaMap,
  newRecord,
  nodesMap,
  SCHEMA_VERSION,
  strategyRecords,
  touchpointsMap,
  writeFields,
} from './doc';
import { newId } from './ids';
import { capList, capNumber, capText, MAX_LABEL_CHARS } from './limits';
import { META_LIMITS, storedSchemaVersion } from './records/meta';
import { NODE_LIMITS } from './records/node';
import { TOUCHPOINT_LIMITS } from './records/touchpoint';
import type { TextLimit } from './records/support/field-limits';
import { LOCAL, type Origin } from './origins';
import { type Clip } from './clip';
import { readNode, readTouchpoint } from './read';
import { deleteChannelPlans } from './strategy/storage';
import { deleteGridLeftovers } from './grid-commands';
import { realignEvidence } from './evidence-commands';
import {
  type ChannelType,
  type DeviceType,
  type Emotion,
  type JourneyNode,
  type NodeKind,
  type Touchpoint,
  type XY,
} from './types';

export class ReadOnlyDocError extends Error {
  constructor(readonly docVersion: number) {
    super(
      `This map was saved by a newer version of Itinera (schema ${docVersion}, this app knows ${SCHEMA_VERSION}). Reload to update.`,
    );
    this.name = 'ReadOnlyDocError';
  }
}

/** The doc's schema version is newer than this code: open read-only. */
export function isNewerSchema(doc: Y.Doc): boolean {
  return (storedSchemaVersion(metaMap(doc).get('schemaVersion')) ?? 0) > SCHEMA_VERSION;
}

/** Runs `fn` in one transaction after checking the doc is writable by this version. */
export function write<T>(doc: Y.Doc, fn: () => T, origin: Origin = LOCAL): T {
  if (isNewerSchema(doc))
    throw new ReadOnlyDocError(storedSchemaVersion(metaMap(doc).get('schemaVersion')) ?? 0);
  let result!: T;
  doc.transact(() => {
    result = fn();
  }, origin);
  return result;
}

export { MAX_LABEL_CHARS };
/**
 * A text cut to its field's limit (`records/<kind>.ts`); non-strings (undefined: "clear the
 * field") pass through for writeFields to store.
 */
const cut = <T>(v: T, limit: TextLimit): T =>
  typeof v === 'string' ? (capText(v, limit) as T) : v;

export function renameMap(doc: Y.Doc, title: string): void {
  write(doc, () => {
    metaMap(doc).set('title', capText(title.trim(), META_LIMITS.title));
  });
}

export interface NewNode {
  kind: NodeKind;
  label: string;
  x: number;
  y: number;
  order?: number;
  channelType?: ChannelType;
  deviceType?: DeviceType;
  w?: number;
  h?: number;
  description?: string;
  color?: string;
  id?: string;
}

const ID_PREFIX: Record<NodeKind, string> = {
  stage: 'stage',
  channel: 'ch',
  device: 'dev',
  note: 'note',
};

function nextStageOrder(doc: Y.Doc): number {
  let max = 0;
  nodesMap(doc).forEach((r) => {
    // Any peer can put a value that is not a record under a key: skipped, never read.
    if (r instanceof Y.Map && r.get('kind') === 'stage')
      max = Math.max(max, Number(r.get('order')) || 0);
  });
  return max + 1;
}

function nodeFields(input: NewNode, doc: Y.Doc): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    kind: input.kind,
    label: capText(input.label, NODE_LIMITS.label),
    x: capNumber(input.x, NODE_LIMITS.x),
    y: capNumber(input.y, NODE_LIMITS.y),
    w: input.w === undefined ? undefined : capNumber(input.w, NODE_LIMITS.w),
    h: input.h === undefined ? undefined : capNumber(input.h, NODE_LIMITS.h),
    description: cut(input.description, NODE_LIMITS.description),
    color: input.color,
  };
  if (input.kind === 'stage')
    fields.order = capNumber(input.order ?? nextStageOrder(doc), NODE_LIMITS.order);
  if (input.kind === 'channel') fields.channelType = input.channelType ?? 'web';
  if (input.kind === 'device') fields.deviceType = input.deviceType ?? 'smartphone';
  return fields;
}

export function addNode(doc: Y.Doc, input: NewNode, origin: Origin = LOCAL): string {
  return write(
    doc,
    () => {
      const id = input.id ?? newId(ID_PREFIX[input.kind]);
      nodesMap(doc).set(id, newRecord(nodeFields(input, doc)));
      return id;
    },
    origin,
  );
}

export type NodePatch = Partial<{
  label: string;
  order: number;
  channelType: ChannelType;
  deviceType: DeviceType;
  description: string;
  color: string;
  w: number | undefined;
  h: number | undefined;
}>;

export function updateNode(doc: Y.Doc, id: string, patch: NodePatch): void {
  write(doc, () => {
    const record = nodesMap(doc).get(id);
    if (!record) return;
    const fields: Record<string, unknown> = { ...patch };
    if (typeof patch.label === 'string') fields.label = capText(patch.label, NODE_LIMITS.label);
    if ('description' in patch)
      fields.description = cut(patch.description, NODE_LIMITS.description);
    if (typeof patch.order === 'number') fields.order = capNumber(patch.order, NODE_LIMITS.order);
    for (const key of ['w', 'h'] as const)
      if (typeof patch[key] === 'number') fields[key] = capNumber(patch[key], NODE_LIMITS[key]);
    writeFields(record, fields);
  });
}

/**
 * Renames a node from the canvas's in-place editor: the whole label at once, one transaction
 * and (not being a typed field edit, see undo-steps.ts) one undo step of its own. Writes nothing
 * when the label is unchanged.
 */
export function renameNode(doc: Y.Doc, id: string, label: string): boolean {
  return write(doc, () => {
    const record = nodesMap(doc).get(id);
    if (!record) return false;
    const next = capText(label, NODE_LIMITS.label);
    if (record.get('label') === next) return false;
    writeFields(record, { label: next });
    return true;
  });
}

/** Writes final positions (drag end, arrange, nudge): one transaction, positions rounded. */
export function moveNodes(
  doc: Y.Doc,
  moves: Iterable<{ id: string } & XY>,
  origin: Origin = LOCAL,
): void {
  write(
    doc,
    () => {
      const nodes = nodesMap(doc);
      for (const { id, x, y } of moves) {
        const record = nodes.get(id);
        if (record)
          writeFields(record, { x: capNumber(x, NODE_LIMITS.x), y: capNumber(y, NODE_LIMITS.y) });
      }
    },
    origin,
  );
}

export function resizeNode(
  doc: Y.Doc,
  id: string,
  box: { w: number; h: number } & Partial<XY>,
): void {
  write(doc, () => {
    const record = nodesMap(doc).get(id);
    if (!record) return;
    writeFields(record, {
      w: capNumber(box.w, NODE_LIMITS.w),
      h: capNumber(box.h, NODE_LIMITS.h),
      ...(box.x !== undefined ? { x: capNumber(box.x, NODE_LIMITS.x) } : {}),
      ...(box.y !== undefined ? { y: capNumber(box.y, NODE_LIMITS.y) } : {}),
    });
  });
}

/**
 * Deletes nodes and touchpoints. A node goes with every touchpoint touching it, its channel
 * plan and its id in KPIs' `channelIds`, so nothing points at it (a touchpoint's KPI links
 * live on the touchpoint and go with it).
 */
export function deleteItems(
  doc: Y.Doc,
  items: { nodeIds?: Iterable<string>; touchpointIds?: Iterable<string> },
): void {
  write(doc, () => {
    const nodes = nodesMap(doc);
    const tps = touchpointsMap(doc);
    const gone = new Set(items.nodeIds ?? []);
    for (const id of gone) nodes.delete(id);
    deleteChannelPlans(doc, gone);
    deleteGridLeftovers(doc, gone);
    for (const id of items.touchpointIds ?? []) tps.delete(id);
    if (gone.size === 0) return;
    // Values that are not records (any peer can write one) are skipped, never read.
    strategyRecords(doc, 'kpis').forEach((kpi) => {
      if (!(kpi instanceof Y.Map)) return;
      const ids = kpi.get('channelIds');
      if (Array.isArray(ids) && ids.some((c) => gone.has(c)))
        kpi.set(
          'channelIds',
          ids.filter((c) => !gone.has(c)),
        );
    });
    for (const [id, record] of [...tps.entries()]) {
      if (!(record instanceof Y.Map)) continue;
      if (gone.has(String(record.get('from'))) || gone.has(String(record.get('to'))))
        tps.delete(id);
    }
  });
}

export interface NewTouchpoint {
  from: string;
  to: string;
  action?: string;
  emotion?: Emotion;
  id?: string;
}

/** Links two existing, distinct nodes; returns the new touchpoint id, or null when refused. */
export function addTouchpoint(
  doc: Y.Doc,
  input: NewTouchpoint,
  origin: Origin = LOCAL,
): string | null {
  return write(
    doc,
    () => {
      const nodes = nodesMap(doc);
      if (input.from === input.to || !nodes.has(input.from) || !nodes.has(input.to)) return null;
      const id = input.id ?? newId('tp');
      touchpointsMap(doc).set(
        id,
        newRecord({
          from: input.from,
          to: input.to,
          action: capText(input.action ?? '', TOUCHPOINT_LIMITS.action),
          emotion: input.emotion,
        }),
      );
      return id;
    },
    origin,
  );
}

export type TouchpointPatch = Partial<{
  action: string;
  emotion: Emotion | undefined;
  painPoints: string[];
  opportunities: string[];
  kpiIds: string[];
  owner: string;
  volume: number | undefined;
}>;

export function updateTouchpoint(doc: Y.Doc, id: string, patch: TouchpointPatch): void {
  write(doc, () => {
    const record = touchpointsMap(doc).get(id);
    if (!record) return;
    const fields: Record<string, unknown> = { ...patch };
    if ('action' in patch) fields.action = cut(patch.action, TOUCHPOINT_LIMITS.action);
    if (typeof patch.owner === 'string')
      fields.owner = capText(patch.owner, TOUCHPOINT_LIMITS.owner);
    for (const key of ['painPoints', 'opportunities', 'kpiIds'] as const) {
      const list = patch[key];
      if (Array.isArray(list)) fields[key] = capList(list, TOUCHPOINT_LIMITS[key]);
    }
    // Each pain point's and opportunity's evidence moves with its item (evidence-commands.ts).
    if (fields.painPoints || fields.opportunities) {
      const now = readTouchpoint(id, record);
      if (fields.painPoints && now.painPointEvidence)
        fields.painPointEvidence = realignEvidence(
          now.painPoints,
          now.painPointEvidence,
          fields.painPoints as string[],
        );
      if (fields.opportunities && now.opportunityEvidence)
        fields.opportunityEvidence = realignEvidence(
          now.opportunities,
          now.opportunityEvidence,
          fields.opportunities as string[],
        );
    }
    // Not a number clears the volume (like an emptied field); a number is kept in the format's range.
    if (typeof patch.volume === 'number')
      fields.volume = Number.isNaN(patch.volume)
        ? undefined
        : capNumber(patch.volume, TOUCHPOINT_LIMITS.volume);
    writeFields(record, fields);
  });
}

export function copyItems(doc: Y.Doc, nodeIds: Iterable<string>): Clip {
  const ids = new Set(nodeIds);
  const nodes: JourneyNode[] = [];
  for (const id of ids) {
    const record = nodesMap(doc).get(id);
    if (record instanceof Y.Map) nodes.push(readNode(id, record));
  }
  const touchpoints: Touchpoint[] = [];
  touchpointsMap(doc).forEach((record, id) => {
    if (!(record instanceof Y.Map)) return;
    if (ids.has(String(record.get('from'))) && ids.has(String(record.get('to')))) {
      touchpoints.push(readTouchpoint(id, record));
    }
  });
  return { format: 'itinera/clip', nodes, touchpoints };
}

/** Pastes a clip with new ids, shifted by `offset`; returns the new node ids. */
export function pasteItems(doc: Y.Doc, clip: Clip, offset: XY): string[] {
  return write(doc, () => {
    const idMap = new Map<string, string>();
    const nodes = nodesMap(doc);
    for (const node of clip.nodes) {
      const id = newId(ID_PREFIX[node.kind] ?? 'node');
      idMap.set(node.id, id);
      const { id: _old, ...fields } = node;
      const extra = {
        ...fields,
        x: capNumber(node.x + offset.x, NODE_LIMITS.x),
        y: capNumber(node.y + offset.y, NODE_LIMITS.y),
      };
      if (node.kind === 'stage') Object.assign(extra, { order: nextStageOrder(doc) });
      if (node.w !== undefined) extra.w = capNumber(node.w, NODE_LIMITS.w);
      if (node.h !== undefined) extra.h = capNumber(node.h, NODE_LIMITS.h);
      nodes.set(id, newRecord(extra));
    }
    const tps = touchpointsMap(doc);
    for (const tp of clip.touchpoints) {
      const from = idMap.get(tp.from);
      const to = idMap.get(tp.to);
      if (!from || !to) continue;
      const { id: _old, ...fields } = tp;
      tps.set(newId('tp'), newRecord({ ...fields, from, to }));
    }
    return [...idMap.values()];
  });
}

export const DUPLICATE_OFFSET_PX = 40;

export function duplicateNodes(doc: Y.Doc, nodeIds: Iterable<string>): string[] {
  return pasteItems(doc, copyItems(doc, nodeIds), {
    x: DUPLICATE_OFFSET_PX,
    y: DUPLICATE_OFFSET_PX,
  });
}

export { MAX_CLIP_ITEMS, parseClip, type Clip } from './clip';
