/**
 * Periodic upkeep (issue 10, item 1): photos no record has shown for the
 * retention time (default 7 days; PHOTO_PURGE_DAYS) are deleted, each with
 * an audit entry `photo.purge`; usage events that left every window go.
 * main.ts runs it every hour; tests call it with their own clock.
 *
 * A photo counts from its upload, or from the moment the last record stopped
 * showing it (`photos.last_ref_at`), whichever is later. Run under the sync
 * write lock, so no push can add a reference between the check and the
 * delete; should a finding name a purged photo later, the push answers it
 * as missing and the phone uploads it again.
 */
import { sql } from 'kysely';
import type { Database } from './db/database.ts';
import { appendAudit } from './db/audit.ts';
import { forgetUsageBefore } from './db/usage.ts';
import { serialiseWrites } from './db/write-lock.ts';
import type { Limits } from './limits.ts';

/** Photos deleted per round at most; the next round goes on. */
const PURGE_BATCH = 500;
const MAX_ROUNDS = 100;

export type PurgeReport = { readonly photosPurged: number };

/**
 * @example
 * await runMaintenance(database, DEFAULT_LIMITS, Date.now());
 */
export async function runMaintenance(database: Database, limits: Pick<Limits, 'photoRetentionMs' | 'windowMs'>, now: number): Promise<PurgeReport> {
  const photosPurged = await purgeUnreferencedPhotos(database, limits.photoRetentionMs, now);
  await forgetUsageBefore(database.db, now - limits.windowMs);
  return { photosPurged };
}

export async function purgeUnreferencedPhotos(database: Database, retentionMs: number, now: number): Promise<number> {
  const cutoff = now - retentionMs;
  let purged = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const count = await database.db.transaction().execute(async (trx) => {
      await serialiseWrites(trx, database.dialect);
      const stale = await trx
        .selectFrom('photos')
        .select(['tenant_id', 'sha256'])
        .where('created_at', '<', cutoff)
        .where((eb) => eb.or([eb('last_ref_at', 'is', null), eb('last_ref_at', '<', cutoff)]))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('photo_refs')
                .select(sql.lit(1).as('one'))
                .whereRef('photo_refs.tenant_id', '=', 'photos.tenant_id')
                .whereRef('photo_refs.sha256', '=', 'photos.sha256'),
            ),
          ),
        )
        .orderBy('created_at')
        .limit(PURGE_BATCH)
        .execute();
      for (const photo of stale) await trx.deleteFrom('photos').where('tenant_id', '=', photo.tenant_id).where('sha256', '=', photo.sha256).execute();
      await appendAudit(
        trx,
        stale.map((photo) => ({
          tenantId: photo.tenant_id,
          at: now,
          userId: null,
          deviceId: null,
          action: 'photo.purge' as const,
          recordType: 'photo',
          recordId: photo.sha256,
        })),
      );
      return stale.length;
    });
    purged += count;
    if (count < PURGE_BATCH) break;
  }
  return purged;
}
