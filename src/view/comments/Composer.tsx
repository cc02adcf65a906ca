/**
 * Writing a comment: a plain-text area; "@" opens a listbox of the people who have been in the
 * map (and those here now), arrow keys and Enter (or a click) pick one and insert "@Name ".
 * Ctrl+Enter sends. The mentions sent are the names found in the text (findMentions).
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentMention } from '../../model/comments/types';
import { useSession } from '../canvas/SessionContext';
import { usePeers } from '../hooks/usePeers';
import { useStore } from '../hooks/useStore';
import { COMMENT_LIMITS } from '../../model/records/comment';
import { findMentions } from '../../model/comments/mentions';
import { insertMention, matchPeople, mentionQueryAt, type MentionQuery } from './mentionText';

interface Mentionable {
  /** A person id of the comments' people; '' for someone here now who has not written yet. */
  readonly id: string;
  readonly name: string;
  readonly color: string;
}

/** The people of the comments document and the peers here now (by name), without me. */
function useMentionable(): readonly Mentionable[] {
  const session = useSession();
  const { people } = useStore(session.comments.snapshot);
  const peers = usePeers(session);
  const isMine = session.comments.isMine;
  return useMemo(() => {
    // Without me: my id, and the one this browser wrote under before (its record stays).
    const out: Mentionable[] = people.filter((p) => !isMine(p.id) && p.name.trim());
    const names = new Set(out.map((p) => p.name));
    for (const p of peers)
      if (p.name.trim() && !names.has(p.name)) {
        names.add(p.name);
        out.push({ id: '', name: p.name, color: p.color });
      }
    return out;
  }, [people, peers, isMine]);
}

export interface ComposerProps {
  /** The text area's accessible name ("Reply", "Edit comment"). */
  readonly label: string;
  readonly submitLabel: string;
  readonly initial?: string;
  readonly autoFocus?: boolean;
  onSubmit(text: string, mentions: CommentMention[]): void;
  onCancel?(): void;
}

export function Composer({
  label,
  submitLabel,
  initial = '',
  autoFocus,
  onSubmit,
  onCancel,
}: ComposerProps) {
  const { t } = useTranslation('comments');
  const session = useSession();
  const people = useMentionable();
  const [text, setText] = useState(initial);
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const matches = query ? matchPeople(people, query.query) : [];
  const listOpen = matches.length > 0;
  const activeIndex = Math.min(active, matches.length - 1);

  const follow = (value: string, caret: number) => {
    const q = mentionQueryAt(value, caret);
    setQuery(q);
    if (q?.query !== query?.query) setActive(0);
  };
  const pick = (p: Mentionable) => {
    const el = area.current;
    if (!el || !query) return;
    const r = insertMention(text, query, el.selectionStart, p.name);
    setText(r.text);
    setQuery(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(r.caret, r.caret);
    });
  };
  const submit = () => {
    const value = text.trim();
    if (!value) return;
    const known = session.comments.snapshot.getSnapshot().people;
    onSubmit(value, findMentions(value, known));
    setText('');
    setQuery(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (listOpen) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = matches.length;
        setActive((activeIndex + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        pick(matches[activeIndex]!);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setQuery(null);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    } else if (e.key === 'Escape' && onCancel) {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };

  return (
    <form
      className="comment-composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="comment-composer-field">
        <textarea
          ref={area}
          aria-label={label}
          value={text}
          rows={3}
          maxLength={COMMENT_LIMITS.text.chars}
          placeholder={t('composer.placeholder')}
          autoFocus={autoFocus}
          aria-autocomplete="list"
          aria-controls={listOpen ? listId : undefined}
          aria-activedescendant={listOpen ? `${listId}-${activeIndex}` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            follow(e.target.value, e.target.selectionStart);
          }}
          onSelect={(e) => follow(e.currentTarget.value, e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => setQuery(null)}
        />
        {listOpen ? (
          <ul
            className="comment-mentions"
            role="listbox"
            id={listId}
            aria-label={t('composer.people')}
          >
            {matches.map((p, i) => (
              <li
                key={`${p.id}|${p.name}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === activeIndex}
                className={i === activeIndex ? 'is-active' : undefined}
                // mousedown: pick before the text area loses the focus (and closes the list)
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(p);
                }}
              >
                <span
                  className="comment-person-dot"
                  style={{ background: p.color }}
                  aria-hidden="true"
                />
                {p.name}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="comment-composer-actions">
        <span className="comment-composer-hint">{t('composer.hint')}</span>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={!text.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
