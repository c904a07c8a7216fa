import { describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../src/domain/attendance.ts';
import { formatHlc } from '../../src/domain/hlc.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import * as z from 'zod/mini';
import { checkAgainstStored, checkMutation, MAX_CLOCK_AHEAD_MS, PullResponseSchema, SCHEMA_VERSION } from '../../src/domain/protocol.ts';

const now = 1_763_800_000_000;
const device = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const ctx = { deviceId: device, tenantId: 'alblasserdam', now };
const t = formatHlc({ wall: now, counter: 0, node: device });
const activityId = uuidv7(now);

function mutation(overrides: Record<string, unknown> = {}) {
  return {
    mutationId: uuidv7(now),
    schemaVersion: SCHEMA_VERSION,
    recordType: 'activity',
    recordId: activityId,
    tenantId: 'alblasserdam',
    fields: { title: { v: 'Koffieochtend', t } },
    ...overrides,
  };
}

describe('checking a pushed mutation', () => {
  it('accepts a well-formed change', () => {
    expect(checkMutation(mutation(), ctx).ok).toBe(true);
  });

  it.each([
    ['an unknown record type', { recordType: 'spaceship' }, 'unknown-record-type'],
    ['an unknown field', { fields: { colour: { v: 'red', t } } }, 'unknown-field'],
    ['a value of the wrong type', { fields: { title: { v: 42, t } } }, 'invalid-payload'],
    ['a huge string', { fields: { title: { v: 'x'.repeat(10_000), t } } }, 'invalid-payload'],
    ['another tenant', { tenantId: 'ridderkerk' }, 'tenant-mismatch'],
    ['a newer schema', { schemaVersion: SCHEMA_VERSION + 1 }, 'schema-unsupported'],
    ['a clock running ahead', { fields: { title: { v: 'x', t: formatHlc({ wall: now + MAX_CLOCK_AHEAD_MS + 1, counter: 0, node: device }) } } }, 'clock-ahead'],
    [
      'another device’s counter entry',
      { recordType: 'attendance', recordId: attendanceIdFor(activityId), fields: {}, counters: { residents: { 'someone-else-1': { p: 1, n: 0 } } } },
      'foreign-counter',
    ],
    [
      'a negative counter',
      { recordType: 'attendance', recordId: attendanceIdFor(activityId), fields: {}, counters: { residents: { [device]: { p: -1, n: 0 } } } },
      'invalid-payload',
    ],
    [
      'a postcode that is not a PC4',
      { recordType: 'attendance', recordId: attendanceIdFor(activityId), fields: {}, counters: { 'pc4:12': { [device]: { p: 1, n: 0 } } } },
      'unknown-field',
    ],
  ])('refuses %s', (_what, overrides, reason) => {
    const result = checkMutation(mutation(overrides), ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });

  it('says which field is wrong', () => {
    const result = checkMutation(mutation({ fields: { date: { v: '31-12-2026', t } } }), ctx);
    expect(result.ok === false && result.issues?.[0]?.path).toBe('fields.date.v');
  });

  it('refuses an attendance record whose id is not derived from its activity', () => {
    const result = checkMutation(mutation({ recordType: 'attendance', recordId: uuidv7(now), fields: { activityId: { v: activityId, t } } }), ctx);
    expect(result.ok).toBe(false);
  });

  it('refuses a half-written new record', () => {
    const checked = checkMutation(mutation(), ctx);
    if (!checked.ok) throw new Error('expected a valid mutation');
    expect(checkAgainstStored(checked.value, undefined)?.reason).toBe('missing-fields');
  });
});

describe('the pull answer on the wire', () => {
  const page = { records: [], cursor: 'abc123def456.9', hasMore: false, serverTime: 1 };
  const id = uuidv7(1_700_000_000_000);

  it('carries records that left the caller’s scope as `gone`, and does without it', () => {
    expect(z.parse(PullResponseSchema, { ...page, gone: [{ id, type: 'activity' }] }).gone).toEqual([{ id, type: 'activity' }]);
    expect(z.parse(PullResponseSchema, page).gone).toBeUndefined();
    expect(z.safeParse(PullResponseSchema, { ...page, gone: [{ id, type: 'no-such-type' }] }).success).toBe(false);
  });

  it('ignores a field it does not know, as an app from before `gone` ignores that one', () => {
    const parsed = z.parse(PullResponseSchema, { ...page, somethingNewer: [{ id }] });
    expect(parsed).toEqual(page);
  });
});
