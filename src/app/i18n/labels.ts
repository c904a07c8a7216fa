/**
 * Labels of configurable items. Buurten, partners and themes carry their own
 * names in the tenant config; activity types use the config's label when the
 * coordinator set one, and the translated default otherwise.
 */
import { DEFAULT_ACTIVITY_TYPES, DEFAULT_THEMES, visible } from '../../domain/codes.ts';
import type { ActivityTypeItem, TenantConfig, Theme } from '../../domain/tenant-config.ts';
import type { ActivityStatus } from '../../domain/activity.ts';
import type { CountKey } from '../../domain/attendance.ts';
import type { OrganisationRef } from '../../domain/fields.ts';
import type { AttendanceMethod } from '../../domain/attendance.ts';
import type { AttendanceKey } from '../attendance/nl.ts';
import { isCoreKey, type T } from './translate.ts';

export function activityTypeLabel(t: T, config: TenantConfig | null, id: string): string {
  const item = config?.activityTypes.find((type) => type.id === id);
  if (item?.label) return item.label;
  const key = `activityType.${id}`;
  return isCoreKey(key) ? t(key) : id;
}

export function statusLabel(t: T, status: ActivityStatus): string {
  return t(`status.${status}`);
}

export function countLabel(t: T<AttendanceKey>, key: CountKey): string {
  return t(`count.${key}`);
}

export function methodLabel(t: T<AttendanceKey>, method: AttendanceMethod): string {
  return t(`method.${method}`);
}

export function buurtName(t: T, config: TenantConfig | null, id: string): string {
  return config?.buurten.find((buurt) => buurt.id === id)?.name ?? t('activity.unknownBuurt');
}

export function themeLabel(config: TenantConfig | null, id: string): string {
  return themesOf(config).find((theme) => theme.id === id)?.label ?? id;
}

export function organisationLabel(config: TenantConfig | null, ref: OrganisationRef): string {
  if ('name' in ref) return ref.name;
  return config?.partners.find((partner) => partner.id === ref.partnerId)?.name ?? ref.partnerId;
}

/** The tenant's activity types, or the defaults when it configured none. */
export function activityTypesOf(config: TenantConfig | null): ActivityTypeItem[] {
  return config && config.activityTypes.length > 0 ? config.activityTypes : DEFAULT_ACTIVITY_TYPES;
}

export function themesOf(config: TenantConfig | null): Theme[] {
  return config && config.themes.length > 0 ? config.themes : DEFAULT_THEMES;
}

/**
 * Items to offer in a form: the visible ones, plus any hidden one the record
 * already uses, so editing an older record never silently drops its value.
 */
export function offered<T extends { id: string; hidden?: boolean | undefined }>(items: readonly T[], inUse: readonly string[]): T[] {
  return items.filter((item) => !item.hidden || inUse.includes(item.id));
}

export { visible };
