// The strategy panel's comment pins against its read-only fields, on the static HTML a browser
// gets: a reviewer (read-only map, may comment) finds every field and button disabled except
// the pins, one per strategy item; an editor finds everything enabled; a view link finds only
// the pins of items with threads. "Effectively disabled" is computed as the browser does: the
// control's own `disabled`, or a `disabled` fieldset around it (none of ours has a legend
// holding controls).
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { CommentThread, CommentsSnapshot } from '../../model/comments/types';
import { NO_COMMENTS } from '../../model/comments/none';
import type { CommentsApi, MapSessionApi } from '../../model/session-api';
import type { JourneyNode } from '../../model/types';
import { SessionContext } from '../canvas/SessionContext';
import { fakeSession, makeSnapshot, renderStatic } from '../testing/staticRender';
import { StrategyPanel } from './StrategyPanel';

const channel = {
  id: 'ch-phone',
  kind: 'channel',
  label: 'Phone',
  x: 0,
  y: 0,
  channelType: 'phone',
} as JourneyNode;
const map = makeSnapshot({
  nodes: [channel],
  strategy: {
    startingPoint: {
      self: { id: 'self', name: 'Us' },
      competitors: [{ id: 'comp-1', name: 'SkyJet' }],
    },
    goals: [{ id: 'goal-1', title: 'Fewer calls' }],
    kpis: [{ id: 'kpi-1', name: 'Abandonment', family: 'service' }],
    training: [{ id: 'tr-1', topic: 'Tone of voice', kind: 'behavioural' }],
    channelPlans: { 'ch-phone': { status: 'inUse' } },
  },
});

const thread: CommentThread = {
  id: 'th1',
  anchor: { kind: 'strategy', section: 'kpis', id: 'kpi-1' },
  authorId: 'rita',
  createdAt: 1,
  resolved: false,
  comments: [
    {
      id: 'c1',
      threadId: 'th1',
      authorId: 'rita',
      authorName: 'Rita',
      text: 'Realistic?',
      mentions: [],
      createdAt: 1,
    },
  ],
  lastActivityAt: 1,
};
const withThread: CommentsSnapshot = { threads: [thread], people: [], repairs: new Map() };

function render(readOnlyReason: MapSessionApi['readOnlyReason'], comments: Partial<CommentsApi>) {
  const session: MapSessionApi = {
    ...fakeSession(map),
    readOnlyReason,
    comments: {
      ...NO_COMMENTS,
      snapshot: { subscribe: () => () => {}, getSnapshot: () => withThread },
      ...comments,
    },
  };
  return renderStatic(
    createElement(
      SessionContext.Provider,
      { value: session },
      createElement(StrategyPanel, { snapshot: map, onClose: () => {} }),
    ),
    map,
  );
}

interface Control {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly disabled: boolean;
}

const VOID = new Set(['input', 'br', 'img', 'hr', 'meta', 'link', 'col', 'area', 'source', 'wbr']);

/** The controls inside `.strategy-body`, each with whether the browser would disable it. */
function bodyControls(html: string): Control[] {
  const start = html.indexOf('class="strategy-body"');
  expect(start).toBeGreaterThan(0);
  const out: Control[] = [];
  // The open elements, each with whether it is a disabled fieldset.
  const stack: { tag: string; disabling: boolean }[] = [];
  for (const m of html
    .slice(html.lastIndexOf('<', start))
    .matchAll(/<(\/?)([a-z0-9]+)\b([^>]*)>/g)) {
    const [, close, tag, rest] = m as unknown as [string, string, string, string];
    if (close) {
      stack.pop();
      if (stack.length === 0) break; // the end of .strategy-body
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rest.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) attrs[a[1]!] = a[2] ?? '';
    const own = 'disabled' in attrs;
    if (['input', 'select', 'textarea', 'button'].includes(tag))
      out.push({ tag, attrs, disabled: own || stack.some((e) => e.disabling) });
    if (!VOID.has(tag) && !rest.endsWith('/'))
      stack.push({ tag, disabling: tag === 'fieldset' && own });
  }
  return out;
}

const isPin = (c: Control) => c.attrs.class?.split(' ').includes('strategy-pin-button') ?? false;
const PINS = [
  'strategy:companyScores|self',
  'strategy:companyScores|comp-1',
  'strategy:goals|goal-1',
  'strategy:channelPlans|ch-phone',
  'strategy:costModel|',
  'strategy:kpis|kpi-1',
  'strategy:training|tr-1',
  'strategy:goLive|',
];

describe('StrategyPanel comment pins', () => {
  it('a reviewer: every field and button disabled, one usable pin per strategy item', () => {
    const controls = bodyControls(render('reviewToken', { canComment: true }));
    const fields = controls.filter((c) => !isPin(c));
    expect(fields.length).toBeGreaterThan(20);
    expect(fields.filter((c) => !c.disabled).map((c) => c.attrs['aria-label'] ?? c.tag)).toEqual(
      [],
    );
    const pins = controls.filter(isPin);
    expect(pins.map((c) => c.attrs['data-comment-pin']).sort()).toEqual([...PINS].sort());
    expect(pins.filter((c) => c.disabled)).toEqual([]);
    expect(pins.map((c) => c.attrs['aria-label'])).toEqual(
      expect.arrayContaining([
        'Comment on goal “Fewer calls”',
        'Comment on KPI “Abandonment”, 1 open thread',
        'Comment on the plan of channel “Phone”',
        'Comment on the scores of “SkyJet”',
        'Comment on the cost model',
        'Comment on the go-live',
      ]),
    );
  });

  it('an editor: fields and pins enabled', () => {
    const controls = bodyControls(render(null, { canComment: true }));
    expect(controls.filter((c) => c.disabled && c.tag !== 'input')).toEqual([]);
    // The go-live checklist's items derived from the steps are never ticked by hand.
    expect(controls.filter((c) => c.disabled).every((c) => c.attrs.type === 'checkbox')).toBe(true);
    expect(controls.filter(isPin)).toHaveLength(PINS.length);
  });

  it('a view link: disabled fields, only the pin of an item with threads', () => {
    const controls = bodyControls(render('viewToken', { canComment: false }));
    expect(controls.filter((c) => !isPin(c) && !c.disabled)).toEqual([]);
    const pins = controls.filter(isPin);
    expect(pins.map((c) => c.attrs['aria-label'])).toEqual([
      '1 open comment thread on Strategy: KPIs “Abandonment”',
    ]);
  });

  it('names the pins in Italian', () => {
    const session: MapSessionApi = {
      ...fakeSession(map),
      comments: { ...NO_COMMENTS, canComment: true },
    };
    const html = renderStatic(
      createElement(
        SessionContext.Provider,
        { value: session },
        createElement(StrategyPanel, { snapshot: map, onClose: () => {} }),
      ),
      map,
      'it',
    );
    expect(html).toContain('aria-label="Commenta l&#x27;obiettivo «Fewer calls»"');
    expect(html).toContain('aria-label="Commenta il modello dei costi"');
  });
});
