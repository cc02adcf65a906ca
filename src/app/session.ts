/**
 * A map session: one Y.Doc with its adapters, opened local-first (IndexedDB before any
 * network), then handed to views as a yjs-free MapSessionApi. Sync to the server is attached
 * after the local store, when the map is shared (see attachSharing).
 */
import i18n from 'i18next';
import * as Y from 'yjs';
import { bindCommands } from '../model/bound-commands';
import { gestureSteps } from '../model/undo-steps';
import { isNewerSchema } from '../model/commands';
import { createHistory } from '../model/history';
import { migrate } from '../model/migrations';
import { createValueStore } from '../model/observable';
import { MapReader } from '../model/read';
import { createSelectionStore } from '../model/selection';
import { bindStrategyCommands } from '../model/strategy/bound-commands';
import type { MapSessionApi, SyncState, UndoState } from '../model/session-api';
import { attachLocalStore, getLocalStore, type ShareInfo } from '../sync/local-store';
import { createCollab, type CollabOptions, type FirstSync } from './collab';
import { acceptShareLink, recoverRevoke, tokenOf, withLinkToken } from './sharing';
import { bindComments } from '../model/comments/bound';
import { touchPerson } from '../model/comments/commands';
import { commentsDocId } from '../model/protocol-messages';
import { commentsIdentity, createSeenStore } from './comments-local';
import { bindWorkshop } from '../model/workshop/bound';
import { bindVersions } from '../sync/versions-session';
import { createVersionsRemote } from '../sync/versions-remote';

export interface OpenedSession {
  readonly api: MapSessionApi;
  readonly doc: Y.Doc;
  /** The map's review comments (model/comments/), stored and synced beside the map's doc. */
  readonly commentsDoc: Y.Doc;
  /** True when nothing was stored locally for this id (unknown map, or not downloaded yet). */
  readonly empty: boolean;
  /** True when a token is known, so the map syncs with the server. */
  readonly shared: boolean;
  /**
   * The first sync with the server: settles 'synced', or 'refused'/'notFound' when the server
   * says the token cannot open this map. Pending while offline; never settles when not shared.
   */
  firstSync(): Promise<FirstSync>;
  /**
   * What an empty session waits for before it shows the map: firstSync(), except when a
   * dead link fell back to the token the library already had: then that token's first sync.
   */
  firstContent(): Promise<FirstSync>;
  /**
   * Settles true when the server accepted a link token that replaces the library's and it
   * lets this session do more (view → review or edit): `readOnlyReason` changed, so the
   * editor renders again. False otherwise, at once when there was no such link.
   */
  readonly linkAccepted: Promise<boolean>;
  close(): void;
}

export interface OpenOptions {
  /** Capability token from a share link. */
  readonly token?: string;
  /** Where the server is and how to reach it (tests, scripts); the page's own by default. */
  readonly collab?: Omit<
    CollabOptions,
    'defaultName' | 'commentsDoc' | 'commentsAuthor' | 'onCommentsRefused'
  >;
}

/**
 * The map's share info: the library's, with the link's token when the page was opened from a
 * link. A link token is recorded in the library at once when it replaces no token there (a
 * new map, or one opened offline, must find it again), otherwise only once the server has
 * accepted it (`confirm`): a mistyped or revoked link must not overwrite a token that works.
 */
async function shareInfoFor(
  mapId: string,
  token: string | undefined,
): Promise<{
  share: ShareInfo | undefined;
  stored: ShareInfo | undefined;
  confirm: (() => Promise<unknown>) | null;
}> {
  try {
    const stored = (await getLocalStore().getMap(mapId))?.share;
    if (!token) return { share: stored, stored, confirm: null };
    const withToken = withLinkToken(stored, token);
    if (!withToken) return { share: stored, stored, confirm: null };
    const replaces = tokenOf(stored) !== undefined && tokenOf(withToken) !== tokenOf(stored);
    if (!replaces) {
      const share = (await acceptShareLink(mapId, token)) ?? withToken;
      return { share, stored: share, confirm: null };
    }
    return { share: withToken, stored, confirm: () => acceptShareLink(mapId, token) };
  } catch (err) {
    // The map still opens, only not shared: a library failure must not block editing.
    console.warn('session: reading the share info failed', err);
    return { share: undefined, stored: undefined, confirm: null };
  }
}

