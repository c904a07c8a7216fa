/**
 * Buurtpreventie: the roster and the round. See DOMAIN.md "Patrol round
 * (buurtpreventie ronde)". Keys only here; the Dutch labels live in the app.
 *
 * - `patrolSlot`: a planned stint of a team (date, start, duration, meeting
 *   point, area). Who walks is NOT a list inside the slot — two members
 *   signing up offline would overwrite each other's list.
 * - `patrolSignUp`: one record per slot and member (its id derived from
 *   both, `signUpIdFor`), with one last-writer-wins flag `signedUp`. Two
 *   members signing up offline write two records and both stick; one member
 *   on two phones writes one record. Sign-off sets the flag to false; a swap
 *   is one member's sign-off plus the other's sign-up.
 * - `patrolRound`: a round walked, started from a slot or ad hoc.
 *
 * Every patrol record carries its team (and its buurten where it has them),
 * so who may see it follows from the record itself (permissions.ts); the
 * server checks on every write that a child names its parent's team
 * (authorise.ts), so the scope of a child is its parent's.
 */
import * as z from 'zod/mini';
import { ConfigIdSchema, DateSchema, LocationSchema, TimeSchema, plainString, text } from './fields.ts';
import { IdSchema } from './ids.ts';
import { TRACK_MAX_CHARS } from './patrol-track.ts';

/** Teams walk in pairs: a slot or round with fewer walkers is flagged. */
export const MIN_WALKERS = 2;
/** A round left running longer than this is closed by the app as "niet afgesloten". */
export const ROUND_OVERDUE_MS = 6 * 60 * 60_000;
/** The roster reaches this many months ahead. */
export const ROSTER_MONTHS_AHEAD = 3;

export const PATROL_MODES = ['onFoot', 'bike', 'mobilityScooter', 'car'] as const;
export type PatrolMode = (typeof PATROL_MODES)[number];

/** geen bijzonderheden · bijzonderheden · incident. */
export const PATROL_OUTCOMES = ['nothingToReport', 'remarks', 'incident'] as const;
export type PatrolOutcome = (typeof PATROL_OUTCOMES)[number];

/** Who ended the round: its walkers, or the app (left running > 6 h: "niet afgesloten"). */
export const ROUND_CLOSERS = ['walkers', 'app'] as const;
export type RoundCloser = (typeof ROUND_CLOSERS)[number];

const userId = plainString(64, 1);
const createdFields = {
  createdAt: z.int().check(z.gte(0)),
  createdBy: userId,
  deleted: z.boolean(),
};

export const PatrolSlotFieldSchemas = {
  teamId: ConfigIdSchema,
  date: DateSchema,
  start: TimeSchema,
  /** Stints of about 1.5 h. */
  durationMinutes: z.int().check(z.gte(15), z.lte(12 * 60)),
  meetingPoint: text(200),
  /** The area walked: buurt ids. */
  buurtIds: z.array(ConfigIdSchema).check(z.maxLength(50)),
  ...createdFields,
};
export const PATROL_SLOT_REQUIRED = ['teamId', 'date', 'start', 'durationMinutes', 'buurtIds', 'createdAt', 'createdBy'] as const;
export const PatrolSlotSchema = z.object({
  ...PatrolSlotFieldSchemas,
  meetingPoint: z._default(PatrolSlotFieldSchemas.meetingPoint, ''),
  deleted: z._default(PatrolSlotFieldSchemas.deleted, false),
});
export type PatrolSlot = z.infer<typeof PatrolSlotSchema>;

export const PatrolSignUpFieldSchemas = {
  slotId: IdSchema,
  userId: IdSchema,
  /** The slot's team (checked against the slot on every write). */
  teamId: ConfigIdSchema,
  signedUp: z.boolean(),
  /**
   * The member's display name as the phone that wrote the sign-up knew it
   * (their own, or a coordinator's list); '' when it did not. The team's
   * phones only hold user ids otherwise, so this is how a teammate reads
   * "Anna" instead of "Teamlid 2".
   */
  name: text(120),
  deleted: z.boolean(),
};
export const PATROL_SIGN_UP_REQUIRED = ['slotId', 'userId', 'teamId', 'signedUp'] as const;
export const PatrolSignUpSchema = z.object({
  ...PatrolSignUpFieldSchemas,
  name: z._default(PatrolSignUpFieldSchemas.name, ''),
  deleted: z._default(PatrolSignUpFieldSchemas.deleted, false),
});
export type PatrolSignUp = z.infer<typeof PatrolSignUpSchema>;

/**
 * The sign-up record id of a member for a slot: both UUIDs' 32 hex digits,
 * slot first (64 characters, a valid record id, and one pair never shares it
 * with another). Any phone computes the same id, so one member's sign-up on
 * two phones is one record.
 *
 * @example
 * signUpIdFor('0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', '0193a1b2-0000-7000-8000-000000000001')
 * // '0193a1b2c3d47e5f8a9b0c1d2e3f4a5b0193a1b2000070008000000000000001'
 */
