/**
 * UUIDv7 ids, made on the device that creates a record (RFC 9562 §5.7):
 * 48 bits of Unix milliseconds, then random bits. Sortable by creation time,
 * never reused.
 */
import * as z from 'zod/mini';

export const IdSchema = z.uuid('must be a UUID');
export type Id = z.infer<typeof IdSchema>;

export { uuidv7 } from './uuid.ts';
