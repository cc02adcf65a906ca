/**
 * The Share button and its dialog: registers the map on the server on first use (through the
 * app's ShareService, see shareService.ts), then shows the edit link, the review link (read
 * live and comment) and the view-only link to copy, each with a line saying what its holder
 * can do, and a QR code for the projector. A person who opened the map with a review or view
 * link gets only the links they have. Without a share service (no server) there is no Share
 * button.
 *
 * An editor can revoke each link ("Revoke and make a new link", then a confirm step): the
 * server refuses the old link from then on and closes its open connections, and the dialog
 * shows the new one. Each link is a group named after it, so its buttons are found by role.
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

/** The revoke step of one link: asking to confirm, waiting for the server, done, failed. */
type RevokeStep =
  | { kind: LinkKind; phase: 'confirm' | 'pending' | 'done' }
  | { kind: LinkKind; phase: 'error'; message: string };

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
  const [revoking, setRevoking] = useState<RevokeStep | null>(null);

  const errorText = (err: unknown) =>
    t(`error.${failureCodeOf(err)}`, { detail: (err as Error)?.message ?? String(err) });
  const revoke = (kind: LinkKind) => {
    if (!service) return;
    setRevoking({ kind, phase: 'pending' });
    service.revoke(session.mapId, kind).then(
      (next) => {
        setState({ phase: 'ready', links: next });
        setRevoking({ kind, phase: 'done' });
      },
      (err: unknown) => setRevoking({ kind, phase: 'error', message: errorText(err) }),
    );
  };
  const load = () => {
    if (!service) return;
    setRevoking(null);
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
              <div key={k} role="group" aria-label={labelOf(k)} className="share-link-group">
                <CopyLink
                  label={labelOf(k)}
                  copyLabel={t(KEYS[k].copy)}
                  hint={t(KEYS[k].hint)}
                  href={links![k]!}
                />
                {links?.edit ? (
                  <RevokeControl
                    which={labelOf(k).toLowerCase()}
                    step={revoking?.kind === k ? revoking : null}
                    onStart={() => setRevoking({ kind: k, phase: 'confirm' })}
                    onConfirm={() => revoke(k)}
                    onCancel={() => setRevoking(null)}
                  />
                ) : null}
              </div>
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

/** One link's "Revoke and make a new link", its confirm step and its outcome. */
function RevokeControl({
  which,
  step,
  onStart,
  onConfirm,
  onCancel,
}: {
  which: string;
  step: RevokeStep | null;
  onStart: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('share');
  if (step?.phase === 'confirm' || step?.phase === 'pending') {
    const pending = step.phase === 'pending';
    return (
      <div className="share-revoke-confirm">
        <p>{t('revokeConfirm', { which })}</p>
        <button type="button" onClick={onConfirm} disabled={pending}>
          {t('revokeYes')}
        </button>
        <button type="button" onClick={onCancel} disabled={pending}>
          {t('revokeNo')}
        </button>
        {pending ? <p role="status">{t('revoking')}</p> : null}
      </div>
    );
  }
  return (
    <div className="share-revoke">
      <button type="button" onClick={onStart}>
        {t('revoke')}
      </button>
      {step?.phase === 'done' ? <p role="status">{t('revokeDone')}</p> : null}
      {step?.phase === 'error' ? (
        <p role="alert" className="share-error">
          {step.message}
        </p>
      ) : null}
    </div>
  );
}
