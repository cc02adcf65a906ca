// Small HTTP helpers: JSON responses, size-limited body reading, refused upgrades.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { checkJsonBudget, STRATEGY_MAP_BUDGET, type JsonBudget } from './json-budget';

export interface Issue {
  path: string;
  message: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: Issue[] = [],
    /** Seconds for a Retry-After header (a 503 the client may retry). */
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** The client closed the connection before its request body was complete (nothing to answer). */
export class ClientAbortedError extends Error {}

/**
 * Reads the whole body, or throws HttpError 413 past `maxBytes` (checked before buffering),
 * or ClientAbortedError when the client goes away mid-upload.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > maxBytes) throw new HttpError(413, `body: larger than ${maxBytes} bytes`);
  // With a Content-Length (which Node holds the body to), one buffer of that size is filled as
  // chunks arrive: no list of chunks and no concatenation. It has an ArrayBuffer of its own,
  // so it can move to a body worker without a copy (validate-pool.ts).
  const sized = Number.isInteger(declared) && declared > 0;
  const whole = sized ? Buffer.allocUnsafeSlow(declared) : undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      if (size + chunk.length > maxBytes || (whole && size + chunk.length > whole.length))
        throw new HttpError(413, `body: larger than ${maxBytes} bytes`);
      if (whole) chunk.copy(whole, size);
      else chunks.push(chunk);
      size += chunk.length;
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new ClientAbortedError(`body: the client closed the connection after ${size} bytes`);
  }
  // A client that half-closes mid-body ends the stream early without an error.
  if (!req.complete || (whole && size !== whole.length))
    throw new ClientAbortedError(`body: the client closed the connection after ${size} bytes`);
  return whole ?? Buffer.concat(chunks);
}

/**
 * Parses a JSON body; an empty body is `undefined`. The text is scanned against `budget`
 * first (json-budget.ts), so a hostile body is refused with 400 before JSON.parse or any
 * validation spends time on it.
 */
export function parseJsonBody(body: Uint8Array, budget: JsonBudget = STRATEGY_MAP_BUDGET): unknown {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8').trim();
  if (text === '') return undefined;
  const verdict = checkJsonBudget(text, budget);
  if (!verdict.ok) {
    const { path, message } = verdict.issue;
    throw new HttpError(400, `body: over the work budget: ${path}: ${message}`, [verdict.issue]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, 'body: invalid JSON', [{ path: '', message: (err as Error).message }]);
  }
}

export function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

/** Refuses a websocket upgrade with a bare HTTP response on the raw socket (no websocket yet). */
export function rejectUpgrade(
  socket: Duplex,
  status: number,
  text: string,
  headers: Record<string, string | number> = {},
): void {
  const extra = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\n${extra}Connection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}
