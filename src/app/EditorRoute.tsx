/** Opens a map session for `#/map/<id>` (local-first) and renders the editor, or a clear error. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Editor } from '../view/editor/Editor';
import { importMapFile } from './importMap';
import { mapHref } from './routes';
import { openSession, type OpenedSession } from './session';

type State =
  | { phase: 'loading' }
  | { phase: 'ready'; session: OpenedSession }
  | { phase: 'missing' }
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
        if (session.empty && !token) {
          session.close();
          setState({ phase: 'missing' });
        } else setState({ phase: 'ready', session });
      },
      (err: unknown) => !cancelled && setState({ phase: 'error', message: String((err as Error)?.message ?? err) }),
    );
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [mapId, token]);

  if (state.phase === 'loading') {
    return (
      <div className="page-message" role="status" aria-busy="true">
        <div className="spinner" aria-hidden="true" />
        {t('loadingMap')}
      </div>
    );
  }
  if (state.phase === 'missing' || state.phase === 'error') {
    return (
      <div className="page-message" role="alert">
        <h1>{state.phase === 'missing' ? t('mapMissing') : t('mapError')}</h1>
        {state.phase === 'error' ? <p>{state.message}</p> : <p>{t('mapMissingHint')}</p>}
        <a href="#/">{t('backToLibrary')}</a>
      </div>
    );
  }
  return (
    <Editor
      session={state.session.api}
      onImportFile={importMapFile}
      onOpenMap={(id) => (window.location.hash = mapHref(id))}
    />
  );
}
