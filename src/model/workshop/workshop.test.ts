import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { castVote, endRound, pauseTimer, setTimer, startRound, startTimer } from './commands';
import { votesMap, timerMap } from './doc';
import { createWorkshopStore, readWorkshop } from './read';
import { rankedItems } from './tally';
import { formatClock, isTimeUp, timerRemaining } from './timer';
import { itemKeyOf, voteKey } from './types';

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

describe('dot voting', () => {
  it('counts votes, sorts results and refuses a vote past the limit', () => {
    const doc = new Y.Doc();
    const round = startRound(doc, { target: 'touchpoints', votesPerPerson: 2 }, 1000);
    expect(castVote(doc, round, 'ann', 'tp-1', 1)).toBeNull();
    expect(castVote(doc, round, 'ann', 'tp-2', 1)).toBeNull();
    expect(castVote(doc, round, 'ann', 'tp-2', 1)).toBe('limit');
    expect(castVote(doc, round, 'bob', 'tp-2', 1)).toBeNull();
    const s = readWorkshop(doc);
    expect(rankedItems(s.tallies.get(round))).toEqual([
      { key: 'tp-2', dots: 2 },
      { key: 'tp-1', dots: 1 },
    ]);
    expect(s.tallies.get(round)!.byVoter.get('ann')).toBe(2);
    // Taking one back frees a dot.
    expect(castVote(doc, round, 'ann', 'tp-1', -1)).toBeNull();
    expect(castVote(doc, round, 'ann', 'tp-1', -1)).toBe('none');
    expect(castVote(doc, round, 'ann', 'tp-3', 1)).toBeNull();
  });

  it('counts at most N per voter when a peer doc holds more', () => {
    const doc = new Y.Doc();
    const round = startRound(doc, { target: 'painPoints', votesPerPerson: 3 }, 1000);
    votesMap(doc).set(voteKey(round, 'eve', itemKeyOf('tp-1', 0)), 50);
    votesMap(doc).set(voteKey(round, 'eve', itemKeyOf('tp-2', 1)), 2);
    votesMap(doc).set(voteKey(round, 'eve', 'bad/key'), 2);
    votesMap(doc).set(voteKey(round, 'bob', 'tp-2#1'), 'lots');
    const t = readWorkshop(doc).tallies.get(round)!;
    expect(t.byVoter.get('eve')).toBe(3);
    expect(t.byItem.get('tp-1#0')).toBe(3);
    expect(t.byItem.get('tp-2#1')).toBeUndefined();
    expect(castVote(doc, round, 'eve', 'tp-3', 1)).toBe('limit');
    // The 2 stored on tp-2#1 count as none (the limit was used): nothing to take back there.
    expect(castVote(doc, round, 'eve', itemKeyOf('tp-2', 1), -1)).toBe('none');
    // A take-back goes from the 3 counted, not from the 50 stored: the panel shows 2.
    expect(castVote(doc, round, 'eve', itemKeyOf('tp-1', 0), -1)).toBeNull();
    expect(readWorkshop(doc).tallies.get(round)!.byItem.get('tp-1#0')).toBe(2);
  });

  it('ends a round whose end a peer wrote as garbage (read as open)', () => {
    for (const garbage of [Number.NaN, null, 'later', { at: 1 }]) {
      const doc = new Y.Doc();
      const round = startRound(doc, { target: 'touchpoints', votesPerPerson: 3 }, 1000);
      (doc.getMap('workshop.rounds').get(round) as Y.Map<unknown>).set('endedAt', garbage);
      expect(readWorkshop(doc).active?.id, String(garbage)).toBe(round);
      endRound(doc, round, 2000);
      expect(readWorkshop(doc).active).toBeNull();
      expect(castVote(doc, round, 'ann', 'tp-1', 1)).toBe('ended');
    }
  });

  it('two people voting at once both keep their votes; an ended round takes none', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const round = startRound(a, { target: 'touchpoints', votesPerPerson: 3 }, 1000);
    sync(a, b);
    castVote(a, round, 'ann', 'tp-1', 1);
    castVote(b, round, 'bob', 'tp-1', 1);
    sync(a, b);
    expect(readWorkshop(a).tallies.get(round)!.byItem.get('tp-1')).toBe(2);
    expect(readWorkshop(b).tallies).toEqual(readWorkshop(a).tallies);
    endRound(a, round, 2000);
    expect(castVote(a, round, 'ann', 'tp-2', 1)).toBe('ended');
    expect(readWorkshop(a).active).toBeNull();
  });

  it('a new round ends the open one', () => {
    const doc = new Y.Doc();
    const first = startRound(doc, { target: 'touchpoints', votesPerPerson: 3 }, 1000);
    const second = startRound(doc, { target: 'opportunities', votesPerPerson: 99 }, 2000);
    const s = readWorkshop(doc);
    expect(s.active?.id).toBe(second);
    expect(s.active?.votesPerPerson).toBe(20);
    expect(s.rounds.find((r) => r.id === first)?.endedAt).toBe(2000);
  });
});

