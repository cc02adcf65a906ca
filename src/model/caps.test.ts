/**
 * Caps: every text a command writes is cut to the strategy-map format's limit (and every
 * position, size and volume kept in its range), so any map the editor can make exports, parses
 * and imports again. Each field gets one character more
 * than its limit; the test checks what was stored, then the whole trip through the JSON.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNode,
  addTouchpoint,
  copyItems,
  moveNodes,
  pasteItems,
  resizeNode,
  updateNode,
  updateTouchpoint,
} from './commands';
import {
  capText,
  MAX_AMOUNT,
  MAX_COORDINATE_PX,
  MAX_LABEL_CHARS,
  MAX_LIST_ITEMS,
  MAX_NODE_SIZE_PX,
  MAX_STRATEGY_TEXT_CHARS,
  MAX_TEXT_CHARS,
} from './limits';
import { readSnapshot } from './read';
import { NODE_LIMITS } from './records/node';
import { TOUCHPOINT_LIMITS } from './records/touchpoint';
import * as s from './strategy/commands';
import { exportStrategyMap, importStrategyMap, parseStrategyMapText } from './strategy-map';

const over = (max: number, ch = 'x') => ch.repeat(max + 1);

/** Export → JSON text → parse → import into a new doc; fails the test on any refusal. */
function roundTrip(doc: Y.Doc): Y.Doc {
  const parsed = parseStrategyMapText(JSON.stringify(exportStrategyMap(doc)));
  if (!parsed.ok) throw new Error(parsed.error);
  const copy = new Y.Doc();
  importStrategyMap(copy, parsed.value);
  return copy;
}

const content = (doc: Y.Doc) => {
  const snap = readSnapshot(doc);
  return { nodes: snap.nodes, touchpoints: snap.touchpoints, strategy: snap.strategy };
};

