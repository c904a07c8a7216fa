/**
 * The wire shape of a synced record, as the protocol parses it (pulled
 * records, pushed mutations). Apart from records.ts so that the first screen,
 * which reads records from its own store, does not load these schemas.
 */
import * as z from 'zod/mini';
import { ConfigIdSchema, plainString } from './fields.ts';
import { HlcSchema } from './hlc.ts';
import { RECORD_TYPES } from './records.ts';

export const RecordTypeSchema = z.enum(RECORD_TYPES);

/** A record id: a UUID made on a device, or a seeded configuration item's slug ('oranjebuurt'). */
export const RecordIdSchema = ConfigIdSchema;

export const MAX_COUNT = 1_000_000;
export const CounterEntrySchema = z.object({
  p: z.int().check(z.gte(0, 'must be 0 or more'), z.lte(MAX_COUNT, `must be at most ${MAX_COUNT}`)),
  n: z.int().check(z.gte(0, 'must be 0 or more'), z.lte(MAX_COUNT, `must be at most ${MAX_COUNT}`)),
});
export const FieldValueSchema = z.object({ v: z.unknown(), t: HlcSchema });
export const FieldMapSchema = z.record(plainString(64), FieldValueSchema);
export const CounterSchema = z.record(plainString(64), CounterEntrySchema);
export const CounterMapSchema = z.record(plainString(64), CounterSchema);

/** A record's merged state: per-field LWW registers and per-device PN-counters. */
export const SyncRecordSchema = z.object({
  id: RecordIdSchema,
  type: RecordTypeSchema,
  tenantId: ConfigIdSchema,
  fields: FieldMapSchema,
  counters: CounterMapSchema,
});