export function signUpIdFor(slotId: string, memberId: string): string {
  const hex = (id: string) => id.replaceAll('-', '').toLowerCase();
  return `${hex(slotId)}${hex(memberId)}`;
}

/** A compact route track (patrol-track.ts `encodeTrack`), at most ~6 hours of points. */
export const TrackSchema = z
  .string()
  .check(z.maxLength(TRACK_MAX_CHARS, `must be at most ${TRACK_MAX_CHARS} characters`), z.regex(/^[\x3f-\x7e]*$/, 'must be an encoded track'));

export const PatrolRoundFieldSchemas = {
  teamId: ConfigIdSchema,
  /** The roster slot it was started from; null for a round started ad hoc. */
  slotId: z.nullable(IdSchema),
  /** The area walked (the slot's, or the team's buurten). */
  buurtIds: z.array(ConfigIdSchema).check(z.maxLength(50)),
  /** Unix ms. */
  startedAt: z.int().check(z.gte(0)),
  /** Unix ms; null while running, and for a round the app closed ("niet afgesloten": the end is unknown). */
  endedAt: z.nullable(z.int().check(z.gte(0))),
  /** User ids of those walking. */
  walkers: z.array(IdSchema).check(z.maxLength(20)),
  mode: z.enum(PATROL_MODES),
  startPoint: z.nullable(LocationSchema),
  /** The walkers opted in to a route track for this round (off by default). */
  trackOptIn: z.boolean(),
  track: z.nullable(TrackSchema),
  /** The team chose to show the track to the police. */
  shareTrackWithPolice: z.boolean(),
  /** "Afgemeld bij de politie". */
  checkedInWithPolice: z.boolean(),
  outcome: z.nullable(z.enum(PATROL_OUTCOMES)),
  summary: text(2000, 0, { multiLine: true }),
  /** null while running. */
  closedBy: z.nullable(z.enum(ROUND_CLOSERS)),
  ...createdFields,
};
export const PATROL_ROUND_REQUIRED = ['teamId', 'buurtIds', 'startedAt', 'walkers', 'mode', 'createdAt', 'createdBy'] as const;
export const PatrolRoundSchema = z.object({
  ...PatrolRoundFieldSchemas,
  slotId: z._default(PatrolRoundFieldSchemas.slotId, null),
  endedAt: z._default(PatrolRoundFieldSchemas.endedAt, null),
  startPoint: z._default(PatrolRoundFieldSchemas.startPoint, null),
  trackOptIn: z._default(PatrolRoundFieldSchemas.trackOptIn, false),
  track: z._default(PatrolRoundFieldSchemas.track, null),
  shareTrackWithPolice: z._default(PatrolRoundFieldSchemas.shareTrackWithPolice, false),
  checkedInWithPolice: z._default(PatrolRoundFieldSchemas.checkedInWithPolice, false),
  outcome: z._default(PatrolRoundFieldSchemas.outcome, null),
  summary: z._default(PatrolRoundFieldSchemas.summary, ''),
  closedBy: z._default(PatrolRoundFieldSchemas.closedBy, null),
  deleted: z._default(PatrolRoundFieldSchemas.deleted, false),
});
export type PatrolRound = z.infer<typeof PatrolRoundSchema>;

/** Still being walked: nobody (neither the walkers nor the app) has closed it. */
export function isRoundRunning(round: Pick<PatrolRound, 'closedBy' | 'deleted'>): boolean {
  return round.closedBy === null && !round.deleted;
}

/**
 * A round left running for more than 6 hours: the app closes it at its next
 * start as "niet afgesloten" (`overdueClosure`), kept and marked.
 *
 * @example
 * isRoundOverdue({ startedAt: t, closedBy: null, deleted: false }, t + 7 * 3_600_000) // true
 */
export function isRoundOverdue(round: Pick<PatrolRound, 'startedAt' | 'closedBy' | 'deleted'>, now: number): boolean {
  return isRoundRunning(round) && now - round.startedAt > ROUND_OVERDUE_MS;
}

/** The fields the app writes to close an overdue round: closed by the app, end unknown. */
export function overdueClosure(): Pick<PatrolRound, 'closedBy' | 'endedAt'> {
  return { closedBy: 'app', endedAt: null };
}

/** The members signed up for a slot, from its sign-up records (sorted, each once). */
export function slotWalkers(slotId: string, signUps: ReadonlyArray<Pick<PatrolSignUp, 'slotId' | 'userId' | 'signedUp' | 'deleted'>>): string[] {
  return [...new Set(signUps.filter((s) => s.slotId === slotId && s.signedUp && !s.deleted).map((s) => s.userId))].sort();
}

/** Fewer than two walkers: flagged to the team and the coordinator. */
export function slotNeedsWalkers(slot: { readonly walkers: readonly string[] }): boolean {
  return new Set(slot.walkers).size < MIN_WALKERS;
}
