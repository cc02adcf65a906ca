/**
 * Comments on strategy items: each goal, KPI, training session, channel plan, company score,
 * the cost model and the go-live gets a pin. Without open threads it starts one ("Comment on
 * goal “Fewer calls”"); with some it shows their count and opens the newest in the Comments
 * panel, like the canvas and grid pins. A view link (canComment false) sees only the pins that
 * have threads. Each pin subscribes to the comments itself, so the strategy panel never
 * re-renders for a comment. The pins sit outside the strategy's disabled fieldsets (see
 * strategy/Fields.tsx): a reviewer may comment on a map whose fields are read-only.
 * Never printed (the strategy print view has no pins) nor in a picture unless asked for
 * (data-export-comments, export/options.ts).
 *
 * "Go to" from the panel (a strategy anchor) opens the strategy panel (Editor) and
 * `useStrategyReveal` scrolls to the item's pin and focuses it.
 */
import { memo, useEffect, useMemo, useSyncExternalStore, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentAnchor, StrategyAnchorSection } from '../../model/comments/types';
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';
import { commentsUiFor, type CommentsUi } from './commentsUi';
import { anchorKey, threadIndex } from './threads';
import './comments.css';

const clip = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export const StrategyCommentPin = memo(function StrategyCommentPin({
  section,
  id,
  name = '',
}: {
  section: StrategyAnchorSection;
  /** The record's id; '' for a one-record section (costModel, goLive). */
  id: string;
  /** The item's name as the panel shows it (a goal's title…), for the accessible name. */
  name?: string;
}) {
  const { t } = useTranslation('comments');
  const session = useSession();
  const snapshot = useStore(session.comments.snapshot);
  const anchor = useMemo<CommentAnchor>(() => ({ kind: 'strategy', section, id }), [section, id]);
  const key = anchorKey(anchor);
  const threads = threadIndex(snapshot).openByAnchor.get(key) ?? [];
  const canComment = session.comments.canComment;
  const quoted = t('anchor.quoted', { text: clip(name.trim()) || '…' });
  const item = t(`strategyPin.${section}`, { name: quoted });
  // The count is the pin's visible text, so it is in its name (WCAG 2.5.3, not in brackets).
  const label = !threads.length
    ? item
    : canComment
      ? t('strategyPin.open', { label: item, count: threads.length })
      : t('strategyPin.show', {
          count: threads.length,
          anchor: `${t('anchor.strategy', { section: t(`anchor.section.${section}`) })}${
            name.trim() ? ` ${quoted}` : ''
          }`,
        });
  return (
    <span className="strategy-pin" data-comment-item={key}>
      {canComment || threads.length ? (
        <button
          type="button"
          className={`strategy-pin-button${threads.length ? ' has-threads' : ''}`}
          data-comment-pin={key}
          data-export-ignore=""
          data-export-comments=""
          aria-label={label}
          title={label}
          onClick={() => {
            const ui = commentsUiFor(session);
            if (threads.length) ui.openThread(threads[0]!.id, false);
            else ui.startThread(anchor);
          }}
        >
          <svg width="13" height="13" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path
              d="M2.5 3h11v7.5h-6l-3 2.5v-2.5h-2z"
              fill={threads.length ? 'currentColor' : 'none'}
              stroke="currentColor"
              strokeWidth="1.5"
            />
          </svg>
          {threads.length ? <span aria-hidden="true">{threads.length}</span> : null}
        </button>
      ) : null}
    </span>
  );
});

/** The reveal requests the strategy panel has handled (by seq), per comments UI. */
const handled = new WeakMap<CommentsUi, number>();

/**
 * "Go to" a strategy item: scrolls the panel to its pin and focuses it. A request made while
 * the panel was closed (the Editor opens it for this) is handled when the panel mounts;
 * each request once, so reopening the panel later does not jump again.
 */
export function useStrategyReveal(root: RefObject<HTMLElement | null>): void {
  const ui = commentsUiFor(useSession());
  const read = () => ui.get().reveal;
  const reveal = useSyncExternalStore(ui.subscribe, read, read);
  useEffect(() => {
    if (!reveal || reveal.anchor.kind !== 'strategy' || !root.current) return;
    if (handled.get(ui) === reveal.seq) return;
    handled.set(ui, reveal.seq);
    const key = CSS.escape(anchorKey(reveal.anchor));
    const slot = root.current.querySelector<HTMLElement>(`[data-comment-item="${key}"]`);
    if (!slot) return;
    slot.scrollIntoView({ block: 'center' });
    slot.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  }, [reveal, root, ui]);
}
