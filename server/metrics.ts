// GET /metrics: the server's internals in the Prometheus text format (version 0.0.4), for
// `Authorization: Bearer <METRICS_TOKEN>` only; without METRICS_TOKEN the endpoint does not
// exist (404), so nothing about the process is public. /healthz says `ok` and nothing else.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerCounters } from './counters';
import { bearer, sendJson } from './http-util';

export interface MetricsSource {
  startedAt: number;
  rooms(): number;
  websockets(): number;
  httpConnections(): number;
  /** Request bodies waiting for a validation thread, and the threads running. */
  bodyQueue(): number;
  bodyThreads(): number;
  /** The event counters (counters.ts), each family rendered as it is. */
  counters: ServerCounters;
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

type Sample = [labels: string, value: number];

function family(name: string, type: 'gauge' | 'counter', help: string, samples: Sample[]) {
  return [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} ${type}`,
    ...samples.map(([labels, v]) => `${name}${labels} ${v}`),
  ].join('\n');
}

/** The metrics text, one family per measure. */
export function renderMetrics(src: MetricsSource, now = Date.now()): string {
  const mem = process.memoryUsage();
  return (
    [
      family('itinera_uptime_seconds', 'gauge', 'Seconds since the server started.', [
        ['', Math.round((now - src.startedAt) / 1000)],
      ]),
      family('itinera_rooms', 'gauge', 'Rooms (documents) loaded in memory.', [['', src.rooms()]]),
      family('itinera_websockets', 'gauge', 'Open sync websockets.', [['', src.websockets()]]),
      family(
        'itinera_http_connections',
        'gauge',
        'Open plain HTTP connections counted by the per-address cap.',
        [['', src.httpConnections()]],
      ),
      family('itinera_body_queue', 'gauge', 'Request bodies waiting for a validation thread.', [
        ['', src.bodyQueue()],
      ]),
      family('itinera_body_threads', 'gauge', 'Body validation threads running (busy or idle).', [
        ['', src.bodyThreads()],
      ]),
      ...src.counters.all.map((c) => family(c.name, 'counter', c.help, c.samples())),
      family('process_resident_memory_bytes', 'gauge', 'Resident set size of the process.', [
        ['', mem.rss],
      ]),
      family('nodejs_heap_used_bytes', 'gauge', 'V8 heap in use.', [['', mem.heapUsed]]),
    ].join('\n') + '\n'
  );
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Answers GET /metrics: 404 when off, 401 without the token, else the text. */
export function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  token: string | undefined,
  src: MetricsSource,
): void {
  if (token === undefined) {
    sendJson(res, 404, { error: 'not found', issues: [] });
    return;
  }
  if (!sameToken(bearer(req), token)) {
    res.setHeader('www-authenticate', 'Bearer');
    sendJson(res, 401, { error: 'authorization: the metrics token is required', issues: [] });
    return;
  }
  const text = renderMetrics(src);
  res.writeHead(200, {
    'content-type': METRICS_CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}
