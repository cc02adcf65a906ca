/**
 * Comments in the grid: a badge with the open threads of a card, lane item or cell (a click
 * opens the thread), and a cell's "Comment" button, shown on hover or focus. Each subscribes
 * to the comments itself, so the grid's memoized cells do not re-render when comments change.
 * Out of the Tab order like every control in a cell (the grid's roving focus reaches them);
 * never in a picture export (data-export-ignore).
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentAnchor } from '../../model/comments/types';
import type { LaneKey } from '../../model/grid';
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';
import { commentsUiFor } from './commentsUi';
import { anchorKey, threadIndex } from './threads';
import './comments.css';

export const CommentBadge = memo(function CommentBadge({ anchor }: { anchor: CommentAnchor }) {
  const { t } = useTranslation('comments');
  const session = useSession();
  const snapshot = useStore(session.comments.snapshot);
  const key = anchorKey(anchor);
  const threads = threadIndex(snapshot).openByAnchor.get(key);
  if (!threads?.length) return null;
  return (
    <button
      type="button"
      tabIndex={-1}
      className="comment-badge"
      data-comment-pin={key}
      data-export-ignore=""
      data-export-comments=""
      aria-label={t('badge.label', { count: threads.length })}
      onClick={(e) => {
        e.stopPropagation();
        commentsUiFor(session).openThread(threads[0]!.id, false);
      }}
    >
      <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M2.5 3h11v7.5h-6l-3 2.5v-2.5h-2z" fill="currentColor" />
      </svg>
      <span aria-hidden="true">{threads.length}</span>
    </button>
  );
});

/** A grid cell's comments: its badge and, for those who may comment, "Comment". */
export const CellComments = memo(function CellComments({
  stageId,
  laneKey,
}: {
  stageId: string;
  laneKey: LaneKey;
}) {
  const { t } = useTranslation('comments');
  const session = useSession();
  const anchor = useMemo<CommentAnchor>(
    () => ({ kind: 'cell', stageId, laneKey }),
    [stageId, laneKey],
  );
  return (
    <span className="grid-cell-comments" data-comment-cell={anchorKey(anchor)}>
      <CommentBadge anchor={anchor} />
      {session.comments.canComment ? (
        <button
          type="button"
          tabIndex={-1}
          className="grid-comment-add"
          data-export-ignore=""
          aria-label={t('add.cell')}
          title={t('add.cell')}
          onClick={(e) => {
            e.stopPropagation();
            commentsUiFor(session).startThread(anchor);
          }}
        >
          <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path
              d="M2.5 3h11v7.5h-6l-3 2.5v-2.5h-2z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
            />
          </svg>
        </button>
      ) : null}
    </span>
  );
});
