/**
 * Changes the server makes itself — seeded configuration, a volunteer added
 * to a team by invite — as ordinary mutations, so they take the same
 * merge, sequence and audit path as a device's push (apply-push.ts).
 *
 * Stamped with the server's clock on HLC node 'server', and always after the
 * stored stamps of the fields they write: a device clock running a little
 * ahead must not make the server's change lose.
 */
import { createClock, receive, tick } from '../domain/hlc.ts';
import { uuidv7 } from '../domain/ids.ts';
import { SCHEMA_VERSION, type Mutation } from '../domain/protocol.ts';
import type { RecordType, SyncRecord } from '../domain/records.ts';
import type { Actor } from './apply-push.ts';

export const SERVER_NODE = 'server';

/** The server itself as the maker of a change: not a user, not subject to the permission table. */
export function serverActor(tenantId: string, onBehalfOf: { userId: string; deviceId: string } | null = null): Actor {
  return { tenantId, deviceId: onBehalfOf?.deviceId ?? SERVER_NODE, userId: onBehalfOf?.userId ?? null, principal: null };
}

/**
 * @example
 * serverMutation({ tenantId, recordType: 'team', recordId: team.id, values: { memberIds }, now, stored: team })
 */
export function serverMutation(change: {
  tenantId: string;
  recordType: RecordType;
  recordId: string;
  values: Readonly<Record<string, unknown>>;
  now: number;
  /** The stored record, if any: the new stamps must come after its stamps. */
  stored?: SyncRecord | undefined;
}): Mutation {
  let clock = createClock(SERVER_NODE);
  for (const name of Object.keys(change.values)) {
    const previous = change.stored?.fields[name];
    if (previous) clock = receive(clock, previous.t, change.now);
  }
  const { hlc } = tick(clock, change.now);
  return {
    mutationId: uuidv7(change.now),
    schemaVersion: SCHEMA_VERSION,
    recordType: change.recordType,
    recordId: change.recordId,
    tenantId: change.tenantId,
    fields: Object.fromEntries(Object.entries(change.values).map(([name, v]) => [name, { v, t: hlc }])),
    counters: {},
  };
}
