/**
 * Compressed answers (issue 13, "a lean wire"): JSON and the app's text files
 * go out as brotli or gzip, whichever the request's `Accept-Encoding` prefers
 * (brotli on a tie: a pull page is ~25 % smaller than with gzip). What is
 * stored or held in memory does not change; only the bytes on the wire do.
 *
 * Not Hono's `compress` middleware: it knows gzip and deflate only, and it
 * streams, so the answer loses its `Content-Length`. Every answer compressed
 * here is already whole in memory (a pull page is at most MAX_PULL_LIMIT
 * records), so it is compressed in one go and keeps an exact `Content-Length`.
 *
 * Left alone: photos and other images (JPEG and WebP are compressed already),
 * the live event stream (`text/event-stream` must reach the phone as each
 * event is written), answers without a body (204, 304, HEAD), answers under
 * 1 KB, and anything with `Cache-Control: no-transform` or its own
 * `Content-Encoding`. A strong `ETag` becomes weak on a compressed answer
 * (the bytes differ from the identity answer's).
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/** Below this the headers cost more than compression saves. */
const THRESHOLD_BYTES = 1024;
/** JSON, JavaScript, CSS, HTML, SVG, the web manifest, plain text: not images, not the event stream. */
const COMPRESSIBLE = /^\s*(?:application\/(?:json|javascript|manifest\+json|xml)|text\/(?:html|css|javascript|plain|xml)|image\/svg\+xml)\s*(?:;|$)/i;
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/**
 * Brotli quality 5: within a few per cent of its best on JSON at a fraction
 * of the time (a 1,000-record pull page in a few ms); gzip at zlib's default 6.
 */
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const ENCODERS = {
  br: (bytes: Uint8Array) => brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } }),
  gzip: (bytes: Uint8Array) => gzipAsync(bytes),
} as const;
type Encoding = keyof typeof ENCODERS;

/**
 * Compressed bytes of immutable files (the app's hashed /assets/, whose name
 * changes with their content), kept per path and encoding: every new phone's
 * service worker fetches all of them at once, and compressing the same files
 * again for each would cost the server seconds of CPU per phone. Bounded; the
 * oldest entry goes first.
 */
const IMMUTABLE = /(?:^|,)\s*immutable\s*(?:,|$)/i;
const KEPT_BYTES_MAX = 32 * 1024 * 1024;
const kept = new Map<string, Uint8Array>();
let keptBytes = 0;

function keep(key: string, bytes: Uint8Array): void {
  kept.set(key, bytes);
  keptBytes += bytes.byteLength;
  for (const [oldest, value] of kept) {
    if (keptBytes <= KEPT_BYTES_MAX) break;
    kept.delete(oldest);
    keptBytes -= value.byteLength;
  }
}

export const compressAnswers: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  if (c.req.method === 'HEAD' || res.status < 200 || res.status === 204 || res.status === 206 || res.status === 304 || res.body === null) return;
  if (res.headers.has('Content-Encoding') || !COMPRESSIBLE.test(res.headers.get('Content-Type') ?? '')) return;
  if (NO_TRANSFORM.test(res.headers.get('Cache-Control') ?? '')) return;
  // The answer depends on the request's Accept-Encoding from here on, compressed or not.
  const vary = res.headers.get('Vary');
  if (!vary || !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary)) res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
  if (encoding === null) return;
  const length = Number(res.headers.get('Content-Length') ?? Number.NaN);
  if (Number.isFinite(length) && length < THRESHOLD_BYTES) return;

  const bytes = new Uint8Array(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  if (bytes.byteLength < THRESHOLD_BYTES) {
    c.res = new Response(bytes, { status: res.status, statusText: res.statusText, headers });
    return;
  }
  const key = IMMUTABLE.test(res.headers.get('Cache-Control') ?? '') ? `${c.req.path}:${encoding}` : null;
  const compressed = (key ? kept.get(key) : undefined) ?? (await ENCODERS[encoding](bytes));
  if (key && !kept.has(key)) keep(key, compressed);
  headers.set('Content-Encoding', encoding);
  headers.set('Content-Length', String(compressed.byteLength));
  const etag = headers.get('ETag');
  if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
  // Replaced, not assigned over: Hono would otherwise copy the old Content-Length across.
  c.res = undefined as unknown as Response;
  c.res = new Response(new Uint8Array(compressed), { status: res.status, statusText: res.statusText, headers });
};

/**
 * The encoding to use for an `Accept-Encoding` header, or null for none:
 * the highest q among br and gzip (`*` stands for both), brotli on a tie;
 * q=0 refuses one. No header at all: none (RFC 9110 allows any, but a
 * client that says nothing may be a script that reads raw bytes).
 */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q: Partial<Record<string, number>> = {};
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((param) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    const value = weight === undefined ? 1 : Number(weight);
    if (name) q[name.trim()] = Number.isFinite(value) ? value : 0;
  }
  const of = (name: Encoding): number => q[name] ?? q['*'] ?? 0;
  const br = of('br');
  const gz = of('gzip');
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}
