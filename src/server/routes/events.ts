/**
 * `GET /api/v1/sync/events`: the live stream (server-sent events) a phone
 * holds open while it is online and the app visible (src/sync/live.ts). It
 * carries no record content, only:
 *
 * - `event: ready` once, when the stream is open;
 * - `event: poke` when a change committed that the person may read
 *   (../live/live-hub.ts decides who) — the phone pulls at once;
 * - a comment line (`: ♥`) every 25 s, so proxies and mobile networks do not
 *   cut an idle connection, and the phone notices a dead one.
 *
 * At every heartbeat the token is checked again: a revoked device, an ended
 * session or a deactivated account ends the stream, and a changed team or
 * buurt list is taken over. Authenticated with the Bearer header like any
 * call (the app reads the stream with fetch(), not EventSource, which cannot
 * send one). `Cache-Control: no-store` and `X-Accel-Buffering: no` keep
 * proxies (nginx) from holding events back; compress.ts leaves
 * `text/event-stream` alone for the same reason.
 */
import { Hono } from 'hono';
import { authenticate, identify, type AuthEnv } from '../auth/authenticate.ts';
import type { LiveStream } from '../live/live-hub.ts';
import type { ServerContext } from '../server-context.ts';

export const HEARTBEAT_MS = 25_000;

const encoder = new TextEncoder();
const READY = encoder.encode('event: ready\ndata: \n\n');
const POKE = encoder.encode('event: poke\ndata: \n\n');
const HEARTBEAT = encoder.encode(': \u2665\n\n');

export function eventsRoute({ database, now, live }: ServerContext, heartbeatMs = HEARTBEAT_MS): Hono<AuthEnv> {
  return new Hono<AuthEnv>().get('/events', authenticate(database, now), (c) => {
    const authorization = c.req.header('authorization');
    let remove = (): void => {};
    let heartbeat: ReturnType<typeof setInterval> | null = null;
    let ended = false;
    const end = (controller?: ReadableStreamDefaultController<Uint8Array>): void => {
      if (ended) return;
      ended = true;
      if (heartbeat !== null) clearInterval(heartbeat);
      remove();
      try {
        controller?.close();
      } catch {
        // Already closed by the other side.
      }
    };

    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const write = (bytes: Uint8Array): void => {
          if (ended) return;
          try {
            controller.enqueue(bytes);
          } catch {
            end();
          }
        };
        const stream: LiveStream = {
          deviceId: c.var.deviceId,
          principal: c.var.principal,
          poke: () => write(POKE),
          close: () => end(controller),
        };
        remove = live.add(stream);
        write(READY);
        heartbeat = setInterval(() => {
          void identify(database, authorization, now()).then(
            ({ principal }) => {
              stream.principal = principal;
              write(HEARTBEAT);
            },
            // Revoked, expired, deactivated (or the database unreachable): end it; the phone's next call says why.
            () => end(controller),
          );
        }, heartbeatMs);
        heartbeat.unref?.();
        c.req.raw.signal.addEventListener('abort', () => end(controller), { once: true });
      },
      cancel() {
        end();
      },
    });

    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Accel-Buffering': 'no',
      },
    });
  });
}
