/**
 * The demo tenant, Alblasserdam (CBS GM0482), with the neighbourhoods and
 * partners of its Buurtkracht programme. Created at every start when missing,
 * never overwritten: a coordinator's edits to it survive restarts.
 */
import * as z from 'zod/mini';
import { DEFAULT_ACTIVITY_TYPES, DEFAULT_THEMES, TenantConfigSchema, type TenantConfig } from '../domain/tenant-config.ts';
import type { Database } from './db/database.ts';
import { insertTenantIfMissing } from './db/tenants.ts';

export const DEMO_TENANT_ID = 'alblasserdam';

const BUURTEN = ['Staatsliedenbuurt', 'Schildersbuurt', 'Oranjebuurt', 'Kinderdijk', 'Centrum', 'Plantageweg', 'Souburgh'];

export const DEMO_TENANT: TenantConfig = z.parse(TenantConfigSchema, {
  id: DEMO_TENANT_ID,
  name: 'Alblasserdam',
  cbsCode: 'GM0482',
  buurten: BUURTEN.map((name) => ({ id: slug(name), name })),
  partners: [
    { id: 'gemeente-alblasserdam', name: 'Gemeente Alblasserdam', kind: 'municipality' },
    { id: 'woonkracht10', name: 'Woonkracht10', kind: 'housingCorporation' },
    { id: 'swa', name: 'SWA', kind: 'welfare' },
    { id: 'politie', name: 'Politie', kind: 'police' },
    { id: 'jeugdpunt', name: 'Jeugdpunt', kind: 'youthWork' },
    { id: 'ggd', name: 'GGD', kind: 'health' },
  ],
  themes: DEFAULT_THEMES,
  activityTypes: DEFAULT_ACTIVITY_TYPES,
} satisfies TenantConfig);

/** Creates the demo tenant if missing; true when it was created now. */
export async function seed(database: Database, now: number = Date.now()): Promise<boolean> {
  return insertTenantIfMissing(database.db, DEMO_TENANT, now);
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
