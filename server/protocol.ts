// The y-websocket wire protocol (what the stock `y-websocket` client speaks): every binary
// message starts with a varuint type (the constants are in src/model/protocol-messages.ts,
// shared with the client): 0 sync (y-protocols/sync: step1 state vector, step2 and update
// carrying a Yjs update), 1 awareness (an awareness update), 2 auth, 3 query-awareness.
// Decoding is strict: a message must be fully consumed, anything else throws ProtocolError.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import {
  MSG_AWARENESS,
  MSG_QUERY_AWARENESS,
  MSG_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from '../src/model/protocol-messages';

export class ProtocolError extends Error {}

export type Incoming =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-update'; step: 'step2' | 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

export function decodeMessage(data: Uint8Array): Incoming {
  const d = decoding.createDecoder(data);
  let msg: Incoming;
  try {
    const type = decoding.readVarUint(d);
    if (type === MSG_SYNC) {
      const step = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (step === SYNC_STEP1) msg = { type: 'sync-step1', stateVector: payload };
      else if (step === SYNC_STEP2 || step === SYNC_UPDATE) {
        msg = {
          type: 'sync-update',
          step: step === SYNC_STEP2 ? 'step2' : 'update',
          update: payload,
        };
      } else throw new ProtocolError(`unknown sync step ${step}`);
    } else if (type === MSG_AWARENESS) {
      msg = { type: 'awareness', update: decoding.readVarUint8Array(d) };
    } else if (type === MSG_QUERY_AWARENESS) {
      msg = { type: 'query-awareness' };
    } else throw new ProtocolError(`unknown message type ${type}`);
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(`truncated message: ${(err as Error).message}`);
  }
  if (decoding.hasContent(d)) throw new ProtocolError('trailing bytes after message');
  return msg;
}

const build = (fn: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  fn(e);
  return encoding.toUint8Array(e);
};

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array =>
  build((e) => {
    encoding.writeVarUint(e, MSG_SYNC);
    encoding.writeVarUint(e, SYNC_STEP1);
    encoding.writeVarUint8Array(e, stateVector);
  });

export const encodeSyncStep2 = (update: Uint8Array): Uint8Array =>
  build((e) => {
    encoding.writeVarUint(e, MSG_SYNC);
    encoding.writeVarUint(e, SYNC_STEP2);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeSyncUpdate = (update: Uint8Array): Uint8Array =>
  build((e) => {
    encoding.writeVarUint(e, MSG_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeAwareness = (update: Uint8Array): Uint8Array =>
  build((e) => {
    encoding.writeVarUint(e, MSG_AWARENESS);
    encoding.writeVarUint8Array(e, update);
  });
