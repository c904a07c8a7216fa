/**
 * Load under abuse (issue 10): one device floods photos and pushes while a
 * device of ANOTHER tenant pushes normally. The normal device's push
 * latency is measured alone first (baseline), then during the flood, in the
 * same run against the same server (a real server process on 127.0.0.1,
 * SQLite, the default limits of src/server/limits.ts). Goal: p95 during the
 * flood ≤ 2 × the baseline p95.
 *
 * Bounded: a fixed number of normal pushes per phase, and the flood stops
 * with them (or after MAX_FLOOD_REQUESTS). Used by `npm run bench`
 * (tests/bench/run.ts); runs on its own too: `node tests/bench/abuse.ts`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_VERSION } from '../../src/domain/protocol.ts';
import { createDatabase } from '../../src/server/db/database.ts';
import { startServer } from '../e2e/harness.ts';
import { photoFixture } from '../fixtures/photos/photo-fixtures.ts';
import { createTestUser } from '../fixtures/server-auth.ts';
import { NOW } from '../fixtures/fixed.ts';
import { idFactory, newActivity } from '../fixtures/server-mutations.ts';

const NORMAL_PUSHES = 100;
const NORMAL_BATCH = 10;
/** Requests the abusive device keeps in flight at once (a phone's browser allows a handful per origin). */
const FLOOD_WORKERS = 2;
const MAX_FLOOD_REQUESTS = 3_000;
/** Close to the server's 2 MiB photo limit, like the attack in issue 10. */
const FLOOD_PHOTO_BYTES = 1_900_000;
/** Mutations per flood push, with padding to make each push just under the 1 MiB a push may be. */
const FLOOD_BATCH = 500;
/** Distinct photos and pushes the flood sends in turn (a photo again is cheap for the server: count them all distinct). */
const FLOOD_BODIES = 40;

export type AbuseFigures = {
  baseline: { median: number; p95: number };
  flooded: { median: number; p95: number };
  flood: { requests: number; accepted: number; limited: number; other: number; megabytesSent: number };
};

