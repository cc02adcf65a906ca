/** The journey commands bound to one doc, for the session to hand to views. */
import type * as Y from 'yjs';
import * as c from './commands';
import { arrangeMap, type ArrangeRequest } from './arrange-command';
import * as g from './grid-commands';
import type { LaneKey } from './grid';
import type { CsvImportResult } from './csv/import';
import { setMapLanguage, setMapLogo } from './map-settings';
import { setJourneyState } from './journey-state-commands';
import * as p from './persona-commands';
import { setEvidence, type EvidenceTarget } from './evidence-commands';
import type { Emotion, Evidence, JourneyStateLink, JourneyStateRole, MapLanguage } from './types';

export function bindCommands(doc: Y.Doc) {
  return {
    renameMap: (title: string) => c.renameMap(doc, title),
    setMapLanguage: (language: MapLanguage) => setMapLanguage(doc, language),
    setMapLogo: (logo: string | null) => setMapLogo(doc, logo),
    setJourneyState: (role: JourneyStateRole, link: JourneyStateLink | null) =>
      setJourneyState(doc, role, link),
    addNode: (input: c.NewNode) => c.addNode(doc, input),
    updateNode: (id: string, patch: c.NodePatch) => c.updateNode(doc, id, patch),
    renameNode: (id: string, label: string) => c.renameNode(doc, id, label),
    moveNodes: (moves: Iterable<{ id: string; x: number; y: number }>) => c.moveNodes(doc, moves),
    resizeNode: (id: string, size: { w: number; h: number; x?: number; y?: number }) =>
      c.resizeNode(doc, id, size),
    deleteItems: (items: { nodeIds?: Iterable<string>; touchpointIds?: Iterable<string> }) =>
      c.deleteItems(doc, items),
    addTouchpoint: (input: c.NewTouchpoint) => c.addTouchpoint(doc, input),
    updateTouchpoint: (id: string, patch: c.TouchpointPatch) => c.updateTouchpoint(doc, id, patch),
    copyItems: (nodeIds: Iterable<string>) => c.copyItems(doc, nodeIds),
    pasteItems: (clip: c.Clip, offset: { x: number; y: number }) => c.pasteItems(doc, clip, offset),
    duplicateNodes: (nodeIds: Iterable<string>) => c.duplicateNodes(doc, nodeIds),
    arrange: (request?: ArrangeRequest) => arrangeMap(doc, request),
    // The journey grid (grid-commands.ts).
    addLane: (input: g.NewLane) => g.addLane(doc, input),
    renameLane: (key: LaneKey, title: string) => g.renameLane(doc, key, title),
    setLaneHidden: (key: LaneKey, hidden: boolean) => g.setLaneHidden(doc, key, hidden),
    reorderLanes: (keys: readonly LaneKey[]) => g.reorderLanes(doc, keys),
    deleteLane: (laneId: string) => g.deleteLane(doc, laneId),
    addLaneItem: (input: g.NewLaneItem) => g.addLaneItem(doc, input),
    updateLaneItem: (id: string, patch: { text: string }) => g.updateLaneItem(doc, id, patch),
    moveLaneItem: (id: string, to: { laneId: string; stageId: string; order: number }) =>
      g.moveLaneItem(doc, id, to),
    deleteLaneItems: (ids: Iterable<string>) => g.deleteLaneItems(doc, ids),
    relinkTouchpoint: (id: string, to: { stageId: string; channelId: string }) =>
      g.relinkTouchpoint(doc, id, to),
    reorderStages: (ids: readonly string[]) => g.reorderStages(doc, ids),
    // Personas (persona-commands.ts) and evidence (evidence-commands.ts).
    addPersona: (input?: p.NewPersona) => p.addPersona(doc, input),
    updatePersona: (id: string, patch: Partial<p.PersonaFields>) => p.updatePersona(doc, id, patch),
    reorderPersonas: (ids: readonly string[]) => p.reorderPersonas(doc, ids),
    deletePersona: (id: string) => p.deletePersona(doc, id),
    setTouchpointPersonaEmotion: (
      touchpointId: string,
      personaId: string,
      emotion: Emotion | undefined,
    ) => p.setTouchpointPersonaEmotion(doc, touchpointId, personaId, emotion),
    setPersonaScope: (touchpointId: string, personaIds: readonly string[]) =>
      p.setPersonaScope(doc, touchpointId, personaIds),
    setEvidence: (target: EvidenceTarget, evidence: Evidence | undefined) =>
      setEvidence(doc, target, evidence),
    // CSV import of touchpoints (csv/import.ts): all or nothing, one undo step. Loaded on first
    // use, with papaparse, not with the editor.
    importTouchpointsCsv: async (text: string): Promise<CsvImportResult> =>
      (await import('./csv/import')).importTouchpointsCsv(doc, text),
  };
}

export type BoundCommands = ReturnType<typeof bindCommands>;
