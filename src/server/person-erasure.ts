/**
 * Erasure (AVG art. 17) of one person of a tenant, in one transaction under
 * the write lock: everything happens or nothing does, and it cannot be
 * undone — what identified the person is deleted, not hidden.
 *
 * - Gone: the account (name, e-mail, password hash), every device row (with
 *   its name), invites for them, sign-in counters keyed by their e-mail. Only
 *   the devices' token hashes stay (`erased_device_tokens`), so each phone
 *   hears "device revoked" and wipes its data at its next contact.
 * - Kept, without their name: the records they made (they belong to the
 *   programme), the history entries and audit entries by them. Those name
 *   only their user id, a random UUID that after this leads to nobody; the
 *   app shows it as their pseudonym ("vrijwilliger 7", `erased_users`).
 * - Changed like any server change (merged, sequenced, audited, pulled by
 *   every phone): a roster sign-up's name becomes the pseudonym; teams no
 *   longer list them; their name or e-mail in a record's text (a note)
 *   becomes the pseudonym — in a history entry's note too, the one change
 *   the server makes to an append-only entry for this (apply-push.ts
 *   `redactsHistory`). None of it is counted by an indicator, so counts and
 *   indicators stay exactly as they were (tested on both databases).
 */
import type { Transaction } from 'kysely';
import * as z from 'zod/mini';
import { pseudonymFor, replaceName, type ErasurePreview, type ErasureResult } from '../domain/person-data.ts';
import { RECORD_DEFINITIONS, type SyncRecord } from '../domain/records.ts';
import { applyMutations } from './apply-push.ts';
import { appendAudit } from './db/audit.ts';
import type { Database } from './db/database.ts';
import { loadRecordsMentioning } from './db/records.ts';
import type { Schema } from './db/schema.ts';
import { countActiveCoordinators } from './db/users.ts';
import { serialiseWrites } from './db/write-lock.ts';
import { ApiFailure } from './errors.ts';
import type { ChangedScope } from './live/change-feed.ts';
import { findFootprint, type Footprint } from './person-footprint.ts';
import { serverActor, serverMutation } from './server-changes.ts';

type Erasure = { readonly result: ErasureResult; readonly changed: readonly ChangedScope[] };
type ErasureRequest = { tenantId: string; userId: string; by: { userId: string; deviceId: string }; now: number };

/** What erasing the person would do (for the confirmation), or null when the tenant has no such user. */
export async function previewErasure(database: Database, tenantId: string, userId: string): Promise<ErasurePreview | null> {
  const footprint = await findFootprint(database.db, tenantId, userId);
  if (!footprint) return null;
  const pseudonym = pseudonymFor(footprint.user.role, await nextNumber(database.db, tenantId));
  const plan = planChanges(footprint, await mentionsOf(database.db, database.dialect, footprint), pseudonym);
  return {
    userId,
    displayName: footprint.user.displayName,
    pseudonym,
    devices: footprint.devices.length,
    auditEntries: footprint.audit.length,
    records: footprint.records.length + footprint.history.length,
    signUps: footprint.signUps.length,
    teams: footprint.teams.length,
    mentions: plan.mentions,
  };
}

/**
 * Erases the person; throws 404 for an unknown user and 403 for oneself or
 * the last active coordinator (the tenant would have nobody to run it).
 */
export async function erasePerson(database: Database, request: ErasureRequest): Promise<Erasure> {
  const { tenantId, userId, now } = request;
  if (userId === request.by.userId) throw new ApiFailure(403, 'forbidden', 'You cannot erase yourself; ask another coordinator.');
  const changed: ChangedScope[] = [];
  const result = await database.db.transaction().execute(async (trx) => {
    await serialiseWrites(trx, database.dialect);
    const footprint = await findFootprint(trx, tenantId, userId);
    if (!footprint) throw new ApiFailure(404, 'not-found', 'There is no such user in this municipality; they may have been erased already.');
    if (footprint.user.role === 'coordinator' && footprint.user.isActive && (await countActiveCoordinators(trx, tenantId)) <= 1)
      throw new ApiFailure(403, 'forbidden', 'This is the last active coordinator of the municipality; make someone else coordinator first.');

    const number = await nextNumber(trx, tenantId);
    const pseudonym = pseudonymFor(footprint.user.role, number);
    await trx
      .insertInto('erased_users')
      .values({ tenant_id: tenantId, user_id: userId, number, role: footprint.user.role, erased_at: now, erased_by: request.by.userId })
      .execute();

    const plan = planChanges(footprint, await mentionsOf(trx, database.dialect, footprint), pseudonym);
    const mutations = plan.changes.map(({ record, values }) =>
      serverMutation({ tenantId: record.tenantId, recordType: record.type, recordId: record.id, values, now, stored: record }),
    );
    const results = await applyMutations(trx, { actor: { ...serverActor(tenantId, request.by), redactsHistory: true }, mutations, now, changed });
    const refused = results.find((outcome) => outcome.status === 'rejected');
    if (refused) throw new Error(`erasing ${userId}: a change of their records was refused: ${refused.status === 'rejected' ? refused.message : ''}`);

    const devicesRemoved = await removeAccount(trx, footprint, now);
    await appendAudit(trx, [
      {
        tenantId,
        at: now,
        userId: request.by.userId,
        deviceId: request.by.deviceId,
        action: 'user.erase',
        recordType: 'user',
        recordId: userId,
        detail: { pseudonym, devices: devicesRemoved, records: footprint.records.length + footprint.history.length },
      },
    ]);
    return { userId, pseudonym, devicesRemoved, recordsChanged: mutations.length } satisfies ErasureResult;
  });
  return { result, changed };
}

