import { createElement, type ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { Comment, CommentThread, CommentsSnapshot } from '../../model/comments/types';
import { NO_COMMENTS } from '../../model/comments/none';
import type { CommentsApi } from '../../model/session-api';
import type { JourneyNode, Touchpoint } from '../../model/types';
import { SessionContext } from '../canvas/SessionContext';
import { controls, fakeSession, makeSnapshot, renderStatic } from '../testing/staticRender';
import { CommentsButton } from './CommentsButton';
import { CommentsPanel } from './CommentsPanel';
import { commentsUiFor } from './commentsUi';
import { Thread } from './Thread';

const ME = 'me-1';
const stage: JourneyNode = { id: 's1', kind: 'stage', label: 'Check-in', x: 0, y: 0, order: 1 };
const channel: JourneyNode = {
  id: 'c1',
  kind: 'channel',
  label: 'App',
  x: 0,
  y: 200,
  channelType: 'app',
} as JourneyNode;
const tp: Touchpoint = {
  id: 't1',
  from: 's1',
  to: 'c1',
  action: 'Scans the boarding pass',
  painPoints: [],
  opportunities: [],
  kpiIds: [],
};
const map = makeSnapshot({ nodes: [stage, channel], touchpoints: [tp] });

function comment(
  id: string,
  threadId: string,
  authorId: string,
  text: string,
  at: number,
): Comment {
  return {
    id,
    threadId,
    authorId,
    authorName: authorId === ME ? 'Ada' : 'Rita',
    text,
    mentions: [],
    createdAt: at,
  };
}
function thread(
  id: string,
  anchor: CommentThread['anchor'],
  comments: Comment[],
  resolved = false,
): CommentThread {
  return {
    id,
    anchor,
    authorId: comments[0]!.authorId,
    createdAt: comments[0]!.createdAt,
    resolved,
    comments,
    lastActivityAt: Math.max(...comments.map((c) => c.createdAt)),
  };
}

const T0 = Date.UTC(2026, 0, 1);
const threads: CommentThread[] = [
  thread('th1', { kind: 'touchpoint', id: 't1' }, [
    comment('k1', 'th1', 'rita', 'Too slow <b>here</b> @Ada', T0),
  ]),
  thread('th2', { kind: 'node', id: 'gone' }, [comment('k2', 'th2', ME, 'Was this removed?', T0)]),
  thread('th3', { kind: 'node', id: 's1' }, [comment('k3', 'th3', 'rita', 'Fine now', T0)], true),
];
const snapshot: CommentsSnapshot = { threads, people: [], repairs: new Map() };

function commentsApi(over: Partial<CommentsApi> = {}): CommentsApi {
  return {
    ...NO_COMMENTS,
    snapshot: { subscribe: () => () => {}, getSnapshot: () => snapshot },
    myId: ME,
    isMine: (authorId) => authorId === ME,
    canComment: true,
    ...over,
  };
}

function render(element: ReactElement, comments: CommentsApi, prepare?: (s: object) => void) {
  const session = { ...fakeSession(map), comments };
  prepare?.(session);
  return renderStatic(createElement(SessionContext.Provider, { value: session }, element), map);
}

describe('CommentsButton', () => {
  it('says how many threads are open and new to me in its name', () => {
    const html = render(createElement(CommentsButton), commentsApi());
    // th1 (Rita's, never seen) is new; th2 is mine; th3 is resolved (not counted).
    expect(html).toContain('aria-label="Comments, 2 open, 1 new"');
  });
  it('counts nothing new once I have seen the thread', () => {
    const seen = new Map([['th1', T0 + 1]]);
    const html = render(
      createElement(CommentsButton),
      commentsApi({ seen: { subscribe: () => () => {}, getSnapshot: () => seen } }),
    );
    expect(html).toContain('aria-label="Comments, 2 open"');
  });
});

describe('CommentsPanel', () => {
  it('lists open threads, and a thread whose anchor is gone as detached', () => {
    const html = render(createElement(CommentsPanel, { map }), commentsApi());
    expect(html).toContain('aria-label="Thread on Touchpoint “Scans the boarding pass”"');
    expect(html).toMatch(/<h3 id="comments-detached-title">Detached<\/h3>/);
    expect(html).toContain('aria-label="Thread on A deleted node"');
    // Resolved threads are on the other tab.
    expect(html).not.toContain('Fine now');
    // The text is text: its HTML is escaped, never markup.
    expect(html).toContain('Too slow &lt;b&gt;here&lt;/b&gt; @Ada');
  });
  it('says there are no comments yet', () => {
    const empty = commentsApi({
      snapshot: {
        subscribe: () => () => {},
        getSnapshot: () => ({ threads: [], people: [], repairs: new Map() }),
      },
    });
    expect(render(createElement(CommentsPanel, { map }), empty)).toContain('No comments yet.');
  });
  it('shows a new thread composer, limited in length, to someone who may comment', () => {
    const start = (s: object) => commentsUiFor(s).startThread({ kind: 'node', id: 's1' });
    const html = render(createElement(CommentsPanel, { map }), commentsApi(), start);
    expect(html).toContain('New comment on Stage “Check-in”');
    const area = controls(html, ['textarea'])[0]!;
    expect(area.attrs['aria-label']).toBe('Comment text');
    expect(Number(area.attrs.maxlength)).toBeGreaterThan(0);
  });
  it('has no comment inputs for a view link, even with a composer asked for', () => {
    const start = (s: object) => commentsUiFor(s).startThread({ kind: 'node', id: 's1' });
    const html = render(
      createElement(CommentsPanel, { map }),
      commentsApi({ canComment: false }),
      start,
    );
    expect(controls(html, ['textarea', 'input'])).toEqual([]);
    expect(html).toContain('This link can read the comments, not write them.');
  });
  it('speaks Italian', () => {
    const session = { ...fakeSession(map), comments: commentsApi() };
    const html = renderStatic(
      createElement(
        SessionContext.Provider,
        { value: session },
        createElement(CommentsPanel, { map }),
      ),
      map,
      'it',
    );
    expect(html).toContain('Staccati');
    expect(html).toContain('Discussione su Punto di contatto');
  });
});

describe('Thread', () => {
  const props = (api: CommentsApi, t: CommentThread) => ({
    thread: t,
    label: 'Stage “Check-in”',
    api,
    isNew: false,
    detached: false,
    expanded: true,
    now: T0 + 5 * 60_000,
    onExpand() {},
    onGoTo() {},
  });
  const mixed = thread('th9', { kind: 'node', id: 's1' }, [
    comment('a', 'th9', 'rita', 'Hello @Ada', T0),
    { ...comment('b', 'th9', ME, 'Done', T0 + 60_000), editedAt: T0 + 120_000 },
  ]);
  const withMention: CommentThread = {
    ...mixed,
    comments: [
      { ...mixed.comments[0]!, mentions: [{ start: 6, length: 4, personId: ME }] },
      mixed.comments[1]!,
    ],
  };
  it('offers Edit and Delete on my comments only, and says which were edited', () => {
    const html = render(createElement(Thread, props(commentsApi(), withMention)), commentsApi());
    expect(html.match(/aria-label="Edit my comment"/g)).toHaveLength(1);
    expect(html.match(/aria-label="Delete my comment"/g)).toHaveLength(1);
    expect(html).toContain('>edited<');
    expect(html).toContain('5 minutes ago');
    expect(html).toContain('<mark class="comment-mention is-me">@Ada</mark>');
    expect(controls(html, ['textarea'])[0]!.attrs['aria-label']).toBe('Reply');
  });
  it('reads only, without Resolve, Edit or a reply box, when I may not comment', () => {
    const api = commentsApi({ canComment: false });
    const html = render(createElement(Thread, props(api, mixed)), api);
    expect(html).not.toContain('Edit my comment');
    expect(html).not.toContain('>Resolve<');
    expect(controls(html, ['textarea'])).toEqual([]);
    expect(html).toContain('>Go to<');
  });
});
