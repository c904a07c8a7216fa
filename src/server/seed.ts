/**
 * The tenants every server starts with — Alblasserdam (CBS GM0482, its
 * Buurtkracht programme) and Ridderkerk (GM0597, its leefbaarheidsteams) —
 * with their configuration as records, two teams each and a coordinator.
 *
 * Idempotent, piece by piece: a missing tenant, configuration item or
 * coordinator is created; nothing that exists is touched, so a coordinator's
 * edits (renamed, hidden, deleted items) survive every restart. Items are
 * created as server-made mutations through the push path (server-changes.ts),
 * so they have sequence numbers and reach devices by pull.
 */
import { randomBytes } from 'node:crypto';
import type { TEAM_KINDS, ConfigRecordType } from '../domain/config-records.ts';
import { uuidv7 } from '../domain/ids.ts';
import { DEFAULT_ACTIVITY_TYPES, DEFAULT_THEMES, type PARTNER_KINDS } from '../domain/tenant-config.ts';
import { applyMutations } from './apply-push.ts';
import { hashPassword } from './auth/passwords.ts';
import type { Database } from './db/database.ts';
import { loadRecords } from './db/records.ts';
import { insertTenantIfMissing } from './db/tenants.ts';
import { emailInUse, insertUser } from './db/users.ts';
import { serialiseWrites } from './db/write-lock.ts';
import { serverActor, serverMutation } from './server-changes.ts';

export const DEMO_TENANT_ID = 'alblasserdam';

type Item = { readonly type: ConfigRecordType; readonly id: string; readonly values: Readonly<Record<string, unknown>> };
type PartnerKind = (typeof PARTNER_KINDS)[number];
type TeamSeed = { id: string; name: string; kind: (typeof TEAM_KINDS)[number]; buurtIds: string[] };

export type TenantSeed = {
  readonly id: string;
  readonly name: string;
  readonly cbsCode: string;
  readonly items: readonly Item[];
};

export const SEED_TENANTS: readonly TenantSeed[] = [
  tenantSeed({
    id: DEMO_TENANT_ID,
    name: 'Alblasserdam',
    cbsCode: 'GM0482',
    buurten: ['Staatsliedenbuurt', 'Schildersbuurt', 'Oranjebuurt', 'Kinderdijk', 'Centrum', 'Plantageweg', 'Souburgh'],
    partners: [
      ['Gemeente Alblasserdam', 'municipality'],
      ['Woonkracht10', 'housingCorporation'],
      ['SWA', 'welfare'],
      ['Politie', 'police'],
      ['Jeugdpunt', 'youthWork'],
      ['GGD', 'health'],
    ],
    teams: [
      { id: 'buurtpreventie-oranjebuurt', name: 'Buurtpreventie Oranjebuurt', kind: 'buurtpreventie', buurtIds: ['oranjebuurt'] },
      { id: 'schouwgroep-staatsliedenbuurt', name: 'Schouwgroep Staatsliedenbuurt', kind: 'schouw', buurtIds: ['staatsliedenbuurt'] },
    ],
  }),
  tenantSeed({
    id: 'ridderkerk',
    name: 'Ridderkerk',
    cbsCode: 'GM0597',
    buurten: ['Bolnes', 'Slikkerveer', 'Rijsoord', 'Drievliet', 'Centrum', 'Oost', 'West'],
    partners: [
      ['Gemeente Ridderkerk', 'municipality'],
      ['Wooncompas', 'housingCorporation'],
      ['Facet', 'welfare'],
      ['Politie', 'police'],
      ['BOA', 'boa'],
      ['GGD', 'health'],
    ],
    teams: [
      { id: 'buurtpreventie-bolnes', name: 'Buurtpreventie Bolnes', kind: 'buurtpreventie', buurtIds: ['bolnes'] },
      { id: 'schouwgroep-slikkerveer', name: 'Schouwgroep Slikkerveer', kind: 'schouw', buurtIds: ['slikkerveer'] },
    ],
  }),
];

/** The coordinator every seeded tenant gets: `coordinator@<tenant>.example`. */
export function coordinatorEmail(tenantId: string): string {
  return `coordinator@${tenantId}.example`;
}

export type SeedOptions = {
  readonly now?: number;
  /** The coordinators' password (env BUURTLOG_COORDINATOR_PASSWORD); a random one per coordinator when absent. */
  readonly coordinatorPassword?: string | undefined;
  /** A ready scrypt hash of it, to spare tests the hashing; wins over `coordinatorPassword`. */
  readonly coordinatorPasswordHash?: string | undefined;
};

