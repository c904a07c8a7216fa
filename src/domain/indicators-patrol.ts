/**
 * Indicators of buurtpreventie (DOMAIN.md "Indicators", patrol effort):
 * rounds, hours walked, the share of rounds with at least two walkers,
 * observations by type and the share of public-space observations with a
 * melding number. Patrol records have no theme or project.
 *
 * Facts:
 * - patrolRound: `day` the Amsterdam day it started, `at` its start,
 *   `amount` its length in ms (0 while running or when the app closed it:
 *   the end is unknown), `extra` the number of walkers, `flag` it has an end;
 *   tags: the buurten of its area.
 * - safetyObservation, publicSpaceObservation: `day` when seen, `category`
 *   its type, `status` its kind (safety | publicSpace), `flag` it has a
 *   melding number; tag: its buurt.
 */
import * as z from 'zod/mini';
import { BUURT_TAG, EMPTY_FACT, type Fact, type IndicatorDefinition } from './indicators.ts';
import { MIN_WALKERS, PatrolRoundSchema } from './patrol.ts';
import { PublicSpaceObservationSchema, SafetyObservationSchema } from './patrol-observation.ts';
import { fieldValues, type SyncRecord } from './records.ts';

export { MIN_WALKERS };

export const PATROL_INDICATORS: readonly IndicatorDefinition[] = [
  { key: 'patrol-rounds', group: 'patrol', unit: 'count', better: 'higher', byThemeAndProject: false, breakdowns: [] },
  { key: 'patrol-hours', group: 'patrol', unit: 'number', better: 'higher', byThemeAndProject: false, breakdowns: [] },
  { key: 'patrol-two-walkers', group: 'patrol', unit: 'percent', better: 'higher', byThemeAndProject: false, breakdowns: [] },
  { key: 'observations', group: 'patrol', unit: 'count', better: 'higher', byThemeAndProject: false, breakdowns: ['kind', 'observationType'] },
  { key: 'public-space-with-melding', group: 'patrol', unit: 'percent', better: 'higher', byThemeAndProject: false, breakdowns: [] },
];

export function patrolRoundFact(record: SyncRecord, day: (ms: number) => string): Fact | null {
  const parsed = z.safeParse(PatrolRoundSchema, fieldValues(record));
  if (!parsed.success || parsed.data.deleted) return null;
  const round = parsed.data;
  const ended = round.endedAt !== null && round.endedAt >= round.startedAt;
  return {
    ...EMPTY_FACT,
    day: day(round.startedAt),
    at: round.startedAt,
    amount: ended ? (round.endedAt as number) - round.startedAt : 0,
    extra: new Set(round.walkers).size,
    flag: ended,
    tags: [...new Set(round.buurtIds)].map((value) => ({ kind: BUURT_TAG, value, amount: 0 })),
  };
}

export function observationFact(record: SyncRecord, day: (ms: number) => string): Fact | null {
  const schema = record.type === 'safetyObservation' ? SafetyObservationSchema : PublicSpaceObservationSchema;
  const parsed = z.safeParse(schema, fieldValues(record));
  if (!parsed.success || parsed.data.deleted) return null;
  const observation = parsed.data;
  return {
    ...EMPTY_FACT,
    parentId: observation.roundId,
    buurtId: observation.buurtId,
    day: day(observation.observedAt),
    at: observation.observedAt,
    category: observation.type,
    status: record.type === 'safetyObservation' ? 'safety' : 'publicSpace',
    flag: observation.meldingNumber !== null,
    tags: [{ kind: BUURT_TAG, value: observation.buurtId, amount: 0 }],
  };
}
