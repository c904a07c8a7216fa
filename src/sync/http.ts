/**
 * One HTTP call of the API, answered as parsed data or a machine reason:
 * never an exception the engine has not classified.
 */
import * as z from 'zod/mini';
import { ApiErrorSchema, type Issue, type Reason } from '../domain/errors.ts';
import { PhotoUploadResponseSchema } from '../domain/photos.ts';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response> | Response;

/** A failed call, with the reason the engine reports. */
export class SyncFailure extends Error {
  readonly reason: Reason;
  readonly status: number | null;
  /** Field-level problems the server named (a form shows them beside the fields). */
  readonly issues: readonly Issue[];
  /** A 429's Retry-After in ms (the server's limits: wait at least this long before trying again); null when it named none. */
  readonly retryAfterMs: number | null;
  /** The server's id of a request that failed on the server (500): the "foutcode" a person can quote. */
  readonly requestId: string | null;
  constructor(
    reason: Reason,
    status: number | null = null,
    message: string = reason,
    issues: readonly Issue[] = [],
    retryAfterMs: number | null = null,
    requestId: string | null = null,
  ) {
    super(message);
    this.name = 'SyncFailure';
    this.reason = reason;
    this.status = status;
    this.issues = issues;
    this.retryAfterMs = retryAfterMs;
    this.requestId = requestId;
  }
}

export type CallOptions = {
  readonly fetch: FetchLike;
  readonly url: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly headers: Record<string, string>;
  readonly body?: unknown;
  readonly timeoutMs: number;
};

/**
 * Call the API and parse a 2xx answer with `schema` (null: the body does not
 * matter). Failures map to reasons: no answer (offline, DNS, timeout) →
 * 'network'; 5xx → 'server-unavailable'; 401 → the body's 'session-expired'
 * or 'device-revoked', else 'unauthenticated'; 426 → 'client-outdated'; other
 * 4xx → the reason in the API error body (a wrong password is a 401
 * 'invalid-credentials'). A 2xx that is not our JSON (a captive portal's
 * login page) → 'server-unavailable'.
 */
export async function callApi<T>(options: CallOptions, schema: z.ZodMiniType<T>): Promise<T>;
export async function callApi(options: CallOptions, schema: null): Promise<void>;
export async function callApi<T>(options: CallOptions, schema: z.ZodMiniType<T> | null): Promise<T | void> {
  let response: Response;
  try {
    response = await options.fetch(options.url, {
      method: options.method,
      headers: { accept: 'application/json', ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      // Every call can be cut off; an abort is just "no answer", reported as
      // 'network' and never logged.
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch {
    throw new SyncFailure('network');
  }
  if (!response.ok) throw await failureOf(response);
  if (schema === null) {
    await response.body?.cancel().catch(() => {});
    return;
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (isAbort(error)) throw new SyncFailure('network');
    throw new SyncFailure('server-unavailable', response.status, 'the answer was not JSON');
  }
  const parsed = z.safeParse(schema, body);
  if (!parsed.success) throw new SyncFailure('server-unavailable', response.status, 'the answer did not match the protocol');
  return parsed.data;
}

async function failureOf(response: Response): Promise<SyncFailure> {
  const { status } = response;
  if (status === 426) return new SyncFailure('client-outdated', status);
  const body = await response.json().catch(() => null);
  const parsed = z.safeParse(ApiErrorSchema, body);
  if (status >= 500) {
    // Our server's own failure names its request (the log line), for the person to quote; a proxy's 502 does not.
    const requestId = parsed.success ? (parsed.data.error.requestId ?? null) : null;
    return requestId
      ? new SyncFailure('internal', status, parsed.success ? parsed.data.error.message : 'internal', [], null, requestId)
      : new SyncFailure('server-unavailable', status);
  }
  // A 401 without our error body (a proxy's login wall) still means "sign in again".
  if (status === 401 && !parsed.success) return new SyncFailure('unauthenticated', status);
  if (parsed.success) return new SyncFailure(parsed.data.error.reason, status, parsed.data.error.message, parsed.data.error.issues, retryAfterOf(response));
  return new SyncFailure(status === 413 ? 'body-too-large' : 'internal', status);
}

/** Retry-After in seconds (the server sends no HTTP dates), as ms; null when absent or unreadable. */
function retryAfterOf(response: Response): number | null {
  const value = response.headers.get('retry-after');
  const seconds = value === null ? Number.NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

function isAbort(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError';
}

/**
 * `PUT /api/v1/photos/{sha256}` with the photo's bytes as the body. Resolves
 * only on 200 (the server had it) or 201 (stored now); every other answer is a
 * SyncFailure classified as for `callApi`, with the server's issues (a
 * `hash-mismatch` issue means: send it again).
 */
export async function putPhoto(
  options: Omit<CallOptions, 'method' | 'body'> & { readonly blob: Blob; readonly type: string; readonly sha256: string },
): Promise<200 | 201> {
  let response: Response;
  try {
    response = await options.fetch(options.url, {
      method: 'PUT',
      headers: { accept: 'application/json', ...options.headers, 'content-type': options.type },
      body: options.blob,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch {
    throw new SyncFailure('network');
  }
  if (!response.ok) throw await failureOf(response);
  // A 2xx that is not the server's answer naming this photo (a captive
  // portal's page) does not count as sent.
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (isAbort(error)) throw new SyncFailure('network');
    body = null;
  }
  const parsed = z.safeParse(PhotoUploadResponseSchema, body);
  if ((response.status !== 200 && response.status !== 201) || !parsed.success || parsed.data.sha256 !== options.sha256) {
    throw new SyncFailure('server-unavailable', response.status, 'the answer to a photo upload did not match the protocol');
  }
  return response.status;
}

/**
 * `GET /api/v1/photos/{sha256}`: a photo taken on another phone. Resolves
 * only to bytes whose SHA-256 is the name asked for (a proxy's page or a
 * damaged download is a 'server-unavailable' failure, never a wrong photo).
 */
export async function getPhoto(options: Omit<CallOptions, 'method' | 'body'> & { readonly sha256: string }): Promise<{ blob: Blob; type: string }> {
  let response: Response;
  let bytes: ArrayBuffer;
  try {
    response = await options.fetch(options.url, {
      method: 'GET',
      headers: { accept: 'image/*', ...options.headers },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!response.ok) throw await failureOf(response);
    bytes = await response.arrayBuffer();
  } catch (error) {
    if (error instanceof SyncFailure) throw error;
    throw new SyncFailure('network');
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  if (hex !== options.sha256) throw new SyncFailure('server-unavailable', response.status, 'the photo that came back does not match its hash');
  const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? 'image/jpeg';
  return { blob: new Blob([bytes], { type }), type };
}

/** A file the server makes (a person's inzage bundle): its bytes as a Blob of the answered type; failures as `callApi`'s. */
export async function getFile(options: Omit<CallOptions, 'method' | 'body'>): Promise<Blob> {
  try {
    const response = await options.fetch(options.url, { method: 'GET', headers: options.headers, signal: AbortSignal.timeout(options.timeoutMs) });
    if (!response.ok) throw await failureOf(response);
    const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? 'application/octet-stream';
    return new Blob([await response.arrayBuffer()], { type });
  } catch (error) {
    if (error instanceof SyncFailure) throw error;
    throw new SyncFailure('network');
  }
}
