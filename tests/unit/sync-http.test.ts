import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { callApi, SyncFailure, type FetchLike } from '../../src/sync/http.ts';

const Schema = z.object({ ok: z.boolean() });

async function reasonOf(fetch: FetchLike, timeoutMs = 1_000): Promise<string> {
  const error = await callApi({ fetch, url: '/x', method: 'GET', headers: {}, timeoutMs }, Schema).catch((e: unknown) => e);
  return error instanceof SyncFailure ? error.reason : `no failure: ${JSON.stringify(error)}`;
}

describe('calling the sync API', () => {
  it('parses a good answer with the schema', async () => {
    const seen: RequestInit[] = [];
    const result = await callApi({ fetch: (_url, init) => (seen.push(init), Response.json({ ok: true })), url: '/x', method: 'POST', headers: { 'X-Device-Id': 'd' }, body: { a: 1 }, timeoutMs: 1_000 }, Schema);
    expect(result).toEqual({ ok: true });
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json', 'X-Device-Id': 'd' } });
    expect(seen[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it.each([
    ['no connection', () => Promise.reject(new TypeError('Failed to fetch')), 'network'],
    ['a 503', () => new Response('down', { status: 503 }), 'server-unavailable'],
    ['a 401', () => new Response('', { status: 401 }), 'unauthenticated'],
    ['a 426', () => new Response('', { status: 426 }), 'client-outdated'],
    ['a 4xx with an API error', () => Response.json({ error: { reason: 'unknown-tenant', message: 'no such tenant' } }, { status: 403 }), 'unknown-tenant'],
    ['a 413 without a body', () => new Response('', { status: 413 }), 'body-too-large'],
    ['a captive portal page', () => new Response('<html>Log in to the Wi-Fi</html>', { status: 200 }), 'server-unavailable'],
    ['JSON that is not the protocol', () => Response.json({ nope: 1 }), 'server-unavailable'],
  ] as const)('answers %s with a reason', async (_what, answer, reason) => {
    expect(await reasonOf(answer as FetchLike)).toBe(reason);
  });

  it('gives up silently on a call that takes too long', async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    expect(await reasonOf(hanging, 10)).toBe('network');
  });
});
