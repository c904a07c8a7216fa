/**
 * Retention of buurtpreventie data (DOMAIN.md "Patrol round"): the tenant
 * sets how long each kind is kept (config record `patrolSettings`, id
 * `patrol-settings`); the server purges what is older and every device
 * drops it at its next sync (server: patrol-retention.ts; wire: the pull's
 * `purged` list, src/sync/README.md).
 *
 * What decides a record's age: a slot its date, a round its start, an
 * observation when it was seen. Children go with their parent: a slot's
 * sign-ups, a round's observations, an observation's reaction and follow-up
 * history — so nothing is left pointing at a record that is gone.
 */
import type { Mergeable } from './merge.ts';
import type { PatrolRecordType } from './records.ts';

export const PATROL_SETTINGS_ID = 'patrol-settings';

export type RetentionPeriods = {
  readonly safetyObservationMonths: number;
  readonly publicSpaceObservationMonths: number;
  readonly roundMonths: number;
};

/** Safety observations 3 months; rounds (and the roster) and public-space observations 12 months. */
export const DEFAULT_RETENTION: RetentionPeriods = { safetyObservationMonths: 3, publicSpaceObservationMonths: 12, roundMonths: 12 };

export type PatrolSettings = RetentionPeriods & { readonly lat: number | null; readonly lon: number | null };

/** The tenant's patrol settings from its `patrolSettings` record (absent, deleted or a field not set: the default). */
export function patrolSettingsOf(record: Mergeable | undefined): PatrolSettings {
  const live = record && record.fields['deleted']?.v !== true ? record : undefined;
  const months = (name: keyof RetentionPeriods) => {
    const value = live?.fields[name]?.v;
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : DEFAULT_RETENTION[name];
  };
  const coordinate = (name: 'lat' | 'lon') => {
    const value = live?.fields[name]?.v;
    return typeof value === 'number' ? value : null;
  };
  return {
    safetyObservationMonths: months('safetyObservationMonths'),
    publicSpaceObservationMonths: months('publicSpaceObservationMonths'),
    roundMonths: months('roundMonths'),
    lat: coordinate('lat'),
    lon: coordinate('lon'),
  };
}

/** `ms` plus whole calendar months (UTC); 31 January + 1 month runs on into March, as Date does. */
export function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

type PatrolRecord = { readonly id: string; readonly type: string } & Mergeable;

/** The field naming a child's parent (children are purged with it). */
const PARENT_FIELD: Partial<Record<PatrolRecordType, string>> = {
  patrolSignUp: 'slotId',
  safetyObservation: 'roundId',
  publicSpaceObservation: 'roundId',
  observationStatusChange: 'observationId',
  observationReaction: 'observationId',
};

/** When a record expires, by its own age, or null when its age does not decide (children; records without the field). */
export function expiresAt(record: PatrolRecord, periods: RetentionPeriods): number | null {
  const value = (name: string) => record.fields[name]?.v;
  const at = (name: string) => (typeof value(name) === 'number' ? (value(name) as number) : null);
  switch (record.type) {
    case 'patrolSlot': {
      const date = value('date');
      if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
      // From the end of the slot's day.
      return addMonths(Date.parse(`${date}T00:00:00Z`) + 86_400_000, periods.roundMonths);
    }
    case 'patrolRound': {
      const started = at('startedAt') ?? at('createdAt');
      return started === null ? null : addMonths(started, periods.roundMonths);
    }
    case 'safetyObservation':
    case 'publicSpaceObservation': {
      const seen = at('observedAt') ?? at('createdAt');
      const months = record.type === 'safetyObservation' ? periods.safetyObservationMonths : periods.publicSpaceObservationMonths;
      return seen === null ? null : addMonths(seen, months);
    }
    default:
      return null;
  }
}

/**
 * The records to purge at `now`: those past their period, and every record
 * whose parent goes (recursively: a round's observation's reaction).
 *
 * @example
 * expiredPatrolRecords(records, DEFAULT_RETENTION, now) // ['0193…', …]
 */
export function expiredPatrolRecords(records: readonly PatrolRecord[], periods: RetentionPeriods, now: number): string[] {
  const expired = new Set<string>();
  for (const record of records) {
    const expiry = expiresAt(record, periods);
    if (expiry !== null && now >= expiry) expired.add(record.id);
  }
  // Children follow their parents until nothing changes (at most three levels: round → observation → reaction).
  let grew = true;
  while (grew) {
    grew = false;
    for (const record of records) {
      if (expired.has(record.id)) continue;
      const field = PARENT_FIELD[record.type as PatrolRecordType];
      const parentId = field === undefined ? undefined : record.fields[field]?.v;
      if (typeof parentId === 'string' && expired.has(parentId)) {
        expired.add(record.id);
        grew = true;
      }
    }
  }
  return records.filter((record) => expired.has(record.id)).map((record) => record.id);
}
