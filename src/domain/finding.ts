/**
 * Finding (bevinding) of a schouw, and the append-only history of its
 * follow-up. See DOMAIN.md "Schouw (inspection round) and finding".
 *
 * Findings are records of their own (a UUIDv7 made on the device), never an
 * array inside the schouw: many phones add to one round at once, offline,
 * and two additions never overwrite each other. A finding carries the buurt
 * and team of its schouw's activity, so deciding who may see it needs no
 * other record (permissions.ts).
 *
 * Photos are referred to by the SHA-256 of their processed bytes
 * (photos.ts); the bytes travel on their own (`PUT /api/v1/photos/{sha256}`).
 */
import * as z from 'zod/mini';
import { CbsBuurtCodeSchema, ConfigIdSchema, LocationSchema, plainString, text } from './fields.ts';
import {
  FOLLOW_UP_STATUSES,
  FollowUpStatusSchema,
  MELDING_STATUSES,
  followUpChangeFieldSchemas,
  followUpChangeRequired,
  followUpChangeSchema,
} from './follow-up.ts';
import { IdSchema } from './ids.ts';
import { MAX_PHOTOS_PER_RECORD, Sha256Schema, ThumbnailsSchema } from './photos.ts';
import { FINDING_LEVELS } from './schouw.ts';

/** What the finding is about. */
export const FINDING_ELEMENTS = [
  'pavement',
  'road',
  'cyclePath',
  'planting',
  'grass',
  'hedge',
  'tree',
  'litterBin',
  'undergroundContainer',
  'streetFurniture',
  'playEquipment',
  'streetLighting',
  'trafficSign',
  'water',
  'drain',
  'other',
] as const;
export type FindingElement = (typeof FINDING_ELEMENTS)[number];

/** What is wrong with it — or `opportunity`: a chance to make it better (a schouw looks for both). */
export const FINDING_ASPECTS = [
  'litterFine',
  'litterCoarse',
  'weedsPaving',
  'weedsPlanting',
  'damage',
  'leaning',
  'loosePaving',
  'graffiti',
  'dogFouling',
  'leaves',
  'binFull',
  'dumpedWaste',
  'overgrown',
  'bare',
  'lightOut',
  'missing',
  'unsafe',
  'other',
  'opportunity',
] as const;
export type FindingAspect = (typeof FINDING_ASPECTS)[number];

export const FINDING_ACTIONS = ['reportFixi', 'fixedOnSpot', 'residentsActionList', 'referHousingCorporation', 'referOtherDepartment', 'none'] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];

export { MELDING_STATUSES, isOpenStatus, type MeldingStatus } from './follow-up.ts';

/** Follow-up: new → reported → in progress → resolved | won't fix (the one follow-up mechanism: follow-up.ts). */
export const FINDING_STATUSES = FOLLOW_UP_STATUSES;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FindingStatusSchema = FollowUpStatusSchema;

/** A Dutch postcode, as PDOK writes it ("2951AB") or typed with a space ("2951 AB"). */
export const PostcodeSchema = z.string().check(z.regex(/^[1-9]\d{3} ?[A-Z]{2}$/, 'must be a Dutch postcode like 2951 AB'));

export const AddressSchema = z.strictObject({
  street: text(120, 1),
  /** House number with any addition ("12a"); empty for a spot along the street. */
  number: text(20),
  postcode: z.nullable(PostcodeSchema),
  place: text(80),
});
export type Address = z.infer<typeof AddressSchema>;

export const FindingFieldSchemas = {
  /** The schouw's activity id (the schouw record itself is `schouwIdFor(schouwId)`). */
  schouwId: IdSchema,
  /** The point's number on the round's route, if the round numbers its points. */
  pointNo: z.nullable(z.int().check(z.gte(1), z.lte(9999))),
  location: z.nullable(LocationSchema),
  address: z.nullable(AddressSchema),
  /**
   * The CBS buurt the place lies in, as PDOK Locatieserver says (looked up
   * when online, after the finding was saved); null until then or when typed.
   */
  cbsBuurtCode: z.nullable(CbsBuurtCodeSchema),
  /** The schouw's buurt: who may see the finding is decided by it (and by `teamId`). */
  buurtId: ConfigIdSchema,
  /** The schouw's team (schouw group): its members see the findings. */
  teamId: z.nullable(ConfigIdSchema),
  /** SHA-256 of each processed photo, in the order taken; no photo twice. */
  photos: z.array(Sha256Schema).check(
    z.maxLength(MAX_PHOTOS_PER_RECORD, `must hold at most ${MAX_PHOTOS_PER_RECORD} photos`),
    z.refine((hashes) => new Set(hashes).size === hashes.length, 'must not hold the same photo twice'),
  ),
  /** The ≤ 320 px thumbnail made by the phone that took each photo, by the photo's hash (photos.ts); absent in older findings. */
  thumbnails: ThumbnailsSchema,
  note: text(2000, 0, { multiLine: true }),
  element: z.enum(FINDING_ELEMENTS),
  aspect: z.enum(FINDING_ASPECTS),
  /** A CROW level or good/bad/plus per the round's method; null when not rated. */
  level: z.nullable(z.enum(FINDING_LEVELS)),
  action: z.nullable(z.enum(FINDING_ACTIONS)),
  responsiblePartnerId: z.nullable(ConfigIdSchema),
  meldingNumber: z.nullable(text(40, 1)),
  meldingStatus: z.enum(MELDING_STATUSES),
  status: FindingStatusSchema,
  createdAt: z.int().check(z.gte(0)),
  createdBy: plainString(64, 1),
  deleted: z.boolean(),
};

/** A finding is saved once it is complete: what, what is wrong, where it belongs. */
export const FINDING_REQUIRED = ['schouwId', 'buurtId', 'element', 'aspect', 'createdAt', 'createdBy'] as const;

export const FindingSchema = z.object({
  ...FindingFieldSchemas,
  pointNo: z._default(FindingFieldSchemas.pointNo, null),
  location: z._default(FindingFieldSchemas.location, null),
  address: z._default(FindingFieldSchemas.address, null),
  cbsBuurtCode: z._default(FindingFieldSchemas.cbsBuurtCode, null),
  teamId: z._default(FindingFieldSchemas.teamId, null),
  photos: z._default(FindingFieldSchemas.photos, []),
  thumbnails: z._default(FindingFieldSchemas.thumbnails, {}),
  note: z._default(FindingFieldSchemas.note, ''),
  level: z._default(FindingFieldSchemas.level, null),
  action: z._default(FindingFieldSchemas.action, null),
  responsiblePartnerId: z._default(FindingFieldSchemas.responsiblePartnerId, null),
  meldingNumber: z._default(FindingFieldSchemas.meldingNumber, null),
  meldingStatus: z._default(FindingFieldSchemas.meldingStatus, 'notReported'),
  status: z._default(FindingFieldSchemas.status, 'new'),
  deleted: z._default(FindingFieldSchemas.deleted, false),
});
export type Finding = z.infer<typeof FindingSchema>;

/**
 * One step of a finding's follow-up (who, when, from → to, note): the
 * follow-up history of follow-up.ts, about a finding. Carries the finding's
 * buurt and team, so it is read exactly like its finding; making one needs
 * the right to change the finding.
 */
export const FindingStatusChangeFieldSchemas = followUpChangeFieldSchemas('findingId');

export const FINDING_STATUS_CHANGE_REQUIRED = followUpChangeRequired('findingId');

export const FindingStatusChangeSchema = followUpChangeSchema('findingId');
export type FindingStatusChange = z.infer<typeof FindingStatusChangeSchema>;
