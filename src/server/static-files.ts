/**
 * Serves the built PWA. The shell files (index.html, sw.js) must always be
 * revalidated, or a phone keeps an old app and its old service worker;
 * hashed files under /assets/ never change and are cached for a year.
 *
 * Navigations to app routes (`/activiteiten/123`) get index.html so the app
 * can route them — but **never** anything under /api/: an API typo must be a
 * JSON 404, not an HTML page the sync engine tries to parse
 * (DESIGN.md "Hard-won lessons").
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

export function staticFiles(staticDir: string): MiddlewareHandler {
  const root = path.resolve(staticDir);
  return async (c, next) => {
    // HEAD gets the same headers as GET; Node drops the body of a HEAD answer.
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || isApiPath(c.req.path)) return next();
    const file = await findFile(root, c.req.path);
    if (file) return send(c, file, c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    if (acceptsHtml(c.req.header('accept'))) {
      const index = await findFile(root, '/index.html');
      if (index) return send(c, index, 'no-cache');
    }
    return next();
  };
}

export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

/** The file a URL path names inside `root`, or null; never a path outside it. */
async function findFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const file = path.resolve(root, `.${relative}`);
  if (!file.startsWith(root + path.sep)) return null;
  try {
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}

async function send(c: Context, file: string, cacheControl: string): Promise<Response> {
  const body = await readFile(file);
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': cacheControl });
}

function acceptsHtml(accept: string | undefined): boolean {
  return accept?.includes('text/html') === true;
}
