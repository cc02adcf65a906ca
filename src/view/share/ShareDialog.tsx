/**
 * The Share button and its dialog: registers the map on the server on first use (through the
 * app's ShareService, see shareService.ts), then shows an edit link and a view-only link to
 * copy, and a QR code for the projector. A person who opened the map with a view link gets
 * only the view link. Without a share service (no server) there is no Share button.
 */
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../canvas/SessionContext';
import { CopyLink } from './CopyLink';
import { failureCodeOf, useShareService, type ShareLinks } from './shareService';
import './share.css';

/** The QR code library is loaded when the dialog first shows a code. */
const QrCode = lazy(() => import('./QrCode').then((m) => ({ default: m.QrCode })));

type State =
  | { phase: 'loading' }
  | { phase: 'ready'; links: ShareLinks }
  | { phase: 'error'; message: string };

export function ShareDialog() {
  const { t } = useTranslation('share');
  const session = useSession();
  const service = useShareService();
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [qrFor, setQrFor] = useState<'edit' | 'view'>('edit');

  const load = () => {
    if (!service) return;
    setState({ phase: 'loading' });
    service.linksFor(session.mapId).then(
      (links) => setState({ phase: 'ready', links }),
      (err: unknown) => {
        const detail = (err as Error)?.message ?? String(err);
        setState({ phase: 'error', message: t(`error.${failureCodeOf(err)}`, { detail }) });
      },
    );
  };
  const open = () => {
    dialog.current?.showModal();
    load();
  };

  if (!service) return null;
  const links = state.phase === 'ready' ? state.links : null;
  const qrWhich = links?.edit && qrFor === 'edit' ? 'edit' : 'view';
  return (
    <>
      <button type="button" className="share-button" aria-haspopup="dialog" onClick={open}>
        {t('share')}
      </button>
      <dialog ref={dialog} className="share-dialog" aria-labelledby="share-dialog-title">
        <h2 id="share-dialog-title">{t('dialogTitle')}</h2>
        <p>{t('intro')}</p>
        {state.phase === 'loading' ? (
          <p role="status">{t('preparing')}</p>
        ) : state.phase === 'error' ? (
          <div role="alert" className="share-error">
            <p>{state.message}</p>
            <button type="button" onClick={load}>
              {t('retry')}
            </button>
          </div>
        ) : (
          <>
            {links?.edit ? (
              <CopyLink label={t('editLink')} copyLabel={t('copyEdit')} href={links.edit} />
            ) : (
              <p>{t('viewerOnly')}</p>
            )}
            <CopyLink label={t('viewLink')} copyLabel={t('copyView')} href={links!.view} />
            {links?.edit ? (
              <fieldset className="share-qr-for">
                <legend>{t('qrFor')}</legend>
                {(['edit', 'view'] as const).map((w) => (
                  <label key={w}>
                    <input
                      type="radio"
                      name="qr-for"
                      checked={qrFor === w}
                      onChange={() => setQrFor(w)}
                    />
                    {w === 'edit' ? t('editLink') : t('viewLink')}
                  </label>
                ))}
              </fieldset>
            ) : null}
            <Suspense
              fallback={
                <div className="qr-loading" role="status">
                  {t('qrLoading')}
                </div>
              }
            >
              <QrCode
                text={qrWhich === 'edit' ? links!.edit! : links!.view}
                alt={t('qrAlt', {
                  which: (qrWhich === 'edit' ? t('editLink') : t('viewLink')).toLowerCase(),
                })}
              />
            </Suspense>
          </>
        )}
        <form method="dialog" className="share-actions">
          <button type="submit">{t('close')}</button>
        </form>
      </dialog>
    </>
  );
}
