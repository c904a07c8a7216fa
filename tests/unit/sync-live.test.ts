/**
 * The app's end of the live stream (src/sync/live.ts): fetch with the Bearer
 * header, a poke per `poke` event, a sync after a reconnection, backoff when
 * it fails, closed while offline or hidden, replaced when it falls silent.
 */
import { describe, expect, it } from 'vitest';
import { createLiveStream, eventParser, type LiveStreamOptions } from '../../src/sync/live.ts';

/** Timers that run only when the test moves time on. */
function fakeTime() {
  let time = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    setTimeout: (run: () => void, ms: number) => {
      const id = nextId++;
      timers.set(id, { at: time + ms, run });
      return id;
    },
    clearTimeout: (id: unknown) => void timers.delete(id as number),
    async advance(ms: number) {
      const until = time + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= until).sort(([, a], [, b]) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due[0]);
        time = due[1].at;
        due[1].run();
        await settle();
      }
      time = until;
      await settle();
    },
  };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

/** A server whose streams the test writes to, ends, or refuses. */
function fakeServer() {
  const connections: Array<{ init: RequestInit; write(text: string): void; end(): void; aborted(): boolean }> = [];
  let refuseWith: number | null = null;
  const fetch: LiveStreamOptions['fetch'] = async (_url, init) => {
    if (refuseWith !== null) return new Response('{}', { status: refuseWith });
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    const signal = init.signal as AbortSignal;
    signal.addEventListener('abort', () => controller.error(signal.reason));
    connections.push({
      init,
      write: (text) => controller.enqueue(new TextEncoder().encode(text)),
      end: () => controller.close(),
      aborted: () => signal.aborted,
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
  return {
    fetch,
    connections,
    refuse: (status: number | null) => void (refuseWith = status),
    last: () => connections.at(-1) as (typeof connections)[number],
  };
}

function started(overrides: Partial<LiveStreamOptions> = {}) {
  const time = fakeTime();
  const server = fakeServer();
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const navigator = { onLine: true };
  const pokes: string[] = [];
  const live = createLiveStream({
    fetch: server.fetch,
    url: '/api/v1/sync/events',
    headers: async () => ({ authorization: 'Bearer token-of-this-device' }),
    window,
    document,
    navigator,
    setTimeout: time.setTimeout,
    clearTimeout: time.clearTimeout,
    random: () => 1,
    ...overrides,
  });
  live.start((trigger) => pokes.push(trigger));
  return { time, server, window, document, navigator, pokes, live };
}

describe('the live stream', () => {
  it('opens with the device token, and asks for a sync at each poke — not at ready or a heartbeat', async () => {
    const { server, pokes } = started();
    await settle();
    expect(server.connections).toHaveLength(1);
    expect(server.last().init.headers).toMatchObject({ authorization: 'Bearer token-of-this-device', accept: 'text/event-stream' });
    server.last().write('event: ready\ndata: \n\n: \u2665\n\n');
    await settle();
    expect(pokes).toEqual([]);
    server.last().write('event: poke\ndata: \n\nevent: po');
    await settle();
    expect(pokes).toEqual(['poke']);
    server.last().write('ke\ndata: \n\n');
    await settle();
    expect(pokes).toEqual(['poke', 'poke']);
  });

  it('opens again after the backoff when the stream ends, and syncs once it is back (pokes may have been missed)', async () => {
    const { server, pokes, time } = started();
    await settle();
    server.last().write('event: ready\ndata: \n\n');
    await settle();
    server.last().end();
    await settle();
    expect(server.connections).toHaveLength(1);
    await time.advance(1_000);
    expect(server.connections).toHaveLength(2);
    server.last().write('event: ready\ndata: \n\n');
    await settle();
    expect(pokes).toEqual(['reconnect']);
  });

  it('asks for a sync as soon as a stream that failed at start is ready, without an online event', async () => {
    // A reload with no network: the first attempt fails; the browser may never say 'online' (Firefox).
    const { server, pokes, time } = started();
    server.refuse(503);
    await settle();
    expect(pokes).toEqual([]);
    server.refuse(null);
    await time.advance(1_000);
    server.last().write('event: ready\ndata: \n\n');
    await settle();
    expect(pokes).toEqual(['reconnect']);
  });

  it('backs off further while the server refuses the stream (up to two minutes), and resets once it is ready', async () => {
    const { server, time } = started();
    server.refuse(401);
    await settle();
    const attemptsAfter = async (ms: number) => {
      const before = server.connections.length;
      await time.advance(ms);
      return server.connections.length - before;
    };
    // The first attempt was refused (401: no connection made); the retry comes after up to 1 s, and this one is taken.
    server.refuse(null);
    expect(await attemptsAfter(999)).toBe(0);
    expect(await attemptsAfter(1)).toBe(1);
    server.last().end();
    await settle();
    // Second failure in a row: up to 2 s.
    expect(await attemptsAfter(1_999)).toBe(0);
    expect(await attemptsAfter(1)).toBe(1);
    server.last().write('event: ready\ndata: \n\n');
    await settle();
    server.last().end();
    await settle();
    // Ready reset the count: 1 s again.
    expect(await attemptsAfter(1_000)).toBe(1);
  });

  it('closes while offline or hidden, and opens again when back', async () => {
    const { server, window, document, navigator, time } = started();
    await settle();
    const first = server.last();
    navigator.onLine = false;
    window.dispatchEvent(new Event('offline'));
    await settle();
    expect(first.aborted()).toBe(true);
    await time.advance(600_000);
    expect(server.connections).toHaveLength(1);

    navigator.onLine = true;
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(server.connections).toHaveLength(2);

    document.visibilityState = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(server.last().aborted()).toBe(true);
    await time.advance(600_000);
    expect(server.connections).toHaveLength(2);
    document.visibilityState = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(server.connections).toHaveLength(3);
  });

  it('replaces a stream that falls silent (no heartbeat) for a minute', async () => {
    const { server, time } = started();
    await settle();
    server.last().write('event: ready\ndata: \n\n');
    await settle();
    await time.advance(59_000);
    server.last().write(': \u2665\n\n');
    await settle();
    await time.advance(59_000);
    expect(server.connections).toHaveLength(1);
    await time.advance(1_000);
    expect(server.connections[0]?.aborted()).toBe(true);
    await time.advance(1_000);
    expect(server.connections).toHaveLength(2);
  });

  it('stops for good', async () => {
    const { server, live, time, window } = started();
    await settle();
    live.stop();
    await settle();
    expect(server.last().aborted()).toBe(true);
    window.dispatchEvent(new Event('online'));
    await time.advance(600_000);
    expect(server.connections).toHaveLength(1);
  });
});

describe('eventParser', () => {
  it('names each event at its blank line, across chunks and line endings, skipping comments', () => {
    const names: string[] = [];
    const feed = eventParser((name) => names.push(name));
    for (const chunk of [': hi\n\n', 'event: re', 'ady\r\ndata: \r\n\r\n', 'data: x\n\n', 'event:poke\n', '\n']) feed(chunk);
    expect(names).toEqual(['ready', 'message', 'poke']);
  });
});
