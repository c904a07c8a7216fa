/**
 * Activity (activiteit): something held in a neighbourhood. See DOMAIN.md.
 * Every field merges last-writer-wins on its own, so two people editing
 * different fields offline both keep their edit.
 */
import * as z from 'zod/mini';
import { ConfigIdSchema, DateSchema, LocationSchema, OrganisationRefSchema, TimeSchema, plainString, text } from './fields.ts';

export { ACTIVITY_STATUSES, ACTIVITY_TYPES, type ActivityStatus, type ActivityType } from './codes.ts';
import { ACTIVITY_STATUSES } from './codes.ts';

/**
 * The fields of an activity, each validated on its own (a mutation may carry
 * any subset). `type` is a config id: the defaults above, or a tenant's own.
 */
export const ActivityFieldSchemas = {
  title: text(200, 1),
  type: ConfigIdSchema,
  themes: z.array(ConfigIdSchema).check(z.maxLength(20)),
  buurtId: ConfigIdSchema,
  /** The team (buurtpreventie team, working group) it belongs to: volunteers see only their teams' activities. */
  teamId: z.nullable(ConfigIdSchema),
  projectId: z.nullable(plainString(64)),
  date: DateSchema,
  start: TimeSchema,
  end: z.nullable(TimeSchema),
  place: text(200),
  location: z.nullable(LocationSchema),
  status: z.enum(ACTIVITY_STATUSES),
  organisers: z.array(OrganisationRefSchema).check(z.maxLength(50)),
  participatingOrganisations: z.array(OrganisationRefSchema).check(z.maxLength(100)),
  notes: text(5000, 0, { multiLine: true }),
  createdAt: z.int().check(z.gte(0)),
  createdBy: plainString(64, 1),
  deleted: z.boolean(),
};

/** Fields a new activity must carry in its first write. */
export const ACTIVITY_REQUIRED = ['title', 'type', 'buurtId', 'date', 'start', 'status', 'createdAt', 'createdBy'] as const;

export const ActivitySchema = z.object({
  ...ActivityFieldSchemas,
  themes: z._default(ActivityFieldSchemas.themes, []),
  teamId: z._default(ActivityFieldSchemas.teamId, null),
  projectId: z._default(ActivityFieldSchemas.projectId, null),
  end: z._default(ActivityFieldSchemas.end, null),
  place: z._default(ActivityFieldSchemas.place, ''),
  location: z._default(ActivityFieldSchemas.location, null),
  organisers: z._default(ActivityFieldSchemas.organisers, []),
  participatingOrganisations: z._default(ActivityFieldSchemas.participatingOrganisations, []),
  notes: z._default(ActivityFieldSchemas.notes, ''),
  deleted: z._default(ActivityFieldSchemas.deleted, false),
});
export type Activity = z.infer<typeof ActivitySchema>;
/** The user-editable fields of an activity (not createdAt, createdBy, deleted). */
export type ActivityInput = Omit<Activity, 'createdAt' | 'createdBy' | 'deleted'>;
