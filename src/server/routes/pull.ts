/**
 * `GET /api/v1/sync/pull?cursor=&limit=`: the records changed after the
 * cursor that the caller may read, oldest change first, tombstones included.
 * Correct only because pushes commit in sequence order (db/write-lock.ts).
 *
 * The cursor is `<scope>.<seq>`, `seq` numbering the tenant's own changes
 * (db/sequence.ts: another tenant's writes never move it); `scope` fingerprints what the caller may
 * see (tenant, role, buurten, teams). When that changes — a volunteer moved
 * to another team — the old cursor's records were chosen for another scope,
 * so the pull starts again from 0 with `reset: true` and the device rebuilds
 * its view from what it may see now.
 *
 * After a restore from a backup the server has lost changes it had
 * acknowledged. The cursor's scope carries the database's epoch (a new one
 * at each restore, db/sequence.ts), and a cursor past the tenant's last
 * change number can only come from before a restore too: either way the
 * pull starts from 0 with `reset` and `restored`, and the phone first puts
 * its own changes back in its outbox (src/sync/README.md "Restore").
 *
 * Each record is served as the caller's role may read it
 * (`withHiddenFields`, permissions.ts HIDDEN_FIELDS): the police get a
 * round's time and area, and its route track only when the team shares it.
 *
 * A record that left the caller's scope (moved to another buurt or team, or
 * its activity did) is named in `gone`: the page's scope exits
 * (db/scope-exits.ts) of a scope the caller could read, for records the
 * caller cannot read as they are now. Nobody else learns of them, and a
 * record that came back into scope arrives instead (its change is numbered
 * after the exit, so it is in this page or a later one).
 *
 * Pages are taken over ALL the tenant's changes by sequence number, then
 * filtered: the cursor moves past records the caller may not read, and
 * `hasMore` says whether more changes exist, even if none of them is theirs.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import * as z from 'zod/mini';
import { toIssues } from '../../domain/errors.ts';
import { can, withHiddenFields, type Principal } from '../../domain/permissions.ts';
import { PullQuerySchema, type PullResponse } from '../../domain/protocol.ts';
import type { RecordType } from '../../domain/records.ts';
import { authenticate, type AuthEnv } from '../auth/authenticate.ts';
import { purgesSince } from '../db/purges.ts';
import { currentSequence, databaseEpoch } from '../db/sequence.ts';
import { loadRecords, recordsSince } from '../db/records.ts';
import type { Schema } from '../db/schema.ts';
import { scopeExitsSince, type ScopeExit } from '../db/scope-exits.ts';
import { ApiFailure } from '../errors.ts';
import { readableRecords } from '../readable.ts';
import type { ServerContext } from '../server-context.ts';

export function pullRoute({ database, now }: ServerContext): Hono<AuthEnv> {
  return new Hono<AuthEnv>().get('/pull', authenticate(database, now), async (c) => {
    const query = z.safeParse(PullQuerySchema, c.req.query());
    if (!query.success) throw new ApiFailure(400, 'invalid-payload', 'The pull query is not valid.', toIssues(query.error));
    const { principal } = c.var;
    const epoch = await databaseEpoch(database.db);
    const scope = `${scopeFingerprint(principal)}${epoch === 0 ? '' : `r${epoch.toString(36)}`}`;
    const { from, reset, restored } = startOf(query.data.cursor, scope, await currentSequence(database.db, principal.tenantId));

    const { limit } = query.data;
    const records = await recordsSince(database.db, principal.tenantId, from, limit);
    // Purge markers share the records' sequence: the page is the first `limit` changes of both.
    const purges = await purgesSince(database.db, principal.tenantId, from, limit);
    const exits = await scopeExitsSince(database.db, principal.tenantId, from, limit);
    const changes = [
      ...records.rows.map((row) => ({ seq: row.seq, record: row.record })),
      ...purges.rows.map((marker) => ({ seq: marker.seq, marker })),
      ...exits.rows.map((exit) => ({ seq: exit.seq, exit })),
    ]
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit);
    const readable = await readableRecords(
      database.db,
      principal,
      changes.flatMap((change) => ('record' in change ? [change.record] : [])),
    );
    // Told only to those who could read the record.
    const purged = changes.flatMap((change) =>
      'marker' in change && can(principal, 'read', change.marker.type, change.marker.scope) ? [{ id: change.marker.id, type: change.marker.type }] : [],
    );

    const gone = await goneFrom(
      database.db,
      principal,
      changes.flatMap((change) => ('exit' in change ? [change.exit] : [])),
    );

    return c.json({
      // Field by field, too: what the role may not see of a record it reads (a round's track for the police unless shared).
      records: readable.map((record) => withHiddenFields(principal.role, record)),
      // An empty page keeps the position: nothing past it has committed yet.
      cursor: `${scope}.${changes.at(-1)?.seq ?? from}`,
      hasMore: records.hasMore || purges.hasMore || exits.hasMore || records.rows.length + purges.rows.length + exits.rows.length > changes.length,
      ...(reset ? { reset: true } : {}),
      ...(restored ? { restored: true } : {}),
      ...(purged.length > 0 ? { purged } : {}),
      ...(gone.length > 0 ? { gone } : {}),
      serverTime: now(),
    } satisfies PullResponse);
  });
}

/**
 * The records of these exits that left the caller's sight: the caller could
 * read the scope left, and cannot read the record as it is now (or it is no
 * longer stored). One query for the records and their activities.
 */
async function goneFrom(db: Kysely<Schema>, principal: Principal, exits: readonly ScopeExit[]): Promise<Array<{ id: string; type: RecordType }>> {
  const seen = exits.filter((exit) => can(principal, 'read', exit.type, exit.scope));
  if (seen.length === 0) return [];
  const current = await loadRecords(db, principal.tenantId, [...new Set(seen.map((exit) => exit.id))]);
  const readable = new Set((await readableRecords(db, principal, [...current.values()])).map((record) => record.id));
  const gone = new Map<string, RecordType>();
  for (const exit of seen) if (!readable.has(exit.id)) gone.set(exit.id, exit.type);
  return [...gone].map(([id, type]) => ({ id, type }));
}

/** A short fingerprint of what the principal may read; sorted, so the order of teams or buurten does not matter. */
export function scopeFingerprint(principal: Principal): string {
  const scope = [principal.tenantId, principal.role, [...principal.buurtIds].sort(), [...principal.teamIds].sort()];
  return createHash('sha256').update(JSON.stringify(scope)).digest('hex').slice(0, 12);
}

/**
 * Where to continue: the cursor's position if it was made for this scope;
 * else from the start with a reset — and `restored` when the cursor was made
 * before a restore (another epoch, or a position past the last change).
 */
function startOf(cursor: string, scope: string, lastSeq: number): { from: number; reset: boolean; restored: boolean } {
  const dot = cursor.indexOf('.');
  const prefix = dot === -1 ? null : cursor.slice(0, dot);
  const seq = Number(dot === -1 ? cursor : cursor.slice(dot + 1));
  // A bare '0' is a first pull; a bare number above it is a cursor of an older server, made without scope.
  if (prefix === null) return { from: 0, reset: seq !== 0, restored: false };
  const epochOf = (text: string) => text.split('r')[1] ?? '';
  if (epochOf(prefix) !== epochOf(scope) || seq > lastSeq) return { from: 0, reset: true, restored: true };
  if (prefix === scope) return { from: seq, reset: false, restored: false };
  return { from: 0, reset: true, restored: false };
}
