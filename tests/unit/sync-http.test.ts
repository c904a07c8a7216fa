import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { callApi, SyncFailure, type FetchLike } from '../../src/sync/http.ts';

const Schema = z.object({ ok: z.boolean() });

async function reasonOf(fetch: FetchLike, timeoutMs = 1_000): Promise<string> {
  const error = await callApi({ fetch, url: '/x', method: 'GET', headers: {}, timeoutMs }, Schema).catch((e: unknown) => e);
  return error instanceof SyncFailure ? error.reason : `no failure: ${JSON.stringify(error)}`;
}

describe('calling the sync API', () => {
  it('keeps the request id of a server failure as its foutcode; a proxy’s 502 has none', async () => {
    const call = (answer: Response) =>
      callApi({ fetch: () => answer, url: '/x', method: 'GET', headers: {}, timeoutMs: 1_000 }, Schema).catch((e: unknown) => e);
    const failed = await call(Response.json({ error: { reason: 'internal', message: 'Something went wrong', requestId: 'K7QX2M9PZ4TB' } }, { status: 500 }));
    expect(failed).toMatchObject({ reason: 'internal', status: 500, requestId: 'K7QX2M9PZ4TB' });
    expect(await call(new Response('Bad gateway', { status: 502 }))).toMatchObject({ reason: 'server-unavailable', requestId: null });
  });

  it('parses a good answer with the schema', async () => {
    const seen: RequestInit[] = [];
    const result = await callApi(
      {
        fetch: (_url, init) => (seen.push(init), Response.json({ ok: true })),
        url: '/x',
        method: 'POST',
        headers: { 'X-Device-Id': 'd' },
        body: { a: 1 },
        timeoutMs: 1_000,
      },
      Schema,
    );
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

  it.each([
    ['session-expired', 'session-expired'],
    ['device-revoked', 'device-revoked'],
    ['unauthenticated', 'unauthenticated'],
    ['invalid-credentials', 'invalid-credentials'],
  ] as const)('reads a 401 %s from the body', async (reason, expected) => {
    expect(await reasonOf(() => Response.json({ error: { reason, message: 'no' } }, { status: 401 }))).toBe(expected);
  });

  it('carries the field problems a 4xx names', async () => {
    const answer = () =>
      Response.json({ error: { reason: 'invalid-payload', message: 'no', issues: [{ path: 'email', message: 'is already in use' }] } }, { status: 409 });
    const error = await callApi({ fetch: answer, url: '/x', method: 'POST', headers: {}, body: {}, timeoutMs: 1_000 }, Schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncFailure);
    expect((error as SyncFailure).issues).toEqual([{ path: 'email', message: 'is already in use' }]);
  });

  it('answers a call whose body does not matter without parsing it', async () => {
    const seen: RequestInit[] = [];
    const ok = (_url: string, init: RequestInit) => (seen.push(init), new Response(null, { status: 204 }));
    await expect(callApi({ fetch: ok, url: '/devices/x', method: 'DELETE', headers: {}, timeoutMs: 1_000 }, null)).resolves.toBeUndefined();
    expect(seen[0]?.method).toBe('DELETE');
  });

  it('gives up silently on a call that takes too long', async () => {
    const hanging: FetchLike = (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    expect(await reasonOf(hanging, 10)).toBe('network');
  });
});
