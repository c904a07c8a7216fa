/**
 * Headers every answer carries (issue 3, "Web security"): a strict Content
 * Security Policy without 'unsafe-inline' (the built app has no inline script
 * or style), no framing, no referrer, camera and location for this origin
 * only, HSTS when served over HTTPS. The only other origins are PDOK's: map
 * tiles and the address lookup. No CORS headers at all: the PWA is
 * served by this same server, so no other origin needs to call the API.
 */
import type { MiddlewareHandler } from 'hono';
import { isHttps } from './client-address.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Map tiles (PDOK BRT-Achtergrondkaart) and the address lookup (PDOK
  // Locatieserver): those two origins only (src/app/place/).
  "img-src 'self' data: blob: https://service.pdok.nl",
  "connect-src 'self' https://api.pdok.nl",
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // For browsers older than frame-ancestors.
  'X-Frame-Options': 'DENY',
};

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Every API answer is personal (or says whether one is signed in): no
 * browser or proxy cache may keep it (issue 10, item 13). A route that sets
 * its own Cache-Control (photos) is left alone.
 */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
};

/** `trustProxy`: believe X-Forwarded-Proto about HTTPS (TRUST_PROXY=1). */
export function securityHeaders(trustProxy: boolean): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    if (isHttps(c, trustProxy)) c.res.headers.set('Strict-Transport-Security', HSTS);
  };
}
