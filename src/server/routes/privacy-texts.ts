/**
 * `GET /api/v1/privacy-texts` (everyone signed in: the privacy screen) and
 * `PUT /api/v1/privacy-texts` (coordinator): the tenant's
 * verwerkingsregister and toegankelijkheidsverklaring. A save is audited.
 */
import { Hono } from 'hono';
import { UpdatePrivacyTextsRequestSchema, type PrivacyTexts } from '../../domain/person-data.ts';
import { authenticate, coordinatorsOnly, type AuthEnv } from '../auth/authenticate.ts';
import { appendAudit } from '../db/audit.ts';
import { readPrivacyTexts, savePrivacyTexts } from '../db/privacy-texts.ts';
import { readValidBody } from '../json-body.ts';
import type { ServerContext } from '../server-context.ts';

/** Two texts of at most 20,000 characters each, as JSON (escapes included). */
const MAX_BODY_BYTES = 256 * 1024;

export function privacyTextsRoute({ database, now }: ServerContext): Hono<AuthEnv> {
  return new Hono<AuthEnv>()
    .get('/privacy-texts', authenticate(database, now), async (c) =>
      c.json((await readPrivacyTexts(database.db, c.var.principal.tenantId)) satisfies PrivacyTexts),
    )
    .put('/privacy-texts', authenticate(database, now), coordinatorsOnly, async (c) => {
      const texts = await readValidBody(c.req.raw, UpdatePrivacyTextsRequestSchema, 'set of privacy texts', MAX_BODY_BYTES);
      const { principal, deviceId } = c.var;
      const time = now();
      await database.db.transaction().execute(async (trx) => {
        const fields = await savePrivacyTexts(trx, { tenantId: principal.tenantId, texts, by: principal.userId, now: time });
        if (fields.length > 0)
          await appendAudit(trx, [{ tenantId: principal.tenantId, at: time, userId: principal.userId, deviceId, action: 'privacy-texts.update', fields }]);
      });
      return c.json((await readPrivacyTexts(database.db, principal.tenantId)) satisfies PrivacyTexts);
    });
}
