/** The tenant's verwerkingsregister and toegankelijkheidsverklaring (migration 0009); the default texts until its coordinator saves its own. */
import type { Kysely, Transaction } from 'kysely';
import { DEFAULT_PRIVACY_TEXTS, PRIVACY_TEXT_KINDS, type PrivacyTexts, type UpdatePrivacyTextsRequest } from '../../domain/person-data.ts';
import type { Schema } from './schema.ts';

export async function readPrivacyTexts(db: Kysely<Schema> | Transaction<Schema>, tenantId: string): Promise<PrivacyTexts> {
  const rows = await db.selectFrom('privacy_texts').select(['kind', 'body', 'updated_at']).where('tenant_id', '=', tenantId).execute();
  const stored = new Map(rows.map((row) => [row.kind, row]));
  const updated = rows.map((row) => row.updated_at);
  return {
    processingRegister: stored.get('processingRegister')?.body ?? DEFAULT_PRIVACY_TEXTS.processingRegister,
    accessibilityStatement: stored.get('accessibilityStatement')?.body ?? DEFAULT_PRIVACY_TEXTS.accessibilityStatement,
    updatedAt: updated.length > 0 ? Math.max(...updated) : null,
  };
}

/** Saves both texts; answers the names of those that changed. */
export async function savePrivacyTexts(
  trx: Transaction<Schema>,
  change: { tenantId: string; texts: UpdatePrivacyTextsRequest; by: string; now: number },
): Promise<string[]> {
  const before = await readPrivacyTexts(trx, change.tenantId);
  const changed = PRIVACY_TEXT_KINDS.filter((kind) => before[kind] !== change.texts[kind]);
  for (const kind of changed) {
    await trx
      .insertInto('privacy_texts')
      .values({ tenant_id: change.tenantId, kind, body: change.texts[kind], updated_at: change.now, updated_by: change.by })
      .onConflict((oc) => oc.columns(['tenant_id', 'kind']).doUpdateSet({ body: change.texts[kind], updated_at: change.now, updated_by: change.by }))
      .execute();
  }
  return changed;
}
