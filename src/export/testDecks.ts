/** Decks for the export tests: a small map whose items carry evidence and sources. */
import * as Y from 'yjs';
import { addNode, addTouchpoint, updateTouchpoint } from '../model/commands';
import { deckContent, type Deck } from '../model/deck';
import { setEvidence } from '../model/evidence-commands';
import { addLane, addLaneItem } from '../model/grid-commands';
import { readSnapshot } from '../model/read';

/** The sources the evidence deck cites, each on a different kind of item. */
export const EVIDENCE_SOURCES = {
  touchpoint: 'Call logs, March 2026',
  painPoint: 'https://example.org/survey-2026',
  laneItem: 'Ops handbook p. 12',
} as const;

/**
 * One stage, one touchpoint with a blank pain point before the one with evidence (the deck
 * drops blanks and must keep each evidence with its item), and a backstage item with evidence.
 */
export function evidenceDeck(): Deck {
  const doc = new Y.Doc();
  addNode(doc, { id: 'st-1', kind: 'stage', label: 'Rebooking', x: 0, y: 0 });
  addNode(doc, {
    id: 'ch-1',
    kind: 'channel',
    channelType: 'phone',
    label: 'Call centre',
    x: 0,
    y: 100,
  });
  addTouchpoint(doc, { id: 'tp-1', from: 'st-1', to: 'ch-1', action: 'Calls to rebook' });
  updateTouchpoint(doc, 'tp-1', {
    painPoints: ['  ', 'Waits 40 minutes', 'Repeats the booking code'],
    opportunities: ['Rebook in the app'],
  });
  setEvidence(
    doc,
    { kind: 'touchpoint', id: 'tp-1' },
    {
      level: 'observed',
      source: EVIDENCE_SOURCES.touchpoint,
    },
  );
  setEvidence(
    doc,
    { kind: 'painPoint', id: 'tp-1', index: 1 },
    {
      level: 'reported',
      source: EVIDENCE_SOURCES.painPoint,
    },
  );
  setEvidence(doc, { kind: 'opportunity', id: 'tp-1', index: 0 }, { level: 'assumed' });
  const lane = addLane(doc, { type: 'backstage', order: 10 })!;
  const item = addLaneItem(doc, {
    laneId: lane,
    stageId: 'st-1',
    text: 'Agent checks the fare rules',
  })!;
  setEvidence(
    doc,
    { kind: 'laneItem', id: item },
    {
      level: 'observed',
      source: EVIDENCE_SOURCES.laneItem,
    },
  );
  return deckContent(readSnapshot(doc));
}
