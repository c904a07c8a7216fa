/**
 * Schouw (inspection round): an activity of type schouw, plus the round's
 * own settings and its participants counted per partner. See DOMAIN.md
 * "Schouw (inspection round) and finding".
 *
 * One schouw record per activity, so — like attendance — its id is derived
 * from the activity's id: two phones that open the same round offline write
 * to the same record without ever having talked. Participants are
 * PN-counters (merge.ts), so two phones counting add up.
 *
 * The schouw takes its scope (buurt, team) from its activity
 * (permissions.ts `scopeOf`), exactly like attendance.
 */
import * as z from 'zod/mini';
import type { CounterKey } from './attendance.ts';
import { ConfigIdSchema } from './fields.ts';
import { IdSchema } from './ids.ts';

export const SCHOUW_KINDS = ['withResidents', 'wijkbeheerder', 'summer', 'winter'] as const;
export type SchouwKind = (typeof SCHOUW_KINDS)[number];

/** How findings are rated: the CROW scale, good/bad/plus, or free notes (no level). */
export const SCHOUW_METHODS = ['crow', 'goodBadPlus', 'free'] as const;
export type SchouwMethod = (typeof SCHOUW_METHODS)[number];

/** CROW's quality scale for public space, best first: A+ (as new) … D (very low). */
export const CROW_LEVELS = ['A+', 'A', 'B', 'C', 'D'] as const;
export type CrowLevel = (typeof CROW_LEVELS)[number];
export const CrowLevelSchema = z.enum(CROW_LEVELS);

/** The levels of the good/bad/plus method ("plus": better than expected, a chance taken). */
export const GOOD_BAD_PLUS = ['good', 'bad', 'plus'] as const;

/** A finding's level: a CROW level or good/bad/plus, depending on the round's method. */
export const FINDING_LEVELS = [...CROW_LEVELS, ...GOOD_BAD_PLUS] as const;
export type FindingLevel = (typeof FINDING_LEVELS)[number];

export const DEFAULT_TARGET_LEVEL: CrowLevel = 'B';

const PARTNER_PREFIX = 'partner:';
/** Residents taking part (not counted per partner). */
export const RESIDENTS_COUNT = 'residents' satisfies CounterKey;

/** The counter of participants from one partner organisation; the store refuses it unless `partnerId` is a config id. */
export function partnerCounterKey(partnerId: string): CounterKey {
  return `${PARTNER_PREFIX}${partnerId}` as CounterKey;
}

export function partnerOfCounterKey(key: string): string | null {
  return key.startsWith(PARTNER_PREFIX) ? key.slice(PARTNER_PREFIX.length) : null;
}

export function isSchouwCounterKey(key: string): key is CounterKey {
  if (key === RESIDENTS_COUNT) return true;
  const partnerId = partnerOfCounterKey(key);
  return partnerId !== null && z.safeParse(ConfigIdSchema, partnerId).success;
}

export const SchouwFieldSchemas = {
  activityId: IdSchema,
  kind: z.enum(SCHOUW_KINDS),
  method: z.enum(SCHOUW_METHODS),
  /** The agreed ambition: findings at or above it meet the target. */
  targetLevel: CrowLevelSchema,
  deleted: z.boolean(),
};

/** Only the activity is needed: two phones may open the round at once; the settings have defaults. */
export const SCHOUW_REQUIRED = ['activityId'] as const;

export const SchouwSchema = z.object({
  ...SchouwFieldSchemas,
  kind: z._default(SchouwFieldSchemas.kind, 'withResidents'),
  method: z._default(SchouwFieldSchemas.method, 'crow'),
  targetLevel: z._default(SchouwFieldSchemas.targetLevel, DEFAULT_TARGET_LEVEL),
  deleted: z._default(SchouwFieldSchemas.deleted, false),
});
export type Schouw = z.infer<typeof SchouwSchema>;

/**
 * The schouw record id of an activity: the activity's UUIDv7 with its version
 * nibble set to 9 (RFC 9562 leaves it unused), so it collides neither with a
 * record id made on a device (7) nor with the activity's attendance (8).
 */
export function schouwIdFor(activityId: string): string {
  return `${activityId.slice(0, 14)}9${activityId.slice(15)}`;
}

/**
 * Whether a finding's level meets the round's target level. CROW order:
 * A+ > A > B > C > D, so at or above the target meets it; good and plus
 * meet any target, bad meets none. No level (not rated, free notes): null,
 * and the finding counts neither way.
 *
 * @example
 * meetsTarget('A', 'B') // true
 * meetsTarget('C', 'B') // false
 * meetsTarget(null, 'B') // null
 */
export function meetsTarget(level: FindingLevel | null, targetLevel: CrowLevel): boolean | null {
  if (level === null) return null;
  if (level === 'good' || level === 'plus') return true;
  if (level === 'bad') return false;
  return CROW_LEVELS.indexOf(level) <= CROW_LEVELS.indexOf(targetLevel);
}

export type SchouwScore = {
  /** Findings per level, every level present (0 when none). */
  readonly byLevel: Readonly<Record<FindingLevel, number>>;
  /** Findings with a level. */
  readonly rated: number;
  /** Of those, how many meet the target. */
  readonly meeting: number;
  /** meeting / rated, or null when nothing was rated. */
  readonly share: number | null;
};

/** The report's score of a round: counts per level and the share that meets the target. */
export function schouwScore(levels: ReadonlyArray<FindingLevel | null>, targetLevel: CrowLevel): SchouwScore {
  const byLevel = Object.fromEntries(FINDING_LEVELS.map((level) => [level, 0])) as Record<FindingLevel, number>;
  let rated = 0;
  let meeting = 0;
  for (const level of levels) {
    if (level === null) continue;
    byLevel[level] += 1;
    rated += 1;
    if (meetsTarget(level, targetLevel)) meeting += 1;
  }
  return { byLevel, rated, meeting, share: rated === 0 ? null : meeting / rated };
}
