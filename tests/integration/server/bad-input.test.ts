/**
 * Bad input gets a clear 4xx or a per-mutation rejection with a reason —
 * never a 500 — and writes nothing (DESIGN.md "Quality bars").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import { MAX_PUSH_BYTES, MAX_PUSH_MUTATIONS, SCHEMA_VERSION } from '../../../src/domain/protocol.ts';
import { createApp } from '../../../src/server/app.ts';
import { createTestUser, type TestUser } from '../../fixtures/server-auth.ts';
import { attendance, editActivity, hlc, idFactory, newActivity, type PushedMutation } from '../../fixtures/server-mutations.ts';
import { DEVICE_A, DEVICE_B, NOW } from '../../fixtures/fixed.ts';
import { apiClient, rowCounts, storedMutation } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const ids = idFactory(100);
const existingActivity = ids();
const t = hlc(DEVICE_A);
const pushBody = (mutations: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ schemaVersion: SCHEMA_VERSION, deviceId: DEVICE_A, mutations, ...extra });

/** Whole requests the server must refuse: [what, request, status, reason]; a null header is left out. */
const BAD_REQUESTS: Array<[string, { body: string; headers?: Record<string, string | null> }, number, string]> = [
  ['malformed JSON', { body: '{"schemaVersion": 1, "mutations": [' }, 400, 'malformed-json'],
  ['an empty body', { body: '' }, 400, 'malformed-json'],
  [
    'a text/plain body',
    { body: pushBody([newActivity(ids, ids(), { device: DEVICE_A })]), headers: { 'content-type': 'text/plain' } },
    415,
    'unsupported-media-type',
  ],
  ['a form body', { body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported-media-type'],
  [
    'a body over the size limit',
    { body: pushBody([newActivity(ids, ids(), { device: DEVICE_A }, { notes: 'x'.repeat(MAX_PUSH_BYTES) })]) },
    413,
    'body-too-large',
  ],
  ['a JSON array instead of an object', { body: '[]' }, 400, 'invalid-payload'],
  ['JSON null', { body: 'null' }, 400, 'invalid-payload'],
  ['no mutations', { body: pushBody([]) }, 400, 'invalid-payload'],
  ['mutations that are not a list', { body: pushBody({} as never) }, 400, 'invalid-payload'],
  ['too many mutations', { body: pushBody(Array.from({ length: MAX_PUSH_MUTATIONS + 1 }, () => ({}))) }, 400, 'invalid-payload'],
  ['a missing schema version', { body: JSON.stringify({ deviceId: DEVICE_A, mutations: [{}] }) }, 400, 'invalid-payload'],
  ['a body deviceId that is not the token’s device', { body: pushBody([{}], { deviceId: DEVICE_B }) }, 400, 'invalid-payload'],
  ['no Authorization header', { body: pushBody([{}]), headers: { authorization: null } }, 401, 'unauthenticated'],
  [
    'the old X-Device-Id and X-Tenant-Id headers instead of a token',
    { body: pushBody([{}]), headers: { authorization: null, 'x-device-id': DEVICE_A, 'x-tenant-id': 'alblasserdam' } },
    401,
    'unauthenticated',
  ],
  ['a token nobody was given', { body: pushBody([{}]), headers: { authorization: `Bearer ${'A'.repeat(43)}` } }, 401, 'unauthenticated'],
  ['Basic instead of Bearer', { body: pushBody([{}]), headers: { authorization: 'Basic Y29vcmRpbmF0b3I6Z2Vo' } }, 401, 'unauthenticated'],
];

/** Mutations the server must reject one by one: [what, mutation, reason]. */
const BAD_MUTATIONS: Array<[string, () => PushedMutation | Record<string, unknown>, string]> = [
  ['an unknown record type', () => ({ ...newActivity(ids, ids(), { device: DEVICE_A }), recordType: 'spaceship' }), 'unknown-record-type'],
  ['an unknown field', () => newActivity(ids, ids(), { device: DEVICE_A }, { colour: 'rood' }), 'unknown-field'],
  ['a field named after Object.prototype', () => newActivity(ids, ids(), { device: DEVICE_A }, { constructor: 'x' }), 'unknown-field'],
  ['a number where text belongs', () => newActivity(ids, ids(), { device: DEVICE_A }, { title: 42 }), 'invalid-payload'],
  ['a date in the wrong format', () => newActivity(ids, ids(), { device: DEVICE_A }, { date: '31-12-2025' }), 'invalid-payload'],
  ['a list where text belongs', () => newActivity(ids, ids(), { device: DEVICE_A }, { themes: 'veiligheid' }), 'invalid-payload'],
  ['a huge string', () => newActivity(ids, ids(), { device: DEVICE_A }, { notes: 'x'.repeat(100_000) }), 'invalid-payload'],
  ['a field without a clock', () => ({ ...newActivity(ids, ids(), { device: DEVICE_A }), fields: { title: { v: 'x' } } }), 'invalid-payload'],
  ['a malformed clock', () => ({ ...newActivity(ids, ids(), { device: DEVICE_A }), fields: { title: { v: 'x', t: 'yesterday' } } }), 'invalid-payload'],
  ['a negative counter', () => attendance(ids, existingActivity, DEVICE_A, { residents: { p: -1 } }), 'invalid-payload'],
  ['a fractional counter', () => attendance(ids, existingActivity, DEVICE_A, { residents: { p: 1.5 } }), 'invalid-payload'],
  ['an absurd counter', () => attendance(ids, existingActivity, DEVICE_A, { residents: { p: 1e12 } }), 'invalid-payload'],
  ['a count that does not exist', () => attendance(ids, existingActivity, DEVICE_A, { spectators: { p: 1 } }), 'unknown-field'],
  ['another device’s counter entry', () => attendance(ids, existingActivity, DEVICE_B, { residents: { p: 1 } }), 'foreign-counter'],
  ['a new record without its required fields', () => editActivity(ids, ids(), { title: 'Alleen een titel' }, { device: DEVICE_A }), 'missing-fields'],
  ['a new attendance record without its activity', () => ({ ...attendance(ids, ids(), DEVICE_A, { residents: { p: 1 } }), fields: {} }), 'missing-fields'],
  [
    'an attendance id not derived from its activity',
    () => ({ ...attendance(ids, existingActivity, DEVICE_A, { residents: { p: 1 } }), recordId: ids() }),
    'invalid-payload',
  ],
  [
    'another type of record under an existing id',
    () => ({ ...attendance(ids, existingActivity, DEVICE_A, { residents: { p: 1 } }), recordId: existingActivity, fields: {} }),
    'type-mismatch',
  ],
  ['another tenant', () => ({ ...newActivity(ids, ids(), { device: DEVICE_A }), tenantId: 'ridderkerk' }), 'tenant-mismatch'],
  ['a newer payload schema', () => ({ ...newActivity(ids, ids(), { device: DEVICE_A }), schemaVersion: SCHEMA_VERSION + 1 }), 'schema-unsupported'],
  ['a record id that is not a UUID', () => ({ ...newActivity(ids, ids(), { device: DEVICE_A }), recordId: 'activity-1' }), 'invalid-payload'],
];

/** Mutations too broken to be recognised on retry: answered, not recorded. */
const UNRECOGNISABLE: Array<[string, unknown]> = [
  ['a number', 42],
  ['an object without a mutation id', { recordType: 'activity', fields: { title: { v: 'x', t } } }],
  ['a mutation id that is not a UUID', { ...newActivity(ids, ids(), { device: DEVICE_A }), mutationId: 'retry-me' }],
];

describe.each(DIALECTS)('bad input on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: [DEVICE_A] });
    await client().push(DEVICE_A, [newActivity(ids, existingActivity, { device: DEVICE_A })]);
  });
  afterAll(() => test.cleanup());
  const client = () => apiClient(createApp({ db: test.database, now: () => NOW }), coordinator);

  it.each(BAD_REQUESTS)('refuses %s with a reason, writing nothing', async (_what, request, status, reason) => {
    const before = await rowCounts(test.database);
    const answer = await sendWith(request.body, request.headers ?? {});
    expect(answer.status).toBe(status);
    expect(answer.body.error.reason).toBe(reason);
    expect(answer.body.error.message.length).toBeGreaterThan(10);
    expect(await rowCounts(test.database)).toEqual(before);
  });

  it('says which part of a malformed push is wrong', async () => {
    const answer = await client().pushRaw({ body: pushBody([]) });
    expect(answer.body.error.issues).toEqual([{ path: 'mutations', message: 'must hold at least one mutation' }]);
  });

  it('refuses bytes that are not UTF-8 as malformed', async () => {
    const answer = await client().pushRaw({ body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
    expect(answer.status).toBe(400);
    expect(answer.body.error.reason).toBe('malformed-json');
  });

  it.each(BAD_MUTATIONS)('rejects %s, records the rejection and writes no record', async (_what, make, reason) => {
    const mutation = make() as PushedMutation;
    const before = await rowCounts(test.database);
    const answer = await client().push(DEVICE_A, [mutation]);
    expect(answer.body.results).toEqual([
      expect.objectContaining({ mutationId: mutation.mutationId, status: 'rejected', reason, message: expect.any(String) }),
    ]);
    const after = await rowCounts(test.database);
    expect({ records: after.records, seq: after.seq }).toEqual({ records: before.records, seq: before.seq });
    expect(await storedMutation(test.database, mutation.mutationId)).toMatchObject({ status: 'rejected', reason });
  });

  it('gives field-level issues for wrong values', async () => {
    const answer = await client().push(DEVICE_A, [newActivity(ids, ids(), { device: DEVICE_A }, { title: 42, date: '2025-13-01' })]);
    expect(answer.body.results[0]?.issues?.map((issue) => issue.path)).toEqual(['fields.title.v', 'fields.date.v']);
  });

  it.each(UNRECOGNISABLE)('answers %s as rejected without recording it', async (_what, raw) => {
    const before = await rowCounts(test.database);
    const answer = await client().push(DEVICE_A, [raw]);
    expect(answer.body.results).toEqual([expect.objectContaining({ status: 'rejected', reason: 'invalid-payload' })]);
    expect(await rowCounts(test.database)).toEqual(before);
  });

  it('leaves the stored activity untouched by the rejected mutations aimed at it', async () => {
    const record = (await client().pullAll(1000)).find((candidate) => candidate.id === existingActivity);
    expect(record?.type).toBe('activity');
    expect(Object.keys(record?.counters ?? {})).toEqual([]);
    expect((await client().pullAll(1000)).some((candidate) => candidate.id === attendanceIdFor(existingActivity))).toBe(false);
  });

  it.each([
    ['a cursor that is not a number', 'cursor=abc'],
    ['a negative cursor', 'cursor=-1'],
    ['a limit above the maximum', 'limit=5000'],
    ['a limit of zero', 'limit=0'],
    ['a limit that is not a number', 'limit=many'],
  ])('refuses a pull with %s', async (_what, query) => {
    const answer = await client().send(`/api/v1/sync/pull?${query}`, { headers: coordinator.auth() });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { reason: 'invalid-payload', issues: [expect.objectContaining({ path: expect.any(String) })] } });
  });

  it('refuses a pull without a token', async () => {
    const answer = await apiClient(createApp({ db: test.database, now: () => NOW })).send('/api/v1/sync/pull', {});
    expect(answer).toMatchObject({ status: 401, body: { error: { reason: 'unauthenticated' } } });
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });

  async function sendWith(body: string, headers: Record<string, string | null>) {
    return client().pushRaw({ body, headers });
  }
});
