/**
 * deleteItems leaves no reference to what it deleted: not in touchpoints, channel plans or
 * KPIs' `channelIds`, so an export right after a delete carries exactly what the doc holds
 * (the exporter's own filtering of dangling ids has nothing to do) and imports again.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteItems } from './commands';
import { createHistory } from './history';
import { LOCAL } from './origins';
import { readSnapshot } from './read';
import { exportStrategyMap, importStrategyMap, parseStrategyMapText } from './strategy-map';
import { seedTemplate } from './templates';

function airline(): Y.Doc {
  const doc = new Y.Doc();
  seedTemplate(doc, 'airline', 'Airline', new Date('2026-01-01T00:00:00Z'));
  return doc;
}

/** Every channel id any KPI of the doc lists. */
const kpiChannels = (doc: Y.Doc) =>
  new Set(readSnapshot(doc).strategy.kpis.flatMap((k) => k.channelIds ?? []));

/** The export, checked: it parses, the KPIs' channel lists are the doc's, and it imports again. */
function exportChecked(doc: Y.Doc) {
  const out = exportStrategyMap(doc);
  const parsed = parseStrategyMapText(JSON.stringify(out));
  if (!parsed.ok) throw new Error(parsed.error);
  const snap = readSnapshot(doc);
  expect(out.strategy.kpis.map((k) => k.channelIds)).toEqual(
    snap.strategy.kpis.map((k) => k.channelIds),
  );
  const copy = new Y.Doc();
  importStrategyMap(copy, parsed.value);
  expect(readSnapshot(copy).strategy.kpis).toEqual(snap.strategy.kpis);
  return out;
}

describe('deleteItems and KPI references', () => {
  it('removes a deleted channel from every KPI that watched it, in the same transaction', () => {
    const doc = airline();
    expect(kpiChannels(doc)).toContain('ch-chat');
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    deleteItems(doc, { nodeIds: ['ch-chat'] });
    expect(origins).toEqual([LOCAL]);
    expect(kpiChannels(doc)).not.toContain('ch-chat');
    const byId = new Map(readSnapshot(doc).strategy.kpis.map((k) => [k.id, k.channelIds]));
    expect(byId.get('kpi-abandonment')).toEqual(['ch-phone']);
    expect(byId.get('kpi-first-contact')).toEqual(['ch-phone']);
    exportChecked(doc);
  });

  it('leaves an empty list when a KPI watched only deleted channels', () => {
    const doc = airline();
    deleteItems(doc, { nodeIds: ['ch-chat', 'ch-phone', 'ch-social'] });
    expect(kpiChannels(doc).size).toBe(0);
    expect(
      readSnapshot(doc).strategy.kpis.every(
        (k) => k.channelIds === undefined || k.channelIds.length === 0,
      ),
    ).toBe(true);
    exportChecked(doc);
  });

  it('is undone with the node: the KPIs watch the channel again', () => {
    const doc = airline();
    const before = readSnapshot(doc).strategy.kpis;
    const history = createHistory(doc);
    deleteItems(doc, { nodeIds: ['ch-chat'] });
    history.undo();
    expect(readSnapshot(doc).strategy.kpis).toEqual(before);
  });

  it('deleting touchpoints takes their KPI links with them and leaves the KPIs as they were', () => {
    const doc = airline();
    const snap = readSnapshot(doc);
    const linked = snap.touchpoints.filter((t) => t.kpiIds.length > 0).map((t) => t.id);
    expect(linked.length).toBeGreaterThan(0);
    deleteItems(doc, { touchpointIds: linked });
    const after = readSnapshot(doc);
    expect(after.touchpoints.flatMap((t) => t.kpiIds)).toEqual([]);
    expect(after.strategy.kpis).toEqual(snap.strategy.kpis);
    const out = exportChecked(doc);
    expect(out.touchpoints.some((t) => linked.includes(t.id))).toBe(false);
  });
});
