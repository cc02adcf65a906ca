/**
 * Where a thread is pinned, against the map as it is now. `anchorExists` false means the
 * thread is **detached** (its node, touchpoint, lane item, strategy record, stage or lane was
 * deleted, or its stored anchor was unusable: DETACHED_ANCHOR): the panel still lists it.
 * `anchorLabel` is plain data for the panel (the view words and translates it).
 */
import { gridRows } from '../grid';
import type { LaneType, MapSnapshot } from '../types';
import type { CommentAnchor, CommentAnchorKind } from './types';

type Snap = Pick<MapSnapshot, 'nodes' | 'nodeById' | 'touchpointById' | 'grid' | 'strategy'>;

/** Whether the strategy record a strategy anchor names is there. */
function strategyRecordExists(section: string, id: string, s: Snap['strategy']): boolean {
  switch (section) {
    case 'goals':
      return s.goals.some((g) => g.id === id);
    case 'kpis':
      return s.kpis.some((k) => k.id === id);
    case 'training':
      return s.training.some((t) => t.id === id);
    case 'channelPlans':
      return Object.hasOwn(s.channelPlans, id);
    case 'companyScores':
      return s.startingPoint.self.id === id || s.startingPoint.competitors.some((c) => c.id === id);
    case 'costModel':
    case 'goLive':
      return id === '';
    default:
      return false;
  }
}

/** The name a strategy anchor's record has in the map ('' for a one-record section). */
function strategyRecordName(section: string, id: string, snap: Snap): string {
  const s = snap.strategy;
  switch (section) {
    case 'goals':
      return s.goals.find((g) => g.id === id)?.title ?? '';
    case 'kpis':
      return s.kpis.find((k) => k.id === id)?.name ?? '';
    case 'training':
      return s.training.find((t) => t.id === id)?.topic ?? '';
    case 'channelPlans':
      return snap.nodeById.get(id)?.label ?? '';
    case 'companyScores':
      return s.startingPoint.self.id === id
        ? s.startingPoint.self.name
        : (s.startingPoint.competitors.find((c) => c.id === id)?.name ?? '');
    default:
      return '';
  }
}

/** Whether what `anchor` names is in the map; false: the thread is detached. */
export function anchorExists(anchor: CommentAnchor, snap: Snap): boolean {
  switch (anchor.kind) {
    case 'node':
      return snap.nodeById.has(anchor.id);
    case 'touchpoint':
      return snap.touchpointById.has(anchor.id);
    case 'laneItem':
      return snap.grid.items.some((i) => i.id === anchor.id);
    case 'cell':
      return (
        snap.nodeById.get(anchor.stageId)?.kind === 'stage' &&
        gridRows(snap).some((r) => r.key === anchor.laneKey)
      );
    case 'strategy':
      return strategyRecordExists(anchor.section, anchor.id, snap.strategy);
    case 'point':
      return true;
  }
}

/** What the panel says a thread is pinned to. */
export interface AnchorLabel {
  readonly kind: CommentAnchorKind;
  /** False when the anchor is gone (anchorExists). */
  readonly exists: boolean;
  /**
   * The anchored thing's own text: a node's label, a touchpoint's action, a lane item's text,
   * a cell's stage label, a strategy record's title or name, '' when it has none (or is gone).
   */
  readonly label: string;
  /**
   * More context: a touchpoint's "from → to" labels; a cell's lane title ('' when the lane has
   * the default title of its type: the view translates `laneType`).
   */
  readonly detail?: string;
  /** A cell's lane type. */
  readonly laneType?: LaneType;
  /** A strategy anchor's section (goals, kpis…). */
  readonly section?: string;
  /** A point's coordinates. */
  readonly x?: number;
  readonly y?: number;
}

export function anchorLabel(anchor: CommentAnchor, snap: Snap): AnchorLabel {
  const exists = anchorExists(anchor, snap);
  switch (anchor.kind) {
    case 'node':
      return { kind: 'node', exists, label: snap.nodeById.get(anchor.id)?.label ?? '' };
    case 'touchpoint': {
      const t = snap.touchpointById.get(anchor.id);
      if (!t) return { kind: 'touchpoint', exists, label: '' };
      const from = snap.nodeById.get(t.from)?.label ?? '';
      const to = snap.nodeById.get(t.to)?.label ?? '';
      return { kind: 'touchpoint', exists, label: t.action, detail: `${from} → ${to}` };
    }
    case 'laneItem':
      return {
        kind: 'laneItem',
        exists,
        label: snap.grid.items.find((i) => i.id === anchor.id)?.text ?? '',
      };
    case 'cell': {
      const stage = snap.nodeById.get(anchor.stageId);
      const row = gridRows(snap).find((r) => r.key === anchor.laneKey);
      return {
        kind: 'cell',
        exists,
        label: stage?.kind === 'stage' ? stage.label : '',
        detail: row ? (row.channel?.label ?? row.title) : '',
        ...(row ? { laneType: row.type } : {}),
      };
    }
    case 'strategy':
      return {
        kind: 'strategy',
        exists,
        label: strategyRecordName(anchor.section, anchor.id, snap),
        section: anchor.section,
      };
    case 'point':
      return { kind: 'point', exists, label: '', x: anchor.x, y: anchor.y };
  }
}
