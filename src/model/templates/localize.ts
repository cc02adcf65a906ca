/**
 * Templates in the UI language. A template file is written in English, which is also its
 * structure (ids, kinds, emotions, volumes, links); every other language is one table per
 * template (`<template>.<lang>.ts`) giving the texts of each record by its id. Localizing
 * changes texts only, never an id, a number or a position, so two offline clients that seed
 * the same template in different languages write the same records and converge (field by
 * field, last writer wins on the texts).
 *
 * A table must be complete and current: a record without its text, a list of pain points of
 * another length, or a text for a record the template no longer has throws, so the template
 * tests catch a stale translation the day the English changes.
 */
import type { MapTemplate, TemplateStrategy } from './build';

export const TEMPLATE_LOCALES = ['en', 'it'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

type Texts = Readonly<Record<string, string>>;

export interface TouchTexts {
  readonly action: string;
  /** As many as the English template's, in the same order. */
  readonly pains?: readonly string[];
  readonly opportunities?: readonly string[];
}

/** The texts of one template in one language, keyed by record id. */
export interface TemplateTexts {
  /** Node id → label, or label and description for a note that has one. */
  readonly nodes: Readonly<
    Record<string, string | { readonly label: string; readonly description: string }>
  >;
  readonly touchpoints: Readonly<Record<string, TouchTexts>>;
  /** Team names by their English name (one team owns many touchpoints). */
  readonly owners: Texts;
  /**
   * Grid lane titles: a content lane's by its id, a derived lane's own title by its key
   * (`kpis`…). Only lanes with a title: an untitled lane is named by the UI in every language.
   */
  readonly lanes?: Texts;
  /** Lane item id → its text. */
  readonly laneItems?: Texts;
  /** Persona id → its texts (lists as long as the English ones). */
  readonly personas?: Readonly<
    Record<
      string,
      {
        readonly name: string;
        readonly role: string;
        readonly quote: string;
        readonly goals: readonly string[];
        readonly needs: readonly string[];
        readonly frustrations: readonly string[];
      }
    >
  >;
  readonly strategy?: {
    /** Our company's name on the positioning chart (competitors are brands: kept). */
    readonly self?: string;
    readonly goals?: Readonly<
      Record<
        string,
        { readonly title: string; readonly target?: string; readonly benefit?: string }
      >
    >;
    readonly kpis?: Readonly<Record<string, { readonly name: string }>>;
    readonly training?: Readonly<
      Record<string, { readonly topic: string; readonly audience?: string }>
    >;
    /** Channel node id → why the channel is planned. */
    readonly channelPlans?: Texts;
  };
}

/** `template` with every text taken from `texts`; throws on a missing or stale text. */
export function localize(template: MapTemplate, texts: TemplateTexts, locale: string): MapTemplate {
  const where = `template ${template.key} (${locale})`;
  const used = new Set<string>();
  function pick<T>(
    table: Readonly<Record<string, T | undefined>> | undefined,
    part: string,
    id: string,
  ): T {
    const found = table && Object.hasOwn(table, id) ? table[id] : undefined;
    if (found === undefined) throw new Error(`${where}: no text for ${part} ${id}`);
    used.add(`${part}:${id}`);
    return found;
  }
  const list = (path: string, source: readonly string[], given: readonly string[] | undefined) => {
    const out = given ?? [];
    if (out.length !== source.length)
      throw new Error(`${where}: ${path} has ${out.length} texts, the template ${source.length}`);
    return [...out];
  };

  const nodes = template.nodes.map((n) => {
    const t = pick(texts.nodes, 'node', n.id);
    if (n.kind === 'note' && n.description !== undefined) {
      if (typeof t === 'string') throw new Error(`${where}: no description for node ${n.id}`);
      return { ...n, label: t.label, description: t.description };
    }
    if (typeof t !== 'string') throw new Error(`${where}: node ${n.id} has no description`);
    return { ...n, label: t };
  });
  const touchpoints = template.touchpoints.map((tp) => {
    const t = pick(texts.touchpoints, 'touchpoint', tp.id);
    return {
      ...tp,
      action: t.action,
      painPoints: list(`touchpoint ${tp.id} pains`, tp.painPoints, t.pains),
      opportunities: list(`touchpoint ${tp.id} opportunities`, tp.opportunities, t.opportunities),
      ...(tp.owner !== undefined ? { owner: pick(texts.owners, 'owner', tp.owner) } : {}),
    };
  });
  const strategy = template.strategy && localizeStrategy(template.strategy, texts, pick);
  const lanes = template.lanes?.map((l) =>
    l.title === '' ? l : { ...l, title: pick(texts.lanes, 'lane', l.id) },
  );
  const laneItems = template.laneItems?.map((i) => ({
    ...i,
    text: pick(texts.laneItems, 'item', i.id),
  }));
  const laneSettings =
    template.laneSettings &&
    Object.fromEntries(
      Object.entries(template.laneSettings).map(([key, s]) => [
        key,
        s?.title === undefined || s.title === ''
          ? s
          : { ...s, title: pick(texts.lanes, 'lane', key) },
      ]),
    );

  const personas = template.personas?.map((p) => {
    const t = pick(texts.personas, 'persona', p.id);
    return {
      ...p,
      name: t.name,
      role: t.role,
      quote: t.quote,
      goals: list(`persona ${p.id} goals`, p.goals, t.goals),
      needs: list(`persona ${p.id} needs`, p.needs, t.needs),
      frustrations: list(`persona ${p.id} frustrations`, p.frustrations, t.frustrations),
    };
  });

  // Every text of the table was used: one left over belongs to a record that is gone.
  const tables: [string, object | undefined][] = [
    ['node', texts.nodes],
    ['touchpoint', texts.touchpoints],
    ['owner', texts.owners],
    ['goal', texts.strategy?.goals],
    ['kpi', texts.strategy?.kpis],
    ['training', texts.strategy?.training],
    ['plan', texts.strategy?.channelPlans],
    ['lane', texts.lanes],
    ['item', texts.laneItems],
    ['persona', texts.personas],
  ];
  for (const [part, table] of tables) {
    for (const id of Object.keys(table ?? {}))
      if (!used.has(`${part}:${id}`))
        throw new Error(`${where}: ${part} ${id} is not in the template`);
  }
  return {
    ...template,
    nodes,
    touchpoints,
    ...(strategy ? { strategy } : {}),
    ...(lanes ? { lanes } : {}),
    ...(laneItems ? { laneItems } : {}),
    ...(laneSettings ? { laneSettings } : {}),
    ...(personas ? { personas } : {}),
  };
}

type Pick = <T>(
  table: Readonly<Record<string, T | undefined>> | undefined,
  part: string,
  id: string,
) => T;

function localizeStrategy(s: TemplateStrategy, texts: TemplateTexts, pick: Pick): TemplateStrategy {
  const t = texts.strategy;
  /** `source` with its text fields `keys` from `given`, each one the source has required. */
  function withTexts<T extends object, K extends keyof T>(
    path: string,
    source: T,
    given: Partial<Record<K, string>>,
    keys: readonly K[],
  ): T {
    const out = { ...source };
    for (const k of keys) {
      if (source[k] === undefined) continue;
      if (given[k] === undefined) throw new Error(`template: no ${String(k)} for ${path}`);
      out[k] = given[k] as T[K];
    }
    return out;
  }
  const out: { -readonly [K in keyof TemplateStrategy]: TemplateStrategy[K] } = { ...s };
  if (s.self) out.self = { ...s.self, name: pick({ self: t?.self }, 'strategy', 'self') };
  if (s.goals)
    out.goals = s.goals.map((g) =>
      withTexts(`goal ${g.id}`, g, pick(t?.goals, 'goal', g.id), ['title', 'target', 'benefit']),
    );
  if (s.kpis)
    out.kpis = s.kpis.map((k) => withTexts(`kpi ${k.id}`, k, pick(t?.kpis, 'kpi', k.id), ['name']));
  if (s.training)
    out.training = s.training.map((r) =>
      withTexts(`training ${r.id}`, r, pick(t?.training, 'training', r.id), ['topic', 'audience']),
    );
  if (s.channelPlans)
    out.channelPlans = Object.fromEntries(
      Object.entries(s.channelPlans).map(([id, plan]) => [
        id,
        plan.reason === undefined ? plan : { ...plan, reason: pick(t?.channelPlans, 'plan', id) },
      ]),
    );
  return out;
}
