/** What comparing two map snapshots gives (compare.ts): plain data for the page and exports. */
import type { ChannelType } from '../types';

/** The kinds of record compared field by field, in the page's order. */
export const COMPARE_KINDS = ['stages', 'touchpoints', 'laneItems', 'personas', 'kpis'] as const;
export type CompareKind = (typeof COMPARE_KINDS)[number];

export type ChangeStatus = 'added' | 'removed' | 'changed';

/** One field that differs; values are display texts (ids shown as the names they stand for). */
export interface FieldChange {
  readonly field: string;
  /** '' when the field was empty or absent. */
  readonly before: string;
  readonly after: string;
}

export interface ItemChange {
  readonly id: string;
  /** The item's name (label, action, text…) in the map where it exists, the newer one first. */
  readonly label: string;
  readonly status: ChangeStatus;
  /** The fields that differ (changed items only; added and removed items list none). */
  readonly fields: readonly FieldChange[];
}

export interface KindComparison {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  /** Added, removed and changed items, in the newer map's order (removed ones in the older's). */
  readonly items: readonly ItemChange[];
}

/** A mean emotion (-2..2) before and after; null when nothing is rated there. */
export interface EmotionDelta {
  readonly before: number | null;
  readonly after: number | null;
  /** after − before; null when either is null. */
  readonly delta: number | null;
}

export interface StageEmotionChange extends EmotionDelta {
  readonly stageId: string;
  readonly label: string;
}

export interface PersonaEmotionChange extends EmotionDelta {
  readonly personaId: string;
  readonly name: string;
}

/** One touchpoint whose channel changed (matched by id). */
export interface ChannelMove {
  readonly touchpointId: string;
  readonly action: string;
  readonly from: { readonly id: string; readonly label: string; readonly type: ChannelType };
  readonly to: { readonly id: string; readonly label: string; readonly type: ChannelType };
  /** Contacts per month (the touchpoint's volume in the newer map). */
  readonly volume: number;
  /** True for a move off the phone to a digital channel. */
  readonly phoneToDigital: boolean;
}

export interface ChannelCostRow {
  readonly channelId: string;
  readonly label: string;
  readonly contactsBefore: number;
  readonly contactsAfter: number;
  readonly costBefore: number;
  readonly costAfter: number;
}

/** The monthly cost of the contacts on each channel, before and after (cost model per map). */
export interface ChannelCostChange {
  readonly currency: string;
  readonly costBefore: number;
  readonly costAfter: number;
  /** costBefore − costAfter, per month (negative: the newer map costs more). */
  readonly saving: number;
  /** Contacts per month moved off the phone to social, chat, web and the other digital channels. */
  readonly contactsMovedToDigital: number;
  readonly moves: readonly ChannelMove[];
  /** Channels in either map that have contacts in either. */
  readonly rows: readonly ChannelCostRow[];
}

export interface MapComparison {
  readonly kinds: Readonly<Record<CompareKind, KindComparison>>;
  /** Sums over the kinds. */
  readonly totals: { readonly added: number; readonly removed: number; readonly changed: number };
  /** The journey's mean emotion (mean of the stage means). */
  readonly emotion: EmotionDelta;
  /** Stages in either map, the newer map's order first. */
  readonly stageEmotions: readonly StageEmotionChange[];
  /** Personas in either map: the mean of their curve. */
  readonly personaEmotions: readonly PersonaEmotionChange[];
  readonly cost: ChannelCostChange;
  /** True when nothing differs: no item, emotion or cost change. */
  readonly identical: boolean;
}
