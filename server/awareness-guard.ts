// Presence integrity: which entries of an incoming awareness update a connection may apply.
// An awareness update (y-protocols/awareness) is a varuint count, then per entry a varuint
// client id, a varuint clock and a JSON state as a varstring ("null" = that client left).
// A connection owns a client id when it was the first to announce it (for the life of the
// connection; the room frees its ids when it leaves); it may set or remove only the states of
// ids it owns, at most MAX_AWARENESS_IDS_PER_CONNECTION of them, each state at most
// MAX_AWARENESS_STATE_BYTES. Same rule for every role: a viewer is a person in the room too.
//
// Entries the room would ignore anyway (a clock not newer than the one it holds, the removal of
// an id nobody holds) are skipped without complaint: the stock client echoes every state it
// hears, others' included, and every departure. Anything
// else that breaks the rule is filtered out and reported; a malformed update throws
// ProtocolError before anything is applied. A stale state for an id nobody holds comes from a
// client that reconnected and missed that id's removal: the room sends it the removal, and the
// stock client answers by re-announcing itself with a newer clock (then a claim like any other).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import {
  MAX_AWARENESS_IDS_PER_CONNECTION,
  MAX_AWARENESS_STATE_BYTES,
} from '../src/model/protocol-messages';
import { ProtocolError } from './protocol';

export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  /** The state's JSON text as UTF-8 bytes, exactly as sent. */
  readonly json: Uint8Array;
  /** null: the client left. */
  readonly state: unknown;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict decode; throws ProtocolError on truncation, trailing bytes, bad UTF-8 or bad JSON. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const out: AwarenessEntry[] = [];
  try {
    const count = decoding.readVarUint(d);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const json = decoding.readVarUint8Array(d);
      out.push({ clientId, clock, json, state: JSON.parse(utf8.decode(json)) as unknown });
    }
  } catch (err) {
    throw new ProtocolError(`malformed awareness update: ${(err as Error).message}`);
  }
  if (decoding.hasContent(d)) throw new ProtocolError('trailing bytes after awareness update');
  return out;
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const x of entries) {
    encoding.writeVarUint(e, x.clientId);
    encoding.writeVarUint(e, x.clock);
    encoding.writeVarUint8Array(e, x.json);
  }
  return encoding.toUint8Array(e);
}

export type AwarenessViolation = 'not-owner' | 'too-many-ids' | 'too-large';

/** What the room knows, seen from one connection. */
export interface AwarenessView {
  /** The clock the room holds for a client id, if it ever saw it. */
  clockOf(clientId: number): number | undefined;
  /** Whether the room holds a (non-null) state for it. */
  hasState(clientId: number): boolean;
  /** Whether this connection owns it, another does (or it is the room's own), or nobody. */
  ownerOf(clientId: number): 'me' | 'other' | 'none';
  /** How many ids this connection owns. */
  readonly owned: number;
}

export interface Screened {
  /** Entries to apply, in order. */
  readonly accepted: AwarenessEntry[];
  /** Ids this connection claims by them (not owned before). */
  readonly claims: number[];
  /** Stale non-null states for ids nobody holds: the sender missed their removal. */
  readonly missedRemovals: number[];
  readonly violations: Partial<Record<AwarenessViolation, number>>;
}

/** Would y-protocols' applyAwarenessUpdate change anything for this entry? */
function isNews(view: AwarenessView, x: AwarenessEntry): boolean {
  const current = view.clockOf(x.clientId) ?? 0;
  return (
    current < x.clock || (current === x.clock && x.state === null && view.hasState(x.clientId))
  );
}

export function screenAwareness(entries: readonly AwarenessEntry[], view: AwarenessView): Screened {
  const accepted: AwarenessEntry[] = [];
  const claims: number[] = [];
  const missedRemovals: number[] = [];
  const violations: Partial<Record<AwarenessViolation, number>> = {};
  const violate = (v: AwarenessViolation) => (violations[v] = (violations[v] ?? 0) + 1);
  let owned = view.owned;
  for (const x of entries) {
    const owner = claims.includes(x.clientId) ? 'me' : view.ownerOf(x.clientId);
    if (!isNews(view, x)) {
      // A reconnecting client re-announcing an id the room removed while it was away: tell it
      // (it then bumps its clock and announces again). Capped like claims.
      if (
        owner === 'none' &&
        x.state !== null &&
        !view.hasState(x.clientId) &&
        missedRemovals.length < MAX_AWARENESS_IDS_PER_CONNECTION
      )
        missedRemovals.push(x.clientId);
      continue;
    }
    // The removal of an id nobody holds: the stock client echoing a departure the room has
    // already applied. Nothing to remove, nothing to report.
    if (owner === 'none' && x.state === null) continue;
    if (owner === 'other') {
      violate('not-owner');
      continue;
    }
    if (x.state !== null && x.json.length > MAX_AWARENESS_STATE_BYTES) {
      violate('too-large');
      continue;
    }
    if (owner === 'none') {
      if (owned >= MAX_AWARENESS_IDS_PER_CONNECTION) {
        violate('too-many-ids');
        continue;
      }
      owned++;
      claims.push(x.clientId);
    }
    accepted.push(x);
  }
  return { accepted, claims, missedRemovals, violations };
}
