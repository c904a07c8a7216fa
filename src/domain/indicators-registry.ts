/**
 * The indicator registry: every record type's indicators and the facts they
 * are computed from, assembled from one module per record type. A new record
 * type adds its module here; the others stay as they are.
 */
import { ACTIVITY_INDICATORS, activityFact, attendanceFact } from './indicators-activities.ts';
import { MELDINGEN_INDICATORS } from './indicators-meldingen.ts';
import { PATROL_INDICATORS, observationFact, patrolRoundFact } from './indicators-patrol.ts';
import { SCHOUW_INDICATORS, findingFact, findingStatusChangeFact, schouwFact } from './indicators-schouw.ts';
import { amsterdamDay, type Fact, type IndicatorDefinition } from './indicators.ts';
import type { RecordType, SyncRecord } from './records.ts';

export const INDICATORS: readonly IndicatorDefinition[] = [...ACTIVITY_INDICATORS, ...SCHOUW_INDICATORS, ...PATROL_INDICATORS, ...MELDINGEN_INDICATORS];

export function indicatorByKey(key: string): IndicatorDefinition | undefined {
  return INDICATORS.find((indicator) => indicator.key === key);
}

/** What each record type contributes to the indicators; records of other types have no fact. */
const FACTS: Partial<Record<RecordType, (record: SyncRecord) => Fact | null>> = {
  activity: activityFact,
  attendance: attendanceFact,
  schouw: schouwFact,
  finding: (record) => findingFact(record, amsterdamDay),
  findingStatusChange: findingStatusChangeFact,
  patrolRound: (record) => patrolRoundFact(record, amsterdamDay),
  safetyObservation: (record) => observationFact(record, amsterdamDay),
  publicSpaceObservation: (record) => observationFact(record, amsterdamDay),
};

export const FACT_RECORD_TYPES = Object.keys(FACTS) as RecordType[];

/** The fact of a record as it is now, or null when it counts for nothing (deleted, incomplete, a type without indicators). */
export function factOf(record: SyncRecord): Fact | null {
  return FACTS[record.type]?.(record) ?? null;
}
