import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteItems, renameMap, updateNode, updateTouchpoint } from '../commands';
import { createHistory } from '../history';
import { REMOTE } from '../origins';
import { readSnapshot } from '../read';
import { seedTemplate } from '../templates';
import { metaMap } from '../doc';
import { restoreVersionInPlace } from './restore';

const json = (doc: Y.Doc) => {
  const { repairs: _r, ...rest } = readSnapshot(doc);
  return JSON.stringify(rest);
};

function airline(): Y.Doc {
  const doc = new Y.Doc();
  seedTemplate(doc, 'airline', 'Airline', new Date(Date.UTC(2026, 0, 1)));
  return doc;
}

/** The version as it is stored: a fresh doc from the snapshot bytes. */
const versionOf = (doc: Y.Doc): Y.Doc => {
  const v = new Y.Doc();
  Y.applyUpdate(v, Y.encodeStateAsUpdate(doc));
  return v;
};

/** Edits of every kind: a field, a title, a deleted touchpoint and node. */
function edit(doc: Y.Doc): void {
  const snap = readSnapshot(doc);
  const [stage] = snap.nodes.filter((n) => n.kind === 'stage');
  const [tp, tp2] = snap.touchpoints;
  renameMap(doc, 'Edited title');
  updateNode(doc, stage!.id, { label: 'Renamed stage' });
  updateTouchpoint(doc, tp!.id, { action: 'Edited action', emotion: -2 });
  deleteItems(doc, { touchpointIds: [tp2!.id] });
  const channel = snap.nodes.find((n) => n.kind === 'channel');
  deleteItems(doc, { nodeIds: [channel!.id] });
}

describe('restoreVersionInPlace', () => {
  it('makes the doc read as the version, as one undo step that brings the edits back', () => {
    const doc = airline();
    const version = versionOf(doc);
    const before = json(doc);
    const history = createHistory(doc);
    edit(doc);
    history.stopCapturing();
    const edited = json(doc);
    expect(edited).not.toBe(before);

    expect(restoreVersionInPlace(doc, version)).toBe(true);
    expect(json(doc)).toBe(before);
    history.undo();
    expect(json(doc)).toBe(edited);
    history.redo();
    expect(json(doc)).toBe(before);
  });

  it('writes nothing when the doc already agrees, and never writes to the version', () => {
    const doc = airline();
    const version = versionOf(doc);
    const versionState = Y.encodeStateVector(version);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(restoreVersionInPlace(doc, version)).toBe(false);
    expect(updates).toBe(0);
    edit(doc);
    restoreVersionInPlace(doc, version);
    expect(Y.encodeStateVector(version)).toEqual(versionState);
  });

  it('is one update that a connected peer applies to reach the same map', () => {
    const doc = airline();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc), REMOTE);
    const version = versionOf(doc);
    const before = json(doc);
    edit(doc);
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)), REMOTE);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    restoreVersionInPlace(doc, version);
    expect(updates).toHaveLength(1);
    Y.applyUpdate(peer, updates[0]!, REMOTE);
    expect(json(peer)).toBe(before);
  });

  it("keeps a peer's concurrent edit of another field of a restored record", () => {
    const doc = airline();
    const version = versionOf(doc);
    const stage = readSnapshot(doc).nodes.find((n) => n.kind === 'stage')!;
    updateNode(doc, stage.id, { label: 'Mine' });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc), REMOTE);
    const tp = readSnapshot(peer).touchpoints[0]!;
    updateTouchpoint(peer, tp.id, { action: 'Theirs, concurrent' });
    restoreVersionInPlace(doc, version);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), REMOTE);
    const snap = readSnapshot(doc);
    expect(snap.nodes.find((n) => n.id === stage.id)?.label).toBe(stage.label);
    expect(snap.touchpoints.find((t) => t.id === tp.id)?.action).toBe('Theirs, concurrent');
  });

  it('never lowers the schema version', () => {
    const doc = airline();
    const version = versionOf(doc);
    metaMap(version).set('schemaVersion', 1);
    metaMap(version).set('title', 'Old');
    restoreVersionInPlace(doc, version);
    expect(metaMap(doc).get('schemaVersion')).toBe(2);
    expect(metaMap(doc).get('title')).toBe('Old');
  });

  it('survives garbage in the version (values of any type under any key)', () => {
    const doc = airline();
    const version = new Y.Doc();
    version.getMap('nodes').set('junk', 42);
    version.getMap('nodes').set('arr', new Y.Array());
    version.getMap('touchpoints').set('t', new Y.Text('x'));
    expect(() => restoreVersionInPlace(doc, version)).not.toThrow();
    expect(() => readSnapshot(doc)).not.toThrow();
    expect(readSnapshot(doc).touchpoints).toEqual([]);
  });
});
