/**
 * Seeding: writes a template into an empty map doc in one transaction with the SEED origin, so
 * it never enters anyone's undo stack. Ids, fields and positions are fixed by the template, so
 * two offline clients that seed the same template write the same records and converge.
 */
import type * as Y from 'yjs';
import {
  allRoots,
  gridItemsMap,
  gridLanesMap,
  gridSettingsMap,
  metaMap,
  newRecord,
  nodesMap,
  personasMap,
  SCHEMA_VERSION,
  STRATEGY_COLLECTIONS,
  strategyPart,
  strategyRecords,
  touchpointsMap,
  writeFields,
} from '../doc';
import { SEED } from '../origins';
import { LANE_SETTING_FIELDS, LANE_SETTING_SEP } from '../records/lane-setting';
import { touchpointDocFields } from '../records/touchpoint';
import { writeChannelPlan } from '../strategy/storage';
import type { Touchpoint } from '../types';
import type { MapTemplate, TemplateStrategy } from './build';
import { inLocale, TEMPLATES } from './list';
import type { TemplateLocale } from './localize';

export const MAX_TITLE_CHARS = 200;

/** The template with this key in `locale`, or a clear error naming the keys there are. */
export function getTemplate(key: string, locale: TemplateLocale = 'en'): MapTemplate {
  const found = TEMPLATES.find((t) => t.key === key);
  if (!found) {
    throw new Error(
      `template.key: "${String(key)}" is not one of ${TEMPLATES.map((t) => t.key).join(', ')}`,
    );
  }
  return inLocale(found, locale);
}

/** Touchpoint fields as stored: empty lists are left out, like a touchpoint made by hand. */
function touchpointFields(tp: Touchpoint): Record<string, unknown> {
  const { painPoints, opportunities, kpiIds } = tp;
  return {
    ...touchpointDocFields(tp),
    painPoints: painPoints.length ? [...painPoints] : undefined,
    opportunities: opportunities.length ? [...opportunities] : undefined,
    kpiIds: kpiIds.length ? [...kpiIds] : undefined,
  };
}

/** The grid's records: content lanes, their items, derived lanes' flat settings. */
function writeGrid(doc: Y.Doc, template: MapTemplate): void {
  for (const { id, hidden, ...fields } of template.lanes ?? [])
    gridLanesMap(doc).set(id, newRecord({ ...fields, hidden: hidden ? true : undefined }));
  for (const { id, ...fields } of template.laneItems ?? [])
    gridItemsMap(doc).set(id, newRecord(fields));
  for (const [key, setting] of Object.entries(template.laneSettings ?? {})) {
    for (const field of LANE_SETTING_FIELDS) {
      const value = setting?.[field];
      if (value !== undefined) gridSettingsMap(doc).set(`${key}${LANE_SETTING_SEP}${field}`, value);
    }
  }
}

function writeStrategy(doc: Y.Doc, strategy: TemplateStrategy): void {
  if (strategy.self) writeFields(strategyPart(doc, 'self'), { ...strategy.self });
  for (const part of STRATEGY_COLLECTIONS) {
    const records = strategy[part] ?? [];
    // `order` keeps the template's order for display (the reader sorts by it, ties by id).
    records.forEach((r, i) =>
      strategyRecords(doc, part).set(r.id, newRecord({ ...r, order: i + 1 })),
    );
  }
  for (const [channelId, plan] of Object.entries(strategy.channelPlans ?? {})) {
    writeChannelPlan(doc, channelId, { ...plan });
  }
  if (strategy.costModel) writeFields(strategyPart(doc, 'costModel'), { ...strategy.costModel });
}

/**
 * Writes template `key` into `doc`, which must be empty (a fresh map), with its texts in
 * `locale` (the UI language of the person creating the map; ids are the same in every
 * language). `now` is the creation time recorded in meta (a parameter so tests are
 * reproducible).
 */
export function seedTemplate(
  doc: Y.Doc,
  key: string,
  title: string,
  now: Date = new Date(),
  locale: TemplateLocale = 'en',
): void {
  const template = getTemplate(key, locale);
  if (typeof title !== 'string') throw new Error('seedTemplate.title: must be a string');
  if (allRoots(doc).some((root) => (root as Y.Map<unknown>).size > 0)) {
    throw new Error('seedTemplate.doc: must be empty (a template seeds a new map only)');
  }
  doc.transact(() => {
    writeFields(metaMap(doc), {
      schemaVersion: SCHEMA_VERSION,
      title: title.trim().slice(0, MAX_TITLE_CHARS),
      createdAt: now.toISOString(),
      template: template.key,
      language: locale,
    });
    for (const { id, ...fields } of template.nodes) nodesMap(doc).set(id, newRecord(fields));
    for (const tp of template.touchpoints)
      touchpointsMap(doc).set(tp.id, newRecord(touchpointFields(tp)));
    if (template.strategy) writeStrategy(doc, template.strategy);
    writeGrid(doc, template);
    for (const { id, ...fields } of template.personas ?? [])
      personasMap(doc).set(id, newRecord(fields));
  }, SEED);
}
