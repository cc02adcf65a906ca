/**
 * The journey grid: the map as practitioners read it, stages as columns and typed lanes as
 * rows. A pure function of the snapshot (`gridModel`), shared by the Grid view, its export,
 * the bench and Arrange (which lays the canvas out in the grid's lane order).
 *
 * Rows:
 * - derived lanes (cells computed from the graph, never stored): Customer actions (the
 *   actions of the stage's touchpoints), one row per channel node (the touchpoints joining
 *   that stage and that channel), Devices (devices joined to the stage, or to a channel of one
 *   of its touchpoints), Emotion, Pain points, Opportunities and KPIs of the stage's
 *   touchpoints. Their order, visibility and title are `LaneSetting`s (absent = default);
 * - content lanes (frontstage, backstage, support, text): records with their own items.
 * A touchpoint is "of" a stage when one of its ends is that stage.
 *
 * Rows are sorted by order, ties by the default sequence of types, then (channel rows) by the
 * channel's place on the canvas (left to right, top to bottom), then by key. A channel row
 * without a stored order comes right after the last channel row that has one, so a channel
 * added after the lanes were reordered joins the other channels, not the top of the grid.
 */
import type {
  Evidence,
  ChannelNode,
  ContentLaneType,
  DerivedLaneKey,
  DeviceNode,
  Kpi,
  LaneItem,
  LaneType,
  MapSnapshot,
  StageNode,
  Touchpoint,
} from './types';
import { channelLaneKey } from './records/lane-setting';
import { stageRatings } from './emotion';

/** A row's key: a derived lane's settings key, or `lane:<id>` for a content lane. */
export type LaneKey = DerivedLaneKey | `lane:${string}`;
export const contentLaneKey = (laneId: string): LaneKey => `lane:${laneId}`;

/** Default place of each lane type (content lanes have their own stored order). */
export const DEFAULT_LANE_ORDER: Readonly<Record<LaneType, number>> = {
  actions: 10,
  channel: 20,
  devices: 30,
  emotion: 40,
  painPoints: 50,
  opportunities: 60,
  kpis: 70,
  frontstage: 80,
  backstage: 90,
  support: 100,
  text: 110,
};

/** The service-blueprint lanes, in their reading order (lines are drawn between them). */
export const BLUEPRINT_LANES: readonly ContentLaneType[] = ['frontstage', 'backstage', 'support'];

export interface GridRow {
  readonly key: LaneKey;
  readonly type: LaneType;
  /** The stored title; '' = the type's name in the UI language (the view translates it). */
  readonly title: string;
  readonly hidden: boolean;
  /** The order it sorts by (stored or default). */
  readonly order: number;
  /** A content lane's id. */
  readonly laneId?: string;
  /** A channel row's channel node (its title is the node's label). */
  readonly channel?: ChannelNode;
}

/** A pain point or opportunity with the touchpoint it comes from. */
export interface GatheredText {
  readonly text: string;
  readonly touchpointId: string;
  /** Its evidence (the touchpoint's by position), when said. */
  readonly evidence?: Evidence;
}

const gathered = (text: string, touchpointId: string, e: Evidence | null | undefined) =>
  e ? { text, touchpointId, evidence: e } : { text, touchpointId };

/** Everything the grid shows for one stage, by lane. */
export interface StageColumn {
  readonly stage: StageNode;
  /** The stage's touchpoints, by id. */
  readonly touchpoints: readonly Touchpoint[];
  /** The stage's touchpoints to each channel, by channel id. */
  readonly byChannel: ReadonlyMap<string, readonly Touchpoint[]>;
  readonly devices: readonly DeviceNode[];
  readonly painPoints: readonly GatheredText[];
  readonly opportunities: readonly GatheredText[];
  /** KPIs watching one of the stage's touchpoints, in the strategy's order. */
  readonly kpis: readonly Kpi[];
  /**
   * Rated emotions at the stage, in touchpoint order: emotion.ts `stageRatings`, the canvas
   * curve's (a channel–device touchpoint counts at the one stage its channel serves).
   */
  readonly emotions: readonly number[];
  /** Each content lane's items in this stage, by lane id, in item order. */
  readonly items: ReadonlyMap<string, readonly LaneItem[]>;
}

