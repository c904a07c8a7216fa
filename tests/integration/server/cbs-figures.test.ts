/**
 * CBS context per buurt and year (issue 12 item 5) through push on both
 * databases: the server checks every figure with the domain's schema, the
 * id against the buurt and year, and who may write; a professional reads
 * them, as the report needs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cbsFiguresIdFor } from '../../../src/domain/cbs-figures.ts';
import { createApp } from '../../../src/server/app.ts';
import { createTestUser, type TestUser } from '../../fixtures/server-auth.ts';
import { NOW } from '../../fixtures/fixed.ts';
import { idFactory, mutation } from '../../fixtures/server-mutations.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const BUURT = 'oranjebuurt';
const IMPORTED = {
  buurtId: BUURT,
  year: 2024,
  cbsCode: 'BU04820101',
  residents: 2480,
  households: 1130,
  averageIncome: 27_400,
  share65Plus: 25,
  averageWoz: 228_000,
  source: 'import',
};

describe.each(DIALECTS)('CBS figures on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  let professional: TestUser;
  const ids = idFactory(0xcb5f);
  let offset = 0;
  const stamp = (device: string) => ({ device, offsetMs: (offset += 1000) });
  const client = (user: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW + 60_000 }), user);

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['cbs-coord-01'] });
    professional = await createTestUser(test.database, { role: 'professional', buurtIds: [BUURT], devices: ['cbs-prof-01'] });
  });
  afterAll(() => test.cleanup());

  it('stores an import from the coordinator, and a professional pulls it', async () => {
    const id = cbsFiguresIdFor(BUURT, 2024);
    const { body } = await client(coordinator).push('cbs-coord-01', [mutation(ids, 'cbsFigures', id, IMPORTED, stamp('cbs-coord-01'))]);
    expect(body.results.map((result) => result.status)).toEqual(['applied']);
    const pulled = (await client(professional).pullAll(1000)).find((record) => record.id === id);
    expect(pulled?.type).toBe('cbsFigures');
    expect(pulled?.fields['averageWoz']?.v).toBe(228_000);
  });

  it.each([
    ['a share above 100 %', { share65Plus: 120 }, 'fields.share65Plus.v'],
    ['a negative resident count', { residents: -1 }, 'fields.residents.v'],
    ['a resident count with a fraction', { residents: 12.5 }, 'fields.residents.v'],
    ['a CBS code that is no buurtcode', { cbsCode: 'WK048201' }, 'fields.cbsCode.v'],
    ['an unknown source', { source: 'cbs-api' }, 'fields.source.v'],
    ['a year before 2000', { year: 1999 }, 'fields.year.v'],
  ])('rejects %s with the field named', async (_what, patch, path) => {
    const values = { ...IMPORTED, year: 2023, ...patch };
    const { body } = await client(coordinator).push('cbs-coord-01', [mutation(ids, 'cbsFigures', cbsFiguresIdFor(BUURT, 2023), values, stamp('cbs-coord-01'))]);
    expect(body.results[0]).toMatchObject({ status: 'rejected', reason: 'invalid-payload' });
    expect(body.results[0]?.issues?.map((issue) => issue.path)).toContain(path);
  });

  it('rejects an id that is not derived from the buurt and year, and a write by a professional', async () => {
    const wrongId = await client(coordinator).push('cbs-coord-01', [
      mutation(ids, 'cbsFigures', cbsFiguresIdFor(BUURT, 2022), IMPORTED, stamp('cbs-coord-01')),
    ]);
    expect(wrongId.body.results[0]).toMatchObject({ status: 'rejected', message: expect.stringMatching(/derived from its buurt and year/) });
    const byProfessional = await client(professional).push('cbs-prof-01', [
      mutation(ids, 'cbsFigures', cbsFiguresIdFor(BUURT, 2024), { residents: 1 }, stamp('cbs-prof-01')),
    ]);
    expect(byProfessional.body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
  });
});
