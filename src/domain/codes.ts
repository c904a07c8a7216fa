/**
 * The enumerations and small pure helpers the first screen needs, without
 * the zod schemas that validate them: the activity list, the router and the
 * store's list keys import these, so the first download carries no zod (its
 * schemas load with the store's views, beside the first screen). Each domain
 * module re-exports its own (activity.ts, follow-up.ts, config-records.ts,
 * tenant-config.ts) and builds its schemas on them: one list, one place.
 */
import type { ActivityTypeItem, Theme } from './tenant-config.ts';

export const ACTIVITY_TYPES = [
  'meeting',
  'drop-in',
  'workshop',
  'course',
  'clean-up',
  'tile-lifting',
  'schouw',
  'street-party',
  'information-meeting',
  'door-to-door',
  'partner-meeting',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_STATUSES = ['planned', 'held', 'cancelled', 'moved'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** new → reported → in progress → resolved | won't fix. */
export const FOLLOW_UP_STATUSES = ['new', 'reported', 'inProgress', 'resolved', 'wontFix'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Still to be followed up: the open items a wijkbeheerder works through. */
export function isOpenStatus(status: FollowUpStatus): boolean {
  return status !== 'resolved' && status !== 'wontFix';
}

export const CONFIG_RECORD_TYPES = ['buurt', 'partner', 'theme', 'activityType', 'project', 'team', 'patrolSettings'] as const;
export type ConfigRecordType = (typeof CONFIG_RECORD_TYPES)[number];

export const DEFAULT_THEMES: Theme[] = [
  { id: 'tolerantie-solidariteit', label: 'Tolerantie & solidariteit' },
  { id: 'eenzaamheid-armoede-schulden', label: 'Eenzaamheid, armoede & schulden' },
  { id: 'omgeving-gemeenschap', label: 'Omgeving & gemeenschap' },
  { id: 'veiligheid-overlast', label: 'Veiligheid & overlast' },
];

export const DEFAULT_ACTIVITY_TYPES: ActivityTypeItem[] = ACTIVITY_TYPES.map((id) => ({ id }));

export function visible<T extends { hidden?: boolean | undefined }>(items: readonly T[]): T[] {
  return items.filter((item) => !item.hidden);
}
