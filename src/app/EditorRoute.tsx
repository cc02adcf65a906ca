/**
 * Opens a map session for `#/map/<id>` (local-first) and renders the editor, or a clear error.
 * A shared map with nothing stored on this device yet (a link opened on a fresh browser, or a
 * library entry whose doc has not arrived) waits for its first sync with the server, showing
 * that it is loading, and says so plainly when the server refuses the link.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Editor } from '../view/editor/Editor';
import { ShareServiceContext } from '../view/share/shareService';
import { JourneyStatesContext } from '../view/compare/journeyStatesService';
import { journeyStatesFor } from './journeyStates';
import type { FirstSync } from './collab';
import { FirstSyncWait } from './FirstSyncWait';
import { importMapFileLazy as importMapFile } from './importMapLazy';
import { mapHref } from './routes';
import { openSession, type OpenedSession } from './session';
import { forgetRefusedLink, shareService } from './sharing';

type State =
  | { phase: 'loading' }
  | { phase: 'syncing'; session: OpenedSession }
  /** `opened` counts the editor's openings: it opens again when the link's role arrives. */
  | { phase: 'ready'; session: OpenedSession; opened?: number }
  | { phase: 'missing' }
  | { phase: 'refused'; why: Exclude<FirstSync, 'synced'> }
  | { phase: 'error'; message: string };

export function EditorRoute({ mapId, token }: { mapId: string; token?: string }) {
  const { t } = useTranslation('common');
  const [state, setState] = useState<State>({ phase: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let opened: OpenedSession | null = null;
    setState({ phase: 'loading' });
    openSession(mapId, token ? { token } : {}).then(
      (session) => {
        opened = session;
        if (cancelled) return session.close();
        // A link that lets this device do more than the library's token is taken at its word
        // only once the server accepts it: then the editor opens again with the new role.
        void session.linkAccepted.then(
          (raised) => raised && !cancelled && setState({ phase: 'ready', session, opened: 2 }),
        );
        if (!session.empty) return setState({ phase: 'ready', session });
        if (!session.shared) {
          session.close();
          return setState({ phase: 'missing' });
        }
        // Nothing on this device yet: the map is whatever the server has.
        setState({ phase: 'syncing', session });
        // A dead link where the library has a working token: that token's sync counts.
        void session.firstContent().then((result) => {
          if (cancelled) return;
          if (result === 'synced') return setState({ phase: 'ready', session });
          opened = null;
          session.close();
          setState({ phase: 'refused', why: result });
          forgetRefusedLink(mapId).catch((err: unknown) =>
            console.warn('editor: forgetting a refused link failed', err),
          );
        });
      },
      (err: unknown) =>
        !cancelled && setState({ phase: 'error', message: String((err as Error)?.message ?? err) }),
    );
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [mapId, token]);

  const journeyStates = useMemo(
    () => (state.phase === 'ready' ? journeyStatesFor(state.session) : null),
    [state],
  );

  if (state.phase === 'loading') {
    return (
      <div className="page-message" role="status" aria-busy="true">
        <div className="spinner" aria-hidden="true" />
        {t('loadingMap')}
      </div>
    );
  }
  if (state.phase === 'syncing') return <FirstSyncWait sync={state.session.api.sync} />;
  if (state.phase !== 'ready') {
    const [title, hint] =
      state.phase === 'missing'
        ? [t('mapMissing'), t('mapMissingHint')]
        : state.phase === 'refused'
          ? [t(`firstSync.${state.why}`), t(`firstSync.${state.why}Hint`)]
          : [t('mapError'), state.message];
    return (
      <div className="page-message" role="alert">
        <h1>{title}</h1>
        <p>{hint}</p>
        <a href="#/">{t('backToLibrary')}</a>
      </div>
    );
  }
  return (
    <ShareServiceContext.Provider value={shareService}>
      <JourneyStatesContext.Provider value={journeyStates}>
        <Editor
          key={state.opened ?? 1}
          session={state.session.api}
          onImportFile={importMapFile}
          onOpenMap={(id) => (window.location.hash = mapHref(id))}
        />
      </JourneyStatesContext.Provider>
    </ShareServiceContext.Provider>
  );
}
