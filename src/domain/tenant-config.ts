/**
 * A tenant's configuration: one municipality's programme. Every enumeration
 * is a default the coordinator can rename, hide or extend without a code change.
 */
import * as z from 'zod/mini';
import { CbsBuurtCodeSchema, ConfigIdSchema, text } from './fields.ts';

const ItemBase = {
  id: ConfigIdSchema,
  /** Set for the tenant's own items, or to rename a default; defaults otherwise get their label from i18n. */
  label: z.optional(text(120, 1)),
  hidden: z.optional(z.boolean()),
};

export const BuurtSchema = z.object({
  id: ConfigIdSchema,
  name: text(120, 1),
  cbsCode: z.optional(CbsBuurtCodeSchema),
  cbsYear: z.optional(z.int().check(z.gte(2000), z.lte(2100))),
  hidden: z.optional(z.boolean()),
});
export type Buurt = z.infer<typeof BuurtSchema>;

export const PARTNER_KINDS = [
  'municipality',
  'housingCorporation',
  'welfare',
  'police',
  'boa',
  'youthWork',
  'health',
  'school',
  'volunteers',
  'other',
] as const;

export const PartnerSchema = z.object({
  id: ConfigIdSchema,
  name: text(120, 1),
  kind: z.enum(PARTNER_KINDS),
  hidden: z.optional(z.boolean()),
});
export type Partner = z.infer<typeof PartnerSchema>;

export const ThemeSchema = z.object({ ...ItemBase, label: text(120, 1) });
export type Theme = z.infer<typeof ThemeSchema>;

export const ActivityTypeItemSchema = z.object(ItemBase);
export type ActivityTypeItem = z.infer<typeof ActivityTypeItemSchema>;

export const TenantConfigSchema = z.object({
  id: ConfigIdSchema,
  name: text(120, 1),
  /** CBS municipality code, e.g. GM0482 for Alblasserdam. */
  cbsCode: z.optional(z.string().check(z.regex(/^GM\d{4}$/, 'must be a CBS gemeentecode like GM0482'))),
  buurten: z.array(BuurtSchema),
  partners: z.array(PartnerSchema),
  themes: z.array(ThemeSchema),
  activityTypes: z.array(ActivityTypeItemSchema),
});
export type TenantConfig = z.infer<typeof TenantConfigSchema>;

export { DEFAULT_ACTIVITY_TYPES, DEFAULT_THEMES, visible } from './codes.ts';
