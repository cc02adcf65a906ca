/**
 * What a map template is, and small builders that keep the template files readable.
 * Templates are content, not UI text: a map seeded from one is the person's own map afterwards,
 * in the language it was created in (English here, other languages in localize.ts). Ids are fixed so two offline clients that seed the same template write
 * the same records and converge.
 */
import { DEFAULT_LANE_ORDER } from '../grid';
import { arrange, gridLaneOrder } from '../layout';
import type {
  ChannelPlan,
  ChannelType,
  CompanyScore,
  ContentLaneType,
  CostModel,
  DerivedLaneKey,
  DeviceType,
  Emotion,
  Goal,
  JourneyNode,
  Kpi,
  Lane,
  LaneItem,
  LaneSetting,
  Persona,
  Touchpoint,
  TrainingSession,
} from '../types';

export const TEMPLATE_KEYS = ['blank', 'airline', 'ecommerce'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** Strategy examples a template brings along; each part is optional. */
export interface TemplateStrategy {
  readonly self?: Omit<CompanyScore, 'id'>;
  readonly competitors?: readonly CompanyScore[];
  readonly goals?: readonly Goal[];
  readonly kpis?: readonly Kpi[];
  readonly training?: readonly TrainingSession[];
  /** Keyed by channel node id. */
  readonly channelPlans?: Readonly<Record<string, ChannelPlan>>;
  readonly costModel?: CostModel;
}

export interface MapTemplate {
  readonly key: TemplateKey;
  /** i18next key of the template's name in the library UI (namespace of the caller). */
  readonly nameKey: string;
  /** English name, for logs and when no translation is at hand. */
  readonly name: string;
  /** Nodes with their Arrange positions. */
  readonly nodes: readonly JourneyNode[];
  readonly touchpoints: readonly Touchpoint[];
  readonly strategy?: TemplateStrategy;
  /** Content lanes of the journey grid (model/grid.ts); the derived lanes need no record. */
  readonly lanes?: readonly Lane[];
  /** Items of those lanes, each in one stage's cell. */
  readonly laneItems?: readonly LaneItem[];
  /** Display settings of derived lanes (order, hidden, title), by lane key. */
  readonly laneSettings?: Readonly<Partial<Record<DerivedLaneKey, LaneSetting>>>;
  /** Personas who fit the template's story, in display order (`order` 1, 2…). */
  readonly personas?: readonly Persona[];
}

export const stage = (key: string, label: string, order: number): JourneyNode => ({
  id: `stage-${key}`,
  kind: 'stage',
  label,
  x: 0,
  y: 0,
  order,
});

export const channel = (key: string, label: string, channelType: ChannelType): JourneyNode => ({
  id: `ch-${key}`,
  kind: 'channel',
  label,
  x: 0,
  y: 0,
  channelType,
});

export const device = (key: string, label: string, deviceType: DeviceType): JourneyNode => ({
  id: `dev-${key}`,
  kind: 'device',
  label,
  x: 0,
  y: 0,
  deviceType,
});

export const note = (key: string, label: string, description?: string): JourneyNode => ({
  id: `note-${key}`,
  kind: 'note',
  label,
  x: 0,
  y: 0,
  ...(description ? { description } : {}),
});

export interface TouchInput {
  readonly action: string;
  readonly emotion?: Emotion;
  readonly pains?: readonly string[];
  readonly opportunities?: readonly string[];
  readonly owner?: string;
  /** Contacts per month. */
  readonly volume?: number;
  readonly kpiIds?: readonly string[];
  /** How some personas feel here, by persona id (the others feel `emotion`). */
  readonly byPersona?: Readonly<Record<string, Emotion>>;
}

/**
 * A touchpoint between two node ids; its id is `tp-<from key>-<to key>` (the id prefix before
 * the first dash dropped), e.g. `tp-booking-app` for stage-booking → ch-app.
 */
export function touch(from: string, to: string, input: TouchInput): Touchpoint {
  const key = (id: string) => id.slice(id.indexOf('-') + 1);
  return {
    id: `tp-${key(from)}-${key(to)}`,
    from,
    to,
    action: input.action,
    painPoints: input.pains ?? [],
    opportunities: input.opportunities ?? [],
    kpiIds: input.kpiIds ?? [],
    ...(input.emotion !== undefined ? { emotion: input.emotion } : {}),
    ...(input.owner !== undefined ? { owner: input.owner } : {}),
    ...(input.volume !== undefined ? { volume: input.volume } : {}),
    ...(input.byPersona !== undefined ? { emotionByPersona: input.byPersona } : {}),
  };
}

/**
 * A content lane `lane-<key>` at its type's default place in the grid (or `order`); title ''
 * lets the UI name it in the person's language (and follow a later change of language).
 */
export const lane = (
  key: string,
  type: ContentLaneType,
  title = '',
  order: number = DEFAULT_LANE_ORDER[type],
): Lane => ({ id: `lane-${key}`, type, title, order, hidden: false });

/**
 * The service-blueprint lanes every template starts with (blank included): Frontstage
 * actions, Backstage actions and Support processes, untitled so the UI names them. The same
 * ids in every template, so two clients' seeds converge.
 */
export const BLUEPRINT = [
  lane('frontstage', 'frontstage'),
  lane('backstage', 'backstage'),
  lane('support', 'support'),
] as const;

/**
 * The items of one lane, stage by stage: `{ 'stage-booking': ['…', '…'] }` gives items
 * `item-<lane key>-<stage key>-<n>` (`item-backstage-booking-1`…), in that order.
 */
export function laneCells(
  laneId: string,
  byStage: Readonly<Record<string, readonly string[]>>,
): LaneItem[] {
  const key = (id: string) => id.slice(id.indexOf('-') + 1);
  return Object.entries(byStage).flatMap(([stageId, texts]) =>
    texts.map((text, i) => ({
      id: `item-${key(laneId)}-${key(stageId)}-${i + 1}`,
      laneId,
      stageId,
      text,
      order: i + 1,
    })),
  );
}

/** The Arrange options of a template's grid (its lane settings; see gridLaneOrder). */
export function templateLaneOrder(template: MapTemplate): ReturnType<typeof gridLaneOrder> {
  return gridLaneOrder({
    nodes: template.nodes,
    grid: {
      lanes: template.lanes ?? [],
      items: [],
      settings: new Map(
        Object.entries(template.laneSettings ?? {}) as [DerivedLaneKey, LaneSetting][],
      ),
    },
  });
}

/** Puts a template's nodes where Arrange would, so a seeded map opens tidy. */
export function arranged(template: MapTemplate): MapTemplate {
  const positions = arrange(template.nodes, template.touchpoints, templateLaneOrder(template));
  return {
    ...template,
    nodes: template.nodes.map((n) => ({ ...n, ...positions.get(n.id) })),
  };
}