type Plan = {
  readonly changes: ReadonlyArray<{ record: SyncRecord; values: Record<string, unknown> }>;
  readonly mentions: number;
};

/**
 * What erasure changes in records: the sign-ups' name, the teams' members,
 * and every top-level text field that names the person (display name or
 * e-mail) in a record that may change. Pure, so the preview and the erasure
 * count the same.
 */
function planChanges(footprint: Footprint, mentioned: readonly SyncRecord[], pseudonym: string): Plan {
  const { user } = footprint;
  const changes = new Map<string, { record: SyncRecord; values: Record<string, unknown> }>();
  const put = (record: SyncRecord, values: Record<string, unknown>) => {
    const entry = changes.get(record.id) ?? { record, values: {} };
    changes.set(record.id, { record, values: { ...entry.values, ...values } });
  };
  let mentions = 0;
  const needles = [user.displayName, ...(user.email === null ? [] : [user.email])];
  const ownSignUps = new Set(footprint.signUps.map((signUp) => signUp.id));
  for (const record of mentioned) {
    // Their own sign-ups carry their name by design: renamed below, not counted as a mention.
    if (ownSignUps.has(record.id)) continue;
    const values: Record<string, unknown> = {};
    for (const [field, { v }] of Object.entries(record.fields)) {
      if (typeof v !== 'string') continue;
      const replaced = needles.reduce((text, needle) => replaceName(text, needle, pseudonym), v);
      if (replaced === v) continue;
      // A pseudonym longer than a short name may push a full note past its limit: then '…' stands for the name.
      const schema = RECORD_DEFINITIONS[record.type].fields[field];
      values[field] = !schema || z.safeParse(schema, replaced).success ? replaced : needles.reduce((text, needle) => replaceName(text, needle, '…'), v);
    }
    if (Object.keys(values).length === 0) continue;
    mentions++;
    put(record, values);
  }
  for (const signUp of footprint.signUps) if (signUp.fields['name']?.v !== pseudonym) put(signUp, { name: pseudonym });
  for (const team of footprint.teams) put(team, { memberIds: ((team.fields['memberIds']?.v as string[]) ?? []).filter((id) => id !== user.id) });
  return { changes: [...changes.values()], mentions };
}

/** Records whose text may name the person, by display name or e-mail. */
async function mentionsOf(db: Database['db'] | Transaction<Schema>, dialect: Database['dialect'], { user }: Footprint): Promise<SyncRecord[]> {
  const found = new Map<string, SyncRecord>();
  for (const needle of [user.displayName, ...(user.email === null ? [] : [user.email])])
    for (const record of await loadRecordsMentioning(db, dialect, user.tenantId, needle)) found.set(record.id, record);
  return [...found.values()];
}

/** Deletes the rows that identify the person; answers how many devices went. */
async function removeAccount(trx: Transaction<Schema>, { user, devices: rows }: Footprint, now: number): Promise<number> {
  // Their phones still learn they were revoked, and wipe themselves, at their next contact.
  if (rows.length > 0)
    await trx
      .insertInto('erased_device_tokens')
      .values(rows.map((row) => ({ token_hash: row.token_hash, tenant_id: user.tenantId, erased_at: now })))
      .onConflict((oc) => oc.column('token_hash').doNothing())
      .execute();
  const devices = await trx.deleteFrom('devices').where('tenant_id', '=', user.tenantId).where('user_id', '=', user.id).executeTakeFirst();
  await trx
    .deleteFrom('invites')
    .where('tenant_id', '=', user.tenantId)
    .where((eb) => eb.or([eb('user_id', '=', user.id), eb('used_by', '=', user.id)]))
    .execute();
  await trx.deleteFrom('users').where('tenant_id', '=', user.tenantId).where('id', '=', user.id).execute();
  if (user.email !== null) {
    // Sign-in counters are keyed by e-mail across tenants: kept while another account still uses the address.
    const other = await trx.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirst();
    if (!other) {
      // LIKE narrows (an '_' in the address matches any character); the exact prefix decides.
      const prefix = `${user.email}|`;
      const rows = await trx.selectFrom('sign_in_delays').select('key').where('key', 'like', `${prefix}%`).execute();
      const keys = rows.map((row) => row.key).filter((key) => key.startsWith(prefix));
      if (keys.length > 0) await trx.deleteFrom('sign_in_delays').where('key', 'in', keys).execute();
      await trx.deleteFrom('sign_in_attempts').where('key', '=', `account:${user.email}`).execute();
    }
  }
  return Number(devices.numDeletedRows);
}

async function nextNumber(db: Database['db'] | Transaction<Schema>, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('erased_users')
    .select((eb) => eb.fn.max('number').as('highest'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return Number(row?.highest ?? 0) + 1;
}
