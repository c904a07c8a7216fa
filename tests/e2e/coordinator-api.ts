/**
 * What the coordinator does through the API in the e2e tests, where the
 * screens for it are not what a test is about: invites, accounts with a
 * password (police, professionals), records pushed as a device would.
 */
import { formatHlc } from '../../src/domain/hlc.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import { SCHEMA_VERSION } from '../../src/domain/schema-version.ts';
import { signIn, type RunningServer } from './harness.ts';

const DEVICE_ID = 'e2e-coordinator-api-0001';

export type CoordinatorApi = {
  /** A one-time invite link for a new volunteer of the team. */
  invite(teamId: string, displayName: string): Promise<string>;
  /** An account with an e-mail address and password (police, professional). */
  createUser(user: { displayName: string; email: string; password: string; role: 'police' | 'professional'; buurtIds: string[] }): Promise<void>;
  /** Creating writes of records, as the coordinator's device pushes them, stamped now; each must be applied. */
  push(records: ReadonlyArray<{ type: string; id: string; values: Record<string, unknown> }>): Promise<void>;
};

export async function coordinatorApi(server: RunningServer): Promise<CoordinatorApi> {
  const token = await signIn(server, { deviceId: DEVICE_ID });
  const call = (method: string, path: string, body: unknown) => apiCall(server, token, method, path, body);
  return {
    invite: async (teamId, displayName) => ((await call('POST', '/invites', { teamId, displayName })) as { url: string }).url,
    createUser: async (user) => {
      await call('POST', '/users', user);
    },
    push: async (records) => {
      const answer = (await call('POST', '/sync/push', {
        schemaVersion: SCHEMA_VERSION,
        deviceId: DEVICE_ID,
        mutations: records.map((record) => creating(DEVICE_ID, record.type, record.id, record.values)),
      })) as { results: Array<{ status: string; message?: string }> };
      const refused = answer.results.filter((result) => result.status !== 'applied');
      if (refused.length > 0) throw new Error(`push refused: ${JSON.stringify(refused)}`);
    },
  };
}

/** One call of the API with a bearer token; an answer of 300 or more throws with its text. */
export async function apiCall(server: RunningServer, token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** A creating write as device `node` pushes it, stamped now. */
export function creating(node: string, recordType: string, recordId: string, values: Record<string, unknown>) {
  const now = Date.now();
  const t = formatHlc({ wall: now, counter: 0, node });
  return {
    mutationId: uuidv7(now),
    schemaVersion: SCHEMA_VERSION,
    recordType,
    recordId,
    tenantId: 'alblasserdam',
    fields: Object.fromEntries(Object.entries(values).map(([field, v]) => [field, { v, t }])),
    counters: {},
  };
}
