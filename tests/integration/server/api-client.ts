/**
 * Talks to the app through `app.request()` (real HTTP parsing, no ports),
 * the way a device would, and reads the database directly to check what was
 * (not) written.
 */
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { ApiErrorSchema, type ApiError } from '../../../src/domain/errors.ts';
import { PullResponseSchema, PushResponseSchema, SCHEMA_VERSION, type PullResponse, type PushResponse } from '../../../src/domain/protocol.ts';
import type { Database } from '../../../src/server/db/database.ts';
import { TENANT } from '../../fixtures/server-mutations.ts';

export type Answer<T> = { status: number; body: T; headers: Headers };

export function apiClient(app: Hono, tenantId = TENANT) {
  async function send(path: string, init: RequestInit): Promise<Answer<unknown>> {
    const response = await app.request(path, init);
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.startsWith('application/json') ?? false;
    return { status: response.status, body: isJson ? JSON.parse(text) : text, headers: response.headers };
  }

  return {
    send,

    /** Pushes as `deviceId`; answers parsed with the protocol's schema when 200. */
    async push(deviceId: string, mutations: unknown[], options: { schemaVersion?: number } = {}): Promise<Answer<PushResponse>> {
      const answer = await send('/api/v1/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-device-id': deviceId, 'x-tenant-id': tenantId },
        body: JSON.stringify({ schemaVersion: options.schemaVersion ?? SCHEMA_VERSION, deviceId, mutations }),
      });
      if (answer.status !== 200) throw new Error(`push answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return { ...answer, body: z.parse(PushResponseSchema, answer.body) };
    },

    /** A raw push whose answer is expected to be an error. */
    async pushRaw(init: { body: string; headers?: Record<string, string> }): Promise<Answer<ApiError>> {
      const answer = await send('/api/v1/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-device-id': 'device-a-0000-0001', 'x-tenant-id': tenantId, ...init.headers },
        body: init.body,
      });
      return { ...answer, body: z.parse(ApiErrorSchema, answer.body) };
    },

    async pull(cursor = '0', limit?: number): Promise<Answer<PullResponse>> {
      const query = new URLSearchParams({ cursor, ...(limit ? { limit: String(limit) } : {}) });
      const answer = await send(`/api/v1/sync/pull?${query}`, { headers: { 'x-tenant-id': tenantId } });
      if (answer.status !== 200) throw new Error(`pull answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return { ...answer, body: z.parse(PullResponseSchema, answer.body) as PullResponse };
    },

    /** Every record, following the cursor page by page. */
    async pullAll(limit = 100): Promise<PullResponse['records']> {
      const records: PullResponse['records'] = [];
      let cursor = '0';
      for (;;) {
        const { body } = await this.pull(cursor, limit);
        records.push(...body.records);
        cursor = body.cursor;
        if (!body.hasMore) return records;
      }
    },
  };
}

/** How many rows each table holds: "nothing written" means these did not change. */
export async function rowCounts(database: Database): Promise<{ records: number; mutations: number; seq: number }> {
  const count = async (table: 'records' | 'mutations') =>
    Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const seq = await database.db.selectFrom('sequences').select('value').where('name', '=', 'records').executeTakeFirstOrThrow();
  return { records: await count('records'), mutations: await count('mutations'), seq: Number(seq.value) };
}

export async function storedMutation(database: Database, mutationId: string) {
  return database.db.selectFrom('mutations').selectAll().where('mutation_id', '=', mutationId).executeTakeFirst();
}
