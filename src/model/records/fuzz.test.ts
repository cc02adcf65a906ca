/**
 * The restore boundary under fire: real maps (every template), random garbage written into
 * random places (testing/garbage.ts), and after every write:
 * - a live (incremental) MapReader and a fresh readSnapshot never throw and agree;
 * - every record of the snapshot satisfies its zod schema (the grid's lanes, items and
 *   settings are not checked against a schema here yet: their zod schemas come with the
 *   strategy-map format's grid part; their invariants are checked instead, see gridProblems);
 * - the journey grid (gridModel) builds from every snapshot without throwing;
 * - the export stringifies and parses with parseStrategyMap;
 * - a second peer, synced by exchanging updates, reads the same snapshot;
 * and at the end real commands still work on the garbage doc.
 * A failure names its seed and the writes that led to it; replay with `SEEDS=<n>`.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTouchpoint, deleteItems, moveNodes, ReadOnlyDocError, updateNode } from '../commands';
import { gridItemsMap, gridLanesMap, newRecord, nodesMap, touchpointsMap } from '../doc';
import { arrangeMap } from '../arrange-command';
import { gridModel } from '../grid';
import { addLaneItem, renameLane, reorderLanes, setLaneHidden } from '../grid-commands';
import { MapReader, readSnapshot } from '../read';
import { setEvidence } from '../evidence-commands';
import {
  addPersona,
  deletePersona,
  reorderPersonas,
  setPersonaScope,
  setTouchpointPersonaEmotion,
} from '../persona-commands';
import { updateGoal, updateKpi } from '../strategy/commands';
import { exportStrategyMap, parseStrategyMap, snapshotToStrategyMap } from '../strategy-map';
import { seedTemplate, TEMPLATE_KEYS } from '../templates';
import { writeGarbage } from '../testing/garbage';
import { castVote, resetTimer, setTimer, startRound, startTimer } from '../workshop/commands';
import { workshopRoots } from '../workshop/doc';
import { createWorkshopStore, readWorkshop } from '../workshop/read';
import { timerRemaining } from '../workshop/timer';
import { itemKeyOf, VOTE_TARGETS, type WorkshopSnapshot } from '../workshop/types';
import { VOTE_ROUND_LIMITS } from './vote-round';
import { MAX_TIMER_MS } from './workshop-timer';
import { seededRandom } from '../testing/random';
import type { MapSnapshot } from '../types';
import {
  channelPlanRecordSchema,
  companyScoreRecordSchema,
  costModelRecordSchema,
  extra,
  goalRecordSchema,
  goLiveRecordSchema,
  kpiRecordSchema,
  metaRecordSchema,
  laneItemRecordSchema,
  nodeRecordSchema,
  personaRecordSchema,
  touchpointRecordSchema,
  trainingRecordSchema,
} from './support/schemas';
import type { z } from 'zod';
import { anchorExists, anchorLabel } from '../comments/anchors';
import { addThread, reply, setResolved, touchPerson } from '../comments/commands';
import { commentRoots } from '../comments/doc';
import { CommentsReader, readComments } from '../comments/read';
import { isNewToMe, openCount } from '../comments/status';
import type { CommentsSnapshot } from '../comments/types';
import {
  commentPersonRecordSchema,
  commentRecordSchema,
  commentThreadRecordSchema,
} from './support/schemas';

const SEEDS = Number(process.env.SEEDS ?? 0);
const SEED_LIST =
  SEEDS > 0
    ? [SEEDS]
    : Array.from({ length: Number(process.env.FUZZ_COUNT ?? 200) }, (_, i) => i + 1);
const WRITES_PER_SEED = 6;

/** Every record of `snap` checked against its schema; returns the problems found. */
export function schemaProblems(snap: MapSnapshot): string[] {
  const problems: string[] = [];
  const check = (what: string, schema: z.ZodType, value: unknown) => {
    const r = schema.safeParse(value);
    if (!r.success)
      problems.push(
        `${what}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
  };
  check('meta', metaRecordSchema, snap.meta);
  for (const n of snap.nodes) check(`node ${n.id}`, nodeRecordSchema, n);
  for (const t of snap.touchpoints) check(`touchpoint ${t.id}`, touchpointRecordSchema, t);
  const s = snap.strategy;
  check('self', companyScoreRecordSchema, s.startingPoint.self);
  for (const c of s.startingPoint.competitors)
    check(`competitor ${c.id}`, companyScoreRecordSchema, c);
  for (const g of s.goals) check(`goal ${g.id}`, goalRecordSchema, g);
  for (const k of s.kpis) check(`kpi ${k.id}`, kpiRecordSchema, k);
  for (const t of s.training) check(`training ${t.id}`, trainingRecordSchema, t);
  for (const [id, p] of Object.entries(s.channelPlans))
    check(`plan ${id}`, channelPlanRecordSchema, p);
  check('costModel', costModelRecordSchema, s.costModel);
  check('goLive', goLiveRecordSchema, s.goLive);
  check('strategy extra', extra, s.extra);
  for (const p of snap.personas) check(`persona ${p.id}`, personaRecordSchema, p);
  for (const i of snap.grid.items) check(`lane item ${i.id}`, laneItemRecordSchema, i);
  // Touchpoints shown only between nodes shown (the reader hides dangling ones).
  for (const t of snap.touchpoints)
    if (!snap.nodeById.has(t.from) || !snap.nodeById.has(t.to)) problems.push(`dangling ${t.id}`);
  return problems;
}

/**
 * The grid as read is whole: each item in a lane and a stage that are shown, each lane and
 * setting within its limits' shapes; and gridModel builds from it, every row once.
 */
export function gridProblems(snap: MapSnapshot): string[] {
  const problems: string[] = [];
  const lanes = new Set(snap.grid.lanes.map((l) => l.id));
  for (const i of snap.grid.items) {
    if (!lanes.has(i.laneId)) problems.push(`item ${i.id}: lane ${i.laneId} not shown`);
    if (snap.nodeById.get(i.stageId)?.kind !== 'stage')
      problems.push(`item ${i.id}: ${i.stageId} is not a stage`);
    if (typeof i.text !== 'string' || !Number.isFinite(i.order)) problems.push(`item ${i.id}`);
  }
  for (const l of snap.grid.lanes)
    if (typeof l.title !== 'string' || !Number.isFinite(l.order) || typeof l.hidden !== 'boolean')
      problems.push(`lane ${l.id}`);
  for (const [key, s] of snap.grid.settings) {
    if (s.order !== undefined && !Number.isFinite(s.order)) problems.push(`setting ${key}.order`);
    if (s.hidden !== undefined && typeof s.hidden !== 'boolean') problems.push(`setting ${key}`);
    if (s.title !== undefined && typeof s.title !== 'string') problems.push(`setting ${key}`);
  }
  try {
    const m = gridModel(snap);
    const keys = m.rows.map((r) => r.key);
    if (new Set(keys).size !== keys.length) problems.push('grid: a row twice');
    if (m.columns.size !== m.stages.length) problems.push('grid: a stage without its column');
    const shown = [...m.columns.values()].reduce(
      (n, c) => n + [...c.items.values()].reduce((k, list) => k + list.length, 0),
      0,
    );
    if (shown !== snap.grid.items.length) problems.push('grid: items not all in a cell');
  } catch (e) {
    problems.push(`gridModel threw: ${String(e)}`);
  }
  return problems;
}

function exportProblems(doc: Y.Doc): string[] {
  const text = JSON.stringify(exportStrategyMap(doc));
  const parsed = parseStrategyMap(JSON.parse(text));
  return parsed.ok ? [] : parsed.issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
}

/** Two peers of one map that exchange every update at once (as a websocket would). */
function peers(template: string): { a: Y.Doc; b: Y.Doc } {
  const a = new Y.Doc();
  seedTemplate(a, template, 'Fuzz');
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on(
    'update',
    (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(b, u, 'peer'),
  );
  b.on(
    'update',
    (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(a, u, 'peer'),
  );
  return { a, b };
}

/**
 * Fixes one record the snapshot lists as repaired, as a person editing it would: a node or
 * touchpoint gets its restored value written back (a fresh record), a skipped one is deleted.
 */
function heal(doc: Y.Doc, snap: MapSnapshot, pick: number): string {
  const keys = [...snap.repairs.keys()].filter((k) => /^(node|touchpoint|lane|laneItem):/.test(k));
  const key = keys[Math.floor(pick * keys.length)];
  if (key === undefined) return 'heal: nothing';
  const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const root = (
    { node: nodesMap, touchpoint: touchpointsMap, lane: gridLanesMap }[kind] ?? gridItemsMap
  )(doc);
  const value =
    kind === 'node'
      ? snap.nodeById.get(id)
      : kind === 'touchpoint'
        ? snap.touchpointById.get(id)
        : kind === 'lane'
          ? snap.grid.lanes.find((l) => l.id === id)
          : snap.grid.items.find((i) => i.id === id);
  doc.transact(() => {
    if (value) root.set(id, newRecord(value as unknown as Record<string, unknown>));
    else root.delete(id);
  }, 'person');
  return `heal ${key.slice(0, 60)}`;
}

/** A few edits a person would make, on records the snapshot shows. */
function editAsAPerson(doc: Y.Doc, snap: MapSnapshot): void {
  const [first, second] = snap.nodes;
  try {
    if (first) {
      updateNode(doc, first.id, { label: 'renamed by a person' });
      moveNodes(doc, [{ id: first.id, x: first.x + 20, y: first.y }]);
    }
    if (first && second)
      addTouchpoint(doc, { from: first.id, to: second.id, action: 'after garbage' });
    const goal = snap.strategy.goals[0];
    if (goal) updateGoal(doc, goal.id, { title: 'goal edited' });
    const kpi = snap.strategy.kpis[0];
    if (kpi) updateKpi(doc, kpi.id, { name: 'kpi edited', target: 5 });
    // The grid: type an item, rename, hide and reorder lanes.
    const grid = gridModel(snap);
    const lane = snap.grid.lanes[0];
    const stage = grid.stages[0];
    if (lane && stage) addLaneItem(doc, { laneId: lane.id, stageId: stage.id, text: 'typed' });
    const row = grid.rows.at(-1);
    if (row) {
      renameLane(doc, row.key, 'lane renamed');
      setLaneHidden(doc, row.key, true);
    }
    reorderLanes(doc, [...grid.rows.map((r) => r.key)].reverse());
    // Personas: add one, set its emotion and scope and evidence, then delete another.
    const persona = addPersona(doc, { name: 'after garbage', color: '#1d4ed8' });
    const tp = snap.touchpoints[0];
    if (persona && tp) {
      setTouchpointPersonaEmotion(doc, tp.id, persona, -1);
      setPersonaScope(doc, tp.id, [persona]);
      setEvidence(doc, { kind: 'touchpoint', id: tp.id }, { level: 'assumed', source: 'x' });
      setEvidence(doc, { kind: 'painPoint', id: tp.id, index: 0 }, { level: 'observed' });
    }
    const item = snap.grid.items[0];
    if (item) setEvidence(doc, { kind: 'laneItem', id: item.id }, { level: 'reported' });
    const other = snap.personas[0];
    if (other) deletePersona(doc, other.id);
    reorderPersonas(doc, snap.personas.map((p) => p.id).reverse());
    // Arrange reads the grid's lane order from whatever the garbage left.
    arrangeMap(doc);
    // Deleting a stage takes its items and channel settings along, whatever else is there.
    const last = grid.stages.at(-1);
    if (last && last.id !== first?.id && last.id !== second?.id)
      deleteItems(doc, { nodeIds: [last.id] });
  } catch (e) {
    // A map written by a newer schema is read-only by design (migrations.ts).
    if (!(e instanceof ReadOnlyDocError)) throw e;
  }
}

/** Seeds per test case: small cases, so a loaded machine never meets the test timeout. */
const CHUNK = 20;
const chunks = Array.from({ length: Math.ceil(SEED_LIST.length / CHUNK) }, (_, i) =>
  SEED_LIST.slice(i * CHUNK, (i + 1) * CHUNK),
);

describe('restore fuzz: garbage in random places of real maps', () => {
  it.each(chunks.map((seeds) => [seeds[0], seeds.at(-1), seeds] as const))(
    'reading, schemas, export and two peers hold on seeds %i..%i',
    (_first, _last, seeds) => {
      for (const seed of seeds) {
        const rng = seededRandom(seed);
        const template = TEMPLATE_KEYS[seed % TEMPLATE_KEYS.length]!;
        const { a, b } = peers(template);
        const live = new MapReader(a);
        const log: string[] = [];
        const where = () => `seed ${seed} (${template}) after: ${log.join(' | ')}`;
        // After every write: the incremental reader agrees with a fresh read and with the other
        // peer. Schemas and the export (the costly checks) on every other write and at the end.
        const check = (full: boolean) => {
          const snap = live.getSnapshot();
          expect(snap, where()).toEqual(readSnapshot(a));
          expect(readSnapshot(b), where()).toEqual(snap);
          expect(gridProblems(snap), where()).toEqual([]);
          if (!full) return;
          expect(schemaProblems(snap), where()).toEqual([]);
          expect(exportProblems(a), where()).toEqual([]);
        };
        for (let i = 0; i < WRITES_PER_SEED; i++) {
          log.push(writeGarbage(rng.chance(0.5) ? a : b, rng));
          check(i % 2 === 1);
          // Then, now and then, a person fixes a repaired record (repaired → valid must clear
          // its repairs in the live reader as in a fresh one).
          if (rng.chance(0.5)) {
            log.push(heal(rng.chance(0.5) ? a : b, live.getSnapshot(), rng.next()));
            check(false);
          }
        }
        editAsAPerson(a, live.getSnapshot());
        log.push('edits');
        check(true);
        live.dispose();
      }
    },
  );
});

/** Every thread, comment and person of a comments snapshot checked against its schema. */
export function commentSchemaProblems(snap: CommentsSnapshot): string[] {
  const problems: string[] = [];
  const check = (what: string, schema: z.ZodType, value: unknown) => {
    const r = schema.safeParse(value);
    if (!r.success)
      problems.push(
        `${what}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
  };
  for (const t of snap.threads) {
    const { comments, lastActivityAt, ...record } = t;
    check(`thread ${t.id}`, commentThreadRecordSchema, record);
    if (comments.length === 0) problems.push(`thread ${t.id} listed without comments`);
    if (!Number.isFinite(lastActivityAt)) problems.push(`thread ${t.id} lastActivityAt`);
    for (const c of comments) {
      check(`comment ${c.id}`, commentRecordSchema, c);
      if (c.threadId !== t.id) problems.push(`comment ${c.id} under ${t.id}`);
    }
  }
  for (const p of snap.people) check(`person ${p.id}`, commentPersonRecordSchema, p);
  return problems;
}

/** Two peers of one comments doc with a few real threads, exchanging every update at once. */
function commentPeers(nodeId: string): { a: Y.Doc; b: Y.Doc } {
  const a = new Y.Doc();
  const me = { id: 'p-fuzz', name: 'Fuzz' };
  touchPerson(a, me.id, me.name, '#123456');
  const t = addThread(a, me, { kind: 'node', id: nodeId }, 'on a node @Fuzz', [
    { start: 10, length: 5, personId: me.id },
  ]);
  reply(a, me, t, 'a reply');
  addThread(a, me, { kind: 'cell', stageId: nodeId, laneKey: 'actions' }, 'on a cell');
  addThread(a, me, { kind: 'strategy', section: 'goals', id: 'g1' }, 'on a goal');
  addThread(a, me, { kind: 'point', x: 10, y: -10 }, 'on a point');
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on('update', (u: Uint8Array, o: unknown) => o !== 'peer' && Y.applyUpdate(b, u, 'peer'));
  b.on('update', (u: Uint8Array, o: unknown) => o !== 'peer' && Y.applyUpdate(a, u, 'peer'));
  return { a, b };
}

describe('restore fuzz: garbage in the comments document', () => {
  it.each(chunks.map((seeds) => [seeds[0], seeds.at(-1), seeds] as const))(
    'reading, schemas, anchors and two peers hold on seeds %i..%i',
    (_first, _last, seeds) => {
      for (const seed of seeds) {
        const rng = seededRandom(seed * 7919);
        const template = TEMPLATE_KEYS[seed % TEMPLATE_KEYS.length]!;
        const map = new Y.Doc();
        seedTemplate(map, template, 'Fuzz');
        const mapSnap = readSnapshot(map);
        const { a, b } = commentPeers(mapSnap.nodes[0]?.id ?? 'n1');
        const live = new CommentsReader(a);
        const log: string[] = [];
        const where = () => `comments seed ${seed} (${template}) after: ${log.join(' | ')}`;
        const check = () => {
          const snap = live.getSnapshot();
          expect(snap, where()).toEqual(readComments(a));
          expect(readComments(b), where()).toEqual(snap);
          expect(commentSchemaProblems(snap), where()).toEqual([]);
          for (const t of snap.threads) {
            anchorExists(t.anchor, mapSnap);
            anchorLabel(t.anchor, mapSnap);
            isNewToMe(t, new Map(), 'p-fuzz');
          }
          openCount(snap.threads);
        };
        for (let i = 0; i < WRITES_PER_SEED; i++) {
          const doc = rng.chance(0.5) ? a : b;
          log.push(writeGarbage(doc, rng, 'garbage', commentRoots(doc)));
          check();
        }
        // A person still replies and resolves on the garbage doc.
        const me = { id: 'p-fuzz', name: 'Fuzz' };
        const first = live.getSnapshot().threads[0];
        if (first) {
          reply(a, me, first.id, 'after garbage');
          setResolved(a, 'Fuzz', first.id, true);
        }
        addThread(a, me, { kind: 'point', x: 0, y: 0 }, 'new after garbage');
        log.push('edits');
        check();
        // The export with its comments parses (format v3), whatever the garbage left.
        const withComments = snapshotToStrategyMap(mapSnap, { comments: live.getSnapshot() });
        const reparsed = parseStrategyMap(JSON.parse(JSON.stringify(withComments)));
        expect(reparsed.ok ? [] : reparsed.issues.slice(0, 5), where()).toEqual([]);
        expect(
          live
            .getSnapshot()
            .threads.some((t) => t.comments.some((c) => c.text === 'new after garbage')),
        ).toBe(true);
        live.dispose();
      }
    },
  );
});

/** What every reader may rely on in a workshop snapshot, whatever the doc holds. */
function workshopProblems(s: WorkshopSnapshot): string[] {
  const problems: string[] = [];
  for (const r of s.rounds) {
    if (!VOTE_TARGETS.includes(r.target)) problems.push(`round ${r.id} target ${String(r.target)}`);
    const { min, max } = VOTE_ROUND_LIMITS.votesPerPerson;
    if (!Number.isInteger(r.votesPerPerson) || r.votesPerPerson < min || r.votesPerPerson > max)
      problems.push(`round ${r.id} votesPerPerson ${r.votesPerPerson}`);
    const tally = s.tallies.get(r.id);
    if (!tally) {
      problems.push(`round ${r.id} without a tally`);
      continue;
    }
    let byVoter = 0;
    for (const [voter, dots] of tally.byVoter) {
      if (dots > r.votesPerPerson) problems.push(`round ${r.id} voter ${voter} has ${dots} dots`);
      byVoter += dots;
    }
    const byItem = [...tally.byItem.values()].reduce((a, b) => a + b, 0);
    if (byItem !== byVoter) problems.push(`round ${r.id} items ${byItem} ≠ voters ${byVoter}`);
  }
  const { durationMs, elapsedMs, startedAt } = s.timer;
  if (!(durationMs >= 0 && durationMs <= MAX_TIMER_MS))
    problems.push(`timer duration ${durationMs}`);
  if (!(elapsedMs >= 0 && elapsedMs <= durationMs)) problems.push(`timer elapsed ${elapsedMs}`);
  if (startedAt !== undefined && !Number.isFinite(startedAt))
    problems.push(`timer startedAt ${startedAt}`);
  if (!Number.isFinite(timerRemaining(s.timer, 1_000_000, s.timerLocalStart)))
    problems.push('timer remaining is not a number');
  return problems;
}

describe('restore fuzz: garbage in the workshop (vote rounds, votes, timer)', () => {
  it.each(chunks.map((seeds) => [seeds[0], seeds.at(-1), seeds] as const))(
    'reading, tallies, the timer and two peers hold on seeds %i..%i',
    (_first, _last, seeds) => {
      for (const seed of seeds) {
        const rng = seededRandom(seed * 104_729);
        const { a, b } = peers(TEMPLATE_KEYS[seed % TEMPLATE_KEYS.length]!);
        const tps = readSnapshot(a).touchpoints;
        const round = startRound(a, {
          target: 'touchpoints',
          votesPerPerson: 3,
          startedBy: 'Fuzz',
        });
        for (const tp of tps.slice(0, 4)) castVote(a, round, 'p-fuzz', itemKeyOf(tp.id), 1);
        setTimer(a, 120_000);
        startTimer(a, 10_000);
        const live = createWorkshopStore(a, { clock: () => 20_000 });
        const log: string[] = [];
        const where = () => `workshop seed ${seed} after: ${log.join(' | ')}`;
        const check = () => {
          const { timerLocalStart: _local, ...snap } = live.getSnapshot();
          const { timerLocalStart: _fresh, ...fresh } = readWorkshop(a);
          expect(snap, where()).toEqual(fresh);
          const { timerLocalStart: _other, ...other } = readWorkshop(b);
          expect(other, where()).toEqual(fresh);
          expect(workshopProblems(live.getSnapshot()), where()).toEqual([]);
        };
        for (let i = 0; i < WRITES_PER_SEED; i++) {
          const doc = rng.chance(0.5) ? a : b;
          log.push(writeGarbage(doc, rng, 'garbage', workshopRoots(doc)));
          check();
        }
        // The facilitator still runs a round and the timer on the garbage doc.
        const next = startRound(a, { target: 'painPoints', votesPerPerson: 2, startedBy: 'Fuzz' });
        if (tps[0]) castVote(a, next, 'p-fuzz', itemKeyOf(tps[0].id, 0), 1);
        resetTimer(a);
        log.push('edits');
        check();
        expect(
          live.getSnapshot().rounds.some((r) => r.id === next),
          where(),
        ).toBe(true);
        live.dispose();
      }
    },
  );
});
