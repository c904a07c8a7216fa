/**
 * `npm run purge` (src/server/purge-cli.ts) on SQLite and PostgreSQL: the
 * upkeep for an external scheduler removes what is past the tenant's
 * retention period and audits it, and two runs at once (two processes, as
 * a cron job beside a running server would) remove and audit each record once.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/domain/patrol-retention.ts';
import { createTestUser, putRecords, setTeamMembers } from '../../fixtures/server-auth.ts';
import { roundValues, safetyValues } from '../../fixtures/server-patrol.ts';
import { TENANT } from '../../fixtures/fixed.ts';
import { idFactory } from '../../fixtures/server-mutations.ts';
import { DIALECTS, openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from './databases.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const TEAM = 'buurtpreventie-oranjebuurt';
const BUURT = 'oranjebuurt';

/** Runs `npm run purge`'s script against `test`'s database; answers its exit code and output. */
function runPurge(test: TestDatabase): Promise<{ code: number | null; output: string }> {
  const { database } = test;
  const env =
    database.dialect === 'sqlite'
      ? { DATA_DIR: path.dirname(database.location), DATABASE_URL: '' }
      : { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: database.schema ?? '' };
  const child = spawn(process.execPath, ['src/server/purge-cli.ts'], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe.each(DIALECTS)('npm run purge on %s', (dialect) => {
  let test: TestDatabase;
  const ids = idFactory(0x9a9e);
  const old = { round: ids(), safety: ids() };
  const young = { round: ids() };

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    const anna = await createTestUser(test.database, { role: 'volunteer', devices: ['anna-phone-01'] });
    await setTeamMembers(test.database, TENANT, TEAM, [anna.userId]);
    // Retention counts from the real clock here: the script runs on the machine's now.
    const now = Date.now();
    await putRecords(test.database, TENANT, [
      { type: 'patrolRound', id: old.round, values: roundValues(TEAM, [BUURT], [anna.userId], { startedAt: addMonths(now, -13) }) },
      { type: 'safetyObservation', id: old.safety, values: safetyValues(old.round, TEAM, BUURT, { observedAt: addMonths(now, -13) }) },
      { type: 'patrolRound', id: young.round, values: roundValues(TEAM, [BUURT], [anna.userId], { startedAt: addMonths(now, -1) }) },
    ]);
  });
  afterAll(() => test.cleanup());

  it('removes what is past its period once, audited once, even when two runs overlap', async () => {
    const runs = await Promise.all([runPurge(test), runPurge(test)]);
    for (const run of runs) expect(run.code, run.output).toBe(0);
    expect(runs.map((run) => run.output).join('')).toMatch(/Bewaartermijn: 2 buurtpreventie-gegevens van alblasserdam verwijderd\./);

    const left = await test.database.db.selectFrom('records').select('id').where('id', 'in', [old.round, old.safety, young.round]).execute();
    expect(left.map((row) => row.id)).toEqual([young.round]);
    const audited = await test.database.db
      .selectFrom('audit_log')
      .select('record_id')
      .where('action', '=', 'record.purge')
      .where('record_id', 'in', [old.round, old.safety])
      .execute();
    expect(audited.map((row) => row.record_id).sort()).toEqual([old.round, old.safety].sort());
  });
});
