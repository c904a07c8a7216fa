/**
 * Talks to the app through `app.request()` (real HTTP parsing, no ports),
 * the way a signed-in device would, and reads the database directly to check
 * what was (not) written.
 */
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { ApiErrorSchema, type ApiError } from '../../../src/domain/errors.ts';
import { PullResponseSchema, PushResponseSchema, SCHEMA_VERSION, type PullResponse, type PushResponse } from '../../../src/domain/protocol.ts';
import type { Database } from '../../../src/server/db/database.ts';
import type { TestUser } from '../../fixtures/server-auth.ts';

export type Answer<T> = { status: number; body: T; headers: Headers };

/** As if the request came in on a socket from `address` (rate limits count per address). */
export function fromAddress(address: string) {
  return { incoming: { socket: { remoteAddress: address } } };
}

export function apiClient(app: Hono, user?: TestUser, address = '192.0.2.10') {
  async function send(path: string, init: RequestInit = {}): Promise<Answer<unknown>> {
    const response = await app.request(path, init, fromAddress(address));
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.startsWith('application/json') ?? false;
    return { status: response.status, body: isJson ? JSON.parse(text) : text, headers: response.headers };
  }
  const auth = (deviceId?: string): Record<string, string> => (user ? user.auth(deviceId) : {});

  return {
    send,

    /** A JSON call as the user's device (default: their first). */
    // biome-ignore lint/suspicious/noExplicitAny: any JSON answer; each test states its shape with toMatchObject.
    async call(method: string, path: string, body?: unknown, deviceId?: string): Promise<Answer<any>> {
      return send(path, {
        method,
        headers: { ...auth(deviceId), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },

    /** Pushes as `deviceId` with that device's token; answers parsed with the protocol's schema when 200. */
    async push(deviceId: string, mutations: unknown[], options: { schemaVersion?: number } = {}): Promise<Answer<PushResponse>> {
      const answer = await send('/api/v1/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth(deviceId) },
        body: JSON.stringify({ schemaVersion: options.schemaVersion ?? SCHEMA_VERSION, deviceId, mutations }),
      });
      if (answer.status !== 200) throw new Error(`push answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return { ...answer, body: z.parse(PushResponseSchema, answer.body) };
    },

    /** A raw push whose answer is expected to be an error (sent with the first device's token unless headers say otherwise). */
    async pushRaw(init: { body: string | Uint8Array; headers?: Record<string, string | null> }): Promise<Answer<ApiError>> {
      const merged: Record<string, string | null> = { 'content-type': 'application/json', ...auth(), ...init.headers };
      const headers = Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== null));
      const answer = await send('/api/v1/sync/push', { method: 'POST', headers, body: init.body as BodyInit });
      return { ...answer, body: z.parse(ApiErrorSchema, answer.body) };
    },

    async pull(cursor = '0', limit?: number, deviceId?: string): Promise<Answer<PullResponse>> {
      const query = new URLSearchParams({ cursor, ...(limit ? { limit: String(limit) } : {}) });
      const answer = await send(`/api/v1/sync/pull?${query}`, { headers: auth(deviceId) });
      if (answer.status !== 200) throw new Error(`pull answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return { ...answer, body: z.parse(PullResponseSchema, answer.body) as PullResponse };
    },

    /** Every record the user may read, following the cursor page by page. */
    async pullAll(limit = 100, deviceId?: string): Promise<PullResponse['records']> {
      const records: PullResponse['records'] = [];
      let cursor = '0';
      for (;;) {
        const { body } = await this.pull(cursor, limit, deviceId);
        records.push(...body.records);
        cursor = body.cursor;
        if (!body.hasMore) return records;
      }
    },
  };
}

const COUNTED = ['records', 'mutations', 'users', 'devices', 'invites', 'audit_log'] as const;

/** How many rows each table holds (and the record counter): "nothing written" means none of these changed. */
export async function rowCounts(database: Database): Promise<Record<(typeof COUNTED)[number] | 'seq', number>> {
  const counts = {} as Record<(typeof COUNTED)[number] | 'seq', number>;
  for (const table of COUNTED)
    counts[table] = Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  // Record numbers are per tenant: the sum of the tenants' counters.
  const counters = await database.db.selectFrom('sequences').select('value').where('name', 'like', 'records:%').execute();
  counts.seq = counters.reduce((sum, row) => sum + Number(row.value), 0);
  return counts;
}

/** Everything a hostile request could have changed, as data: equal before and after means nothing changed. */
export async function snapshot(database: Database) {
  const db = database.db;
  return {
    records: await db.selectFrom('records').select(['tenant_id', 'id', 'state', 'seq']).orderBy('seq').execute(),
    mutations: await db.selectFrom('mutations').select(['mutation_id', 'status']).orderBy('mutation_id').execute(),
    users: await db.selectFrom('users').selectAll().orderBy('id').execute(),
    devices: await db.selectFrom('devices').select(['user_id', 'id', 'token_hash', 'expires_at', 'revoked_at']).orderBy('user_id').orderBy('id').execute(),
    invites: await db.selectFrom('invites').selectAll().orderBy('code_hash').execute(),
    audit: await db.selectFrom('audit_log').selectAll().orderBy('tenant_id').orderBy('seq').execute(),
  };
}

export async function storedMutation(database: Database, mutationId: string) {
  return database.db.selectFrom('mutations').selectAll().where('mutation_id', '=', mutationId).executeTakeFirst();
}

/** The tenant's record counter (pull cursors count it; one per tenant). */
export async function recordCounter(database: Database, tenantId: string): Promise<number> {
  const row = await database.db.selectFrom('sequences').select('value').where('name', '=', `records:${tenantId}`).executeTakeFirst();
  return Number(row?.value ?? 0);
}