export type SeedReport = {
  tenantsCreated: string[];
  itemsCreated: number;
  /** `password` is set only when it was generated now: the one chance to tell it. */
  coordinatorsCreated: Array<{ email: string; password: string | null }>;
};

/** Creates whatever of the seed is missing. */
export async function seed(database: Database, options: SeedOptions = {}): Promise<SeedReport> {
  const now = options.now ?? Date.now();
  const report: SeedReport = { tenantsCreated: [], itemsCreated: 0, coordinatorsCreated: [] };
  for (const tenant of SEED_TENANTS) {
    const email = coordinatorEmail(tenant.id);
    // Hashing is slow on purpose: done before the write lock, and only when the coordinator is missing.
    const coordinator = (await emailInUse(database.db, tenant.id, email)) ? null : await coordinatorCredentials(options);

    await database.db.transaction().execute(async (trx) => {
      await serialiseWrites(trx, database.dialect);
      if (await insertTenantIfMissing(trx, tenant, now)) report.tenantsCreated.push(tenant.id);

      const stored = await loadRecords(
        trx,
        tenant.id,
        tenant.items.map((item) => item.id),
      );
      const missing = tenant.items.filter((item) => !stored.has(item.id));
      const mutations = missing.map((item) => serverMutation({ tenantId: tenant.id, recordType: item.type, recordId: item.id, values: item.values, now }));
      if (mutations.length > 0) {
        const results = await applyMutations(trx, { actor: serverActor(tenant.id), mutations, now });
        const refused = results.find((result) => result.status === 'rejected');
        if (refused) throw new Error(`seed item of ${tenant.id} refused: ${refused.message ?? refused.reason}`);
        report.itemsCreated += mutations.length;
      }

      if (coordinator && !(await emailInUse(trx, tenant.id, email))) {
        await insertUser(trx, {
          id: uuidv7(now),
          tenantId: tenant.id,
          displayName: `Coördinator ${tenant.name}`,
          email,
          passwordHash: coordinator.hash,
          role: 'coordinator',
          buurtIds: [],
          createdAt: now,
        });
        report.coordinatorsCreated.push({ email, password: coordinator.generated });
      }
    });
  }
  return report;
}

async function coordinatorCredentials(options: SeedOptions): Promise<{ hash: string; generated: string | null }> {
  if (options.coordinatorPasswordHash) return { hash: options.coordinatorPasswordHash, generated: null };
  if (options.coordinatorPassword) return { hash: await hashPassword(options.coordinatorPassword), generated: null };
  const generated = randomBytes(12).toString('base64url');
  return { hash: await hashPassword(generated), generated };
}

/** Lines for stdout about what the seed did; a generated password is printed this once and never again. */
export function seedReportLines(report: SeedReport): string[] {
  return [
    ...report.tenantsCreated.map((id) => `Tenant "${id}" aangemaakt.`),
    ...report.coordinatorsCreated.flatMap(({ email, password }) =>
      password ? [`Coördinator ${email} wachtwoord: ${password}`] : [`Coördinator ${email} aangemaakt.`],
    ),
  ];
}

function tenantSeed(tenant: {
  id: string;
  name: string;
  cbsCode: string;
  buurten: string[];
  partners: Array<[string, PartnerKind]>;
  teams: TeamSeed[];
}): TenantSeed {
  const common = (order: number) => ({ hidden: false, order, deleted: false });
  return {
    id: tenant.id,
    name: tenant.name,
    cbsCode: tenant.cbsCode,
    items: [
      ...tenant.buurten.map((name, order): Item => ({ type: 'buurt', id: slug(name), values: { name, ...common(order) } })),
      ...tenant.partners.map(([name, kind], order): Item => ({ type: 'partner', id: slug(name), values: { name, kind, ...common(order) } })),
      // Themes carry the programme's own words; activity types take their label from the app's translations (null).
      ...DEFAULT_THEMES.map((theme, order): Item => ({ type: 'theme', id: theme.id, values: { label: theme.label, ...common(order) } })),
      ...DEFAULT_ACTIVITY_TYPES.map((type, order): Item => ({ type: 'activityType', id: type.id, values: { label: null, ...common(order) } })),
      ...tenant.teams.map(
        (team, order): Item => ({
          type: 'team',
          id: team.id,
          values: { name: team.name, kind: team.kind, buurtIds: team.buurtIds, memberIds: [], ...common(order) },
        }),
      ),
    ],
  };
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
