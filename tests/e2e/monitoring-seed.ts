/** The monitoring e2e tests' data, pushed through the sync API as a device would: every date from now. */
import { expect } from 'vitest';
import { attendanceIdFor } from '../../src/domain/attendance.ts';
import { formatHlc } from '../../src/domain/hlc.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import { amsterdamDay } from '../../src/domain/indicators.ts';
import { indicatorTargetIdFor, residentCountIdFor } from '../../src/domain/monitoring-settings.ts';
import { SCHEMA_VERSION } from '../../src/domain/schema-version.ts';
import { signIn, type RunningServer } from './harness.ts';

const DEVICE = 'e2e-monitoring-seed';

/** How a test adds its own records to the seed's push: the same record maker, ids and day. */
export type SeedExtra = (make: {
  record: (recordType: string, recordId: string, values: Record<string, unknown>, counters?: Record<string, number>) => unknown;
  id: () => string;
  today: string;
  now: number;
}) => unknown[];

/**
 * Two held activities today in the Oranjebuurt (12 and 8 people), one planned (not counted); 1000 residents; a 0-meting of 15 participants;
 * and whatever `extra` adds.
 */
export async function seed(server: RunningServer, extra: SeedExtra = () => []): Promise<void> {
  const now = Date.now();
  const today = amsterdamDay(now);
  const t = formatHlc({ wall: now, counter: 0, node: DEVICE });
  const token = await signIn(server, { deviceId: DEVICE });
  let n = 0;
  const id = () => uuidv7(now + n++);
  const fields = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([name, v]) => [name, { v, t }]));
  const record = (recordType: string, recordId: string, values: Record<string, unknown>, counters: Record<string, number> = {}) => ({
    mutationId: id(),
    schemaVersion: SCHEMA_VERSION,
    recordType,
    recordId,
    tenantId: 'alblasserdam',
    fields: fields(values),
    counters: Object.fromEntries(Object.entries(counters).map(([key, p]) => [key, { [DEVICE]: { p, n: 0 } }])),
  });
  const activity = (status: string) => ({
    title: 'Buurtavond',
    type: 'meeting',
    buurtId: 'oranjebuurt',
    date: today,
    start: '19:30',
    status,
    createdAt: now,
    createdBy: 'e2e',
  });
  const [a, b, c] = [id(), id(), id()];
  const mutations = [
    record('activity', a, activity('held')),
    record('activity', b, activity('held')),
    record('activity', c, activity('planned')),
    record('attendance', attendanceIdFor(a), { activityId: a, method: 'headcount' }, { residents: 10, volunteers: 2, firstTimers: 4 }),
    record('attendance', attendanceIdFor(b), { activityId: b, method: 'headcount' }, { residents: 8 }),
    record('attendance', attendanceIdFor(c), { activityId: c, method: 'headcount' }, { residents: 50 }),
    record('residentCount', residentCountIdFor('oranjebuurt', Number(today.slice(0, 4))), {
      buurtId: 'oranjebuurt',
      year: Number(today.slice(0, 4)),
      count: 1000,
    }),
    record('indicatorTarget', indicatorTargetIdFor('participants'), { indicator: 'participants', baseline: 15 }),
    ...extra({ record, id, today, now }),
  ];
  const response = await fetch(`${server.url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ schemaVersion: SCHEMA_VERSION, deviceId: DEVICE, mutations }),
  });
  const answer = (await response.json()) as { results: Array<{ status: string }> };
  expect(answer.results.map((result) => result.status)).toEqual(mutations.map(() => 'applied'));
}
