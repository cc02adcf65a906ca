/**
 * One thread of the Comments panel: what it is pinned to (Go to), its comments (author, when,
 * edited), my comments' Edit and Delete, Resolve or Reopen, and a reply box. Collapsed it
 * shows the first comment; expanding it marks it read (markSeen), and so does new activity
 * while it is open.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment, CommentThread } from '../../model/comments/types';
import type { CommentsApi } from '../../model/session-api';
import { CommentText } from './CommentText';
import { Composer } from './Composer';
import { fullTime, relativeTime } from './relativeTime';

interface Props {
  readonly thread: CommentThread;
  readonly label: string;
  readonly api: CommentsApi;
  readonly isNew: boolean;
  readonly detached: boolean;
  readonly expanded: boolean;
  readonly now: number;
  onExpand(expanded: boolean): void;
  onGoTo(): void;
}

export function Thread({
  thread,
  label,
  api,
  isNew,
  detached,
  expanded,
  now,
  onExpand,
  onGoTo,
}: Props) {
  const { t, i18n } = useTranslation('comments');
  const bodyId = useId();
  const first = thread.comments[0];
  const replies = thread.comments.length - 1;
  const { markSeen } = api;

  // Read while open: opening it, and whatever arrives while it stays open.
  useEffect(() => {
    if (expanded) markSeen(thread.id);
  }, [expanded, thread.id, thread.lastActivityAt, markSeen]);

  if (!first) return null;
  const lang = i18n.language;
  return (
    <article
      className={`comment-thread${expanded ? ' is-expanded' : ''}${thread.resolved ? ' is-resolved' : ''}`}
      aria-label={t('thread.label', { anchor: label })}
      data-thread={thread.id}
    >
      <h3 className="comment-thread-head">
        <button
          type="button"
          className="comment-thread-toggle"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => onExpand(!expanded)}
        >
          <span className="comment-thread-anchor">{label}</span>
          {isNew ? <span className="comment-new">{t('thread.new')}</span> : null}
          {!expanded ? (
            <span className="comment-thread-summary">
              <span className="comment-author">{first.authorName || t('anonymous')}</span>
              {': '}
              {first.text.length > 90 ? `${first.text.slice(0, 89)}…` : first.text}
              {replies > 0 ? (
                <span className="comment-thread-count">
                  {' '}
                  · {t('thread.replies', { count: replies })}
                </span>
              ) : null}
            </span>
          ) : null}
        </button>
      </h3>
      {expanded ? (
        <div id={bodyId} className="comment-thread-body">
          <ol className="comment-list">
            {thread.comments.map((c) => (
              <CommentItem key={c.id} comment={c} api={api} now={now} lang={lang} />
            ))}
          </ol>
          {thread.resolved && thread.resolvedBy ? (
            <p className="comment-resolved-note">
              {t('thread.resolvedBy', {
                name: thread.resolvedBy,
                when: thread.resolvedAt ? relativeTime(thread.resolvedAt, now, lang) : '',
              })}
            </p>
          ) : null}
          <div className="comment-thread-actions">
            {detached ? null : (
              <button type="button" onClick={onGoTo}>
                {t('thread.goTo')}
              </button>
            )}
            {api.canComment ? (
              <button type="button" onClick={() => api.setResolved(thread.id, !thread.resolved)}>
                {thread.resolved ? t('thread.reopen') : t('thread.resolve')}
              </button>
            ) : null}
          </div>
          {api.canComment && !thread.resolved ? (
            <Composer
              label={t('thread.replyLabel')}
              submitLabel={t('thread.reply')}
              onSubmit={(text, mentions) => api.reply(thread.id, text, mentions)}
            />
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function CommentItem({
  comment: c,
  api,
  now,
  lang,
}: {
  comment: Comment;
  api: CommentsApi;
  now: number;
  lang: string;
}) {
  const { t } = useTranslation('comments');
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const mine = api.canComment && api.isMine(c.authorId);
  const author = c.authorName || t('anonymous');
  return (
    <li className={`comment${mine ? ' is-mine' : ''}`}>
      <div className="comment-meta">
        <span className="comment-author">{author}</span>
        {mine ? <span className="comment-you">{t('you')}</span> : null}
        <time dateTime={new Date(c.createdAt).toISOString()} title={fullTime(c.createdAt, lang)}>
          {relativeTime(c.createdAt, now, lang)}
        </time>
        {c.editedAt ? (
          <span className="comment-edited" title={fullTime(c.editedAt, lang)}>
            {t('comment.edited')}
          </span>
        ) : null}
      </div>
      {editing ? (
        <Composer
          label={t('comment.editLabel')}
          submitLabel={t('comment.save')}
          initial={c.text}
          autoFocus
          onSubmit={(text, mentions) => {
            api.edit(c.id, text, mentions);
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      ) : (
        <CommentText text={c.text} mentions={c.mentions} myId={api.myId} />
      )}
      {mine && !editing ? (
        <div className="comment-own-actions">
          {confirming ? (
            <>
              <span>{t('comment.confirmDelete')}</span>
              <button type="button" className="danger" onClick={() => api.remove(c.id)}>
                {t('comment.delete')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <>
              <button
                ref={editButton}
                type="button"
                aria-label={t('comment.editName')}
                onClick={() => setEditing(true)}
              >
                {t('comment.edit')}
              </button>
              <button
                type="button"
                aria-label={t('comment.deleteName')}
                onClick={() => setConfirming(true)}
              >
                {t('comment.delete')}
              </button>
            </>
          )}
        </div>
      ) : null}
    </li>
  );
}
