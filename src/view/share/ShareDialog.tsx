/**
 * The Share button and its dialog: registers the map on the server on first use (through the
 * app's ShareService, see shareService.ts), then shows the edit link, the review link (read
 * live and comment) and the view-only link to copy, each with a line saying what its holder
 * can do, and a QR code for the projector. A person who opened the map with a review or view
 * link gets only the links they have. Without a share service (no server) there is no Share
 * button.
 */
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../canvas/SessionContext';
import { CopyLink } from './CopyLink';
import {
  failureCodeOf,
  LINK_KINDS,
  useShareService,
  type LinkKind,
  type ShareLinks,
} from './shareService';
import './share.css';

/** The QR code library is loaded when the dialog first shows a code. */
const QrCode = lazy(() => import('./QrCode').then((m) => ({ default: m.QrCode })));

/** i18n keys (share.json) per link. */
const KEYS: Record<LinkKind, { label: string; copy: string; hint: string }> = {
  edit: { label: 'editLink', copy: 'copyEdit', hint: 'editHint' },
  review: { label: 'reviewLink', copy: 'copyReview', hint: 'reviewHint' },
  view: { label: 'viewLink', copy: 'copyView', hint: 'viewHint' },
};

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
  const [qrFor, setQrFor] = useState<LinkKind>('edit');

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
  const kinds = LINK_KINDS.filter((k) => links?.[k]);
  const qrWhich: LinkKind = kinds.includes(qrFor) ? qrFor : (kinds[0] ?? 'view');
  const labelOf = (k: LinkKind) => t(KEYS[k].label);
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
            {links?.edit ? null : <p>{t(links?.review ? 'reviewerOnly' : 'viewerOnly')}</p>}
            {kinds.map((k) => (
              <CopyLink
                key={k}
                label={labelOf(k)}
                copyLabel={t(KEYS[k].copy)}
                hint={t(KEYS[k].hint)}
                href={links![k]!}
              />
            ))}
            {kinds.length > 1 ? (
              <fieldset className="share-qr-for">
                <legend>{t('qrFor')}</legend>
                {kinds.map((k) => (
                  <label key={k}>
                    <input
                      type="radio"
                      name="qr-for"
                      checked={qrWhich === k}
                      onChange={() => setQrFor(k)}
                    />
                    {labelOf(k)}
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
              {links?.[qrWhich] ? (
                <QrCode
                  text={links[qrWhich]}
                  alt={t('qrAlt', { which: labelOf(qrWhich).toLowerCase() })}
                />
              ) : null}
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
