/** Snapshots of seeded maps for view tests, which never touch a Y.Doc themselves (layers). */
import * as Y from 'yjs';
import { readSnapshot } from '../read';
import { bindStrategyCommands } from '../strategy/bound-commands';
import { seedTemplate, type TemplateLocale } from '../templates';
import type { MapSnapshot } from '../types';

export type StrategyCommands = ReturnType<typeof bindStrategyCommands>;

/** The template's map in `locale`, after `edit` ran its strategy commands. */
export function templateSnapshot(
  key: string,
  locale: TemplateLocale,
  now: Date,
  edit?: (strategy: StrategyCommands, snapshot: () => MapSnapshot) => void,
): MapSnapshot {
  const doc = new Y.Doc();
  seedTemplate(doc, key, key, now, locale);
  edit?.(bindStrategyCommands(doc), () => readSnapshot(doc));
  return readSnapshot(doc);
}
