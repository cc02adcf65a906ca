/**
 * The Comments side panel: open or resolved threads, newest activity first, then the detached
 * ones (what they were pinned to is gone: listed, never lost); a new thread's composer when
 * one is being started (from the inspector, the grid or the canvas); "Go to" selects the pin
 * and brings it into view.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentThread } from '../../model/comments/types';
import type { MapSnapshot } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';
import { anchorLabel } from './anchorLabel';
import { anchorExists } from '../../model/comments/anchors';
import { isNewToMe } from '../../model/comments/status';
import { Composer } from './Composer';
import { Thread } from './Thread';
import { useComments, useNow } from './useComments';
import './comments.css';

export function CommentsPanel({ map }: { map: MapSnapshot }) {
  const { t } = useTranslation('comments');
  const session = useSession();
  const { api, snapshot, ui, state } = useComments();
  const seen = useStore(api.seen);
  const now = useNow();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const listRef = useRef<HTMLDivElement>(null);

  // A pin or a new thread asks for a thread: expand it and scroll to it.
  const focus = state.focus;
  useEffect(() => {
    if (!focus) return;
    setExpanded((prev) => new Set(prev).add(focus.threadId));
    requestAnimationFrame(() => {
      const el = listRef.current?.querySelector<HTMLElement>(
        `[data-thread="${CSS.escape(focus.threadId)}"]`,
      );
      el?.scrollIntoView({ block: 'nearest' });
      el?.querySelector<HTMLElement>('.comment-thread-toggle')?.focus();
    });
  }, [focus]);

  const { open, resolved } = useMemo(() => {
    const open: CommentThread[] = [];
    const resolved: CommentThread[] = [];
    for (const th of snapshot.threads) (th.resolved ? resolved : open).push(th);
    return { open, resolved };
  }, [snapshot.threads]);
  const shown = state.tab === 'open' ? open : resolved;
  const attached = shown.filter((th) => anchorExists(th.anchor, map));
  const detached = shown.filter((th) => !anchorExists(th.anchor, map));

  const goTo = (th: CommentThread) => {
    const a = th.anchor;
    if (a.kind === 'node') session.selection.selectNodes([a.id]);
    else if (a.kind === 'touchpoint') session.selection.selectTouchpoints([a.id]);
    ui.reveal(a);
  };
  const renderThread = (th: CommentThread, isDetached: boolean) => (
    <li key={th.id}>
      <Thread
        thread={th}
        label={anchorLabel(th.anchor, map, t)}
        api={api}
        isNew={isNewToMe(th, seen, api.isMine)}
        detached={isDetached}
        expanded={expanded.has(th.id)}
        now={now}
        onExpand={(on) =>
          setExpanded((prev) => {
            const next = new Set(prev);
            if (on) next.add(th.id);
            else next.delete(th.id);
            return next;
          })
        }
        onGoTo={() => goTo(th)}
      />
    </li>
  );

  return (
    <aside className="comments-panel" aria-label={t('panel.label')}>
      <div className="comments-panel-header">
        <h2>{t('panel.title')}</h2>
        <button type="button" onClick={ui.close} aria-label={t('panel.close')}>
          ×
        </button>
      </div>
      {!api.canComment ? <p className="comments-note">{t('panel.readOnly')}</p> : null}
      {state.draft && api.canComment ? (
        <section className="comments-draft" aria-label={t('draft.label')}>
          <h3>{t('draft.title', { anchor: anchorLabel(state.draft, map, t) })}</h3>
          <Composer
            label={t('draft.textLabel')}
            submitLabel={t('draft.submit')}
            autoFocus
            onSubmit={(text, mentions) => {
              const id = api.addThread(state.draft!, text, mentions);
              ui.cancelDraft();
              if (id) ui.openThread(id, false);
            }}
            onCancel={ui.cancelDraft}
          />
        </section>
      ) : null}
      <div className="comments-tabs" role="group" aria-label={t('panel.show')}>
        {(['open', 'resolved'] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            aria-pressed={state.tab === tab}
            className={state.tab === tab ? 'is-on' : undefined}
            onClick={() => ui.setTab(tab)}
          >
            {t(`panel.${tab}`)}{' '}
            <span className="comments-tab-count">{(tab === 'open' ? open : resolved).length}</span>
          </button>
        ))}
      </div>
      <div className="comments-list" ref={listRef}>
        {shown.length === 0 ? (
          <div className="comments-empty">
            <p>
              {snapshot.threads.length === 0
                ? t('panel.empty')
                : state.tab === 'open'
                  ? t('panel.noneOpen')
                  : t('panel.noneResolved')}
            </p>
            {snapshot.threads.length === 0 && api.canComment && !state.draft ? (
              <p className="comments-empty-hint">{t('panel.emptyHint')}</p>
            ) : null}
          </div>
        ) : null}
        {attached.length ? (
          <ul className="comments-threads" aria-label={t(`panel.${state.tab}List`)}>
            {attached.map((th) => renderThread(th, false))}
          </ul>
        ) : null}
        {detached.length ? (
          <section className="comments-detached" aria-labelledby="comments-detached-title">
            <h3 id="comments-detached-title">{t('panel.detached')}</h3>
            <p className="comments-detached-hint">{t('panel.detachedHint')}</p>
            <ul className="comments-threads">{detached.map((th) => renderThread(th, true))}</ul>
          </section>
        ) : null}
      </div>
    </aside>
  );
}
