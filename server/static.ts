// Static file serving for the built app (dist/). index.html and sw.js must never be cached
// (a stale one pins users to an old build); hashed assets under /assets/ are immutable.
// Unknown paths without a file extension fall back to index.html (client-side routing).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

const NO_CACHE = new Set(['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest']);

export function cacheControl(relPath: string): string {
  const base = relPath.split('/').pop() ?? '';
  if (NO_CACHE.has(base) || base.endsWith('.html')) return 'no-cache';
  if (relPath.startsWith('assets/')) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

async function fileAt(path: string): Promise<number | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : undefined;
  } catch {
    return undefined;
  }
}

/** Serves GET/HEAD from distDir. Returns false when the request is not for it. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, distDir: string): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    res.writeHead(400).end();
    return true;
  }
  let rel = normalize(pathname).replace(/^[/\\]+/, '');
  if (rel === '' || rel.endsWith(sep)) rel += 'index.html';
  const root = normalize(distDir + sep);
  let abs = join(root, rel);
  if (!abs.startsWith(root)) {
    res.writeHead(403).end();
    return true;
  }
  let size = await fileAt(abs);
  if (size === undefined) {
    // SPA fallback only for route-like paths; a missing /assets/x.js must stay a 404.
    if (extname(rel) !== '') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return true;
    }
    rel = 'index.html';
    abs = join(root, rel);
    size = await fileAt(abs);
    if (size === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('App not built: run `npx vite build`');
      return true;
    }
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(rel).toLowerCase()] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': cacheControl(rel.split(sep).join('/')),
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(abs)
    .on('error', () => res.destroy())
    .pipe(res);
  return true;
}
