/** "Comment" on a selected node or touchpoint (the inspector), with its open threads. */
import { useTranslation } from 'react-i18next';
import type { CommentAnchor } from '../../model/comments/types';
import { anchorKey, threadIndex } from './threads';
import { useComments } from './useComments';

export function CommentOnButton({ anchor }: { anchor: CommentAnchor }) {
  const { t } = useTranslation('comments');
  const { api, snapshot, ui } = useComments();
  const threads = threadIndex(snapshot).openByAnchor.get(anchorKey(anchor)) ?? [];
  if (!api.canComment && threads.length === 0) return null;
  return (
    <div className="inspector-comments">
      {api.canComment ? (
        <button type="button" onClick={() => ui.startThread(anchor)}>
          {t('add.button')}
        </button>
      ) : null}
      {threads.length ? (
        <button type="button" className="link" onClick={() => ui.openThread(threads[0]!.id, false)}>
          {t('add.show', { count: threads.length })}
        </button>
      ) : null}
    </div>
  );
}
