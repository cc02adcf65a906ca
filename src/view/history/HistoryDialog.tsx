/**
 * The version history dialog: save a named version, the versions newest first with who and
 * when, preview one read-only, restore it in place (after a confirm step: one change for
 * everyone, undone with Ctrl+Z) or as a new map on this device. A review or view link lists
 * and previews only. Below them, the named versions an imported file listed (format v7
 * `versions`, records/named-version.ts): metadata only, so no preview and no restore.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionsApi } from '../../model/session-api';
import type { VersionItem } from '../../model/versions/api';
import { VERSION_LIMITS } from '../../model/versions/record';
import type { MapSnapshot } from '../../model/types';
import { fullTime, relativeTime } from '../comments/relativeTime';
import { useStore } from '../hooks/useStore';
import { useSession } from '../canvas/SessionContext';
import { useJourneyStates } from '../compare/journeyStatesService';
import { VersionPreview } from './VersionPreview';

type Note = { kind: 'status' | 'alert'; text: string; href?: string; linkText?: string };

/** The words for why the server refused a version for good (its HTTP status). */
function notSentReason(status: number): string {
  if (status === 400) return 'notSent.invalid';
  if (status === 401 || status === 403) return 'notSent.forbidden';
  if (status === 413) return 'notSent.tooLarge';
  return 'notSent.refused';
}

