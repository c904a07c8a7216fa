/**
 * The phones listening on this process (`GET /api/v1/sync/events`), and who
 * of them is poked for a change (./change-feed.ts): every stream of the
 * note's tenant whose person may read a record of one of the changed scopes
 * by the permission table (`can(principal, 'read', type, scope)`,
 * domain/permissions.ts) — except the device that made the change, which
 * pulls right after its own push. Other tenants, and people who may not read
 * any of it, hear nothing.
 *
 * A stream's principal is looked up again at every heartbeat
 * (routes/events.ts), so a change of team or buurten, a revoked device or an
 * ended session reaches it within a heartbeat.
 */
import { can, type Principal } from '../../domain/permissions.ts';
import type { ChangeFeed, ChangeNote } from './change-feed.ts';

export type LiveStream = {
  readonly deviceId: string;
  principal: Principal;
  /** Write "something changed for you". */
  poke(): void;
  /** End the stream (shutdown, too many streams for one device). */
  close(): void;
};

export type LiveHub = {
  /** After a change committed: tell every process (the feed), which pokes its streams. */
  publish(note: ChangeNote): Promise<void>;
  /** Adds a stream; answers its removal. */
  add(stream: LiveStream): () => void;
  /** How many streams this process holds (tests, shutdown). */
  size(): number;
  /** Ends every stream and stops listening. */
  close(): Promise<void>;
};

/** One phone may have a few tabs open; more streams than this from one device close its oldest. */
export const MAX_STREAMS_PER_DEVICE = 4;

export function createLiveHub(feed: ChangeFeed): LiveHub {
  const byTenant = new Map<string, Set<LiveStream>>();

  const onNote = (note: ChangeNote): void => {
    for (const stream of byTenant.get(note.tenantId) ?? []) {
      if (stream.deviceId === note.deviceId) continue;
      if (note.scopes.some((scope) => can(stream.principal, 'read', scope.type, scope))) stream.poke();
    }
  };
  const unsubscribe = feed.subscribe(onNote);

  return {
    publish: (note) => (note.scopes.length === 0 ? Promise.resolve() : feed.publish(note)),
    add(stream) {
      const tenantId = stream.principal.tenantId;
      const streams = byTenant.get(tenantId) ?? new Set<LiveStream>();
      byTenant.set(tenantId, streams);
      const same = [...streams].filter((other) => other.deviceId === stream.deviceId);
      for (const oldest of same.slice(0, Math.max(0, same.length - MAX_STREAMS_PER_DEVICE + 1))) oldest.close();
      streams.add(stream);
      return () => {
        streams.delete(stream);
        if (streams.size === 0 && byTenant.get(tenantId) === streams) byTenant.delete(tenantId);
      };
    },
    size: () => [...byTenant.values()].reduce((sum, streams) => sum + streams.size, 0),
    async close() {
      unsubscribe();
      for (const streams of byTenant.values()) for (const stream of [...streams]) stream.close();
      byTenant.clear();
      await feed.close();
    },
  };
}
