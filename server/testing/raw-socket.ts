// A websocket client written on raw TCP, for tests of what the server does with a client that
// does not play by the rules: it never answers a close frame (the `ws` client answers at once,
// and stops sending), so it can go on writing after the server closed it. It answers pings
// (so the server's liveness check leaves it alone), masks what it sends as a client must, and
// records every frame the server sends, in order.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface Frame {
  opcode: number;
  payload: Buffer;
}

export interface RawSocket {
  readonly sock: Socket;
  /** Every frame received, pings and the close frame included. */
  readonly frames: Frame[];
  /** The binary frames received after the server's close frame (it should send none). */
  readonly afterClose: Frame[];
  /** The server's close frame: its code and reason. */
  readonly closeFrame: Promise<{ code: number; reason: string }>;
  /** The TCP connection is gone (the server destroyed it, as it never got an answer). */
  readonly ended: Promise<void>;
  /** Sends one masked binary frame. */
  send(payload: Uint8Array): void;
}

/** Upgrades `path` (e.g. `/sync/<id>?token=…`) on 127.0.0.1:`port`; resolves once it is open. */
export function openRawSocket(port: number, path: string): Promise<RawSocket> {
  const sock = connect(port, '127.0.0.1');
  sock.on('error', () => undefined);
  const frames: Frame[] = [];
  const afterClose: Frame[] = [];
  let closeSeen = false;
  let onClose!: (c: { code: number; reason: string }) => void;
  const closeFrame = new Promise<{ code: number; reason: string }>((ok) => (onClose = ok));
  const ended = new Promise<void>((ok) => sock.once('close', () => ok()));
  const write = (opcode: number, payload: Uint8Array) => {
    const mask = randomBytes(4);
    const n = payload.length;
    const head =
      n < 126
        ? Buffer.from([0x80 | opcode, 0x80 | n])
        : n < 65536
          ? Buffer.from([0x80 | opcode, 0x80 | 126, n >> 8, n & 0xff])
          : Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | 127]), bigEndian64(n)]);
    const body = Buffer.from(payload);
    for (let i = 0; i < body.length; i++) body[i]! ^= mask[i & 3]!;
    if (!sock.destroyed) sock.write(Buffer.concat([head, mask, body]));
  };
  let buf = Buffer.alloc(0);
  let upgraded = false;
  return new Promise((ok, fail) => {
    sock.once('close', () => fail(new Error('closed before the upgrade')));
    sock.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (!upgraded) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1');
        if (!head.startsWith('HTTP/1.1 101')) return fail(new Error(head.split('\r\n')[0]));
        upgraded = true;
        buf = buf.subarray(end + 4);
        ok({ sock, frames, afterClose, closeFrame, ended, send: (p) => write(0x2, p) });
      }
      for (;;) {
        const frame = readFrame(buf);
        if (!frame) return;
        buf = buf.subarray(frame.size);
        frames.push(frame);
        if (frame.opcode === 0x9)
          write(0xa, frame.payload); // pong
        else if (frame.opcode === 0x8) {
          closeSeen = true; // and never answered
          onClose({
            code: frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 1005,
            reason: frame.payload.subarray(2).toString(),
          });
        } else if (closeSeen) afterClose.push(frame);
      }
    });
    sock.write(
      `GET ${path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
}

function bigEndian64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

/** One unmasked server frame at the start of `buf`, or undefined while incomplete. */
function readFrame(buf: Buffer): (Frame & { size: number }) | undefined {
  if (buf.length < 2) return undefined;
  const opcode = buf[0]! & 0x0f;
  let len = buf[1]! & 0x7f;
  let at = 2;
  if (len === 126) {
    if (buf.length < 4) return undefined;
    len = buf.readUInt16BE(2);
    at = 4;
  } else if (len === 127) {
    if (buf.length < 10) return undefined;
    len = Number(buf.readBigUInt64BE(2));
    at = 10;
  }
  if (buf.length < at + len) return undefined;
  return { opcode, payload: Buffer.from(buf.subarray(at, at + len)), size: at + len };
}
