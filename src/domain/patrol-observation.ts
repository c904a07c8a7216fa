/**
 * What a patrol round notices, in two kinds with their own record types, so
 * the one permission table can tell them apart (permissions.ts):
 *
 * - `safetyObservation`: open window, key in door, suspicious situation …
 *   Behaviour and place, never persons, and no photo (the schema has no
 *   photo field at all). The police read those of their buurten and answer
 *   with an `observationReaction` — the only thing the police write.
 * - `publicSpaceObservation`: broken street light, dumped waste … A photo
 *   is allowed; it joins the wijkbeheerder's open findings with the same
 *   follow-up (a `status` field plus the append-only history of
 *   follow-up.ts: `observationStatusChange`). Professionals read those of
 *   their buurten and follow them up.
 *
 * Both share one base: the round, its team, the buurt, when, where, the
 * note, the action taken. Each carries its round's team (the server checks
 * it on every write) and its buurt, so deciding who may see it needs no
 * other record.
 */
import * as z from 'zod/mini';
import { AddressSchema } from './finding.ts';
import { ConfigIdSchema, LocationSchema, plainString, text } from './fields.ts';
import { FollowUpStatusSchema, MELDING_STATUSES, followUpChangeFieldSchemas, followUpChangeRequired, followUpChangeSchema } from './follow-up.ts';
import { IdSchema } from './ids.ts';
import { MAX_PHOTOS_PER_RECORD, Sha256Schema, ThumbnailsSchema } from './photos.ts';

