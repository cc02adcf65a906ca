/**
 * A deck's content: what the PDF pages, the PowerPoint slides and the presentation mode show,
 * as plain texts and numbers (no layout, no UI strings). One function of the snapshot
 * (`deckContent`), so the three formats can never disagree about what the map says. Titles the
 * person never typed (a content lane titled '', KPI families…) are left for the caller to name
 * in the UI language: every such place carries the key it needs (`type`, `family`).
 */
import { gridModel, meanEmotion, type GridModel, type LaneKey } from './grid';
import { goLiveChecklist, type ChecklistItem } from './strategy/checklist';
import { computeCosts, type CostResult } from './strategy/cost';
import { isDeviceLink } from './touchpoint-kinds';
import type {
  ChannelStatus,
  ContentLaneType,
  Emotion,
  Evidence,
  Goal,
  KpiFamily,
  LaneType,
  MapSnapshot,
  TrainingSession,
} from './types';

export interface DeckTouchpoint {
  readonly id: string;
  readonly action: string;
  /** Label of the channel it joins the stage to, if any. */
  readonly channel?: string;
  readonly emotion?: Emotion;
  readonly painPoints: readonly string[];
  readonly opportunities: readonly string[];
  /** How sure the touchpoint is, and its source (records/evidence.ts); absent = not said. */
  readonly evidence?: Evidence;
  /** The evidence of each of `painPoints`, by index (null: not said); may be shorter. */
  readonly painPointEvidence?: readonly (Evidence | null)[];
  /** The evidence of each of `opportunities`, by index (null: not said); may be shorter. */
  readonly opportunityEvidence?: readonly (Evidence | null)[];
  readonly owner?: string;
  readonly volume?: number;
  /** Names of the KPIs watching it. */
  readonly kpis: readonly string[];
}

export interface DeckLane {
  readonly key: LaneKey;
  readonly type: ContentLaneType;
  /** '' = name it by `type` in the UI language. */
  readonly title: string;
  readonly items: readonly string[];
  /** The evidence of each of `items`, by index (null: not said); may be shorter. */
  readonly evidence?: readonly (Evidence | null)[];
}

export interface DeckKpi {
  readonly id: string;
  readonly name: string;
  readonly family: KpiFamily;
  readonly target?: number;
  readonly unit?: string;
  readonly frequency?: string;
}

export interface DeckStage {
  readonly stageId: string;
  readonly title: string;
  readonly description?: string;
  /** 1-based place in the journey. */
  readonly index: number;
  /** Mean rated emotion of its touchpoints; null when none is rated. */
  readonly emotion: number | null;
  /** Lowest rated emotion (the worst moment), null when none. */
  readonly worstEmotion: number | null;
  /** Its touchpoints, grouped by channel in the grid's row order, then the others. */
  readonly touchpoints: readonly DeckTouchpoint[];
  readonly devices: readonly string[];
  readonly painPoints: readonly string[];
  readonly opportunities: readonly string[];
  readonly kpis: readonly DeckKpi[];
  /** Visible content lanes that have items in this stage, in the grid's order. */
  readonly lanes: readonly DeckLane[];
}

export interface DeckChannel {
  readonly id: string;
  readonly label: string;
  readonly status?: ChannelStatus;
  readonly preferencePct?: number;
  readonly reason?: string;
}

export interface DeckStrategy {
  readonly goals: readonly Goal[];
  readonly kpis: readonly DeckKpi[];
  readonly channels: readonly DeckChannel[];
  readonly costs: CostResult;
  readonly training: readonly TrainingSession[];
  readonly goLiveDate?: string;
  readonly checklist: readonly ChecklistItem[];
  /** Whether any step has content (an empty strategy gets no page). */
  readonly hasContent: boolean;
}

/** A sticky note of the map: where teams write evidence and cite their sources. */
export interface DeckNote {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
}

/** One entry of an overview cell: a touchpoint's action (with its emotion) or a text. */
export interface DeckGridItem {
  readonly text: string;
  /** Set on touchpoints (actions and channel rows): drawn as a card in its emotion colour. */
  readonly touchpoint?: true;
  readonly emotion?: Emotion;
}

