// Static file serving for the built app (dist/). index.html and sw.js must never be cached
// (a stale one pins users to an old build); hashed assets under /assets/ are immutable.
// Unknown paths without a file extension fall back to index.html (client-side routing).
// Source maps (`*.map`: the full source and the build's paths) are 404 unless SERVE_SOURCE_MAPS
// is set; the build still writes them (vite.config.ts), for debugging from the server's disk.
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

async function fileAt(path: string): Promise<{ size: number; etag: string } | undefined> {
  try {
    const s = await stat(path);
    return s.isFile()
      ? { size: s.size, etag: `W/"${s.size.toString(36)}-${Math.floor(s.mtimeMs).toString(36)}"` }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Serves GET/HEAD from distDir. Returns false when the request is not for it. */
export interface StaticOptions {
  /** Serve `*.map` files; otherwise they are 404 like a missing file. */
  serveSourceMaps: boolean;
}

const notFound = (res: ServerResponse) =>
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  distDir: string,
  opts: StaticOptions = { serveSourceMaps: false },
): Promise<boolean> {
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
  if (!opts.serveSourceMaps && extname(rel).toLowerCase() === '.map') {
    notFound(res);
    return true;
  }
  const root = normalize(distDir + sep);
  let abs = join(root, rel);
  if (!abs.startsWith(root)) {
    res.writeHead(403).end();
    return true;
  }
  let file = await fileAt(abs);
  if (file === undefined) {
    // SPA fallback only for route-like paths; a missing /assets/x.js must stay a 404.
    if (extname(rel) !== '') {
      notFound(res);
      return true;
    }
    rel = 'index.html';
    abs = join(root, rel);
    file = await fileAt(abs);
    if (file === undefined) {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('App not built: run `npx vite build`');
      return true;
    }
  }
  const headers = {
    'cache-control': cacheControl(rel.split(sep).join('/')),
    etag: file.etag,
  };
  // no-cache means "revalidate": the ETag turns a reload into a 304 when nothing changed.
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers).end();
    return true;
  }
  res.writeHead(200, {
    ...headers,
    'content-type': TYPES[extname(rel).toLowerCase()] ?? 'application/octet-stream',
    'content-length': file.size,
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
