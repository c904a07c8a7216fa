/**
 * Indicators of activities and their attendance (DOMAIN.md "Indicators"):
 * activities held by type, participants (total, mean and median per
 * activity, per 100 residents), first-timers, participating organisations
 * and reach by PC4.
 *
 * Facts:
 * - activity: `day` its date (already an Amsterdam day), `category` its type,
 *   `status` its status (only `held` counts), `projectId`; tags: its buurt,
 *   themes and organisations (organisers and participating, `p:<partner id>`
 *   or `n:<name in lower case>`).
 * - attendance: `parentId` the activity, `amount` the people who turned up,
 *   `extra` the first-timers; tags: PC4 with its count.
 */
import { activityOf, attendanceTotals, type SyncRecord } from './records.ts';
import { turnedUp } from './attendance.ts';
import type { OrganisationRef } from './fields.ts';
import { BUURT_TAG, EMPTY_FACT, THEME_TAG, type Fact, type IndicatorDefinition } from './indicators.ts';

export const ORGANISATION_TAG = 'org';
export const PC4_TAG = 'pc4';

export const ACTIVITY_INDICATORS: readonly IndicatorDefinition[] = [
  { key: 'activities-held', group: 'activities', unit: 'count', better: 'higher', byThemeAndProject: true, breakdowns: ['type'] },
  { key: 'participants', group: 'activities', unit: 'count', better: 'higher', byThemeAndProject: true, breakdowns: [] },
  { key: 'participants-mean', group: 'activities', unit: 'number', better: 'higher', byThemeAndProject: true, breakdowns: [] },
  { key: 'participants-median', group: 'activities', unit: 'number', better: 'higher', byThemeAndProject: true, breakdowns: [] },
  { key: 'participants-per-100', group: 'activities', unit: 'number', better: 'higher', byThemeAndProject: true, breakdowns: [] },
  { key: 'first-timers', group: 'activities', unit: 'count', better: 'higher', byThemeAndProject: true, breakdowns: [] },
  { key: 'organisations', group: 'activities', unit: 'count', better: 'higher', byThemeAndProject: true, breakdowns: [] },
  { key: 'reach-pc4', group: 'activities', unit: 'count', better: 'higher', byThemeAndProject: true, breakdowns: ['pc4'] },
];

export function organisationKey(ref: OrganisationRef): string {
  return 'partnerId' in ref ? `p:${ref.partnerId}` : `n:${ref.name.trim().toLowerCase()}`;
}

export function activityFact(record: SyncRecord): Fact | null {
  const activity = activityOf(record);
  if (activity === null || activity.deleted) return null;
  const organisations = new Set([...activity.organisers, ...activity.participatingOrganisations].map(organisationKey));
  return {
    ...EMPTY_FACT,
    buurtId: activity.buurtId,
    projectId: activity.projectId,
    day: activity.date,
    category: activity.type,
    status: activity.status,
    tags: [
      { kind: BUURT_TAG, value: activity.buurtId, amount: 0 },
      ...[...new Set(activity.themes)].map((value) => ({ kind: THEME_TAG, value, amount: 0 })),
      ...[...organisations].map((value) => ({ kind: ORGANISATION_TAG, value: value.slice(0, 200), amount: 0 })),
    ],
  };
}

export function attendanceFact(record: SyncRecord): Fact | null {
  const activityId = record.fields['activityId']?.v;
  if (typeof activityId !== 'string' || record.fields['deleted']?.v === true) return null;
  const { counts, postcodes } = attendanceTotals(record);
  return {
    ...EMPTY_FACT,
    parentId: activityId,
    amount: turnedUp(counts),
    extra: counts.firstTimers,
    tags: postcodes.map(([pc4, amount]) => ({ kind: PC4_TAG, value: pc4, amount })),
  };
}
