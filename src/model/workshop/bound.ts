/** The workshop bound to one map doc, for the session to hand to views (no Yjs types leak). */
import type * as Y from 'yjs';
import type { ExternalStore } from '../observable';
import * as c from './commands';
import { createWorkshopStore } from './read';
import type { VoteTarget, WorkshopSnapshot } from './types';

export interface WorkshopApi {
  readonly snapshot: ExternalStore<WorkshopSnapshot>;
  /** My voter id (the comments author id: random, stable per browser). */
  readonly voterId: string;
  /** False for a read-only map (a view or review link, a newer schema): no controls. */
  readonly canEdit: boolean;
  startRound(target: VoteTarget, votesPerPerson: number): string;
  endRound(roundId: string): void;
  deleteRound(roundId: string): void;
  /** +1 or −1 of my dots on an item; returns why it was refused, or null. */
  vote(roundId: string, itemKey: string, delta: 1 | -1): c.VoteRefusal | null;
  setTimer(durationMs: number): void;
  startTimer(): void;
  pauseTimer(): void;
  resetTimer(): void;
}

export interface WorkshopOptions {
  readonly voterId: string;
  readonly canEdit: () => boolean;
  readonly myName: () => string;
  readonly clock?: () => number;
  /** The first sync with the server (WorkshopStoreOptions.liveAfter). */
  readonly liveAfter?: Promise<unknown>;
}

export function bindWorkshop(doc: Y.Doc, opts: WorkshopOptions): WorkshopApi & { dispose(): void } {
  const clock = opts.clock ?? Date.now;
  const store = createWorkshopStore(doc, {
    clock,
    ...(opts.liveAfter ? { liveAfter: opts.liveAfter } : {}),
  });
  const guard =
    <A extends unknown[], R>(fn: (...a: A) => R, refused: R) =>
    (...a: A): R =>
      opts.canEdit() ? fn(...a) : refused;
  return {
    snapshot: { subscribe: store.subscribe, getSnapshot: store.getSnapshot },
    voterId: opts.voterId,
    get canEdit() {
      return opts.canEdit();
    },
    startRound: guard(
      (target: VoteTarget, n: number) =>
        c.startRound(doc, { target, votesPerPerson: n, startedBy: opts.myName() }, clock()),
      '',
    ),
    endRound: guard((id: string) => c.endRound(doc, id, clock()), undefined),
    deleteRound: guard((id: string) => c.deleteRound(doc, id), undefined),
    vote: guard(
      (roundId: string, itemKey: string, delta: 1 | -1) =>
        c.castVote(doc, roundId, opts.voterId, itemKey, delta),
      'ended' as c.VoteRefusal | null,
    ),
    setTimer: guard((ms: number) => c.setTimer(doc, ms), undefined),
    startTimer: guard(() => c.startTimer(doc, clock()), undefined),
    pauseTimer: guard(
      () => c.pauseTimer(doc, clock(), store.getSnapshot().timerLocalStart),
      undefined,
    ),
    resetTimer: guard(() => c.resetTimer(doc), undefined),
    dispose: store.dispose,
  };
}
