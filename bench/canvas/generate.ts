/**
 * Deterministic, journey-shaped maps for the canvas benchmarks: a row of stages, and under
 * each stage a column of channels, devices and notes; touchpoints (1.5× the node count) link
 * stages to channels, channels to devices and to neighbouring stages' channels. The same
 * seed always gives the same map, so runs compare like with like.
 */
import * as Y from 'yjs';
import {
  metaMap,
  nodesMap,
  SCHEMA_VERSION,
  touchpointsMap,
  writeFields,
} from '../../src/model/doc';
import { SEED } from '../../src/model/origins';
import {
  CHANNEL_TYPES,
  DEVICE_TYPES,
  type Emotion,
  type JourneyNode,
  type Touchpoint,
} from '../../src/model/types';

export interface GeneratedMap {
  readonly nodes: JourneyNode[];
  readonly touchpoints: Touchpoint[];
}

/** Horizontal distance between stage columns, px. */
const COLUMN_PX = 260;
/** Vertical distance between rows of a column, px. */
const ROW_PX = 110;
/** Nodes per stage column (1 stage + channels, devices, notes). */
const COLUMN_SIZE = 10;

/** mulberry32: a tiny seeded PRNG, enough for reproducible benchmark data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, xs: readonly T[]): T =>
  xs[Math.floor(rand() * xs.length)] as T;

/** A map of `nodeCount` nodes and `round(1.5 × nodeCount)` touchpoints. */
export function generateMap(nodeCount: number, seed = 1): GeneratedMap {
  if (!Number.isInteger(nodeCount) || nodeCount < COLUMN_SIZE) {
    throw new Error(`generateMap.nodeCount: must be an integer ≥ ${COLUMN_SIZE}, got ${nodeCount}`);
  }
  const rand = prng(seed);
  const nodes: JourneyNode[] = [];
  const columns: { stage: string; channels: string[]; devices: string[] }[] = [];
  for (let i = 0; nodes.length < nodeCount; i++) {
    const col = Math.floor(i / COLUMN_SIZE);
    const row = i % COLUMN_SIZE;
    const x = col * COLUMN_PX;
    const y = row * ROW_PX;
    if (row === 0) {
      const id = `stage-${col}`;
      columns.push({ stage: id, channels: [], devices: [] });
      nodes.push({ id, kind: 'stage', label: `Stage ${col + 1}`, x, y, order: col + 1 });
      continue;
    }
    const column = columns[col]!;
    if (row <= 5) {
      const id = `ch-${col}-${row}`;
      column.channels.push(id);
      const channelType = pick(rand, CHANNEL_TYPES);
      nodes.push({ id, kind: 'channel', label: `${channelType} ${col}.${row}`, x, y, channelType });
    } else if (row <= 8) {
      const id = `dev-${col}-${row}`;
      column.devices.push(id);
      const deviceType = pick(rand, DEVICE_TYPES);
      nodes.push({ id, kind: 'device', label: `${deviceType} ${col}.${row}`, x, y, deviceType });
    } else {
      nodes.push({
        id: `note-${col}`,
        kind: 'note',
        label: `Note ${col + 1}`,
        x,
        y,
        description: 'Observed in interviews',
      });
    }
  }
  const touchpoints: Touchpoint[] = [];
  const target = Math.round(nodeCount * 1.5);
  const seen = new Set<string>();
  const add = (from: string | undefined, to: string | undefined) => {
    if (!from || !to || from === to || touchpoints.length >= target) return;
    const id = `tp-${from}-${to}`;
    if (seen.has(id)) return;
    seen.add(id);
    const emotion = pick(rand, [-2, -1, 0, 1, 2] as const) as Emotion;
    touchpoints.push({
      id,
      from,
      to,
      action: `Action ${touchpoints.length + 1}`,
      emotion,
      painPoints: emotion < 0 ? ['Waits too long'] : [],
      opportunities: [],
      kpiIds: [],
      volume: Math.floor(rand() * 10_000),
    });
  };
  // Journey edges first (stage → its channels → devices), then cross-stage hand-offs until 1.5×.
  for (const c of columns) for (const ch of c.channels) add(c.stage, ch);
  for (const c of columns)
    c.channels.forEach((ch, i) => add(ch, c.devices[i % Math.max(1, c.devices.length)]));
  for (let guard = 0; touchpoints.length < target && guard < target * 20; guard++) {
    const a = pick(rand, columns);
    const b =
      columns[Math.min(columns.length - 1, columns.indexOf(a) + 1 + Math.floor(rand() * 2))]!;
    add(
      pick(rand, a.channels.length ? a.channels : [a.stage]),
      pick(rand, [b.stage, ...b.channels, ...b.devices]),
    );
  }
  return { nodes, touchpoints };
}

/** Writes `map` into an empty doc in one SEED transaction, the way a template is seeded. */
export function seedMap(doc: Y.Doc, map: GeneratedMap, title: string): void {
  doc.transact(() => {
    writeFields(metaMap(doc), {
      schemaVersion: SCHEMA_VERSION,
      title,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    for (const { id, ...fields } of map.nodes) {
      const record = new Y.Map<unknown>();
      nodesMap(doc).set(id, record);
      writeFields(record, fields);
    }
    for (const { id, ...fields } of map.touchpoints) {
      const record = new Y.Map<unknown>();
      touchpointsMap(doc).set(id, record);
      writeFields(record, fields);
    }
  }, SEED);
}

/**
 * The map as one Yjs update in the V2 encoding: what the app loads from storage (the local
 * store keeps V2 updates, src/sync/local-doc.ts). Until Dec 7 the fixture was V1, which the
 * app reads only from the server's sync step 2, and decodes ≈ 15 % slower (500 nodes: 15.9
 * against 13.6 ms in Node; 232 KB against 157 KB).
 */
export function mapUpdate(map: GeneratedMap, title: string): Uint8Array {
  const doc = new Y.Doc();
  seedMap(doc, map, title);
  const update = Y.encodeStateAsUpdateV2(doc);
  doc.destroy();
  return update;
}

/** The same graph for the bare React Flow page: default nodes, plain edges. */
export function bareGraph(map: GeneratedMap) {
  return {
    nodes: map.nodes.map((n) => ({
      id: n.id,
      position: { x: n.x, y: n.y },
      data: { label: n.label },
    })),
    edges: map.touchpoints.map((t) => ({ id: t.id, source: t.from, target: t.to })),
  };
}
