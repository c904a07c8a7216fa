/**
 * Live when online (issue 13): while the browser is online and the app
 * visible, hold `GET /api/v1/sync/events` open and tell the controller when
 * the server pokes ("something changed for you"): it syncs at once instead
 * of at its next 60 s timer, which stays as the fallback.
 *
 * - fetch() with a streaming body reader, not EventSource: EventSource cannot
 *   send the `Authorization: Bearer` header every call carries.
 * - Closed when the browser goes offline or the page is hidden (a phone in a
 *   pocket keeps no connection open); opened again on `online` / visible.
 * - A stream that ends or fails is opened again after a backoff with full
 *   jitter (1 s doubling, at most 2 min), reset once the server says `ready`.
 * - The server writes a heartbeat every 25 s: no byte for `silenceMs`
 *   (default 60 s) means the connection died unnoticed, and it is replaced.
 * - A stream opened again after it had been open asks for one sync too
 *   (`'reconnect'`): pokes sent while it was closed are lost.
 *
 * @example
 * const live = createLiveStream({ fetch, url: '/api/v1/sync/events', headers, window, document, navigator });
 * createSyncController({ …, pokes: live });
 */
import { backoffDelay, type BackoffPolicy } from './backoff.ts';
import type { FetchLike } from './http.ts';

type Listen = { addEventListener(type: string, listener: () => void): void; removeEventListener(type: string, listener: () => void): void };

/** What the controller needs of a source of pokes: each call of `onPoke` asks for a sync. */
export type PokeSource = {
  start(onPoke: (trigger: 'poke' | 'reconnect') => void): void;
  stop(): void;
};

export type LiveStreamOptions = {
  fetch: FetchLike;
  /** The stream's URL: `${baseUrl}/api/v1/sync/events`. */
  url: string;
  /** Read afresh for every connection (the token may have changed). */
  headers(): Promise<Record<string, string>>;
  window?: Listen;
  document?: Listen & { visibilityState?: string };
  navigator?: { onLine?: boolean };
  random?: () => number;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  backoff?: BackoffPolicy;
  /** No byte (event or heartbeat) for this long: the connection is replaced. */
  silenceMs?: number;
};

export const LIVE_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 2 * 60_000 };
const DEFAULT_SILENCE_MS = 60_000;

export function createLiveStream(options: LiveStreamOptions): PokeSource {
  const { window: win, document: doc, navigator: nav } = options;
  const random = options.random ?? Math.random;
  const setTimer = options.setTimeout ?? ((callback: () => void, ms: number) => globalThis.setTimeout(callback, ms));
  const clearTimer = options.clearTimeout ?? ((handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>));
  const backoff = options.backoff ?? LIVE_BACKOFF;
  const silenceMs = options.silenceMs ?? DEFAULT_SILENCE_MS;

  let onPoke: ((trigger: 'poke' | 'reconnect') => void) | null = null;
  /** The open (or opening) connection's abort. */
  let connection: AbortController | null = null;
  let retryTimer: unknown = null;
  let silenceTimer: unknown = null;
  let failures = 0;
  /** A stream was ready before: the next `ready` is a reconnection. */
  let wasReady = false;

  const wanted = (): boolean => onPoke !== null && nav?.onLine !== false && doc?.visibilityState !== 'hidden';

  const clearRetry = (): void => {
    if (retryTimer !== null) clearTimer(retryTimer);
    retryTimer = null;
  };
  const clearSilence = (): void => {
    if (silenceTimer !== null) clearTimer(silenceTimer);
    silenceTimer = null;
  };

  const close = (): void => {
    clearSilence();
    const current = connection;
    connection = null;
    current?.abort();
  };

  /** The connection ended on its own (not closed by us): try again after the backoff. */
  const retry = (): void => {
    close();
    if (!wanted() || retryTimer !== null) return;
    failures++;
    retryTimer = setTimer(
      () => {
        retryTimer = null;
        open();
      },
      backoffDelay(failures, random, backoff),
    );
  };

  const onEvent = (name: string): void => {
    if (name === 'ready') {
      // Back after a stream that was ready, or after attempts that failed: a
      // request that failed and now works is proof of a connection, whether or
      // not the browser said 'online' (Firefox does not after a reload offline).
      const isBack = wasReady || failures > 0;
      failures = 0;
      if (isBack) onPoke?.('reconnect');
      wasReady = true;
    } else if (name === 'poke') onPoke?.('poke');
  };

  const open = (): void => {
    if (!wanted() || connection !== null) return;
    clearRetry();
    const abort = new AbortController();
    connection = abort;
    const watchSilence = (): void => {
      clearSilence();
      silenceTimer = setTimer(() => {
        silenceTimer = null;
        if (connection === abort) retry();
      }, silenceMs);
    };
    void (async () => {
      try {
        const response = await options.fetch(options.url, {
          method: 'GET',
          headers: { accept: 'text/event-stream', ...(await options.headers()) },
          cache: 'no-store',
          signal: abort.signal,
        });
        if (!response.ok || response.body === null) {
          await response.body?.cancel().catch(() => {});
          if (connection === abort) retry();
          return;
        }
        watchSilence();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        const events = eventParser(onEvent);
        for (;;) {
          const { done, value } = await reader.read();
          if (done || connection !== abort) break;
          watchSilence();
          events(value);
        }
        if (connection === abort) retry();
      } catch {
        // No answer, cut off, or closed by us (abort): only the first two try again.
        if (connection === abort) retry();
      }
    })();
  };

  const onOnline = (): void => {
    failures = 0;
    clearRetry();
    open();
  };
  const onOffline = (): void => {
    clearRetry();
    close();
  };
  const onVisibility = (): void => {
    if (doc?.visibilityState === 'hidden') onOffline();
    else onOnline();
  };

  return {
    start(listener) {
      if (onPoke !== null) return;
      onPoke = listener;
      win?.addEventListener('online', onOnline);
      win?.addEventListener('offline', onOffline);
      doc?.addEventListener('visibilitychange', onVisibility);
      open();
    },
    stop() {
      if (onPoke === null) return;
      onPoke = null;
      win?.removeEventListener('online', onOnline);
      win?.removeEventListener('offline', onOffline);
      doc?.removeEventListener('visibilitychange', onVisibility);
      clearRetry();
      close();
    },
  };
}

/**
 * The text/event-stream format, as far as the server uses it: events end at a
 * blank line, `event:` names one, lines starting with `:` are comments
 * (heartbeats). Fed chunks as they arrive; calls `onEvent` with each event's name.
 */
export function eventParser(onEvent: (name: string) => void): (chunk: string) => void {
  let buffer = '';
  let name = '';
  let hasField = false;
  return (chunk) => {
    buffer += chunk;
    for (let end = buffer.search(/\r\n|\r|\n/); end !== -1; end = buffer.search(/\r\n|\r|\n/)) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(buffer.startsWith('\r\n', end) ? end + 2 : end + 1);
      if (line === '') {
        if (hasField) onEvent(name || 'message');
        name = '';
        hasField = false;
      } else if (!line.startsWith(':')) {
        hasField = true;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') name = value;
      }
    }
  };
}
