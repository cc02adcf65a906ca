import { describe, expect, it } from 'vitest';
import type { JourneyNode } from '../../model/types';
import { foldText, linkCandidates } from './linkCandidates';

const stage = (id: string, label: string, x: number): JourneyNode => ({
  id,
  kind: 'stage',
  label,
  x,
  y: 0,
  order: x,
});
const channel = (id: string, label: string, x: number): JourneyNode => ({
  id,
  kind: 'channel',
  label,
  x,
  y: 200,
  channelType: 'web',
});
const NODES: JourneyNode[] = [
  stage('s2', 'Attivazione', 240),
  stage('s1', 'Scoperta', 0),
  stage('s3', 'Assistenza', 480),
  channel('c2', 'App', 240),
  channel('c1', 'Sito web', 0),
  channel('c3', 'Negozio', 480),
  { id: 'n1', kind: 'note', label: 'Appunti', x: 0, y: 400 },
];
const ids = (nodes: JourneyNode[]) => nodes.map((n) => n.id);

describe('linkCandidates', () => {
  it('ignores case and accents', () => {
    expect(foldText('  Attivazióne ')).toBe('attivazione');
    expect(ids(linkCandidates(NODES, 'ATTIVAZIO'))).toEqual(['s2']);
  });

  it('puts names that start with the text before names that only contain it', () => {
    // "web" starts a word of "Sito web"; "a" starts Attivazione, Assistenza, App, Appunti.
    expect(ids(linkCandidates(NODES, 'web'))).toEqual(['c1']);
    expect(ids(linkCandidates(NODES, 'zio'))).toEqual(['s2', 'c3']);
  });

  it('offers the usual other end first: from a stage, channels; notes last', () => {
    expect(ids(linkCandidates(NODES, 'a', { otherEnd: 'stage' }))).toEqual([
      'c2',
      's2',
      's3',
      'n1',
      // "a" inside a word comes after every name that starts with it.
      's1',
    ]);
    expect(ids(linkCandidates(NODES, 'a', { otherEnd: 'channel' })).slice(0, 3)).toEqual([
      's2',
      's3',
      'c2',
    ]);
  });

  it('never offers the other end itself; everything, in reading order, for no text', () => {
    expect(ids(linkCandidates(NODES, '', { exclude: 's1', otherEnd: 'stage' }))).toEqual([
      'c1',
      'c2',
      'c3',
      's2',
      's3',
      'n1',
    ]);
  });
});
