/**
 * Tenant configuration as synced records: a coordinator renames, hides or
 * adds buurten, partners, themes, activity types, projects and teams in the
 * app, and every device gets the change like any other record (per-field
 * last-writer-wins, tombstones). `configFromRecords` turns them back into the
 * TenantConfig the UI reads.
 *
 * Seeded items keep readable slug ids ('oranjebuurt'); items made in the app
 * get a UUIDv7. Both fit RecordIdSchema, and records refer to them by id.
 */
import * as z from 'zod/mini';
import { PARTNER_KINDS, type TenantConfig } from './tenant-config.ts';
import { CbsBuurtCodeSchema, ConfigIdSchema, DateSchema, text } from './fields.ts';
import { IdSchema } from './ids.ts';

export { CONFIG_RECORD_TYPES, type ConfigRecordType } from './codes.ts';
import { CONFIG_RECORD_TYPES, type ConfigRecordType } from './codes.ts';

const common = {
  hidden: z.boolean(),
  order: z.int().check(z.gte(0), z.lte(10_000)),
  deleted: z.boolean(),
};

export const BuurtFieldSchemas = {
  ...common,
  name: text(120, 1),
  cbsCode: z.nullable(CbsBuurtCodeSchema),
  cbsYear: z.nullable(z.int().check(z.gte(2000), z.lte(2100))),
};

export const PartnerFieldSchemas = { ...common, name: text(120, 1), kind: z.enum(PARTNER_KINDS) };

/** Themes and activity types: a label set by the tenant, or null to use the default label (i18n). */
export const OptionFieldSchemas = { ...common, label: z.nullable(text(120, 1)) };

export const TEAM_KINDS = ['buurtpreventie', 'schouw', 'workingGroup'] as const;
export const TeamFieldSchemas = {
  ...common,
  name: text(120, 1),
  kind: z.enum(TEAM_KINDS),
  buurtIds: z.array(ConfigIdSchema).check(z.maxLength(100)),
  /** User ids of the members. */
  memberIds: z.array(IdSchema).check(z.maxLength(500)),
};

export const ProjectFieldSchemas = {
  ...common,
  name: text(200, 1),
  buurtId: ConfigIdSchema,
  themes: z.array(ConfigIdSchema).check(z.maxLength(20)),
  partnerIds: z.array(ConfigIdSchema).check(z.maxLength(50)),
  startDate: z.nullable(DateSchema),
  endDate: z.nullable(DateSchema),
  description: text(5000, 0, { multiLine: true }),
};

const months = z.int().check(z.gte(1, 'must be at least 1 month'), z.lte(120, 'must be at most 120 months'));
/**
 * Buurtpreventie settings of the tenant: one record, id `patrol-settings`
 * (patrol-settings.ts reads it with its defaults). Retention periods in
 * months (the privacy notice names them) and the place whose sunset starts
 * the round screen's night mode.
 */
export const PatrolSettingsFieldSchemas = {
  ...common,
  safetyObservationMonths: months,
  publicSpaceObservationMonths: months,
  roundMonths: months,
  lat: z.nullable(z.number().check(z.gte(-90), z.lte(90))),
  lon: z.nullable(z.number().check(z.gte(-180), z.lte(180))),
};

export const CONFIG_FIELD_SCHEMAS = {
  buurt: BuurtFieldSchemas,
  partner: PartnerFieldSchemas,
  theme: OptionFieldSchemas,
  activityType: OptionFieldSchemas,
  project: ProjectFieldSchemas,
  team: TeamFieldSchemas,
  patrolSettings: PatrolSettingsFieldSchemas,
} as const satisfies Record<ConfigRecordType, Record<string, z.ZodMiniType>>;

export const CONFIG_REQUIRED: Record<ConfigRecordType, readonly string[]> = {
  buurt: ['name'],
  partner: ['name', 'kind'],
  theme: [],
  activityType: [],
  project: ['name', 'buurtId'],
  team: ['name', 'kind'],
  patrolSettings: [],
};

export type Team = { id: string; name: string; kind: (typeof TEAM_KINDS)[number]; buurtIds: string[]; memberIds: string[]; hidden?: boolean };
export type Project = {
  id: string;
  name: string;
  buurtId: string;
  themes: string[];
  partnerIds: string[];
  startDate: string | null;
  endDate: string | null;
  description: string;
  hidden?: boolean;
};

/** The tenant's configuration as the UI reads it, built from the config records on a device. */
export type Config = TenantConfig & { projects: Project[]; teams: Team[] };

/** The configuration the UI reads, built from the config records a device holds (not deleted, by `order`, then name). */
export function configFromRecords(
  tenant: { id: string; name: string; cbsCode?: string },
  records: ReadonlyArray<{ id: string; type: string; fields: Readonly<Record<string, { v: unknown }>> }>,
): Config {
  const of = (type: ConfigRecordType) =>
    records
      .filter((r) => r.type === type && r.fields['deleted']?.v !== true)
      .map((r) => ({ id: r.id, ...Object.fromEntries(Object.entries(r.fields).map(([k, f]) => [k, f.v])) }) as Record<string, unknown> & { id: string })
      .sort((a, b) => Number(a['order'] ?? 0) - Number(b['order'] ?? 0) || String(a['name'] ?? a.id).localeCompare(String(b['name'] ?? b.id), 'nl'));
  const hidden = (item: Record<string, unknown>) => (item['hidden'] === true ? { hidden: true } : {});
  const label = (item: Record<string, unknown>) => (typeof item['label'] === 'string' ? { label: item['label'] } : {});
  return {
    id: tenant.id,
    name: tenant.name,
    ...(tenant.cbsCode ? { cbsCode: tenant.cbsCode } : {}),
    buurten: of('buurt').map((b) => ({
      id: b.id,
      name: String(b['name']),
      ...(typeof b['cbsCode'] === 'string' ? { cbsCode: b['cbsCode'] } : {}),
      ...(typeof b['cbsYear'] === 'number' ? { cbsYear: b['cbsYear'] } : {}),
      ...hidden(b),
    })),
    partners: of('partner').map((p) => ({ id: p.id, name: String(p['name']), kind: p['kind'] as (typeof PARTNER_KINDS)[number], ...hidden(p) })),
    themes: of('theme').map((t) => ({ id: t.id, label: typeof t['label'] === 'string' ? t['label'] : t.id, ...hidden(t) })),
    activityTypes: of('activityType').map((t) => ({ id: t.id, ...label(t), ...hidden(t) })),
    projects: of('project').map((p) => ({
      id: p.id,
      name: String(p['name']),
      buurtId: String(p['buurtId']),
      themes: (p['themes'] as string[] | undefined) ?? [],
      partnerIds: (p['partnerIds'] as string[] | undefined) ?? [],
      startDate: (p['startDate'] as string | null | undefined) ?? null,
      endDate: (p['endDate'] as string | null | undefined) ?? null,
      description: (p['description'] as string | undefined) ?? '',
      ...hidden(p),
    })),
    teams: of('team').map((t) => ({
      id: t.id,
      name: String(t['name']),
      kind: t['kind'] as Team['kind'],
      buurtIds: (t['buurtIds'] as string[] | undefined) ?? [],
      memberIds: (t['memberIds'] as string[] | undefined) ?? [],
      ...hidden(t),
    })),
  };
}

export function isConfigRecordType(type: string): type is ConfigRecordType {
  return (CONFIG_RECORD_TYPES as readonly string[]).includes(type);
}