export interface GridModel {
  /** Columns: the stages in their order (ties by id). */
  readonly stages: readonly StageNode[];
  /** Every lane in order, hidden ones included. */
  readonly rows: readonly GridRow[];
  /** The rows shown. */
  readonly visibleRows: readonly GridRow[];
  readonly columns: ReadonlyMap<string, StageColumn>;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The stages in journey order (ties by id). */
export function orderedStages(snapshot: Pick<MapSnapshot, 'nodes'>): StageNode[] {
  const stages = snapshot.nodes.filter((n): n is StageNode => n.kind === 'stage');
  return stages.sort((a, b) => a.order - b.order || byId(a, b));
}

const SINGLE_DERIVED = [
  'actions',
  'devices',
  'emotion',
  'painPoints',
  'opportunities',
  'kpis',
] as const;

/** The grid's rows in order (see the file header). */
export function gridRows(snapshot: Pick<MapSnapshot, 'nodes' | 'grid'>): GridRow[] {
  const { settings, lanes } = snapshot.grid;
  const rows: (GridRow & { rank: number; pos: number })[] = [];
  for (const type of SINGLE_DERIVED) {
    const s = settings.get(type);
    rows.push({
      key: type,
      type,
      title: s?.title ?? '',
      hidden: s?.hidden ?? false,
      order: s?.order ?? DEFAULT_LANE_ORDER[type],
      rank: DEFAULT_LANE_ORDER[type],
      pos: 0,
    });
  }
  const channels = snapshot.nodes
    .filter((n): n is ChannelNode => n.kind === 'channel')
    .sort((a, b) => a.x - b.x || a.y - b.y || byId(a, b));
  let lastChannelOrder: number | undefined;
  for (const c of channels) {
    const o = settings.get(channelLaneKey(c.id))?.order;
    if (o !== undefined && (lastChannelOrder === undefined || o > lastChannelOrder))
      lastChannelOrder = o;
  }
  channels.forEach((c, pos) => {
    const key = channelLaneKey(c.id);
    const s = settings.get(key);
    rows.push({
      key,
      type: 'channel',
      title: c.label,
      hidden: s?.hidden ?? false,
      order: s?.order ?? lastChannelOrder ?? DEFAULT_LANE_ORDER.channel,
      // A channel without a stored order sorts after those with one at the same order.
      rank: DEFAULT_LANE_ORDER.channel + (s?.order === undefined ? 0.5 : 0),
      pos,
      channel: c,
    });
  });
  for (const lane of lanes) {
    rows.push({
      key: contentLaneKey(lane.id),
      type: lane.type,
      title: lane.title,
      hidden: lane.hidden,
      order: lane.order,
      rank: DEFAULT_LANE_ORDER[lane.type],
      pos: 0,
      laneId: lane.id,
    });
  }
  rows.sort(
    (a, b) =>
      a.order - b.order ||
      a.rank - b.rank ||
      a.pos - b.pos ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return rows.map(({ rank: _r, pos: _p, ...row }) => row);
}

/** The whole grid of `snapshot`. */
export function gridModel(
  snapshot: Pick<MapSnapshot, 'nodes' | 'nodeById' | 'touchpoints' | 'strategy' | 'grid'>,
): GridModel {
  const stages = orderedStages(snapshot);
  const rows = gridRows(snapshot);
  const stageIds = new Set(stages.map((s) => s.id));
  const { nodeById } = snapshot;

  // Devices joined to each channel (channel–device touchpoints).
  const devicesOfChannel = new Map<string, Set<string>>();
  const join = (map: Map<string, Set<string>>, key: string, value: string) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(value);
  };
  const ofStage = new Map<string, Touchpoint[]>();
  for (const tp of snapshot.touchpoints) {
    const a = nodeById.get(tp.from);
    const b = nodeById.get(tp.to);
    if (!a || !b) continue;
    if (a.kind === 'channel' && b.kind === 'device') join(devicesOfChannel, a.id, b.id);
    if (b.kind === 'channel' && a.kind === 'device') join(devicesOfChannel, b.id, a.id);
    for (const end of tp.from === tp.to ? [tp.from] : [tp.from, tp.to]) {
      if (!stageIds.has(end)) continue;
      let list = ofStage.get(end);
      if (!list) ofStage.set(end, (list = []));
      list.push(tp);
    }
  }
  const itemsByStage = new Map<string, Map<string, LaneItem[]>>();
  const sortedItems = [...snapshot.grid.items].sort((a, b) => a.order - b.order || byId(a, b));
  for (const item of sortedItems) {
    let lanes = itemsByStage.get(item.stageId);
    if (!lanes) itemsByStage.set(item.stageId, (lanes = new Map()));
    let list = lanes.get(item.laneId);
    if (!list) lanes.set(item.laneId, (list = []));
    list.push(item);
  }
  const kpiRank = new Map(snapshot.strategy.kpis.map((k, i) => [k.id, i]));

  const ratings = stageRatings(snapshot);
  const columns = new Map<string, StageColumn>();
  for (const stage of stages) {
    const touchpoints = ofStage.get(stage.id) ?? [];
    const byChannel = new Map<string, Touchpoint[]>();
    const deviceIds = new Set<string>();
    const painPoints: GatheredText[] = [];
    const opportunities: GatheredText[] = [];
    const kpiIds = new Set<string>();
    for (const tp of touchpoints) {
      const otherId = tp.from === stage.id ? tp.to : tp.from;
      const other = nodeById.get(otherId);
      if (other?.kind === 'channel') {
        let list = byChannel.get(other.id);
        if (!list) byChannel.set(other.id, (list = []));
        list.push(tp);
        for (const d of devicesOfChannel.get(other.id) ?? []) deviceIds.add(d);
      } else if (other?.kind === 'device') deviceIds.add(other.id);
      tp.painPoints.forEach((text, i) => {
        if (text.trim()) painPoints.push(gathered(text, tp.id, tp.painPointEvidence?.[i]));
      });
      tp.opportunities.forEach((text, i) => {
        if (text.trim()) opportunities.push(gathered(text, tp.id, tp.opportunityEvidence?.[i]));
      });
      for (const id of tp.kpiIds) if (kpiRank.has(id)) kpiIds.add(id);
    }
    const devices = [...deviceIds]
      .map((id) => nodeById.get(id))
      .filter((n): n is DeviceNode => n?.kind === 'device')
      .sort((a, b) => a.x - b.x || a.y - b.y || byId(a, b));
    const kpis = [...kpiIds]
      .sort((a, b) => kpiRank.get(a)! - kpiRank.get(b)!)
      .map((id) => snapshot.strategy.kpis[kpiRank.get(id)!]!);
    columns.set(stage.id, {
      stage,
      touchpoints,
      byChannel,
      devices,
      painPoints,
      opportunities,
      kpis,
      // The canvas curve's ratings (model/emotion.ts): the same touchpoints count at a stage.
      emotions: ratings.get(stage.id) ?? [],
      items: itemsByStage.get(stage.id) ?? new Map(),
    });
  }
  return { stages, rows, visibleRows: rows.filter((r) => !r.hidden), columns };
}

/** The stage emotion the grid's Emotion lane draws: the mean of the rated emotions, or null. */
export function meanEmotion(emotions: readonly number[]): number | null {
  return emotions.length ? emotions.reduce((a, b) => a + b, 0) / emotions.length : null;
}
