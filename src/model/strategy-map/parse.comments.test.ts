// The review comments of format version 3: what a file may hold, and each refusal naming
// its path.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStrategyMap } from './index';
import { issuesOf, type Doc } from './testing/parse-helpers';

const AIRLINE_V3 = readFileSync(new URL('./fixtures/airline.v3.json', import.meta.url), 'utf8');
const airline = (): Doc => JSON.parse(AIRLINE_V3) as Doc;

function refusedAt(mutate: (d: Doc) => void): string[] {
  const d = airline();
  mutate(d);
  return issuesOf(d).map((i) => `${i.path}: ${i.message}`);
}

describe('comments in the strategy-map format', () => {
  it('accepts the airline file with its comments, and fills defaults', () => {
    const d = airline();
    delete d.comments.threads[0].resolved;
    delete d.comments.people[0].seenAt;
    delete d.comments.threads[1].comments[0].mentions;
    const r = parseStrategyMap(d);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.comments?.threads[0]?.resolved).toBe(false);
    expect(r.value.comments?.people[0]?.seenAt).toBe(0);
    expect(r.value.comments?.threads[1]?.comments[0]?.mentions).toEqual([]);
  });

  it('accepts a detached thread: an anchor naming nothing in the map, or a node id ""', () => {
    const d = airline();
    d.comments.threads[0].anchor = { kind: 'node', id: 'deleted-long-ago' };
    d.comments.threads[1].anchor = { kind: 'node', id: '' };
    expect(parseStrategyMap(d).ok).toBe(true);
  });

  it('refuses duplicate ids, with the first one named', () => {
    expect(refusedAt((d) => (d.comments.threads[1].id = 'th-fees'))).toContain(
      'comments.threads[1].id: duplicate id "th-fees" (first at comments.threads[0])',
    );
    expect(refusedAt((d) => (d.comments.threads[2].comments[0].id = 'cm-1'))).toContain(
      'comments.threads[2].comments[0].id: duplicate id "cm-1" (first at comments.threads[0].comments[0])',
    );
    expect(refusedAt((d) => (d.comments.people[1].id = 'p-luca'))).toContain(
      'comments.people[1].id: duplicate id "p-luca" (first at comments.people[0])',
    );
  });

  it('refuses mentions that are not "@…" ranges of the text, in order', () => {
    const at = 'comments.threads[0].comments[0].mentions[0]';
    expect(refusedAt((d) => (d.comments.threads[0].comments[0].mentions[0].start = 41))).toContain(
      `${at}.start: does not start at an "@" of the text`,
    );
    expect(
      refusedAt((d) => (d.comments.threads[0].comments[0].mentions[0].length = 500)),
    ).toContain(`${at}: reaches past the end of the text`);
    expect(
      refusedAt((d) => {
        const c = d.comments.threads[0].comments[0];
        c.mentions.push({ ...c.mentions[0] });
      }),
    ).toContain(
      'comments.threads[0].comments[0].mentions[1].start: overlaps the mention before it',
    );
  });

  it('refuses unknown fields, a thread without comments, a bad anchor and a long text', () => {
    const issues = refusedAt((d) => {
      d.comments.threads[0].comments[0].html = '<b>x</b>';
      d.comments.threads[1].comments = [];
      d.comments.threads[2].anchor = { kind: 'cell', stageId: 'stage-search', laneKey: 'nope' };
      d.comments.threads[3].comments[0].text = 'x'.repeat(2001);
    }).map((i) => i.slice(0, i.indexOf(':')));
    expect(issues).toEqual(
      expect.arrayContaining([
        'comments.threads[0].comments[0]',
        'comments.threads[1].comments',
        'comments.threads[2].anchor.laneKey',
        'comments.threads[3].comments[0].text',
      ]),
    );
  });
});
