/**
 * Indicators of the schouw (DOMAIN.md "Indicators"): findings by element,
 * aspect and level, the share meeting the round's target level, open versus
 * resolved, the median days to resolve and the share resolved within 14 and
 * 30 days.
 *
 * Facts:
 * - finding: `parentId` its schouw's activity, `day` the Amsterdam day it was
 *   made, `at` when, `category` its level (null: not rated), `status` its
 *   follow-up status, `amount` 1 when rated, `extra` its level's rank for the
 *   target (`levelRank`), `flag` it has a melding number; tags: buurt,
 *   element, aspect.
 * - findingStatusChange: `parentId` the finding, `category` the status it
 *   went to, `at` when.
 * - schouw: `parentId` its activity, `amount` the rank of its target level.
 */
import { FINDING_STATUSES } from './finding.ts';
import { BUURT_TAG, EMPTY_FACT, type Fact, type IndicatorDefinition } from './indicators.ts';
import { findingOf, findingStatusChangeOf, schouwOf, type SyncRecord } from './records.ts';
import { CROW_LEVELS, DEFAULT_TARGET_LEVEL, type CrowLevel, type FindingLevel } from './schouw.ts';

export const ELEMENT_TAG = 'element';
export const ASPECT_TAG = 'aspect';

export const SCHOUW_INDICATORS: readonly IndicatorDefinition[] = [
  { key: 'findings', group: 'schouw', unit: 'count', better: 'lower', byThemeAndProject: true, breakdowns: ['level', 'element', 'aspect'] },
  { key: 'findings-meeting-target', group: 'schouw', unit: 'percent', better: 'higher', byThemeAndProject: true, breakdowns: [] },
  { key: 'findings-open', group: 'schouw', unit: 'count', better: 'lower', byThemeAndProject: true, breakdowns: ['status'] },
  { key: 'findings-resolved', group: 'schouw', unit: 'count', better: 'higher', byThemeAndProject: true, breakdowns: [] },
  { key: 'resolve-days-median', group: 'schouw', unit: 'days', better: 'lower', byThemeAndProject: true, breakdowns: [] },
  { key: 'resolved-within-14', group: 'schouw', unit: 'percent', better: 'higher', byThemeAndProject: true, breakdowns: [] },
  { key: 'resolved-within-30', group: 'schouw', unit: 'percent', better: 'higher', byThemeAndProject: true, breakdowns: [] },
];

export const OPEN_STATUSES = FINDING_STATUSES.filter((status) => status !== 'resolved' && status !== 'wontFix');

/**
 * A level's rank against a target level's (CROW order, best 0): a finding
 * meets the target when its rank is at most the target's — `good` and `plus`
 * always (-1), `bad` never (99); as `meetsTarget` in schouw.ts.
 */
export function levelRank(level: FindingLevel): number {
  if (level === 'good' || level === 'plus') return -1;
  if (level === 'bad') return 99;
  return CROW_LEVELS.indexOf(level);
}

export function targetRank(level: CrowLevel): number {
  return CROW_LEVELS.indexOf(level);
}

/** The rank of the default target level, for a finding whose round has no settings yet. */
export const DEFAULT_TARGET_RANK = targetRank(DEFAULT_TARGET_LEVEL);

export function findingFact(record: SyncRecord, day: (ms: number) => string): Fact | null {
  const finding = findingOf(record);
  if (finding === null || finding.deleted) return null;
  return {
    ...EMPTY_FACT,
    parentId: finding.schouwId,
    buurtId: finding.buurtId,
    day: day(finding.createdAt),
    at: finding.createdAt,
    category: finding.level,
    status: finding.status,
    amount: finding.level === null ? 0 : 1,
    extra: finding.level === null ? 0 : levelRank(finding.level),
    flag: finding.meldingNumber !== null,
    tags: [
      { kind: BUURT_TAG, value: finding.buurtId, amount: 0 },
      { kind: ELEMENT_TAG, value: finding.element, amount: 0 },
      { kind: ASPECT_TAG, value: finding.aspect, amount: 0 },
    ],
  };
}

export function findingStatusChangeFact(record: SyncRecord): Fact | null {
  const change = findingStatusChangeOf(record);
  if (change === null || change.deleted) return null;
  return { ...EMPTY_FACT, parentId: change.findingId, category: change.to, at: change.at };
}

export function schouwFact(record: SyncRecord): Fact | null {
  const schouw = schouwOf(record);
  if (schouw === null || schouw.deleted) return null;
  return { ...EMPTY_FACT, parentId: schouw.activityId, amount: targetRank(schouw.targetLevel) };
}
