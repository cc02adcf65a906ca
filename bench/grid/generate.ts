/**
 * The journey-grid bench map (issue 12, "Speed"): 30 stages, 40 channels, 8 devices, 1,000
 * touchpoints (stage → channel, a few channel → device) and 200 lane items in four content
 * lanes (frontstage, backstage, support, text), built with the model's commands, laid out by
 * Arrange (as a person would before reading the canvas), deterministic. Both bench pages (grid
 * and canvas) load it from the same Yjs update, what the app reads from storage.
 */
import * as Y from 'yjs';
import { addNode, addTouchpoint, moveNodes, updateTouchpoint } from '../../src/model/commands';
import { metaMap, SCHEMA_VERSION, writeFields } from '../../src/model/doc';
import { addLane, addLaneItem } from '../../src/model/grid-commands';
import { arrange } from '../../src/model/layout';
import { SEED } from '../../src/model/origins';
import { MapReader } from '../../src/model/read';
import { CHANNEL_TYPES, DEVICE_TYPES, type Emotion } from '../../src/model/types';

export const GRID_STAGES = 30;
export const GRID_CHANNELS = 40;
export const GRID_DEVICES = 8;
export const GRID_TOUCHPOINTS = 1000;
export const GRID_LANE_ITEMS = 200;
/** Of the touchpoints, how many join a channel to a device (the rest: a stage to a channel). */
const DEVICE_LINKS = 60;

/** mulberry32, as bench/canvas/generate.ts. */
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

export const stageId = (i: number) => `stage-${i}`;
export const channelId = (i: number) => `ch-${i}`;
/** The touchpoint a remote edit renames: stage 2 × channel 2's first (on screen in both views). */
export const EDITED_TOUCHPOINT = 'tp-2-2-0';

/** Builds the bench map into `doc` with the model's commands. */
export function buildGridMap(doc: Y.Doc, seed = 12): void {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  doc.transact(() => {
    writeFields(metaMap(doc), {
      schemaVersion: SCHEMA_VERSION,
      title: 'Grid bench map',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  }, SEED);
  for (let i = 0; i < GRID_STAGES; i++)
    addNode(doc, {
      id: stageId(i),
      kind: 'stage',
      label: `Stage ${i + 1}`,
      x: 0,
      y: 0,
      order: i + 1,
    });
  for (let i = 0; i < GRID_CHANNELS; i++)
    addNode(doc, {
      id: channelId(i),
      kind: 'channel',
      label: `Channel ${i + 1}`,
      channelType: pick(CHANNEL_TYPES),
      x: 0,
      y: 0,
    });
  for (let i = 0; i < GRID_DEVICES; i++)
    addNode(doc, {
      id: `dev-${i}`,
      kind: 'device',
      label: `Device ${i + 1}`,
      deviceType: pick(DEVICE_TYPES),
      x: 0,
      y: 0,
    });
  // Stage × channel touchpoints: every cell of the first columns gets one, then random cells,
  // so the grid has full and empty cells, a few with several cards.
  const perCell = new Map<string, number>();
  let made = 0;
  const link = (s: number, c: number) => {
    const key = `${s}-${c}`;
    const k = perCell.get(key) ?? 0;
    perCell.set(key, k + 1);
    const id = `tp-${s}-${c}-${k}`;
    const emotion = pick([-2, -1, 0, 1, 2] as const) as Emotion;
    addTouchpoint(doc, {
      id,
      from: stageId(s),
      to: channelId(c),
      action: `Action ${made + 1}: ${pick(['compares fares', 'asks for help', 'pays', 'checks the status', 'reads the email'])}`,
      emotion,
    });
    if (emotion < 0) updateTouchpoint(doc, id, { painPoints: ['Waits too long'] });
    if (emotion > 1) updateTouchpoint(doc, id, { opportunities: ['Offer a seat upgrade'] });
    made++;
  };
  for (let s = 0; s < 4; s++) for (let c = 0; c < 8; c++) link(s, c);
  while (made < GRID_TOUCHPOINTS - DEVICE_LINKS)
    link(Math.floor(rand() * GRID_STAGES), Math.floor(rand() * GRID_CHANNELS));
  for (let i = 0; i < DEVICE_LINKS; i++)
    addTouchpoint(doc, {
      id: `tp-dev-${i}`,
      from: channelId(i % GRID_CHANNELS),
      to: `dev-${i % GRID_DEVICES}`,
      action: `Uses device ${i}`,
    });
  const lanes = (['frontstage', 'backstage', 'support', 'text'] as const).map((type, i) =>
    addLane(doc, { id: `lane-${type}`, type, order: 80 + i * 10 }),
  );
  for (let i = 0; i < GRID_LANE_ITEMS; i++)
    addLaneItem(doc, {
      id: `item-${i}`,
      laneId: lanes[i % lanes.length]!,
      stageId: stageId(Math.floor(rand() * GRID_STAGES)),
      text: `Item ${i + 1}: ${pick(['agent checks the booking', 'CRM updates the record', 'payment gateway', 'customer quote'])}`,
    });
  const reader = new MapReader(doc);
  const { nodes, touchpoints } = reader.getSnapshot();
  const at = arrange(nodes, touchpoints);
  moveNodes(
    doc,
    [...at].map(([id, p]) => ({ id, ...p })),
    SEED,
  );
  reader.dispose();
}

/** The map as one Yjs update: what the app would load from storage. */
export function gridMapUpdate(seed = 12): Uint8Array {
  const doc = new Y.Doc();
  buildGridMap(doc, seed);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
