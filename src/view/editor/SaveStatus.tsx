import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NODES, MAX_TOUCHPOINTS } from '../../model/limits';
import type { SyncState } from '../../model/session-api';
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';

/** Failure codes of the local store (sync/local-doc.ts LocalErrorCode) with a message each. */
const SAVE_ERRORS: readonly string[] = ['quota', 'failed'];

/** The count a "This map is full" status names (nodes or touchpoints at most), formatted. */
function fullLimitMax(refusal: SyncState['refusal'], language: string): string | undefined {
  const max =
    refusal === 'full-nodes' ? MAX_NODES : refusal === 'full-touchpoints' ? MAX_TOUCHPOINTS : 0;
  return max ? new Intl.NumberFormat(language).format(max) : undefined;
}

/**
 * Saved locally / saving / offline / synced / refused, announced politely (role status). A
 * failed save says why in words people can act on (a full disk), never the raw error text. A
 * refused link says the link no longer works and that edits stay on this device, since
 * "Offline" would promise a sync that will never come; a revoked (or expired) link says so,
 * and so does a map the server refused an update of ("This map is full", with the limit).
 *
 * A long text (the refused link, a failed save) is cut with an ellipsis so the header never
 * grows past the window and the language picker stays in view; the whole text stays the
 * element's content (what screen readers announce), its title (hover), and a focused, cut
 * status shows it whole (keyboard).
 *
 * The review comments are saved in their own document: when only theirs fails (the map is
 * saved), the status says "Comments not saved" with the same reason; and when the server
 * stopped taking them because the comments doc is full (its socket closed with 4002, the
 * map's still syncing), "Comments not saved: the comments of this map are full". The map's
 * own refusal (a revoked link, a full map) is named first.
 */
export function SaveStatus() {
  const { t, i18n } = useTranslation(['editor', 'status']);
  const sync = useStore(useSession().sync);
  // The map's own failure first; else a failure of the comments' store (their own document)
  // is as red, named as the comments'.
  const commentsFull =
    sync.commentsRefusal !== undefined &&
    sync.commentsSaveError === undefined &&
    sync.connection !== 'refused';
  const commentsError =
    sync.save !== 'error' && (sync.commentsSaveError !== undefined || commentsFull);
  const key =
    sync.save === 'error' || commentsError
      ? 'error'
      : sync.connection === 'local'
        ? sync.save
        : sync.connection;
  // Offline with a known count says how many changes wait to be sent.
  const text =
    key === 'refused'
      ? t(sync.refusal ? `status:${sync.refusal}` : 'status:refused', {
          max: fullLimitMax(sync.refusal, i18n.language),
        })
      : commentsError
        ? t('status:commentsNotSaved')
        : key === 'offline' && sync.unconfirmed
          ? t('status:offlinePending', { count: sync.unconfirmed })
          : t(`editor:status.${key}`, { count: sync.unconfirmed ?? 0 });
  const failure = sync.save === 'error' ? (sync.saveError ?? '') : sync.commentsSaveError;
  const saveError =
    failure === undefined ? null : SAVE_ERRORS.includes(failure) ? failure : 'failed';
  const reason = saveError
    ? t(`status:saveError.${saveError}`)
    : commentsError && commentsFull
      ? t('status:commentsFull')
      : null;
  const full = reason ? `${text}: ${reason}` : text;
  const [textRef, cut] = useIsCut<HTMLSpanElement>(full);
  return (
    <div
      className={`save-status status-${key}`}
      role="status"
      aria-live="polite"
      title={full}
      // Focusable only when cut: keyboard users need a way to the hidden part; a whole text
      // needs no tab stop.
      tabIndex={cut ? 0 : undefined}
    >
      <span className="dot" aria-hidden="true" />
      <span className="save-status-text" ref={textRef}>
        {text}
        {reason ? <span className="status-error">: {reason}</span> : null}
      </span>
    </div>
  );
}

/** Whether the element's text is cut by its ellipsis now (re-measured when its box changes). */
function useIsCut<E extends HTMLElement>(text: string) {
  const ref = useRef<E>(null);
  const [cut, setCut] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setCut(el.scrollWidth > el.clientWidth);
    if (typeof ResizeObserver !== 'function') return void measure();
    // The observer's first callback (after layout, before paint) measures: reading the widths
    // here forced a layout of the whole page in the middle of the editor's first commit (a
    // 500-node canvas laid out twice on load).
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [text]);
  return [ref, cut] as const;
}