export const OBSERVATION_KINDS = ['safety', 'publicSpace'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

export const SAFETY_OBSERVATION_TYPES = [
  'openWindowOrDoor',
  'unlockedCarOrBike',
  'keyInDoor',
  'otherBurglaryRisk',
  'youthNuisance',
  'suspiciousSituation',
  'signsOfAbsence',
  'welfareConcern',
  'other',
] as const;
export type SafetyObservationType = (typeof SAFETY_OBSERVATION_TYPES)[number];

export const PUBLIC_SPACE_OBSERVATION_TYPES = [
  'brokenStreetLight',
  'looseTileOrPothole',
  'dangerousVegetation',
  'brokenStreetFurniture',
  'dumpedWaste',
  'graffiti',
  'abandonedBike',
] as const;
export type PublicSpaceObservationType = (typeof PUBLIC_SPACE_OBSERVATION_TYPES)[number];

export const OBSERVATION_ACTIONS = [
  'residentAlerted',
  'called112',
  'called0900',
  'passedToWijkagent',
  'meldingFixi',
  'passedToHousingCorporation',
  'passedToWelfare',
  'none',
] as const;
export type ObservationAction = (typeof OBSERVATION_ACTIONS)[number];

/** Shown where people type (the app's note field): no names, descriptions of persons or number plates. */
export const OBSERVATION_NOTE_MAX = 1000;

const ObservationBaseFields = {
  roundId: IdSchema,
  /** The round's team (checked against the round on every write). */
  teamId: ConfigIdSchema,
  /** The buurt it was seen in: the police and professionals of that buurt see it. */
  buurtId: ConfigIdSchema,
  /** When, in Unix ms (taken automatically). */
  observedAt: z.int().check(z.gte(0)),
  location: z.nullable(LocationSchema),
  address: z.nullable(AddressSchema),
  note: text(OBSERVATION_NOTE_MAX, 0, { multiLine: true }),
  action: z.enum(OBSERVATION_ACTIONS),
  meldingNumber: z.nullable(text(40, 1)),
  createdAt: z.int().check(z.gte(0)),
  createdBy: plainString(64, 1),
  deleted: z.boolean(),
};
const OBSERVATION_BASE_REQUIRED = ['roundId', 'teamId', 'buurtId', 'observedAt', 'type', 'action', 'createdAt', 'createdBy'] as const;
const baseDefaults = {
  location: z._default(ObservationBaseFields.location, null),
  address: z._default(ObservationBaseFields.address, null),
  note: z._default(ObservationBaseFields.note, ''),
  meldingNumber: z._default(ObservationBaseFields.meldingNumber, null),
  deleted: z._default(ObservationBaseFields.deleted, false),
};

export const SafetyObservationFieldSchemas = { ...ObservationBaseFields, type: z.enum(SAFETY_OBSERVATION_TYPES) };
export const SAFETY_OBSERVATION_REQUIRED = OBSERVATION_BASE_REQUIRED;
export const SafetyObservationSchema = z.object({ ...SafetyObservationFieldSchemas, ...baseDefaults });
export type SafetyObservation = z.infer<typeof SafetyObservationSchema>;

export const PublicSpaceObservationFieldSchemas = {
  ...ObservationBaseFields,
  type: z.enum(PUBLIC_SPACE_OBSERVATION_TYPES),
  /** SHA-256 of each processed photo (objects only), as a finding's. */
  photos: z.array(Sha256Schema).check(
    z.maxLength(MAX_PHOTOS_PER_RECORD, `must hold at most ${MAX_PHOTOS_PER_RECORD} photos`),
    z.refine((hashes) => new Set(hashes).size === hashes.length, 'must not hold the same photo twice'),
  ),
  /** Each photo's thumbnail, as a finding's. */
  thumbnails: ThumbnailsSchema,
  meldingStatus: z.enum(MELDING_STATUSES),
  /** Follow-up status (current; its history: observationStatusChange). */
  status: FollowUpStatusSchema,
};
export const PUBLIC_SPACE_OBSERVATION_REQUIRED = OBSERVATION_BASE_REQUIRED;
export const PublicSpaceObservationSchema = z.object({
  ...PublicSpaceObservationFieldSchemas,
  ...baseDefaults,
  photos: z._default(PublicSpaceObservationFieldSchemas.photos, []),
  thumbnails: z._default(PublicSpaceObservationFieldSchemas.thumbnails, {}),
  meldingStatus: z._default(PublicSpaceObservationFieldSchemas.meldingStatus, 'notReported'),
  status: z._default(PublicSpaceObservationFieldSchemas.status, 'new'),
});
export type PublicSpaceObservation = z.infer<typeof PublicSpaceObservationSchema>;

/** Follow-up history of a public-space observation: the mechanism of follow-up.ts. */
export const ObservationStatusChangeFieldSchemas = followUpChangeFieldSchemas('observationId');
export const OBSERVATION_STATUS_CHANGE_REQUIRED = followUpChangeRequired('observationId');
export const ObservationStatusChangeSchema = followUpChangeSchema('observationId');
export type ObservationStatusChange = z.infer<typeof ObservationStatusChangeSchema>;

/** The police's answer to a safety observation: seen, or handled. */
export const REACTION_STATES = ['seen', 'handled'] as const;
export type ReactionState = (typeof REACTION_STATES)[number];

/**
 * The wijkagent's reaction to a safety observation: one per observation
 * (its id derived from the observation's, `reactionIdFor`), each field last
 * writer wins, so two officers reacting offline end with one reaction.
 * Carries the observation's buurt and team: the police of the buurt write
 * it, the team reads it.
 */
export const ObservationReactionFieldSchemas = {
  observationId: IdSchema,
  teamId: ConfigIdSchema,
  buurtId: ConfigIdSchema,
  text: text(1000, 0, { multiLine: true }),
  state: z.enum(REACTION_STATES),
  /** Who reacted last: the user id. */
  by: plainString(64, 1),
  /** When, in Unix ms. */
  at: z.int().check(z.gte(0)),
  deleted: z.boolean(),
};
export const OBSERVATION_REACTION_REQUIRED = ['observationId', 'teamId', 'buurtId', 'state', 'by', 'at'] as const;
export const ObservationReactionSchema = z.object({
  ...ObservationReactionFieldSchemas,
  text: z._default(ObservationReactionFieldSchemas.text, ''),
  deleted: z._default(ObservationReactionFieldSchemas.deleted, false),
});
export type ObservationReaction = z.infer<typeof ObservationReactionSchema>;

/** The reaction record id of an observation: its UUID with version nibble a (unused by RFC 9562 and by the other derived ids). */
export function reactionIdFor(observationId: string): string {
  return `${observationId.slice(0, 14)}a${observationId.slice(15)}`;
}

/** Safety observations of a suspicious situation ask "112 gebeld?" first (SAAR). */
export function asksCalled112First(type: SafetyObservationType): boolean {
  return type === 'suspiciousSituation';
}