/** What a share info lets this session do: edit whenever an edit token is known. */
const role = (share: ShareInfo | undefined): 'edit' | 'review' | 'view' =>
  !share || share.editToken ? 'edit' : share.role;

export async function openSession(mapId: string, opts: OpenOptions = {}): Promise<OpenedSession> {
  const doc = new Y.Doc();
  const local = attachLocalStore(doc, mapId);
  // The comments doc: its own rows, never the library entry's title or thumbnail.
  const commentsDoc = new Y.Doc();
  const commentsLocal = attachLocalStore(commentsDoc, commentsDocId(mapId), { library: false });
  await Promise.all([local.whenSynced, commentsLocal.whenSynced]);
  const empty = doc.getMap('meta').size === 0;
  const migration = migrate(doc);
  const reader = new MapReader(doc);
  const history = createHistory(doc);
  const { share, stored, confirm } = await shareInfoFor(mapId, opts.token);
  const token = tokenOf(share);

  const sync = createValueStore<SyncState>({
    save: local.status.get(),
    connection: token ? 'connecting' : 'local',
  });
  const offSave = local.status.subscribe(() =>
    // The code, not the adapter's English sentence: the view translates it (SaveStatus).
    sync.set({ ...sync.get(), save: local.status.get(), saveError: local.status.errorCode() }),
  );
  // The comments doc saves apart from the map's: a failure of its own shows in the same status.
  const onCommentsSave = () => {
    const { commentsSaveError: was, ...rest } = sync.get();
    const error =
      commentsLocal.status.get() === 'error'
        ? (commentsLocal.status.errorCode() ?? 'failed')
        : undefined;
    if (error !== was) sync.set(error ? { ...rest, commentsSaveError: error } : rest);
  };
  onCommentsSave();
  const offCommentsSave = commentsLocal.status.subscribe(onCommentsSave);
  const undoState = createValueStore<UndoState>({ canUndo: false, canRedo: false });
  const offHistory = history.subscribe(() =>
    undoState.set({ canUndo: history.canUndo(), canRedo: history.canRedo() }),
  );

  // Local-first: the websocket attaches after the local store loaded, and nothing waits for it.
  // Presence exists from the start so that sharing the map later connects this editor live.
  const identity = commentsIdentity();
  const collab = createCollab(
    doc,
    mapId,
    (connection, unconfirmed, refusal) =>
      sync.set({ ...sync.get(), connection, unconfirmed, refusal }),
    {
      ...opts.collab,
      defaultName: i18n.t('share:defaultName', { n: doc.clientID % 1000 }),
      commentsDoc,
      commentsAuthor: identity.secret,
      onCommentsRefused: (commentsRefusal) => {
        const { commentsRefusal: was, ...rest } = sync.get();
        if (was !== commentsRefusal)
          sync.set(commentsRefusal ? { ...rest, commentsRefusal } : rest);
      },
    },
  );
  if (token) collab.connect(token);
  // This device's own revoke of the edit link whose answer was lost: the server closed the
  // socket as revoked, and the entry may hold that revoke's claim (app/sharing.ts); asked once.
  let askedRevoke = false;
  const offRevoked = sync.subscribe(() => {
    const { connection, refusal } = sync.get();
    if (askedRevoke || connection !== 'refused' || refusal !== 'revoked') return;
    askedRevoke = true;
    recoverRevoke(mapId, { apiBase: opts.collab?.access?.apiBase }).catch((err: unknown) =>
      console.warn('session: asking for a revoke whose answer was lost failed', err),
    );
  });
  const selection = createSelectionStore((ids) => collab.presence.setSelection(ids));
  // What this session may do: the library's role until the server accepts a link token that
  // replaces its token. A dead edit link opened where the map is view-only must not make it
  // editable here: the server would never take those edits, and they would stay on this device.
  let grantedBy = stored;
  const linkSettled: Promise<{ raised: boolean; content: Promise<FirstSync> }> | null = confirm
    ? collab.firstSync().then((r) => {
        if (r !== 'synced') {
          // A dead link for a map this device has a working token for: back to that token,
          // and say so. A deleted map (or one the server does not know) has no way back.
          const had = tokenOf(stored);
          if (had && (r === 'refused' || r === 'revoked' || r === 'expired')) {
            sync.set({ ...sync.get(), linkRefused: r });
            collab.connect(had, { replace: true });
            return { raised: false, content: collab.currentSync() };
          }
          return { raised: false, content: Promise.resolve(r) };
        }
        const raised = role(share) !== role(grantedBy);
        grantedBy = share;
        confirm().catch((err: unknown) => console.warn('session: recording the link failed', err));
        return { raised, content: Promise.resolve(r) };
      })
    : null;
  const linkAccepted = linkSettled ? linkSettled.then((s) => s.raised) : Promise.resolve(false);
  const firstContent = () =>
    linkSettled ? linkSettled.then((s) => s.content) : collab.firstSync();

  // A map that arrives by its first sync (nothing stored here) is migrated when it arrives.
  let newer = migration === 'newer';
  if (empty && token) {
    void firstContent().then((r) => {
      if (r === 'synced' && migrate(doc) === 'newer') newer = true;
    });
  }
  const viewOnly = () => role(grantedBy) === 'view';
  // A review link: the map read-only, comments writable (the server enforces both).
  const reviewOnly = () => role(grantedBy) === 'review';
  const isNewer = () => newer || isNewerSchema(doc);
  // A local map that is not shared can be commented too: its comments sync once it is.
  const canComment = () => !viewOnly() && !isNewer();

  const me = collab.presence.me;
  const comments = bindComments(commentsDoc, {
    myId: identity.id,
    ...(identity.legacyId ? { legacyIds: [identity.legacyId] } : {}),
    canComment,
    myName: () => me.getSnapshot().name,
    seen: createSeenStore(mapId),
  });
  // Who has been in the map, for @mentions: me now, and again whenever my name changes.
  const touchMe = () => {
    if (!canComment()) return;
    const { name, color } = me.getSnapshot();
    touchPerson(commentsDoc, comments.myId, name, color);
  };
  touchMe();
  const offMe = me.subscribe(touchMe);
  // Votes and the timer are map writes: only where the map can be edited (the server agrees).
  const workshop = bindWorkshop(doc, {
    voterId: comments.myId,
    canEdit: () => !viewOnly() && !reviewOnly() && !isNewer(),
    myName: () => me.getSnapshot().name,
    // A run already going on the server counts from its start; one started later, live.
    liveAfter: collab.firstSync(),
  });

  // The version history: read after open, never before (sync/versions-session.ts).
  const tokenNow = async () => {
    try {
      return tokenOf((await getLocalStore().getMap(mapId))?.share) ?? token;
    } catch {
      return token;
    }
  };
  const versions = bindVersions(doc, {
    mapId,
    db: getLocalStore().db,
    by: () => me.getSnapshot().name,
    canWrite: () => !viewOnly() && !reviewOnly() && !isNewer(),
    shared: async () => (await tokenNow()) !== undefined,
    remote: createVersionsRemote({ mapId, token: tokenNow, apiBase: opts.collab?.access?.apiBase }),
    online: {
      subscribe: sync.subscribe,
      getSnapshot: () => sync.get().connection === 'online',
    },
    stopCapturing: history.stopCapturing,
  });

  const api: MapSessionApi = {
    mapId,
    // A getter: the first sync can bring a doc from a newer version (see above).
    get readOnlyReason() {
      return isNewer()
        ? 'newerSchema'
        : viewOnly()
          ? 'viewToken'
          : reviewOnly()
            ? 'reviewToken'
            : null;
    },
    map: { subscribe: reader.subscribe, getSnapshot: reader.getSnapshot },
    // One undo step per gesture; typing merges per pause (model/undo-steps.ts).
    commands: gestureSteps(bindCommands(doc), history.stopCapturing),
    undo: {
      subscribe: undoState.subscribe,
      getSnapshot: undoState.getSnapshot,
      undo: history.undo,
      redo: history.redo,
      stopCapturing: history.stopCapturing,
    },
    sync: { subscribe: sync.subscribe, getSnapshot: sync.getSnapshot },
    strategy: bindStrategyCommands(doc),
    selection,
    presence: collab.presence,
    comments,
    workshop,
    versions,
  };
  return {
    api,
    doc,
    commentsDoc,
    empty,
    shared: token !== undefined,
    firstSync: collab.firstSync,
    firstContent,
    linkAccepted,
    close() {
      offSave();
      offRevoked();
      offCommentsSave();
      offHistory();
      offMe();
      selection.dispose();
      collab.dispose();
      history.dispose();
      reader.dispose();
      comments.dispose();
      workshop.dispose();
      versions.dispose();
      local.dispose();
      commentsLocal.dispose();
      doc.destroy();
      commentsDoc.destroy();
    },
  };
}