describe('text caps', () => {
  it('caps journey texts on add and update, and the map exports and imports again', () => {
    const doc = new Y.Doc();
    const a = addNode(doc, {
      kind: 'stage',
      label: over(MAX_LABEL_CHARS),
      description: over(MAX_TEXT_CHARS),
      x: 0,
      y: 0,
    });
    const b = addNode(doc, { kind: 'channel', label: 'Web', x: 300, y: 0 });
    const tp = addTouchpoint(doc, { from: a, to: b, action: over(MAX_TEXT_CHARS) })!;
    let snap = readSnapshot(doc);
    expect(snap.nodeById.get(a)?.label).toHaveLength(MAX_LABEL_CHARS);
    expect(snap.nodeById.get(a)?.description).toHaveLength(MAX_TEXT_CHARS);
    expect(snap.touchpointById.get(tp)?.action).toHaveLength(MAX_TEXT_CHARS);

    updateNode(doc, b, {
      label: over(MAX_LABEL_CHARS, 'y'),
      description: over(MAX_TEXT_CHARS, 'y'),
    });
    updateTouchpoint(doc, tp, {
      action: over(MAX_TEXT_CHARS, 'z'),
      owner: over(MAX_LABEL_CHARS),
      painPoints: Array(MAX_LIST_ITEMS + 1).fill(over(MAX_TEXT_CHARS)),
      opportunities: [over(MAX_TEXT_CHARS)],
    });
    snap = readSnapshot(doc);
    const t = snap.touchpointById.get(tp)!;
    expect(snap.nodeById.get(b)?.label).toBe('y'.repeat(MAX_LABEL_CHARS));
    expect(snap.nodeById.get(b)?.description).toHaveLength(MAX_TEXT_CHARS);
    expect(t.action).toBe('z'.repeat(MAX_TEXT_CHARS));
    expect(t.owner).toHaveLength(MAX_LABEL_CHARS);
    expect(t.painPoints).toHaveLength(MAX_LIST_ITEMS);
    expect(new Set(t.painPoints.map((p) => p.length))).toEqual(new Set([MAX_TEXT_CHARS]));
    expect(t.opportunities[0]).toHaveLength(MAX_TEXT_CHARS);

    expect(content(roundTrip(doc))).toEqual(content(doc));
  });

  it('caps strategy texts instead of refusing them, and the map exports and imports again', () => {
    const doc = new Y.Doc();
    addNode(doc, { id: 'ch', kind: 'channel', label: 'Chat', x: 0, y: 0 });
    const short = over(MAX_STRATEGY_TEXT_CHARS);
    const long = over(MAX_TEXT_CHARS);
    s.updateSelfScore(doc, { name: short });
    const comp = s.addCompetitor(doc, { name: short });
    const goal = s.addGoal(doc, { title: short, preset: short, target: short, benefit: long });
    s.addKpi(doc, {
      name: short,
      family: 'quality',
      unit: short,
      frequency: short,
      goalId: goal,
      channelIds: ['ch'],
    });
    s.addTraining(doc, { topic: short, kind: 'technical', audience: short });
    s.updateChannelPlan(doc, 'ch', { reason: long });
    s.updateCostModel(doc, { currency: short });
    s.setGoLiveItem(doc, short, true);

    const st = readSnapshot(doc).strategy;
    const goalRecord = st.goals[0]!;
    expect(st.startingPoint.self.name).toHaveLength(MAX_STRATEGY_TEXT_CHARS);
    expect(st.startingPoint.competitors.find((c) => c.id === comp)?.name).toHaveLength(
      MAX_STRATEGY_TEXT_CHARS,
    );
    expect([goalRecord.title, goalRecord.preset, goalRecord.target].map((x) => x?.length)).toEqual(
      Array(3).fill(MAX_STRATEGY_TEXT_CHARS),
    );
    expect(goalRecord.benefit).toHaveLength(MAX_TEXT_CHARS);
    expect(
      [st.kpis[0]!.name, st.kpis[0]!.unit, st.kpis[0]!.frequency].map((x) => x?.length),
    ).toEqual(Array(3).fill(MAX_STRATEGY_TEXT_CHARS));
    expect([st.training[0]!.topic, st.training[0]!.audience].map((x) => x?.length)).toEqual(
      Array(2).fill(MAX_STRATEGY_TEXT_CHARS),
    );
    expect(st.channelPlans.ch?.reason).toHaveLength(MAX_TEXT_CHARS);
    expect(st.costModel.currency).toHaveLength(MAX_STRATEGY_TEXT_CHARS);
    expect(st.goLive.done).toEqual(['x'.repeat(MAX_STRATEGY_TEXT_CHARS)]);

    // Updates cap the same way as adds.
    s.updateGoal(doc, goal, {
      title: over(MAX_STRATEGY_TEXT_CHARS, 'u'),
      benefit: over(MAX_TEXT_CHARS, 'u'),
    });
    expect(readSnapshot(doc).strategy.goals[0]).toMatchObject({
      title: 'u'.repeat(MAX_STRATEGY_TEXT_CHARS),
      benefit: 'u'.repeat(MAX_TEXT_CHARS),
    });

    expect(content(roundTrip(doc))).toEqual(content(doc));
  });

  it('still refuses what is not a text, with a path: message error', () => {
    const doc = new Y.Doc();
    expect(() => s.addGoal(doc, { title: 42 as never })).toThrow('goal.title: must be a string');
    expect(() => s.addGoal(doc, { title: ' '.repeat(MAX_STRATEGY_TEXT_CHARS + 1) })).toThrow(
      'goal.title: must not be empty',
    );
  });

  it('keeps positions, sizes and volumes in the range the format accepts', () => {
    const doc = new Y.Doc();
    const a = addNode(doc, {
      kind: 'note',
      label: 'Far',
      x: 2 * MAX_COORDINATE_PX,
      y: -3 * MAX_COORDINATE_PX,
      w: 2 * MAX_NODE_SIZE_PX,
      h: 0.2,
    });
    const b = addNode(doc, { kind: 'channel', label: 'Web', x: 0, y: 0 });
    const tp = addTouchpoint(doc, { from: a, to: b })!;
    expect(readSnapshot(doc).nodeById.get(a)).toMatchObject({
      x: MAX_COORDINATE_PX,
      y: -MAX_COORDINATE_PX,
      w: MAX_NODE_SIZE_PX,
      h: 1,
    });
    moveNodes(doc, [{ id: b, x: -5 * MAX_COORDINATE_PX, y: 12.6 }]);
    resizeNode(doc, b, { w: 3 * MAX_NODE_SIZE_PX, h: -4 });
    expect(readSnapshot(doc).nodeById.get(b)).toMatchObject({
      x: -MAX_COORDINATE_PX,
      y: 13,
      w: MAX_NODE_SIZE_PX,
      h: 1,
    });
    updateNode(doc, b, { w: 0, h: MAX_NODE_SIZE_PX + 1 });
    expect(readSnapshot(doc).nodeById.get(b)).toMatchObject({ w: 1, h: MAX_NODE_SIZE_PX });
    const [pasted] = pasteItems(doc, copyItems(doc, [a]), { x: MAX_COORDINATE_PX, y: 0 });
    expect(readSnapshot(doc).nodeById.get(pasted!)).toMatchObject({
      x: MAX_COORDINATE_PX,
      w: MAX_NODE_SIZE_PX,
    });
    const volume = () => readSnapshot(doc).touchpointById.get(tp)?.volume;
    updateTouchpoint(doc, tp, { volume: 10 * MAX_AMOUNT });
    expect(volume()).toBe(MAX_AMOUNT);
    expect(content(roundTrip(doc))).toEqual(content(doc));
    updateTouchpoint(doc, tp, { volume: -5 });
    expect(volume()).toBe(0);
    updateTouchpoint(doc, tp, { volume: Number.NaN });
    expect(volume()).toBeUndefined();
  });

  it('never cuts an emoji in half', () => {
    const emoji = '😀';
    expect(capText(`${'x'.repeat(MAX_LABEL_CHARS - 1)}${emoji}`, MAX_LABEL_CHARS)).toBe(
      'x'.repeat(MAX_LABEL_CHARS - 1),
    );
    expect(capText(`${'x'.repeat(MAX_LABEL_CHARS - 2)}${emoji}!`, MAX_LABEL_CHARS)).toBe(
      `${'x'.repeat(MAX_LABEL_CHARS - 2)}${emoji}`,
    );
    expect(capText('short', MAX_LABEL_CHARS)).toBe('short');
  });

  it("caps with the record kinds' limits: stage order, touchpoint KPI ids", () => {
    const doc = new Y.Doc();
    const a = addNode(doc, { kind: 'stage', label: 'A', x: 0, y: 0, order: 1.4 });
    expect(readSnapshot(doc).nodeById.get(a)).toMatchObject({ order: 1 });
    updateNode(doc, a, { order: NODE_LIMITS.order.max * 3 });
    expect(readSnapshot(doc).nodeById.get(a)).toMatchObject({ order: NODE_LIMITS.order.max });
    const b = addNode(doc, { kind: 'channel', label: 'Web', x: 300, y: 0 });
    const tp = addTouchpoint(doc, { from: a, to: b })!;
    const L = TOUCHPOINT_LIMITS.kpiIds;
    updateTouchpoint(doc, tp, {
      kpiIds: Array.from({ length: L.items + 1 }, (_, i) => `${i}`.padEnd(L.chars + 1, 'k')),
    });
    const ids = readSnapshot(doc).touchpointById.get(tp)!.kpiIds;
    expect(ids).toHaveLength(L.items);
    expect(Math.max(...ids.map((k) => k.length))).toBe(L.chars);
  });
});
