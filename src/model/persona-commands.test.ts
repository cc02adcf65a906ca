import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, addTouchpoint, updateTouchpoint } from './commands';
import { personasMap, touchpointsMap } from './doc';
import { setEvidence } from './evidence-commands';
import { createHistory } from './history';
import { MAX_PERSONAS } from './limits';
import {
  addPersona,
  deletePersona,
  reorderPersonas,
  setPersonaScope,
  setTouchpointPersonaEmotion,
  updatePersona,
} from './persona-commands';
import { concernsPersona, personaEmotion, personaInitials } from './personas';
import { readSnapshot } from './read';
import { PERSONA_COLORS } from './records/persona';

function map() {
  const doc = new Y.Doc();
  const a = addNode(doc, { kind: 'stage', label: 'Check-in', x: 0, y: 0 });
  const b = addNode(doc, { kind: 'channel', label: 'App', x: 0, y: 200 });
  const tp = addTouchpoint(doc, { from: a, to: b, action: 'Checks in', emotion: 1 })!;
  return { doc, tp };
}

describe('persona commands', () => {
  it('adds personas in order with distinct palette colours, edits and reorders them', () => {
    const { doc } = map();
    const p1 = addPersona(doc, { name: 'Marco', role: 'Business traveller' })!;
    const p2 = addPersona(doc, { name: 'The Bianchis', color: '#7E22CE' })!;
    let s = readSnapshot(doc);
    expect(s.personas.map((p) => p.name)).toEqual(['Marco', 'The Bianchis']);
    expect(s.personas[0]!.color).toBe(PERSONA_COLORS[0]);
    expect(s.personas[1]!.color).toBe('#7e22ce');
    expect([...s.repairs.keys()].filter((k) => k.startsWith('persona'))).toEqual([]);
    updatePersona(doc, p1, { quote: 'Just let me board.', goals: ['On time'], color: 'red' });
    reorderPersonas(doc, [p2, p1]);
    s = readSnapshot(doc);
    expect(s.personas.map((p) => p.id)).toEqual([p2, p1]);
    expect(s.personas[1]).toMatchObject({ quote: 'Just let me board.', goals: ['On time'] });
    expect(s.personas[1]!.color).toBe(PERSONA_COLORS[0]);
  });

  it('refuses a persona past MAX_PERSONAS and cuts long texts', () => {
    const { doc } = map();
    for (let i = 0; i < MAX_PERSONAS; i++)
      expect(addPersona(doc, { name: `P${i}` })).not.toBeNull();
    expect(addPersona(doc)).toBeNull();
    const doc2 = new Y.Doc();
    const id = addPersona(doc2, { name: 'x'.repeat(999) })!;
    expect(readSnapshot(doc2).personas[0]!.name).toHaveLength(200);
    expect(id).toMatch(/^persona/);
  });

  it('a persona feels a touchpoint its own way, else the touchpoint’s emotion', () => {
    const { doc, tp } = map();
    const p1 = addPersona(doc, { name: 'Marco' })!;
    const p2 = addPersona(doc, { name: 'Family' })!;
    setTouchpointPersonaEmotion(doc, tp, p1, -2);
    setTouchpointPersonaEmotion(doc, tp, 'nobody', 2); // a persona that is not there
    let t = readSnapshot(doc).touchpointById.get(tp)!;
    expect(t.emotionByPersona).toEqual({ [p1]: -2 });
    expect(personaEmotion(t, p1)).toBe(-2);
    expect(personaEmotion(t, p2)).toBe(1);
    setTouchpointPersonaEmotion(doc, tp, p1, undefined);
    t = readSnapshot(doc).touchpointById.get(tp)!;
    expect(t.emotionByPersona).toBeUndefined();
  });

  it('scopes a touchpoint to existing personas; empty is everyone', () => {
    const { doc, tp } = map();
    const p1 = addPersona(doc, { name: 'Marco' })!;
    const p2 = addPersona(doc, { name: 'Family' })!;
    setPersonaScope(doc, tp, [p1, p1, 'ghost']);
    let t = readSnapshot(doc).touchpointById.get(tp)!;
    expect(t.personas).toEqual([p1]);
    expect(concernsPersona(t, p1)).toBe(true);
    expect(concernsPersona(t, p2)).toBe(false);
    setPersonaScope(doc, tp, []);
    t = readSnapshot(doc).touchpointById.get(tp)!;
    expect(t.personas).toBeUndefined();
    expect(concernsPersona(t, p2)).toBe(true);
  });

  it('deleting a persona drops its emotions and scope in one undo step', () => {
    const { doc, tp } = map();
    const history = createHistory(doc);
    const p1 = addPersona(doc, { name: 'Marco' })!;
    const p2 = addPersona(doc, { name: 'Family' })!;
    setTouchpointPersonaEmotion(doc, tp, p1, -1);
    setTouchpointPersonaEmotion(doc, tp, p2, 2);
    setPersonaScope(doc, tp, [p1]);
    history.stopCapturing();
    const before = JSON.stringify(readSnapshot(doc));
    deletePersona(doc, p1);
    const s = readSnapshot(doc);
    expect(s.personas.map((p) => p.id)).toEqual([p2]);
    expect(s.touchpointById.get(tp)!.emotionByPersona).toEqual({ [p2]: 2 });
    expect(s.touchpointById.get(tp)!.personas).toBeUndefined();
    expect(touchpointsMap(doc).get(tp)!.has(`emotion/${p1}`)).toBe(false);
    history.undo();
    expect(JSON.stringify(readSnapshot(doc))).toBe(before);
  });

  it('deletes the snapshot form of a persona’s emotion too (a pasted touchpoint)', () => {
    const { doc, tp } = map();
    const p1 = addPersona(doc, { name: 'Marco' })!;
    touchpointsMap(doc)
      .get(tp)!
      .set('emotionByPersona', { [p1]: 2 });
    expect(readSnapshot(doc).touchpointById.get(tp)!.emotionByPersona).toEqual({ [p1]: 2 });
    deletePersona(doc, p1);
    expect(readSnapshot(doc).touchpointById.get(tp)!.emotionByPersona).toBeUndefined();
  });

  it('two people setting two personas’ emotions at once both keep theirs', () => {
    const { doc: a, tp } = map();
    const p1 = addPersona(a, { name: 'Marco' })!;
    const p2 = addPersona(a, { name: 'Family' })!;
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setTouchpointPersonaEmotion(a, tp, p1, -2);
    setTouchpointPersonaEmotion(b, tp, p2, 2);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readSnapshot(a).touchpointById.get(tp)!.emotionByPersona).toEqual({ [p1]: -2, [p2]: 2 });
    expect(readSnapshot(b)).toEqual(readSnapshot(a));
  });

  it('skips records that are not records', () => {
    const { doc, tp } = map();
    personasMap(doc).set('junk', 'x' as never);
    deletePersona(doc, 'junk');
    updatePersona(doc, 'junk', { name: 'x' });
    setTouchpointPersonaEmotion(doc, tp, 'junk', 1);
    expect(readSnapshot(doc).personas).toEqual([]);
  });
});

