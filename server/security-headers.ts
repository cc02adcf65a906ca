// The browser defences every response carries (the app, index.html, the service worker, the
// API, errors): one definition, applied once per request in server.ts before any handler runs,
// so no path (static, API, 404, 405, 500, 429) can send a response without them.
// docs/operations.md, "Browser defences", explains each directive; keep the two in step.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** `frame-ancestors` when FRAME_ANCESTORS is unset: nobody may put the app in a frame. */
export const DEFAULT_FRAME_ANCESTORS = "'none'";

/**
 * One source of FRAME_ANCESTORS: `'self'`, or an http(s) origin, optionally with a `*.`
 * subdomain wildcard and a port (no path, no quotes, no `;` or `,` that could end the directive).
 */
const FRAME_SOURCE = /^(?:'self'|https?:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?)$/i;

/**
 * Parses FRAME_ANCESTORS: unset or empty → `'none'`; `'none'` alone; otherwise a space-separated
 * list of FRAME_SOURCE. Throws with the offending value (readConfig reports it at start-up).
 */
export function parseFrameAncestors(raw: string | undefined): string {
  const v = (raw ?? '').trim();
  if (v === '' || v === "'none'") return DEFAULT_FRAME_ANCESTORS;
  const sources = v.split(/\s+/);
  const bad = sources.find((s) => !FRAME_SOURCE.test(s));
  if (bad !== undefined) {
    throw new Error(
      `FRAME_ANCESTORS: expected 'none', 'self' or space-separated origins like https://intranet.example.org, got "${bad}"`,
    );
  }
  return sources.join(' ');
}

/** A Host header we may echo into connect-src: a hostname or [IPv6], with an optional port. */
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The Content-Security-Policy. No inline or eval'd script anywhere: the built index.html has no
 * inline script or style (Vite emits module scripts and stylesheet links). style-src is 'self'
 * without 'unsafe-inline': React's `style` props and html-to-image's copies are CSSOM writes,
 * which CSP does not govern, and the export's `<style>` lives inside an SVG drawn as an image,
 * a document of its own (e2e/csp.spec.ts proves the exports work). base-uri is 'self', not
 * 'none': html-to-image resolves a stylesheet's relative url()s with a `<base>` in a scratch
 * document, which 'none' blocks; 'self' still stops an injected `<base>` pointing elsewhere.
 * connect-src lists the websocket of the host the page came from explicitly (CSP 3 lets 'self'
 * match ws/wss, older engines do not).
 */
export function contentSecurityPolicy(host: string | undefined, frameAncestors: string): string {
  const sync = host !== undefined && HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self'${sync}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** Every security header of a response to `req` (names in lower case, as Node sends them). */
export function securityHeaders(
  req: Pick<IncomingMessage, 'headers'>,
  frameAncestors: string,
): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(req.headers.host, frameAncestors),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    // The legacy twin of frame-ancestors, for engines without CSP 2: only its two exact values.
    ...(frameAncestors === "'none'"
      ? { 'x-frame-options': 'DENY' }
      : frameAncestors === "'self'"
        ? { 'x-frame-options': 'SAMEORIGIN' }
        : {}),
  };
}

/** Sets the security headers on `res`; later writeHead() calls keep them (Node merges). */
export function applySecurityHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  frameAncestors: string,
): void {
  for (const [name, value] of Object.entries(securityHeaders(req, frameAncestors)))
    res.setHeader(name, value);
}
