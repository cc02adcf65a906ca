/** What the grid's rows and cells may do: one stable object from GridView, so memoized rows never re-render for a new callback. */
import type { TFunction } from 'i18next';
import type { GridRow, LaneKey } from '../../model/grid';
import type { ContentLaneType } from '../../model/types';

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface GridApi {
  readonly readOnly: boolean;
  /** The grid namespace's translation (one function for every cell). */
  readonly t: TFunction;
  /** The UI language, for numbers (i18n.language). */
  readonly language: string;
  /** t(key, { count }) for texts without other values, cached (thousands of cards share them). */
  text(key: string, count?: number): string;
  /** t(key, vars) through a cached template: the message is looked up once per key. */
  fill(key: string, vars: Readonly<Record<string, string>>): string;
  selectTouchpoint(id: string): void;
  selectNode(id: string): void;
  addTouchpoint(stageId: string, channelId: string): void;
  relink(touchpointId: string, stageId: string, channelId: string): void;
  /** Alt+arrow on a card: the next cell that way. */
  moveCard(touchpointId: string, stageId: string, channelId: string, dir: Direction): void;
  deleteTouchpoint(id: string): void;
  addItem(laneId: string, stageId: string, text: string): void;
  updateItem(id: string, text: string): void;
  deleteItem(id: string): void;
  moveItem(id: string, laneId: string, stageId: string): void;
  moveLane(key: LaneKey, delta: -1 | 1): void;
  dropLane(key: LaneKey, target: LaneKey): void;
  hideLane(key: LaneKey): void;
  deleteLane(laneId: string): void;
  startRename(target: Renaming): void;
  finishRename(target: Renaming, value: string | null): void;
  moveStage(id: string, delta: -1 | 1): void;
  deleteStage(id: string): void;
  addLane(type: ContentLaneType): void;
  showLane(key: LaneKey): void;
  addStage(): void;
  addChannel(): void;
}

/** What is being renamed in place: a stage's header or a lane's title. */
export type Renaming = { readonly stage: string } | { readonly lane: LaneKey };

/** A row's title as shown: its own, else the type's name (a channel's: its label). */
export function rowTitle(row: Pick<GridRow, 'type' | 'title'>, t: TFunction): string {
  const title = typeof row.title === 'string' ? row.title.trim() : '';
  if (title) return title;
  return row.type === 'channel' ? t('lane.untitledChannel') : t(`laneType.${row.type}`);
}

/** The label of a stage as shown. */
export function stageTitle(label: unknown, t: TFunction): string {
  const s = typeof label === 'string' ? label.trim() : '';
  return s || t('stage.untitled');
}

export const TOUCHPOINT_MIME = 'application/x-itinera-touchpoint';
export const LANE_MIME = 'application/x-itinera-lane';
export const ITEM_MIME = 'application/x-itinera-lane-item';

/** The cached text and template helpers of GridApi for one translation function. */
export function cachedTexts(t: TFunction): Pick<GridApi, 'text' | 'fill'> {
  const texts = new Map<string, string>();
  const templates = new Map<string, string>();
  return {
    text(key, count) {
      const k = count === undefined ? key : `${key}|${count}`;
      let v = texts.get(k);
      if (v === undefined) texts.set(k, (v = count === undefined ? t(key) : t(key, { count })));
      return v;
    },
    fill(key, vars) {
      let tpl = templates.get(key);
      if (tpl === undefined) {
        const marks = Object.fromEntries(Object.keys(vars).map((k) => [k, `{§${k}§}`]));
        templates.set(key, (tpl = t(key, { ...marks, interpolation: { escapeValue: false } })));
      }
      return tpl.replace(/\{§(\w+)§\}/g, (_, k: string) => vars[k] ?? '');
    },
  };
}