describe('evidence commands', () => {
  it('sets evidence on a touchpoint, a pain point and a lane item; clears it', () => {
    const { doc, tp } = map();
    updateTouchpoint(doc, tp, { painPoints: ['Queue', 'Bag fee'] });
    setEvidence(
      doc,
      { kind: 'touchpoint', id: tp },
      { level: 'observed', source: 'https://x.test/r' },
    );
    setEvidence(doc, { kind: 'painPoint', id: tp, index: 1 }, { level: 'assumed' });
    setEvidence(doc, { kind: 'painPoint', id: tp, index: 5 }, { level: 'assumed' }); // no such item
    let t = readSnapshot(doc).touchpointById.get(tp)!;
    expect(t.evidence).toEqual({ level: 'observed', source: 'https://x.test/r' });
    expect(t.painPointEvidence).toEqual([null, { level: 'assumed' }]);
    setEvidence(doc, { kind: 'painPoint', id: tp, index: 1 }, undefined);
    setEvidence(doc, { kind: 'touchpoint', id: tp }, undefined);
    t = readSnapshot(doc).touchpointById.get(tp)!;
    expect(t.painPointEvidence).toBeUndefined();
    expect(t.evidence).toBeUndefined();
  });

  it('keeps each pain point’s evidence with it when the list is edited', () => {
    const { doc, tp } = map();
    updateTouchpoint(doc, tp, { painPoints: ['Queue', 'Bag fee', 'Seats'] });
    setEvidence(doc, { kind: 'painPoint', id: tp, index: 1 }, { level: 'reported' });
    setEvidence(doc, { kind: 'painPoint', id: tp, index: 2 }, { level: 'assumed' });
    updateTouchpoint(doc, tp, { painPoints: ['Bag fee', 'Seats'] }); // first one deleted
    let t = readSnapshot(doc).touchpointById.get(tp)!;
    expect(t.painPointEvidence).toEqual([{ level: 'reported' }, { level: 'assumed' }]);
    updateTouchpoint(doc, tp, { painPoints: ['Bag fees', 'Seats'] }); // one retyped
    t = readSnapshot(doc).touchpointById.get(tp)!;
    expect(t.painPointEvidence).toEqual([{ level: 'reported' }, { level: 'assumed' }]);
    updateTouchpoint(doc, tp, { painPoints: [] });
    expect(readSnapshot(doc).touchpointById.get(tp)!.painPointEvidence).toBeUndefined();
  });

  it('refuses an unknown level', () => {
    const { doc, tp } = map();
    setEvidence(doc, { kind: 'touchpoint', id: tp }, { level: 'sure' as never });
    expect(readSnapshot(doc).touchpointById.get(tp)!.evidence).toBeUndefined();
  });
});

describe('personaInitials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(personaInitials('Marco Ferri')).toBe('MF');
    expect(personaInitials('  the Bianchi family ')).toBe('TF');
    expect(personaInitials('Élodie')).toBe('É');
    expect(personaInitials('')).toBe('?');
  });
});
