/** `GET /api/v1/audit?cursor=&limit=&recordId=` (coordinator): who changed what, newest first. */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AuditPage } from '../../domain/auth.ts';
import { toIssues } from '../../domain/issues.ts';
import { RecordIdSchema } from '../../domain/record-schema.ts';
import { authenticate, coordinatorsOnly, type AuthEnv } from '../auth/authenticate.ts';
import { readAudit } from '../db/audit.ts';
import { ApiFailure } from '../errors.ts';
import type { ServerContext } from '../server-context.ts';

const AuditQuerySchema = z.object({
  /** The `cursor` of the previous page: entries older than it. */
  cursor: z.optional(z.string().check(z.regex(/^\d{1,18}$/, 'must be a cursor from an earlier page'))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500, 'must be at most 500')), 100),
  recordId: z.optional(RecordIdSchema),
});

export function auditRoute({ database, now }: ServerContext): Hono<AuthEnv> {
  return new Hono<AuthEnv>().get('/audit', authenticate(database, now), coordinatorsOnly, async (c) => {
    const query = z.safeParse(AuditQuerySchema, c.req.query());
    if (!query.success) throw new ApiFailure(400, 'invalid-payload', 'The audit query is not valid.', toIssues(query.error));
    const { cursor, limit, recordId } = query.data;
    const page = await readAudit(database.db, {
      tenantId: c.var.principal.tenantId,
      before: cursor === undefined ? null : Number(cursor),
      limit,
      recordId: recordId ?? null,
    });
    const last = page.entries.at(-1);
    return c.json({ entries: page.entries, cursor: last ? String(last.seq) : null, hasMore: page.hasMore } satisfies AuditPage);
  });
}