describe('timer', () => {
  it('counts down, pauses and clamps a skewed clock', () => {
    const doc = new Y.Doc();
    setTimer(doc, 60_000);
    startTimer(doc, 10_000);
    const t = readWorkshop(doc).timer;
    expect(timerRemaining(t, 25_000)).toBe(45_000);
    // A clock behind the starter's: never more than the duration.
    expect(timerRemaining(t, 0)).toBe(60_000);
    // Far ahead: finished, never negative.
    expect(timerRemaining(t, 1e9)).toBe(0);
    pauseTimer(doc, 40_000);
    expect(timerRemaining(readWorkshop(doc).timer, 1e9)).toBe(30_000);
    expect(formatClock(30_000)).toBe('0:30');
    expect(formatClock(3_600_000)).toBe('1:00:00');
  });

  it("a peer's start that arrives live counts from when it arrived here", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    let bClock = 500_000; // b's clock is far ahead of a's
    const store = createWorkshopStore(b, { clock: () => bClock });
    setTimer(a, 60_000);
    startTimer(a, 10_000);
    sync(a, b);
    const s = store.getSnapshot();
    expect(s.timerLocalStart).toBe(500_000);
    bClock += 15_000;
    expect(timerRemaining(s.timer, bClock, s.timerLocalStart)).toBe(45_000);
    // A late joiner has only the starter's time.
    const late = new Y.Doc();
    sync(a, late);
    expect(readWorkshop(late).timerLocalStart).toBe(10_000);
    store.dispose();
  });

  it('a start a peer wrote as text (read as a start) counts from when it arrived too', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const store = createWorkshopStore(b, { clock: () => 500_000 });
    setTimer(a, 60_000);
    timerMap(a).set('startedAt', '10000');
    sync(a, b);
    const s = store.getSnapshot();
    expect(s.timer.startedAt).toBe(10_000);
    expect(s.timerLocalStart).toBe(500_000);
    store.dispose();
  });

  it('is up only for a timer that ran out', () => {
    const doc = new Y.Doc();
    setTimer(doc, 60_000);
    const set = readWorkshop(doc).timer;
    expect(isTimeUp(set, timerRemaining(set, 1e9))).toBe(false); // set, never started
    startTimer(doc, 10_000);
    const running = readWorkshop(doc).timer;
    expect(isTimeUp(running, timerRemaining(running, 30_000))).toBe(false);
    expect(isTimeUp(running, timerRemaining(running, 70_000))).toBe(true);
    pauseTimer(doc, 80_000);
    const paused = readWorkshop(doc).timer;
    expect(isTimeUp(paused, timerRemaining(paused, 80_000))).toBe(true); // paused after the end
    setTimer(doc, 0);
    const zero = readWorkshop(doc).timer;
    expect(isTimeUp(zero, 0)).toBe(false);
  });

  it('a run already going at the first sync counts from its start, one started after it live', async () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    let bClock = 30_000;
    let synced!: () => void;
    const liveAfter = new Promise<void>((ok) => (synced = ok));
    const store = createWorkshopStore(b, { clock: () => bClock, liveAfter });
    setTimer(a, 60_000);
    startTimer(a, 10_000);
    sync(a, b); // the first sync brings the run Ada started 20 s ago
    synced();
    await liveAfter;
    expect(store.getSnapshot().timerLocalStart).toBe(10_000);
    expect(timerRemaining(store.getSnapshot().timer, bClock, 10_000)).toBe(40_000);
    // Paused and started again after the sync: live, counted from when it arrived here.
    pauseTimer(a, 40_000);
    startTimer(a, 41_000);
    bClock = 90_000;
    sync(a, b);
    expect(store.getSnapshot().timerLocalStart).toBe(90_000);
    store.dispose();
  });

  it('restores garbage in the timer', () => {
    const doc = new Y.Doc();
    timerMap(doc).set('durationMs', 'x');
    timerMap(doc).set('elapsedMs', 1e12);
    timerMap(doc).set('startedAt', -5);
    const t = readWorkshop(doc).timer;
    expect(t.durationMs).toBe(300_000);
    expect(t.elapsedMs).toBe(300_000);
    expect(t.startedAt).toBe(0);
  });
});