export function HistoryDialog({
  versions,
  onClose,
}: {
  versions: VersionsApi;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('history');
  const state = useStore(versions.state);
  const imported = useStore(useSession().map).meta.versions ?? [];
  const links = useJourneyStates();
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ item: VersionItem; snapshot: MapSnapshot } | null>(null);
  const now = Date.now();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    void versions.refresh();
  }, [versions]);

  const title = (v: VersionItem) => (v.kind === 'named' ? v.name : t('auto'));
  const fail = (err: unknown) =>
    setNote({
      kind: 'alert',
      text: t('failed', { detail: (err as Error)?.message ?? String(err) }),
    });
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setNote(null);
    try {
      await fn();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      const v = await versions.save(name);
      setName('');
      setNote({ kind: 'status', text: t('saved', { name: v.name }) });
    });
  const show = (item: VersionItem) =>
    run(async () => {
      const snapshot = await versions.preview(item.id);
      if (!snapshot) throw new Error(t('unreadable'));
      setPreview({ item, snapshot });
    });
  const restore = (item: VersionItem) =>
    run(async () => {
      setConfirming(null);
      const r = await versions.restore(item.id);
      if (r === 'missing') throw new Error(t('unreadable'));
      setNote({
        kind: 'status',
        text:
          r === 'same'
            ? t('alreadySame', { name: title(item) })
            : t('restored', { name: title(item) }),
      });
    });
  const restoreAsNew = (item: VersionItem) =>
    run(async () => {
      const mapTitle = t('restoredTitle', {
        name: title(item),
        date: fullTime(item.at, i18n.language),
      });
      const id = await versions.restoreAsNew(item.id, mapTitle);
      setNote({
        kind: 'status',
        text: t('restoredAsNew', { title: mapTitle }),
        href: `#/map/${encodeURIComponent(id)}`,
        linkText: t('openNew'),
      });
    });

  return (
    <dialog
      ref={dialog}
      className="history-dialog"
      aria-labelledby="history-title"
      onClose={onClose}
    >
      <div className="history-head">
        <h2 id="history-title">{t('title')}</h2>
        <form method="dialog">
          <button type="submit">{t('close')}</button>
        </form>
      </div>
      {versions.canWrite ? (
        <form
          className="history-save"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) void save();
          }}
        >
          <label htmlFor="history-name">{t('nameLabel')}</label>
          <input
            id="history-name"
            value={name}
            maxLength={VERSION_LIMITS.nameChars}
            placeholder={t('namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" disabled={busy || name.trim() === ''}>
            {t('save')}
          </button>
        </form>
      ) : (
        <p className="history-readonly">{t('readOnly')}</p>
      )}
      <div className="history-note" role={note?.kind === 'alert' ? 'alert' : 'status'}>
        {note ? (
          <>
            {note.text}
            {note.href ? (
              <>
                {' '}
                <a href={note.href}>{note.linkText}</a>
              </>
            ) : null}
          </>
        ) : null}
      </div>
      {state.error ? (
        <p className="history-offline">{t('serverError', { detail: state.error })}</p>
      ) : null}
      <div className="history-body">
        <section className="history-list" aria-labelledby="history-list-title">
          <h3 id="history-list-title">{t('listTitle')}</h3>
          {state.status === 'loading' ? (
            <p role="status">{t('loading')}</p>
          ) : state.versions.length === 0 ? (
            <p className="history-empty">{t('empty')}</p>
          ) : (
            <ul>
              {state.versions.map((v) => (
                <li key={v.id} className={preview?.item.id === v.id ? 'is-on' : undefined}>
                  <div className="history-item-title">
                    <span className={v.kind === 'auto' ? 'is-auto' : undefined}>{title(v)}</span>
                    {v.notSent ? (
                      <span className="history-pending history-not-sent" title={v.notSent.message}>
                        {t('notSent.label', { reason: t(notSentReason(v.notSent.status)) })}
                      </span>
                    ) : v.pending ? (
                      <span className="history-pending">{t('pending')}</span>
                    ) : null}
                  </div>
                  <div className="history-item-meta">
                    {v.by ? `${t('by', { name: v.by })} · ` : ''}
                    <time
                      dateTime={new Date(v.at).toISOString()}
                      title={fullTime(v.at, i18n.language)}
                    >
                      {relativeTime(v.at, now, i18n.language)}
                    </time>
                    {` · ${t('size', { kb: Math.max(1, Math.round(v.size / 1024)) })}`}
                  </div>
                  {confirming === v.id ? (
                    <div
                      className="history-confirm"
                      role="group"
                      aria-label={t('confirmLabel', { name: title(v) })}
                    >
                      <p>{t('confirm', { name: title(v) })}</p>
                      <button
                        type="button"
                        className="primary"
                        disabled={busy}
                        onClick={() => void restore(v)}
                      >
                        {t('confirmYes')}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        {t('confirmNo')}
                      </button>
                    </div>
                  ) : (
                    <div className="history-actions" role="group" aria-label={title(v)}>
                      <button type="button" disabled={busy} onClick={() => void show(v)}>
                        {t('preview')}
                      </button>
                      {versions.canWrite ? (
                        <button type="button" disabled={busy} onClick={() => setConfirming(v.id)}>
                          {t('restore')}
                        </button>
                      ) : null}
                      <button type="button" disabled={busy} onClick={() => void restoreAsNew(v)}>
                        {t('restoreAsNew')}
                      </button>
                      {links && !v.pending ? (
                        <a href={links.compareVersionHref(v.mapId, v.id)}>{t('compareWithNow')}</a>
                      ) : null}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
          {imported.length > 0 ? (
            <section className="history-imported" aria-labelledby="history-imported-title">
              <h3 id="history-imported-title">{t('imported.title')}</h3>
              <p className="history-empty">{t('imported.hint')}</p>
              <ul>
                {imported.map((v) => {
                  const at = Date.parse(v.createdAt);
                  return (
                    <li key={v.id}>
                      <div className="history-item-title">
                        <span>{v.name}</span>
                        <span className="history-pending">{t('imported.badge')}</span>
                      </div>
                      <div className="history-item-meta">
                        {v.author ? `${t('by', { name: v.author })} · ` : ''}
                        <time dateTime={v.createdAt} title={fullTime(at, i18n.language)}>
                          {relativeTime(at, now, i18n.language)}
                        </time>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : null}
        </section>
        <section
          className="history-preview"
          aria-label={preview ? t('previewOf', { name: title(preview.item) }) : t('previewTitle')}
        >
          {preview ? (
            <VersionPreview snapshot={preview.snapshot} />
          ) : (
            <p className="history-empty">{t('previewHint')}</p>
          )}
        </section>
      </div>
    </dialog>
  );
}