/** One row of the overview: a visible grid lane, with one cell per stage (in `stages` order). */
export interface DeckGridRow {
  readonly key: LaneKey;
  readonly type: LaneType;
  /** The stored title, a channel's label; '' = name it by `type` in the UI language. */
  readonly title: string;
  /** The emotion row's cells are empty: it shows each stage's `emotion`. */
  readonly cells: readonly (readonly DeckGridItem[])[];
}

export interface Deck {
  readonly title: string;
  /** ISO timestamp the map was created. */
  readonly createdAt: string;
  readonly stages: readonly DeckStage[];
  readonly strategy: DeckStrategy;
  /** The map's notes, in map order (empty ones left out). */
  readonly notes: readonly DeckNote[];
  /** The journey grid (stages × visible lanes), drawn natively as the deck's overview. */
  readonly grid: readonly DeckGridRow[];
}

/** The grid's visible rows with their cells as plain texts (model/grid.ts decides what a cell holds). */
function gridRowsOf(grid: GridModel): DeckGridRow[] {
  const texts = (xs: readonly string[]): DeckGridItem[] =>
    xs.filter((t) => t.trim()).map((text) => ({ text }));
  const cards = (tps: readonly { action: string; emotion?: Emotion }[]): DeckGridItem[] =>
    tps.map((tp) => ({
      text: tp.action,
      touchpoint: true,
      ...(tp.emotion !== undefined ? { emotion: tp.emotion } : {}),
    }));
  return grid.visibleRows.map((row) => ({
    key: row.key,
    type: row.type,
    title: row.title,
    cells: grid.stages.map((stage): DeckGridItem[] => {
      const col = grid.columns.get(stage.id)!;
      switch (row.type) {
        case 'actions':
          // As the grid shows the lane (view/grid/cells.ts): a link with no action (a device
          // link of the stage) is no card.
          return cards(col.touchpoints.filter((tp) => tp.action.trim() !== ''));
        case 'channel':
          return cards(col.byChannel.get(row.channel?.id ?? '') ?? []);
        case 'devices':
          return texts(col.devices.map((d) => d.label));
        case 'emotion':
          return [];
        case 'painPoints':
          return texts(col.painPoints.map((p) => p.text));
        case 'opportunities':
          return texts(col.opportunities.map((p) => p.text));
        case 'kpis':
          return texts(col.kpis.map((k) => k.name));
        default:
          return texts((col.items.get(row.laneId ?? '') ?? []).map((it) => it.text));
      }
    }),
  }));
}

/**
 * A list field without its blank entries, and its evidence kept beside the entries that stay
 * (`<key>Evidence`, present only when one of them has some).
 */
function withEvidence<K extends 'painPoints' | 'opportunities'>(
  key: K,
  texts: readonly string[],
  evidence: readonly (Evidence | null)[] | undefined,
) {
  const kept = texts.flatMap((text, i) =>
    text.trim() ? [[text, evidence?.[i] ?? null] as const] : [],
  );
  const ev = kept.map(([, e]) => e);
  const evKey = key === 'painPoints' ? 'painPointEvidence' : 'opportunityEvidence';
  return {
    [key]: kept.map(([t]) => t),
    ...(ev.some(Boolean) ? { [evKey]: ev } : {}),
  } as { [P in K]: string[] } & {
    painPointEvidence?: (Evidence | null)[];
    opportunityEvidence?: (Evidence | null)[];
  };
}

const kpiOf = (k: DeckKpi): DeckKpi => ({
  id: k.id,
  name: k.name,
  family: k.family,
  ...(k.target !== undefined ? { target: k.target } : {}),
  ...(k.unit !== undefined ? { unit: k.unit } : {}),
  ...(k.frequency !== undefined ? { frequency: k.frequency } : {}),
});

