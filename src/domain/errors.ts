/**
 * Machine reasons for everything that can go wrong across the wire. The
 * server answers with these; the app turns them into Dutch or English text in
 * exactly one place (src/app/i18n). Never show a reason code to a person.
 */
import * as z from 'zod/mini';

export { toIssues } from './issues.ts';

export const REASONS = [
  'invalid-payload',
  'malformed-json',
  'unsupported-media-type',
  'body-too-large',
  'unknown-record-type',
  'unknown-field',
  'missing-fields',
  'type-mismatch',
  'tenant-mismatch',
  'foreign-counter',
  'clock-ahead',
  'schema-unsupported',
  'client-outdated',
  'unknown-tenant',
  'unauthenticated',
  'session-expired',
  'device-revoked',
  'invalid-credentials',
  'password-common',
  'rate-limited',
  'quota-exceeded',
  'invite-invalid',
  'forbidden',
  'unknown-activity',
  'unknown-finding',
  'unknown-parent',
  'purged',
  'not-found',
  'internal',
  'network',
  'server-unavailable',
] as const;
export const ReasonSchema = z.enum(REASONS);
export type Reason = z.infer<typeof ReasonSchema>;

export const IssueSchema = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof IssueSchema>;

/** The body of every 4xx/5xx answer of the API. */
export const ApiErrorSchema = z.object({
  error: z.object({
    reason: ReasonSchema,
    message: z.string(),
    issues: z.optional(z.array(IssueSchema)),
    /** The server's id of the request (its log line's `reqId`); the app shows it as "foutcode …". */
    requestId: z.optional(z.string()),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
