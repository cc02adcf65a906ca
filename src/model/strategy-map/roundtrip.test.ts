import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  gridItemsMap,
  gridLanesMap,
  gridSettingsMap,
  metaMap,
  newRecord,
  nodesMap,
  SCHEMA_VERSION,
  strategyPart,
  strategyRecords,
  touchpointsMap,
} from '../doc';
import { MAX_NAMED_VERSIONS } from '../records/named-version';
import { nodeSize } from '../layout';
import { IMPORT } from '../origins';
import { readSnapshot } from '../read';
import { addNode, addTouchpoint, deleteItems, updateTouchpoint } from '../commands';
import { contentLaneKey, gridModel } from '../grid';
import {
  addLane,
  addLaneItem,
  renameLane,
  reorderLanes,
  setLaneHidden,
  updateLaneItem,
} from '../grid-commands';
import { seedTemplate, TEMPLATE_KEYS } from '../templates';
import { seededRandom } from '../testing/random';
import {
  exportStrategyMap,
  importComments,
  importStrategyMap,
  NonEmptyDocError,
  parseStrategyMap,
  parseStrategyMapText,
  snapshotToStrategyMap,
  type StrategyMapDocument,
} from './index';
import { canonical, randomStrategyMap } from './testing/random-document';
import { readComments } from '../comments/read';

const AIRLINE_TEXT = readFileSync(new URL('./fixtures/airline.v7.json', import.meta.url), 'utf8');
/** The airline map as version 6 wrote it (no named versions): frozen, it must import for good. */
const AIRLINE_V6_TEXT = readFileSync(
  new URL('./fixtures/airline.v6.json', import.meta.url),
  'utf8',
);
/** The airline map as version 5 wrote it (no journey-state links): frozen, it must import for good. */
const AIRLINE_V5_TEXT = readFileSync(
  new URL('./fixtures/airline.v5.json', import.meta.url),
  'utf8',
);
/** The airline map as version 4 wrote it (no personas, no evidence): frozen, it must import for good. */
const AIRLINE_V4_TEXT = readFileSync(
  new URL('./fixtures/airline.v4.json', import.meta.url),
  'utf8',
);
/** The airline map as version 3 wrote it (no language): frozen, it must import for good. */
const AIRLINE_V3_TEXT = readFileSync(
  new URL('./fixtures/airline.v3.json', import.meta.url),
  'utf8',
);
/** The airline map as version 2 wrote it (no comments): frozen, it must import for good. */
const AIRLINE_V2_TEXT = readFileSync(
  new URL('./fixtures/airline.v2.json', import.meta.url),
  'utf8',
);
/** The airline map as version 1 wrote it (no grid): frozen, it must import for good. */
const AIRLINE_V1_TEXT = readFileSync(
  new URL('./fixtures/airline.v1.json', import.meta.url),
  'utf8',
);

