// The fan-out's message on the bus: varstring sender instance id, varuint kind
// (0 update, 1 awareness, 2 heartbeat, 3 query, 4 deleted, 5 revoked), varuint8array payload (lib0 encoding). Binary, so a
// Yjs update crosses Redis as is.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { FanoutKind } from './types';

export type WireKind = FanoutKind | 'heartbeat';
const KINDS: readonly WireKind[] = [
  'update',
  'awareness',
  'heartbeat',
  'query',
  'deleted',
  'revoked',
];

export interface WireMessage {
  from: string;
  kind: WireKind;
  payload: Uint8Array;
}

export function encodeWire(from: string, kind: WireKind, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, from);
  encoding.writeVarUint(e, KINDS.indexOf(kind));
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Strict decode; throws on anything else. */
export function decodeWire(data: Uint8Array): WireMessage {
  const d = decoding.createDecoder(data);
  const from = decoding.readVarString(d);
  const kind = KINDS[decoding.readVarUint(d)];
  const payload = decoding.readVarUint8Array(d);
  if (kind === undefined) throw new Error('unknown fan-out message kind');
  if (decoding.hasContent(d)) throw new Error('trailing bytes after fan-out message');
  return { from, kind, payload };
}