/** The deck of `snapshot` (every value restored already: the snapshot's records are). */
export function deckContent(snapshot: MapSnapshot): Deck {
  const grid = gridModel(snapshot);
  const kpiName = new Map(snapshot.strategy.kpis.map((k) => [k.id, k.name]));
  const channelRows = grid.rows.filter((r) => r.type === 'channel' && r.channel);
  const contentRows = grid.visibleRows.filter((r) => r.laneId !== undefined);
  const stages = grid.stages.map((stage, i): DeckStage => {
    const col = grid.columns.get(stage.id)!;
    const seen = new Set<string>();
    const touchpoints: DeckTouchpoint[] = [];
    const add = (tpId: string, channel?: string) => {
      const tp = snapshot.touchpointById.get(tpId);
      // A device link says where a channel is used; it is not a touchpoint of the stage.
      if (!tp || seen.has(tp.id) || isDeviceLink(tp, snapshot.nodeById)) return;
      seen.add(tp.id);
      touchpoints.push({
        id: tp.id,
        action: tp.action,
        ...(channel !== undefined ? { channel } : {}),
        ...(tp.emotion !== undefined ? { emotion: tp.emotion } : {}),
        ...withEvidence('painPoints', tp.painPoints, tp.painPointEvidence),
        ...withEvidence('opportunities', tp.opportunities, tp.opportunityEvidence),
        ...(tp.evidence ? { evidence: tp.evidence } : {}),
        ...(tp.owner ? { owner: tp.owner } : {}),
        ...(tp.volume !== undefined ? { volume: tp.volume } : {}),
        kpis: tp.kpiIds.flatMap((id) => (kpiName.has(id) ? [kpiName.get(id)!] : [])),
      });
    };
    for (const row of channelRows)
      for (const tp of col.byChannel.get(row.channel!.id) ?? []) add(tp.id, row.channel!.label);
    for (const tp of col.touchpoints) add(tp.id);
    const lanes = contentRows.flatMap((row): DeckLane[] => {
      const kept = (col.items.get(row.laneId!) ?? []).filter((it) => it.text.trim());
      if (!kept.length) return [];
      const items = kept.map((it) => it.text);
      const evidence = kept.map((it) => it.evidence ?? null);
      return [
        {
          key: row.key,
          type: row.type as ContentLaneType,
          title: row.title,
          items,
          ...(evidence.some(Boolean) ? { evidence } : {}),
        },
      ];
    });
    return {
      stageId: stage.id,
      title: stage.label,
      ...(stage.description ? { description: stage.description } : {}),
      index: i + 1,
      emotion: meanEmotion(col.emotions),
      worstEmotion: col.emotions.length ? Math.min(...col.emotions) : null,
      touchpoints,
      devices: col.devices.map((d) => d.label),
      painPoints: col.painPoints.map((p) => p.text),
      opportunities: col.opportunities.map((p) => p.text),
      kpis: col.kpis.map(kpiOf),
      lanes,
    };
  });
  const st = snapshot.strategy;
  const channels = snapshot.nodes.flatMap((n): DeckChannel[] => {
    if (n.kind !== 'channel') return [];
    const plan = st.channelPlans[n.id];
    return [
      {
        id: n.id,
        label: n.label,
        ...(plan?.status ? { status: plan.status } : {}),
        ...(plan?.preferencePct !== undefined ? { preferencePct: plan.preferencePct } : {}),
        ...(plan?.reason ? { reason: plan.reason } : {}),
      },
    ];
  });
  const hasContent =
    st.goals.length > 0 ||
    st.kpis.length > 0 ||
    st.training.length > 0 ||
    // The plans of channels on the map, not those left by a channel deleted concurrently.
    channels.some((c) => c.status || c.preferencePct !== undefined || c.reason) ||
    st.goLive.date !== undefined;
  const notes = snapshot.nodes.flatMap((n): DeckNote[] =>
    n.kind === 'note' && (n.label.trim() || n.description?.trim())
      ? [{ id: n.id, label: n.label, ...(n.description ? { description: n.description } : {}) }]
      : [],
  );
  return {
    title: snapshot.meta.title,
    createdAt: snapshot.meta.createdAt,
    stages,
    strategy: {
      goals: st.goals,
      kpis: st.kpis.map(kpiOf),
      channels,
      costs: computeCosts(snapshot),
      training: st.training,
      ...(st.goLive.date ? { goLiveDate: st.goLive.date } : {}),
      checklist: goLiveChecklist(snapshot),
      hasContent,
    },
    notes,
    grid: gridRowsOf(grid),
  };
}
