/**
 * Reading the journey grid's records (lanes, lane items, derived lanes' settings) into the
 * snapshot's `grid`, every record through its restore (records/lane*.ts). Part of MapReader:
 * re-read when a grid root changed; refiltered when the set of nodes changed (an item whose
 * stage is gone is not shown, like a dangling touchpoint; it is kept in the doc for undo).
 */
import * as Y from 'yjs';
import { gridItemsMap, gridLanesMap, gridSettingsMap, type YRecord } from './doc';
import { MAX_ID_CHARS } from './limits';
import { NOT_A_RECORD, NOT_AN_ID } from './read-strategy';
import { isId, recordKey, type RecordKey, type Repair } from './records';
import { restoreLane } from './records/lane';
import { restoreLaneItem } from './records/lane-item';
import { restoreLaneSettings } from './records/lane-setting';
import type { GridData, JourneyNode, Lane, LaneItem } from './types';

/** Record keys of the grid in `MapSnapshot.repairs`: `lane:<id>`, `laneItem:<id>`, `laneSettings`. */
export const LANE_KIND = 'lane';
export const LANE_ITEM_KIND = 'laneItem';
export const LANE_SETTINGS_KEY = 'laneSettings';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const EMPTY_GRID: GridData = Object.freeze({
  lanes: Object.freeze([]) as readonly Lane[],
  items: Object.freeze([]) as readonly LaneItem[],
  settings: new Map(),
});

export class GridReader {
  data: GridData = EMPTY_GRID;
  readonly repairs = new Map<RecordKey, readonly Repair[]>();
  private lanes: Lane[] = [];
  private allItems: LaneItem[] = [];
  private settings: GridData['settings'] = new Map();

  /**
   * Re-reads the records when `dirty`, then keeps the items whose lane and stage exist.
   * Returns whether the repairs changed.
   */
  read(doc: Y.Doc, nodes: ReadonlyMap<string, JourneyNode>, dirty: boolean): boolean {
    let repairsChanged = false;
    if (dirty) {
      const hadRepairs = this.repairs.size > 0;
      this.repairs.clear();
      this.lanes = readRecords(gridLanesMap(doc), LANE_KIND, restoreLane, this.repairs);
      this.allItems = readRecords(gridItemsMap(doc), LANE_ITEM_KIND, restoreLaneItem, this.repairs);
      const settings = restoreLaneSettings(gridSettingsMap(doc).entries());
      if (settings.repaired.length > 0) this.repairs.set(LANE_SETTINGS_KEY, settings.repaired);
      this.settings = settings.value;
      repairsChanged = hadRepairs || this.repairs.size > 0;
    }
    const laneIds = new Set(this.lanes.map((l) => l.id));
    const items = this.allItems.filter(
      (i) => laneIds.has(i.laneId) && nodes.get(i.stageId)?.kind === 'stage',
    );
    const prev = this.data;
    const sameItems =
      !dirty && items.length === prev.items.length && items.every((i, k) => i === prev.items[k]);
    if (dirty || !sameItems) {
      this.data = {
        lanes: dirty ? this.lanes : prev.lanes,
        items: sameItems ? prev.items : items,
        settings: dirty ? this.settings : prev.settings,
      };
    }
    return repairsChanged;
  }
}

function readRecords<T extends { id: string }>(
  source: Y.Map<YRecord>,
  kind: string,
  restore: (raw: unknown, id: string) => { value: T; repaired: readonly Repair[] },
  repairs: Map<RecordKey, readonly Repair[]>,
): T[] {
  const out: T[] = [];
  source.forEach((record, id) => {
    const key = recordKey(kind, id);
    if (!(record instanceof Y.Map)) return void repairs.set(key, NOT_A_RECORD);
    if (!isId(id, MAX_ID_CHARS)) return void repairs.set(key, NOT_AN_ID);
    const { value, repaired } = restore(record, id);
    if (repaired.length > 0) repairs.set(key, repaired);
    out.push(value);
  });
  return out.sort(byId);
}
