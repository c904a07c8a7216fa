/**
 * Live when online (issue 13): the news "records of these scopes changed in
 * this tenant", from whichever server process committed them to every
 * process with phones listening (./live-hub.ts).
 *
 * - SQLite: one process per database file, so an in-process fan-out.
 * - PostgreSQL: several stateless processes share the database, so the news
 *   goes through `NOTIFY` on a channel named after the schema (two
 *   deployments, or two test schemas, in one database never hear each
 *   other), and each process `LISTEN`s on one connection of its own.
 *
 * A note names the tenant, the device that made the change (it pulls after
 * its own push anyway) and the scopes (record type, buurten, team) of what
 * changed, before and after — never record content, and it never leaves the
 * servers: a phone only hears "something changed for you".
 *
 * Losing a note (a listener reconnecting) costs a phone no data, only
 * speed: it pulls at its next 60 s timer.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { RecordScope } from '../../domain/permissions.ts';
import { RECORD_TYPES, type RecordType } from '../../domain/records.ts';
import type { Database } from '../db/database.ts';

export type ChangedScope = RecordScope & { readonly type: RecordType };

export type ChangeNote = {
  readonly tenantId: string;
  /** The device whose push made the change; null for the server's own changes. */
  readonly deviceId: string | null;
  readonly scopes: readonly ChangedScope[];
};

export type ChangeFeed = {
  /** After the change committed. Never rejects: a lost note only delays phones until their timer. */
  publish(note: ChangeNote): Promise<void>;
  subscribe(listener: (note: ChangeNote) => void): () => void;
  close(): Promise<void>;
};

/** One process: notes go straight to this process's listeners. */
export function localChangeFeed(): ChangeFeed {
  const listeners = new Set<(note: ChangeNote) => void>();
  return {
    async publish(note) {
      for (const listener of listeners) listener(note);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}

/** NOTIFY's payload must stay under 8000 bytes: bigger notes go out in parts. */
const MAX_PAYLOAD_BYTES = 7_000;
const RECONNECT_MS = { first: 1_000, cap: 30_000 };

/**
 * Several processes on one PostgreSQL database. `url` and `schema` as the
 * database was opened with; `database` sends the notes (through its pool).
 */
export function postgresChangeFeed(database: Database, connection: { url: string; schema: string }): ChangeFeed {
  const channel = channelFor(connection.schema);
  const listeners = new Set<(note: ChangeNote) => void>();
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = RECONNECT_MS.first;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const deliver = (payload: string | undefined): void => {
    const note = parseNote(payload);
    if (note) for (const listener of listeners) listener(note);
  };

  const listen = async (): Promise<void> => {
    if (closed) return;
    const next = new pg.Client({ connectionString: connection.url });
    const reconnect = (): void => {
      if (client === next) client = null;
      next.removeAllListeners();
      void next.end().catch(() => {});
      if (closed || retryTimer !== null) return;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        void listen();
      }, retryMs);
      retryTimer.unref();
      retryMs = Math.min(RECONNECT_MS.cap, retryMs * 2);
    };
    next.on('error', reconnect);
    next.on('end', reconnect);
    next.on('notification', (message) => {
      if (message.channel === channel) deliver(message.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${channel}"`);
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      retryMs = RECONNECT_MS.first;
    } catch (error) {
      console.error('Live: LISTEN failed, trying again:', error instanceof Error ? error.message : error);
      reconnect();
    }
  };
  const ready = listen();

  return {
    async publish(note) {
      try {
        for (const payload of payloadsOf(note)) await sql`select pg_notify(${channel}, ${payload})`.execute(database.db);
      } catch (error) {
        console.error('Live: NOTIFY failed; phones pull at their timer:', error instanceof Error ? error.message : error);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      listeners.clear();
      if (retryTimer !== null) clearTimeout(retryTimer);
      await ready;
      const current = client;
      client = null;
      current?.removeAllListeners();
      await current?.end().catch(() => {});
    },
  };
}

/** A channel name of at most 63 characters for any schema name. */
function channelFor(schema: string): string {
  return `buurtlog_live_${createHash('sha256').update(schema).digest('hex').slice(0, 24)}`;
}

/** A note as one or more JSON payloads, each under NOTIFY's limit (scopes split between them). */
export function payloadsOf(note: ChangeNote): string[] {
  const payloads: string[] = [];
  let scopes: ChangedScope[] = [];
  const encode = (part: readonly ChangedScope[]) => JSON.stringify({ t: note.tenantId, d: note.deviceId, s: part.map((s) => [s.type, s.buurtIds, s.teamId]) });
  for (const scope of note.scopes) {
    scopes.push(scope);
    if (Buffer.byteLength(encode(scopes)) > MAX_PAYLOAD_BYTES && scopes.length > 1) {
      scopes.pop();
      payloads.push(encode(scopes));
      scopes = [scope];
    }
  }
  if (scopes.length > 0) payloads.push(encode(scopes));
  return payloads;
}

/** A payload back into a note; anything else on the channel is ignored. */
export function parseNote(payload: string | undefined): ChangeNote | null {
  try {
    const raw = JSON.parse(payload ?? '') as { t?: unknown; d?: unknown; s?: unknown };
    if (typeof raw.t !== 'string' || (raw.d !== null && typeof raw.d !== 'string') || !Array.isArray(raw.s)) return null;
    const scopes = raw.s.flatMap((entry): ChangedScope[] => {
      if (!Array.isArray(entry)) return [];
      const [type, buurtIds, teamId] = entry as [unknown, unknown, unknown];
      if (!(RECORD_TYPES as readonly unknown[]).includes(type) || !Array.isArray(buurtIds) || (teamId !== null && typeof teamId !== 'string')) return [];
      return [{ type: type as RecordType, buurtIds: buurtIds.filter((id): id is string => typeof id === 'string'), teamId }];
    });
    return { tenantId: raw.t, deviceId: raw.d, scopes };
  } catch {
    return null;
  }
}

/** The scopes of a batch, each once. */
export function distinctScopes(scopes: readonly ChangedScope[]): ChangedScope[] {
  const seen = new Map<string, ChangedScope>();
  for (const scope of scopes) seen.set(JSON.stringify([scope.type, [...scope.buurtIds].sort(), scope.teamId]), scope);
  return [...seen.values()];
}
