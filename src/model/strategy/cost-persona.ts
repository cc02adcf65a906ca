/**
 * The cost model and the KPIs read for one persona (pure): what of the strategy concerns the
 * touchpoints that concern them. A touchpoint concerns a persona when it has no scope (everyone)
 * or the persona is in it (personas.ts `concernsPersona`).
 *
 * - A **channel** is the persona's when a touchpoint that concerns them has it at one end, or
 *   when no touchpoint has it at an end (nothing says it is someone else's).
 * - A **KPI** is the persona's when it watches a touchpoint that concerns them
 *   (`Touchpoint.kpiIds`) or one of the persona's channels (`Kpi.channelIds`), or when it
 *   watches nothing (it is about everyone).
 *
 * The volumes stay each channel's whole volume: the map does not split a channel's contacts
 * by persona, so a persona's cost is that of the channels they use, not their share of them.
 */
import { concernsPersona } from '../personas';
import type { MapSnapshot } from '../types';

export interface PersonaReading {
  readonly personaId: string;
  readonly touchpointIds: ReadonlySet<string>;
  readonly channelIds: ReadonlySet<string>;
  readonly kpiIds: ReadonlySet<string>;
}

type ReadingInput = Pick<MapSnapshot, 'nodes' | 'touchpoints'> & {
  readonly strategy: Pick<MapSnapshot['strategy'], 'kpis'>;
};

export function personaReading(s: ReadingInput, personaId: string): PersonaReading {
  const channelIds = new Set(s.nodes.filter((n) => n.kind === 'channel').map((n) => n.id));
  const linked = new Set<string>();
  const theirs = new Set<string>();
  const touchpointIds = new Set<string>();
  const watchedTouchpoint = new Set<string>();
  const watchedAtAll = new Set<string>();
  for (const tp of s.touchpoints) {
    const concerns = concernsPersona(tp, personaId);
    for (const end of [tp.from, tp.to]) {
      if (!channelIds.has(end)) continue;
      linked.add(end);
      if (concerns) theirs.add(end);
    }
    for (const k of tp.kpiIds) {
      watchedAtAll.add(k);
      if (concerns) watchedTouchpoint.add(k);
    }
    if (concerns) touchpointIds.add(tp.id);
  }
  const channels = new Set([...channelIds].filter((id) => theirs.has(id) || !linked.has(id)));
  const kpiIds = new Set(
    s.strategy.kpis
      .filter((k) => {
        const watched = (k.channelIds ?? []).filter((c) => channelIds.has(c));
        if (watchedTouchpoint.has(k.id) || watched.some((c) => channels.has(c))) return true;
        return !watchedAtAll.has(k.id) && watched.length === 0;
      })
      .map((k) => k.id),
  );
  return { personaId, touchpointIds, channelIds: channels, kpiIds };
}