export async function benchAbuse(): Promise<AbuseFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'buurtlog-bench-abuse-'));
  const server = await startServer({ dataDir });
  const database = createDatabase({ dataDir });
  try {
    // Signed in now: the server runs on the real clock.
    const abuser = await createTestUser(database, { tenantId: 'alblasserdam', role: 'coordinator', devices: ['abuse-phone-0001'], signedInAt: Date.now() });
    const normal = await createTestUser(database, { tenantId: 'ridderkerk', role: 'coordinator', devices: ['normal-phone-0001'], signedInAt: Date.now() });
    // The server's clock is the real one: stamp the changes with it.
    const stamp = Date.now() - NOW - 1_000;
    const normalIds = idFactory(0xbe70);
    const normalPush = async (): Promise<number> => {
      const mutations = Array.from({ length: NORMAL_BATCH }, () => ({
        ...newActivity(normalIds, normalIds(), { device: 'normal-phone-0001', offsetMs: stamp }, { buurtId: 'bolnes' }),
        tenantId: 'ridderkerk',
      }));
      const started = performance.now();
      const response = await fetch(`${server.url}/api/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...normal.auth() },
        body: JSON.stringify({ schemaVersion: SCHEMA_VERSION, deviceId: 'normal-phone-0001', mutations }),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`the normal device's push answered ${response.status}`);
      return performance.now() - started;
    };
    const normalRun = async (): Promise<number[]> => {
      const took: number[] = [];
      for (let i = 0; i < NORMAL_PUSHES; i++) took.push(await normalPush());
      return took;
    };

    // Warm up (JIT, SQLite cache), then the baseline alone.
    for (let i = 0; i < 10; i++) await normalPush();
    const baseline = await normalRun();

    const flood = { requests: 0, accepted: 0, limited: 0, other: 0, bytes: 0 };
    let isDone = false;
    // Made before the clock starts, so the bench's own work does not take the server's CPU: distinct photos and pushes, used in turn.
    const floodIds = idFactory(0xbad0);
    const plain = new Uint8Array(readFileSync(photoFixture('plain-upright.jpg')));
    const padding = 'x'.repeat(1_400);
    const photos = Array.from({ length: FLOOD_BODIES }, (_, n) => {
      const bytes = bigJpeg(plain, n);
      return { body: bytes, url: `${server.url}/api/v1/photos/${createHash('sha256').update(bytes).digest('hex')}` };
    });
    const pushes = Array.from({ length: FLOOD_BODIES }, () =>
      JSON.stringify({
        schemaVersion: SCHEMA_VERSION,
        deviceId: 'abuse-phone-0001',
        mutations: Array.from({ length: FLOOD_BATCH }, () =>
          newActivity(floodIds, floodIds(), { device: 'abuse-phone-0001', offsetMs: stamp }, { notes: padding }),
        ),
      }),
    );
    const floodRequest = async (n: number): Promise<void> => {
      const isPhoto = n % 2 === 0;
      const body = isPhoto ? (photos[(n / 2) % FLOOD_BODIES] as (typeof photos)[number]).body : (pushes[((n - 1) / 2) % FLOOD_BODIES] as string);
      const url = isPhoto ? (photos[(n / 2) % FLOOD_BODIES] as (typeof photos)[number]).url : `${server.url}/api/v1/sync/push`;
      flood.requests++;
      flood.bytes += typeof body === 'string' ? Buffer.byteLength(body) : body.length;
      try {
        const response = await fetch(url, {
          method: isPhoto ? 'PUT' : 'POST',
          headers: { 'content-type': isPhoto ? 'image/jpeg' : 'application/json', ...abuser.auth() },
          body: body as BodyInit,
        });
        await response.arrayBuffer();
        if (response.status === 429) flood.limited++;
        else if (response.ok) flood.accepted++;
        else flood.other++;
      } catch {
        // The server answered before reading the whole body and closed the connection: refused all the same.
        flood.other++;
      }
    };
    let next = 0;
    const worker = async (): Promise<void> => {
      while (!isDone && next < MAX_FLOOD_REQUESTS) await floodRequest(next++);
    };
    const workers = Array.from({ length: FLOOD_WORKERS }, worker);
    const flooded = await normalRun().finally(() => (isDone = true));
    await Promise.all(workers);

    return {
      baseline: summary(baseline),
      flooded: summary(flooded),
      flood: {
        requests: flood.requests,
        accepted: flood.accepted,
        limited: flood.limited,
        other: flood.other,
        megabytesSent: Math.round(flood.bytes / 1024 / 1024),
      },
    };
  } finally {
    await database.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A valid, metadata-free JPEG of about FLOOD_PHOTO_BYTES: the plain fixture with comment segments, unique per `n`. */
function bigJpeg(plain: Uint8Array, n: number): Uint8Array {
  const segments: Uint8Array[] = [];
  let size = plain.length;
  for (let i = 0; size < FLOOD_PHOTO_BYTES; i++) {
    const text = new Uint8Array(60_000).fill(0x61 + (i % 26));
    text.set(new TextEncoder().encode(`flood ${n} ${i}`));
    segments.push(new Uint8Array([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]), text);
    size += text.length + 4;
  }
  const out = new Uint8Array(size);
  out.set(plain.subarray(0, 2), 0);
  let at = 2;
  for (const segment of segments) {
    out.set(segment, at);
    at += segment.length;
  }
  out.set(plain.subarray(2), at);
  return out;
}

function summary(values: readonly number[]): { median: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
  return { median: at(0.5), p95: at(0.95) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await benchAbuse();
  console.log(JSON.stringify(figures, null, 2));
  console.log(figures.flooded.p95 <= 2 * figures.baseline.p95 ? 'PASS' : 'MISS');
}
