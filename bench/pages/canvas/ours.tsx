/**
 * "Ours": the app's real Editor over an in-memory Y.Doc loaded from one Yjs V2 update (what
 * the app reads from its local store), with the session built the way src/app/session.ts
 * builds it minus IndexedDB. A remote edit is a Yjs update from a second doc, applied with the
 * REMOTE origin.
 */
import '@xyflow/react/dist/style.css';
import '../../../src/view/styles.css';
import { createRoot } from 'react-dom/client';
import * as Y from 'yjs';
import { initI18n } from '../../../src/app/i18n';
import { bindCommands } from '../../../src/model/bound-commands';
import { nodesMap } from '../../../src/model/doc';
import { createHistory } from '../../../src/model/history';
import { REMOTE } from '../../../src/model/origins';
import { MapReader } from '../../../src/model/read';
import { createSelectionStore } from '../../../src/model/selection';
import type { MapSessionApi, SyncState, UndoState } from '../../../src/model/session-api';
import { bindStrategyCommands } from '../../../src/model/strategy/bound-commands';
import { Editor } from '../../../src/view/editor/Editor';
import { installHooks, nodeCountParam } from './probe';
import { NO_COMMENTS } from '../../../src/model/comments/none';

const constant = <T,>(value: T) => ({ subscribe: () => () => {}, getSnapshot: () => value });

async function main() {
  const n = nodeCountParam();
  const bytes = new Uint8Array(await (await fetch(`fixtures/map-${n}.bin`)).arrayBuffer());
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, bytes, REMOTE);
  const reader = new MapReader(doc);
  const history = createHistory(doc);
  const session: MapSessionApi = {
    mapId: `bench-${n}`,
    readOnlyReason: null,
    comments: NO_COMMENTS,
    map: { subscribe: reader.subscribe, getSnapshot: reader.getSnapshot },
    commands: bindCommands(doc),
    undo: {
      ...constant<UndoState>({ canUndo: false, canRedo: false }),
      undo: history.undo,
      redo: history.redo,
      stopCapturing: history.stopCapturing,
    },
    sync: constant<SyncState>({ save: 'saved', connection: 'local' }),
    strategy: bindStrategyCommands(doc),
    selection: createSelectionStore(),
  };

  // "Another client": a replica of the doc whose edits reach ours as Yjs updates. Made before
  // the first timed edit rather than during the load (the app has no such replica).
  let other: Y.Doc | null = null;
  installHooks(
    reader.getSnapshot().nodes,
    (nodeId, label) => {
      // The update the other client's provider would send: what its transaction produced.
      let update: Uint8Array | null = null;
      const capture = (u: Uint8Array) => (update = u);
      other!.on('update', capture);
      nodesMap(other!).get(nodeId)?.set('label', label);
      other!.off('update', capture);
      return () => Y.applyUpdate(doc, update!, REMOTE);
    },
    () => {
      other = new Y.Doc();
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    },
  );

  initI18n();
  createRoot(document.getElementById('root')!).render(<Editor session={session} />);
}

void main();
