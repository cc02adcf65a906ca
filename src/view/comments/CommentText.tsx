/** A comment's text: plain text (React text nodes, never HTML), mentions highlighted. */
import type { CommentMention } from '../../model/comments/types';
import { splitMentions } from '../../model/comments/mentions';

export function CommentText({
  text,
  mentions,
  myId,
}: {
  text: string;
  mentions: readonly CommentMention[];
  myId: string;
}) {
  return (
    <p className="comment-text">
      {splitMentions(text, mentions).map((s, i) =>
        s.kind === 'text' ? (
          s.text
        ) : (
          <mark key={i} className={`comment-mention${s.personId === myId ? ' is-me' : ''}`}>
            {s.text}
          </mark>
        ),
      )}
    </p>
  );
}
