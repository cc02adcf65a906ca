/** The canvas toolbar's "Add comment" mode: the next click on the empty canvas pins a comment. */
import { useTranslation } from 'react-i18next';
import { ADD_COMMENT_SHORTCUT } from './useCommentShortcuts';
import { useComments } from './useComments';

export function AddCommentButton() {
  const { t } = useTranslation('comments');
  const { api, ui, state } = useComments();
  if (!api.canComment) return null;
  return (
    <div className="toolbar-group">
      <button
        type="button"
        aria-pressed={state.placing}
        className={state.placing ? 'is-on' : undefined}
        aria-keyshortcuts={ADD_COMMENT_SHORTCUT}
        title={t('place.hint', { shortcut: ADD_COMMENT_SHORTCUT })}
        onClick={() => ui.setPlacing(!state.placing)}
      >
        {t('place.button')}
      </button>
      {state.placing ? (
        <span className="toolbar-note" role="status">
          {t('place.status')}
        </span>
      ) : null}
    </div>
  );
}
