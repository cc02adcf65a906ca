/** The header's Comments toggle: its name says how many threads are open and new to me. */
import { useTranslation } from 'react-i18next';
import { useStore } from '../hooks/useStore';
import { newToMe, openCount } from '../../model/comments/status';
import { useComments } from './useComments';
import './comments.css';

export const COMMENTS_PANEL_SHORTCUT = 'Shift+C';

export function CommentsButton() {
  const { t } = useTranslation('comments');
  const { api, snapshot, ui, state } = useComments();
  const seen = useStore(api.seen);
  const open = openCount(snapshot.threads);
  // New to me among the open ones (a resolved thread waits on its tab).
  const fresh = newToMe(
    snapshot.threads.filter((th) => !th.resolved),
    seen,
    api.isMine,
  ).length;
  const counts = [
    open ? t('button.open', { count: open }) : '',
    fresh ? t('button.new', { count: fresh }) : '',
  ].filter(Boolean);
  return (
    <button
      type="button"
      className={`comments-button${state.open ? ' is-on' : ''}`}
      aria-pressed={state.open}
      aria-label={[t('button.label'), ...counts].join(', ')}
      aria-keyshortcuts={COMMENTS_PANEL_SHORTCUT}
      title={t('button.hint', { shortcut: COMMENTS_PANEL_SHORTCUT })}
      onClick={ui.toggle}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path
          d="M2.5 3h11v7.5h-6l-3 2.5v-2.5h-2z"
          fill="none"
          stroke="currentColor"
          strokeLinejoin="round"
        />
      </svg>
      <span className="comments-button-label">{t('button.label')}</span>
      {/* A space: the visible text reads "Comments 3", the start of the name (WCAG 2.5.3). */}
      {open ? ' ' : null}
      {open ? (
        <span className={`comments-count${fresh ? ' has-new' : ''}`} aria-hidden="true">
          {open}
        </span>
      ) : null}
    </button>
  );
}
