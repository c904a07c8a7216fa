/**
 * The AVG rights of a person, for the tenant's coordinators:
 * `GET /api/v1/users/:id/export` (inzage: a ZIP of JSON and CSV files),
 * `GET /api/v1/users/:id/erasure` (what erasing will do, for the
 * confirmation), `POST /api/v1/users/:id/erase` (irreversible) and
 * `GET /api/v1/users/erased` (the pseudonyms the app shows for erased
 * people). The work is in person-export.ts and person-erasure.ts.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { IdSchema } from '../../domain/ids.ts';
import { pseudonymFor, type ErasedPerson, type ErasurePreview, type ErasureResult } from '../../domain/person-data.ts';
import type { Role } from '../../domain/permissions.ts';
import { authenticate, coordinatorsOnly, type AuthEnv } from '../auth/authenticate.ts';
import { ApiFailure } from '../errors.ts';
import { distinctScopes } from '../live/change-feed.ts';
import { erasePerson, previewErasure } from '../person-erasure.ts';
import { exportPerson } from '../person-export.ts';
import type { ServerContext } from '../server-context.ts';

const NO_SUCH_USER = 'There is no such user in this municipality; they may have been erased already.';

export function personDataRoute(ctx: ServerContext): Hono<AuthEnv> {
  const { database, now, live } = ctx;
  const coordinator = [authenticate(database, now), coordinatorsOnly] as const;
  return new Hono<AuthEnv>()
    .get('/erased', ...coordinator, async (c) => {
      const rows = await database.db
        .selectFrom('erased_users')
        .select(['user_id', 'number', 'role', 'erased_at'])
        .where('tenant_id', '=', c.var.principal.tenantId)
        .orderBy('number')
        .execute();
      return c.json(
        rows.map((row) => ({ userId: row.user_id, pseudonym: pseudonymFor(row.role as Role, row.number), erasedAt: row.erased_at })) satisfies ErasedPerson[],
      );
    })

    .get('/:id/export', ...coordinator, async (c) => {
      const { principal, deviceId } = c.var;
      const bundle = await exportPerson(database, {
        tenantId: principal.tenantId,
        userId: userIdOf(c.req.param('id')),
        by: { userId: principal.userId, deviceId },
        now: now(),
      });
      if (!bundle) throw new ApiFailure(404, 'not-found', NO_SUCH_USER);
      return c.body(bundle.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${bundle.fileName}"`,
      });
    })

    .get('/:id/erasure', ...coordinator, async (c) => {
      const preview = await previewErasure(database, c.var.principal.tenantId, userIdOf(c.req.param('id')));
      if (!preview) throw new ApiFailure(404, 'not-found', NO_SUCH_USER);
      return c.json(preview satisfies ErasurePreview);
    })

    .post('/:id/erase', ...coordinator, async (c) => {
      const { principal, deviceId } = c.var;
      const { result, changed } = await erasePerson(database, {
        tenantId: principal.tenantId,
        userId: userIdOf(c.req.param('id')),
        by: { userId: principal.userId, deviceId },
        now: now(),
      });
      // Committed: the renamed sign-ups and smaller teams are news to the phones that read them.
      await live.publish({ tenantId: principal.tenantId, deviceId, scopes: distinctScopes(changed) });
      return c.json(result satisfies ErasureResult);
    });
}

function userIdOf(id: string): string {
  if (!z.safeParse(IdSchema, id).success) throw new ApiFailure(404, 'not-found', NO_SUCH_USER);
  return id;
}