function parsed(input: unknown): StrategyMapDocument {
  const r = parseStrategyMap(input);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function imported(value: StrategyMapDocument): Y.Doc {
  const doc = new Y.Doc();
  importStrategyMap(doc, value);
  return doc;
}

/** What must survive a trip through the JSON: everything but creation time and template key. */
const content = (doc: Y.Doc) => {
  const s = readSnapshot(doc);
  return {
    title: s.meta.title,
    extra: s.meta.extra,
    nodes: s.nodes,
    touchpoints: s.touchpoints,
    strategy: s.strategy,
    grid: s.grid,
    personas: s.personas,
    versions: s.meta.versions,
  };
};

/** A map doc and its comments doc, imported together. */
function importedWithComments(value: StrategyMapDocument): { doc: Y.Doc; comments: Y.Doc } {
  const doc = new Y.Doc();
  const comments = new Y.Doc();
  importStrategyMap(doc, value, { comments });
  return { doc, comments };
}
const exportedWithComments = ({ doc, comments }: { doc: Y.Doc; comments: Y.Doc }) =>
  exportStrategyMap(doc, { comments });

describe('strategy map round trip', () => {
  it('imports the airline file and exports it back unchanged, grid, comments and extras included', () => {
    const input = JSON.parse(AIRLINE_TEXT) as Record<string, unknown>;
    const value = parsed(input);
    const withComments = importedWithComments(value);
    expect(canonical(exportedWithComments(withComments))).toEqual(canonical(input));
    expect(readComments(withComments.comments).repairs.size).toBe(0);
    // Off by default: without a comments doc the export has no comments section.
    const { comments: _comments, ...withoutComments } = input;
    const out = exportStrategyMap(imported(value));
    expect(canonical(out)).toEqual(canonical(withoutComments));
    const again = importedWithComments(parsed(JSON.parse(JSON.stringify(input))));
    expect(readComments(again.comments)).toEqual(readComments(withComments.comments));
    expect(out.grid['x-grid-note']).toBe('Blueprint lanes from the workshop of 12 March');
    expect(out.grid.lanes.find((l) => l.id === 'lane-quotes')?.['x-workshop']).toEqual({
      board: 'wall 2',
      colour: 'pink',
    });
    expect(out.grid.items.find((i) => i.id === 'item-3')?.['x-source']).toBe('Interview 4');
    // export → import → export: the same file, and the docs read the same.
    const doc2 = imported(parsed(JSON.parse(JSON.stringify(out))));
    expect(exportStrategyMap(doc2)).toEqual(out);
    expect(content(doc2)).toEqual(content(imported(value)));
    expect(out['x-exported-by']).toBe('Itinera workshop kit');
    expect(out.nodes.find((n) => n.id === 'note-1')?.['x-workshop']).toEqual({
      author: 'Giulia',
      sticky: 'yellow',
    });
    expect(out.strategy.startingPoint['x-survey']).toBe('Workshop of 12 March, 9 participants');
  });

  it('imports a version 1 file unchanged: an empty grid (derived lanes only), exported as version 7', () => {
    const input = JSON.parse(AIRLINE_V1_TEXT) as Record<string, unknown>;
    const doc = imported(parsed(input));
    expect(gridLanesMap(doc).size + gridItemsMap(doc).size + gridSettingsMap(doc).size).toBe(0);
    const out = exportStrategyMap(doc);
    expect(canonical(out)).toEqual(
      canonical({
        ...input,
        version: 7,
        personas: [],
        grid: { lanes: [], items: [], laneSettings: [] },
      }),
    );
    // The v2 airline is the v1 one plus its grid.
    const { grid: _grid, ...v2 } = JSON.parse(AIRLINE_V2_TEXT) as Record<string, unknown>;
    expect(v2).toEqual({ ...input, version: 2 });
  });

  it('imports a version 2 file unchanged: no comments, exported as version 7', () => {
    const input = JSON.parse(AIRLINE_V2_TEXT) as Record<string, unknown>;
    const both = importedWithComments(parsed(input));
    expect(readComments(both.comments).threads).toEqual([]);
    expect(canonical(exportStrategyMap(both.doc))).toEqual(
      canonical({ ...input, version: 7, personas: [] }),
    );
    // The v3 airline is the v2 one plus its comments.
    const { comments: _c, ...v3 } = JSON.parse(AIRLINE_V3_TEXT) as Record<string, unknown>;
    expect(v3).toEqual({ ...input, version: 3 });
  });

  it('imports a version 3 file unchanged: no language, exported as version 7', () => {
    const input = JSON.parse(AIRLINE_V3_TEXT) as Record<string, unknown>;
    const both = importedWithComments(parsed(input));
    expect(readSnapshot(both.doc).meta.language).toBeUndefined();
    // The v4 airline is the v3 one with its language.
    const { language, ...v4 } = JSON.parse(AIRLINE_V4_TEXT) as Record<string, unknown>;
    expect(language).toBe('en');
    expect(v4).toEqual({ ...input, version: 4 });
  });

  it('imports a version 4 file unchanged: no personas, no evidence, exported as version 7', () => {
    const input = JSON.parse(AIRLINE_V4_TEXT) as Record<string, unknown>;
    const both = importedWithComments(parsed(input));
    const snap = readSnapshot(both.doc);
    expect(snap.personas).toEqual([]);
    expect(snap.repairs.size).toBe(0);
    expect(canonical(exportedWithComments(both))).toEqual(
      canonical({ ...input, version: 7, personas: [] }),
    );
    // The v5 airline is the v4 one with two personas, their emotions, a scope and evidence.
    const v5 = JSON.parse(AIRLINE_V5_TEXT) as Record<string, unknown>;
    const strip = (tps: unknown) =>
      (tps as Record<string, unknown>[]).map(
        ({ emotionByPersona: _e, personas: _p, evidence: _v, painPointEvidence: _q, ...t }) => t,
      );
    const items = (g: unknown) =>
      (g as { items: Record<string, unknown>[] }).items.map(({ evidence: _v, ...i }) => i);
    const { personas, touchpoints, grid, ...rest } = v5;
    const { touchpoints: tps4, grid: grid4, ...rest4 } = input;
    expect(rest).toEqual({ ...rest4, version: 5 });
    expect(strip(touchpoints)).toEqual(tps4);
    expect(items(grid)).toEqual((grid4 as { items: unknown[] }).items);
    expect((personas as unknown[]).length).toBe(2);
  });

  it('imports a version 5 file unchanged: no journey-state links, exported as version 7', () => {
    const input = JSON.parse(AIRLINE_V5_TEXT) as Record<string, unknown>;
    const both = importedWithComments(parsed(input));
    const snap = readSnapshot(both.doc);
    expect(snap.meta.currentState).toBeUndefined();
    expect(snap.meta.futureState).toBeUndefined();
    expect(snap.repairs.size).toBe(0);
    expect(canonical(exportedWithComments(both))).toEqual(canonical({ ...input, version: 7 }));
    // The v6 airline is the v5 one with a link to its future state.
    const { futureState, ...rest6 } = JSON.parse(AIRLINE_V6_TEXT) as Record<string, unknown>;
    expect(rest6).toEqual({ ...input, version: 6 });
    expect(futureState).toEqual({
      mapId: 'map-airline-to-be',
      title: 'Airline journey (future state)',
    });
  });

  it('imports a version 6 file unchanged: no named versions, exported as version 7', () => {
    const input = JSON.parse(AIRLINE_V6_TEXT) as Record<string, unknown>;
    const both = importedWithComments(parsed(input));
    const snap = readSnapshot(both.doc);
    expect(snap.meta.versions).toBeUndefined();
    expect(snap.repairs.size).toBe(0);
    const out = exportedWithComments(both);
    expect(out.version).toBe(7);
    expect('versions' in out).toBe(false);
    expect(canonical(out)).toEqual(canonical({ ...input, version: 7 }));
    // The v7 airline is the v6 one with two named versions' metadata.
    const { versions, ...rest7 } = JSON.parse(AIRLINE_TEXT) as Record<string, unknown>;
    expect(rest7).toEqual({ ...input, version: 7 });
    expect((versions as { name: string }[]).map((v) => v.name)).toEqual([
      'After the workshop: agreed journey',
      'Before the workshop',
    ]);
  });

  it("carries the named versions' metadata through import and export, losslessly, in file order", () => {
    const input = JSON.parse(AIRLINE_TEXT) as Record<string, unknown>;
    const doc = imported(parsed(input));
    const snap = readSnapshot(doc);
    expect(snap.repairs.size).toBe(0);
    expect(snap.meta.versions).toEqual(input.versions);
    expect(Object.keys(snap.meta.extra ?? {})).not.toContain('versions');
    const out = JSON.parse(JSON.stringify(exportStrategyMap(doc))) as Record<string, unknown>;
    expect(out.versions).toEqual(input.versions);
    expect(exportStrategyMap(imported(parsed(out)))).toEqual(out);
    // An entry without an author gets '' (the default), and exports so.
    const noAuthor = parsed({
      ...input,
      versions: [{ id: 'v1', name: 'Draft', createdAt: '2026-01-02T03:04:05Z' }],
    });
    expect(noAuthor.versions).toEqual([
      { id: 'v1', name: 'Draft', createdAt: '2026-01-02T03:04:05Z', author: '' },
    ]);
  });

  it("adds the history's named versions to the export, after the file's, newest first, each once", () => {
    const doc = imported(parsed(JSON.parse(AIRLINE_TEXT)));
    const meta = (id: string, at: number, kind: 'named' | 'auto', name = '') => ({
      id,
      mapId: 'map-1',
      name,
      kind,
      at,
      by: 'Giulia',
      size: 100,
    });
    const out = exportStrategyMap(doc, {
      versions: [
        meta('v-old', Date.UTC(2026, 3, 1), 'named', 'Old'),
        meta('v-auto', Date.UTC(2026, 3, 3), 'auto'),
        meta('v-new', Date.UTC(2026, 3, 2), 'named', 'New'),
        // Listed in the file already: written once.
        meta('v-before-workshop', Date.UTC(2026, 3, 4), 'named', 'Before the workshop'),
      ],
    });
    expect(out.versions).toEqual([
      expect.objectContaining({ id: 'v-after-workshop' }),
      expect.objectContaining({ id: 'v-before-workshop', author: 'Luca' }),
      { id: 'v-new', name: 'New', createdAt: '2026-04-02T00:00:00.000Z', author: 'Giulia' },
      { id: 'v-old', name: 'Old', createdAt: '2026-04-01T00:00:00.000Z', author: 'Giulia' },
    ]);
    expect(parseStrategyMap(JSON.parse(JSON.stringify(out))).ok).toBe(true);
    // A pure export (no history) of a map without any: no section.
    const blank = new Y.Doc();
    seedTemplate(blank, 'airline', 'A');
    expect('versions' in exportStrategyMap(blank)).toBe(false);
    // More than the format holds: cut to the first MAX_NAMED_VERSIONS.
    const many = Array.from({ length: MAX_NAMED_VERSIONS + 20 }, (_, i) =>
      meta(`v-${i}`, Date.UTC(2026, 0, 1) + i * 60_000, 'named', `V ${i}`),
    );
    const cut = exportStrategyMap(blank, { versions: many });
    expect(cut.versions).toHaveLength(MAX_NAMED_VERSIONS);
    expect(cut.versions![0]!.id).toBe(`v-${MAX_NAMED_VERSIONS + 19}`);
    expect(parseStrategyMap(JSON.parse(JSON.stringify(cut))).ok).toBe(true);
  });

  it('refuses bad named versions with their place named', () => {
    const input = JSON.parse(AIRLINE_TEXT) as Record<string, unknown>;
    const ok = { id: 'v1', name: 'Draft', createdAt: '2026-01-02T03:04:05.000Z', author: 'A' };
    const cases: [unknown, string][] = [
      [[{ ...ok, id: '../x' }], 'versions[0].id'],
      [[{ ...ok, name: '   ' }], 'versions[0].name'],
      [[{ ...ok, name: 'x'.repeat(121) }], 'versions[0].name'],
      [[{ ...ok, createdAt: 1773400000000 }], 'versions[0].createdAt'],
      [[{ ...ok, createdAt: '2026-02-30T00:00:00Z' }], 'versions[0].createdAt'],
      [[{ ...ok, createdAt: '2026-01-02 03:04' }], 'versions[0].createdAt'],
      [[{ ...ok, author: 'y'.repeat(41) }], 'versions[0].author'],
      [[{ ...ok, snapshot: 'AAAA' }], 'versions[0]'],
      [[ok, { ...ok, name: 'Again' }], 'versions[1].id'],
      [
        Array.from({ length: MAX_NAMED_VERSIONS + 1 }, (_, i) => ({ ...ok, id: `v${i}` })),
        'versions',
      ],
      ['all of them', 'versions'],
    ];
    for (const [versions, path] of cases) {
      const r = parseStrategyMap({ ...input, versions });
      expect(r.ok, path).toBe(false);
      expect(!r.ok && r.issues.map((i) => i.path), JSON.stringify(versions).slice(0, 80)).toContain(
        path,
      );
    }
  });

  it('carries the journey-state links through import and export, losslessly', () => {
    const input: Record<string, unknown> = {
      ...(JSON.parse(AIRLINE_TEXT) as Record<string, unknown>),
      currentState: { mapId: 'map-as-is', title: 'Airline journey (as-is)' },
    };
    const doc = imported(parsed(input));
    const snap = readSnapshot(doc);
    expect(snap.meta.currentState).toEqual({
      mapId: 'map-as-is',
      title: 'Airline journey (as-is)',
    });
    expect(snap.meta.futureState?.mapId).toBe('map-airline-to-be');
    expect(Object.keys(snap.meta.extra ?? {})).not.toContain('currentState');
    expect(Object.keys(snap.meta.extra ?? {})).not.toContain('futureState');
    expect(snap.repairs.size).toBe(0);
    const out = JSON.parse(JSON.stringify(exportStrategyMap(doc))) as Record<string, unknown>;
    expect(canonical(out)).toEqual(
      canonical(JSON.parse(JSON.stringify(exportStrategyMap(imported(parsed(out)))))),
    );
    expect(out.currentState).toEqual(input.currentState);
    expect(out.futureState).toEqual(input.futureState);
    // A link to no usable map id is refused with its place named.
    const bad = parseStrategyMap({ ...input, futureState: { mapId: '../x', title: '' } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues.map((i) => i.path)).toContain('futureState.mapId');
  });

  it('carries personas, their emotions, scopes and evidence through import and export', () => {
    const doc = imported(parsed(JSON.parse(AIRLINE_TEXT)));
    const snap = readSnapshot(doc);
    expect(snap.repairs.size).toBe(0);
    expect(snap.personas.map((p) => [p.name, p.order])).toEqual([
      ['Marco Ferri', 1],
      ['The Bianchi family', 2],
    ]);
    expect(snap.personas[1]!.extra).toEqual({ 'x-workshop': { board: 'wall 1' } });
    const checkin = snap.touchpointById.get('tp-checkin-app')!;
    expect(checkin.emotionByPersona).toEqual({ 'persona-business': 1, 'persona-family': -2 });
    expect(checkin.painPointEvidence).toEqual([
      { level: 'reported', source: 'Call-centre logs, March' },
    ]);
    expect(snap.touchpointById.get('tp-flight-chat')!.personas).toEqual(['persona-business']);
    expect(snap.grid.items.find((i) => i.id === 'item-7')!.evidence).toEqual({
      level: 'reported',
      source: 'Interview 4',
    });
  });

  it('leaves out per-persona emotions and scopes of personas that are gone', () => {
    const doc = imported(parsed(JSON.parse(AIRLINE_TEXT)));
    doc.getMap('personas').delete('persona-business'); // as a peer's concurrent delete would
    const out = exportStrategyMap(doc);
    const checkin = out.touchpoints.find((t) => t.id === 'tp-checkin-app')!;
    expect(checkin.emotionByPersona).toEqual([{ personaId: 'persona-family', emotion: -2 }]);
    expect(out.touchpoints.find((t) => t.id === 'tp-flight-chat')!.personas).toBeUndefined();
    expect(parseStrategyMap(JSON.parse(JSON.stringify(out))).ok).toBe(true);
  });

  it('keeps the language and the logo through import and export', () => {
    const logo = 'data:image/png;base64,iVBORw0KGgo=';
    const input = { ...(JSON.parse(AIRLINE_TEXT) as object), language: 'it', logo };
    const doc = imported(parsed(input));
    expect(readSnapshot(doc).meta).toMatchObject({ language: 'it', logo });
    expect(exportStrategyMap(doc)).toMatchObject({ language: 'it', logo });
  });

  it('imports comments into a comments doc that has some: fresh ids where they clash, people kept', () => {
    const value = parsed(JSON.parse(AIRLINE_TEXT));
    const { comments } = importedWithComments(value);
    const before = readComments(comments);
    const result = importComments(comments, value.comments!);
    expect(result).toEqual({ threads: 4, comments: 5, people: 0, renamed: 9 });
    const after = readComments(comments);
    expect(after.threads).toHaveLength(8);
    expect(after.people).toEqual(before.people);
    // Each copy keeps its comments together, under its new thread id.
    const texts = (s: typeof after) =>
      s.threads.map((t) => t.comments.map((c) => c.text).join('|')).sort();
    expect(texts(after)).toEqual([...texts(before), ...texts(before)].sort());
    expect(after.repairs.size).toBe(0);
  });

  it('writes the grid as the grid commands do: hidden only when true, settings as flat keys', () => {
    const doc = imported(parsed(JSON.parse(AIRLINE_TEXT)));
    expect(gridLanesMap(doc).get('lane-quotes')?.toJSON()).toEqual({
      type: 'text',
      title: 'What customers say',
      order: 5.5,
      hidden: true,
      extra: { 'x-workshop': { board: 'wall 2', colour: 'pink' } },
    });
    expect(gridLanesMap(doc).get('lane-front')?.toJSON()).toEqual({
      type: 'frontstage',
      title: 'Agents and crew',
      order: 80,
    });
    expect(gridItemsMap(doc).get('item-3')?.toJSON()).toEqual({
      laneId: 'lane-back',
      stageId: 'stage-booking',
      text: 'Fare rules checked by the revenue desk',
      order: 1,
      extra: { 'x-source': 'Interview 4' },
    });
    expect(gridSettingsMap(doc).toJSON()).toEqual({
      'actions/title': 'What the customer does',
      'channel:ch-phone/order': 15,
      'channel:ch-social/hidden': true,
      'devices/hidden': true,
      'devices/order': 35,
      'kpis/order': 75,
      'kpis/hidden': false,
    });
    expect(metaMap(doc).get('extra')).toEqual({
      'x-exported-by': 'Itinera workshop kit',
      grid: { 'x-grid-note': 'Blueprint lanes from the workshop of 12 March' },
    });
    const snap = readSnapshot(doc);
    expect(snap.repairs.size).toBe(0);
    const rows = gridModel(snap).rows;
    expect(rows.slice(0, 3).map((r) => r.key)).toEqual([
      'lane:lane-quotes',
      'actions',
      'channel:ch-phone',
    ]);
    expect(rows.find((r) => r.key === 'devices')?.hidden).toBe(true);
  });

  it('is lossless on a map whose grid was made with the grid commands', () => {
    const doc1 = new Y.Doc();
    seedTemplate(doc1, 'airline', 'Grid');
    const stages = readSnapshot(doc1).nodes.filter((n) => n.kind === 'stage');
    const channel = readSnapshot(doc1).nodes.find((n) => n.kind === 'channel')!;
    const seeded = readSnapshot(doc1).grid; // the template's own lanes and items
    const front = addLane(doc1, { type: 'frontstage', title: 'Crew', order: 85 })!;
    const notes = addLane(doc1, { type: 'text', order: 5 })!;
    addLaneItem(doc1, { laneId: front, stageId: stages[0]!.id, text: 'Greets at the gate' });
    addLaneItem(doc1, { laneId: front, stageId: stages[0]!.id, text: 'Scans the pass' });
    const quote = addLaneItem(doc1, { laneId: notes, stageId: stages[1]!.id, text: 'Too slow' })!;
    updateLaneItem(doc1, quote, { text: '“Too slow”' });
    renameLane(doc1, 'emotion', 'Mood');
    setLaneHidden(doc1, 'kpis', true);
    setLaneHidden(doc1, contentLaneKey(notes), true);
    const keys = gridModel(readSnapshot(doc1)).rows.map((r) => r.key);
    reorderLanes(doc1, [...keys.slice(1), keys[0]!]);
    setLaneHidden(doc1, `channel:${channel.id}`, true);
    gridItemsMap(doc1).get(quote)!.set('x-mood', { level: 2 }); // a newer peer's field

    const out1 = exportStrategyMap(doc1);
    expect(out1.grid.lanes).toHaveLength(seeded.lanes.length + 2);
    expect(out1.grid.items).toHaveLength(seeded.items.length + 3);
    expect(out1.grid.laneSettings.find((l) => l.lane === 'emotion')).toMatchObject({
      title: 'Mood',
    });
    const doc2 = imported(parsed(JSON.parse(JSON.stringify(out1))));
    expect(content(doc2)).toEqual(content(doc1));
    expect(exportStrategyMap(doc2)).toEqual(out1);
    expect(gridModel(readSnapshot(doc2)).rows).toEqual(gridModel(readSnapshot(doc1)).rows);
  });

  it('leaves out grid records a concurrent delete left dangling, so the export imports again', () => {
    const doc = imported(parsed(JSON.parse(AIRLINE_TEXT)));
    doc.transact(() => {
      nodesMap(doc).delete('stage-checkin'); // items 4, 5, 7 are in its column
      nodesMap(doc).delete('ch-social'); // its row's setting stays in the doc
    });
    const out = exportStrategyMap(doc);
    expect(out.grid.items.map((i) => i.id)).toEqual(['item-1', 'item-2', 'item-3', 'item-6']);
    expect(out.grid.laneSettings.map((l) => l.lane)).not.toContain('channel:ch-social');
    expect(parseStrategyMapText(JSON.stringify(out)).ok).toBe(true);
  });

  it('writes the doc layout in one IMPORT transaction, with the current schema version', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    importStrategyMap(doc, parsed(JSON.parse(AIRLINE_TEXT)));
    expect(origins).toEqual([IMPORT]);
    expect(metaMap(doc).get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(nodesMap(doc).get('stage-booking')?.toJSON()).toEqual({
      kind: 'stage',
      label: 'Booking',
      x: 520,
      y: 0,
      order: 3,
    });
    expect(readSnapshot(doc).nodeById.get('note-1')?.extra).toEqual({
      'x-workshop': { author: 'Giulia', sticky: 'yellow' },
    });
  });

  it('is lossless on 200 random documents (export → import → export, and the docs read the same, comments included)', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const input = randomStrategyMap(seededRandom(seed));
      const r = parseStrategyMap(input);
      if (!r.ok) throw new Error(`seed ${seed}: ${r.error}`);
      const both1 = importedWithComments(r.value);
      const doc1 = both1.doc;
      const out1 = exportedWithComments(both1);
      expect(canonical(out1), `seed ${seed}`).toEqual(canonical(input));
      // The export is a fixed point of parse: defaults already filled, nothing to add.
      expect(parsed(JSON.parse(JSON.stringify(out1))), `seed ${seed}`).toEqual(out1);
      const both2 = importedWithComments(parsed(JSON.parse(JSON.stringify(out1))));
      expect(content(both2.doc), `seed ${seed}`).toEqual(content(doc1));
      expect(readComments(both2.comments), `seed ${seed}`).toEqual(readComments(both1.comments));
    }
  });

  it.each(TEMPLATE_KEYS)('is lossless on the %s template', (key) => {
    const doc1 = new Y.Doc();
    seedTemplate(doc1, key, `My ${key} map`);
    const out1 = exportStrategyMap(doc1);
    const doc2 = imported(parsed(JSON.parse(JSON.stringify(out1))));
    expect(content(doc2)).toEqual(content(doc1));
    expect(exportStrategyMap(doc2)).toEqual(out1);
  });

  it('places nodes without a position with Arrange, below the positioned ones', () => {
    const input = JSON.parse(AIRLINE_TEXT) as { nodes: { id: string; position?: unknown }[] };
    const unplaced = new Set(['ch-chat', 'dev-kiosk', 'stage-flight']);
    for (const n of input.nodes) if (unplaced.has(n.id)) delete n.position;
    const snap = readSnapshot(imported(parsed(input)));
    const positioned = snap.nodes.filter((n) => !unplaced.has(n.id));
    const bottom = Math.max(...positioned.map((n) => n.y + nodeSize(n).h));
    for (const id of unplaced) expect(snap.nodeById.get(id)!.y).toBeGreaterThan(bottom);
    expect(snap.nodeById.get('stage-booking')).toMatchObject({ x: 520, y: 0 });
    // Arranged ones do not overlap each other.
    const placed = snap.nodes.filter((n) => unplaced.has(n.id));
    const keys = new Set(placed.map((n) => `${n.x},${n.y}`));
    expect(keys.size).toBe(placed.length);
  });

  it('arranges a file with no positions at all into a grid with stages in order', () => {
    const value = parsed({
      format: 'itinera/strategy-map',
      version: 1,
      nodes: [
        { id: 's2', kind: 'stage', label: 'B' },
        { id: 's1', kind: 'stage', label: 'A', order: 1 },
        { id: 'c', kind: 'channel', label: 'Web', channelType: 'web' },
      ],
      touchpoints: [{ id: 't', from: 's2', to: 'c', action: '' }],
    });
    const snap = readSnapshot(imported(value));
    const [s1, s2] = [snap.nodeById.get('s1')!, snap.nodeById.get('s2')!];
    expect(s1.x).toBeLessThan(s2.x);
    expect(s1.y).toBe(s2.y);
    expect(snap.nodeById.get('c')!.y).toBeGreaterThan(s1.y);
    expect(snap.nodeById.get('s2')).toMatchObject({ kind: 'stage', order: 2 });
  });

  it('fills defaults: channel type other, empty strategy, generated competitor ids', () => {
    const value = parsed({
      format: 'itinera/strategy-map',
      version: 1,
      nodes: [{ id: 'c', kind: 'channel', label: 'Somewhere', position: { x: 0, y: 0 } }],
      strategy: {
        startingPoint: {
          competitors: [{ name: 'A' }, { id: 'competitor-1', name: 'B' }, { name: 'C' }],
        },
      },
    });
    const out = exportStrategyMap(imported(value));
    expect(out.nodes[0]).toMatchObject({ channelType: 'other' });
    expect(out.strategy.startingPoint.self).toEqual({ name: '' });
    expect(out.strategy.startingPoint.competitors.map((c) => [c.id, c.name])).toEqual([
      ['competitor-2', 'A'],
      ['competitor-1', 'B'],
      ['competitor-3', 'C'],
    ]);
    expect(out.strategy.goals).toEqual([]);
    expect(out.title).toBe('');
  });

  it('keeps the go-live ticks in file order, and an empty tick list as an empty list', () => {
    const base = { format: 'itinera/strategy-map', version: 1 } as const;
    for (const done of [['staffing', 'goals', 'announce'], []]) {
      const out = exportStrategyMap(
        imported(parsed({ ...base, strategy: { goLive: { date: '2027-01-02', done } } })),
      );
      expect(out.strategy.goLive).toEqual({ date: '2027-01-02', done });
    }
    expect(exportStrategyMap(imported(parsed(base))).strategy.goLive).toEqual({});
  });

  it('refuses to import into a map that is not empty', () => {
    const doc = new Y.Doc();
    addNode(doc, { kind: 'note', label: 'mine', x: 0, y: 0 });
    expect(() =>
      importStrategyMap(doc, parsed({ format: 'itinera/strategy-map', version: 1 })),
    ).toThrow(NonEmptyDocError);
    expect(nodesMap(doc).size).toBe(1);
  });

  it('leaves out dangling references a concurrent delete left behind, so the export imports again', () => {
    const a = imported(parsed(JSON.parse(AIRLINE_TEXT)));
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    deleteItems(a, { nodeIds: ['dev-pc'] }); // peer A deletes a node…
    addTouchpoint(b, { from: 'stage-search', to: 'dev-pc', action: 'late link', id: 'tp-late' }); // …B links it
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(touchpointsMap(a).has('tp-late')).toBe(true);
    // References to a removed KPI, goal and channel, as a stale peer could write them.
    updateTouchpoint(a, 'tp-search-web', { kpiIds: ['kpi-gone', 'kpi-fcr'] });
    a.transact(() => {
      strategyRecords(a, 'kpis').get('kpi-speed')!.set('goalId', 'g-gone');
      strategyRecords(a, 'kpis').get('kpi-speed')!.set('channelIds', ['ch-social', 'ch-gone']);
      // A plan edit that crossed the channel's delete (flat v2 keys), and one from a v1 peer.
      strategyPart(a, 'channelPlanFields').set('ch-gone', true);
      strategyPart(a, 'channelPlanFields').set('ch-gone/status', 'planned');
      strategyRecords(a, 'channelPlans').set('ch-old', newRecord({ status: 'planned' }));
    });
    const out = snapshotToStrategyMap(readSnapshot(a));
    expect(out.touchpoints.some((t) => t.id === 'tp-late')).toBe(false);
    expect(out.touchpoints.find((t) => t.id === 'tp-search-web')?.kpiIds).toEqual(['kpi-fcr']);
    const speed = out.strategy.kpis.find((k) => k.id === 'kpi-speed')!;
    expect([speed.goalId, speed.channelIds]).toEqual([undefined, ['ch-social']]);
    expect(readSnapshot(a).strategy.channelPlans['ch-gone']).toEqual({ status: 'planned' });
    expect(out.strategy.channels.map((c) => c.nodeId)).not.toContain('ch-gone');
    expect(out.strategy.channels.map((c) => c.nodeId)).not.toContain('ch-old');
    expect(parseStrategyMapText(JSON.stringify(out)).ok).toBe(true);
  });
});
