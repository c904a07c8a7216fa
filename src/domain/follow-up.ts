/**
 * Follow-up of a "subject" — a schouw finding, a public-space observation of
 * a patrol round — as Signalen keeps it: the subject's own `status` field is
 * the current status (last writer wins), and an append-only history of
 * entries (who, when, from → to, note) says what happened. Each entry is a
 * record of its own, so two people's entries never overwrite each other; the
 * server refuses any change to a stored entry (`isAppendOnly` in records.ts).
 *
 * One mechanism, one shape: `followUpChangeFieldSchemas(subjectField)` makes
 * the history record of a subject type (findingStatusChange: `findingId`,
 * observationStatusChange: `observationId`). An entry carries its subject's
 * buurt and team, so it is read exactly like its subject; making one needs
 * the right to change the subject (server: authorise.ts).
 */
import * as z from 'zod/mini';
import { ConfigIdSchema, plainString, text } from './fields.ts';
import { IdSchema } from './ids.ts';

export { FOLLOW_UP_STATUSES, isOpenStatus, type FollowUpStatus } from './codes.ts';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from './codes.ts';
export const FollowUpStatusSchema = z.enum(FOLLOW_UP_STATUSES);

/**
 * The melding's status in FIXI (or another system). Not a second status a
 * person sets: the follow-up status is the one model, and this field (kept on
 * the wire for exports and older clients) follows from it — `meldingStatusFor`.
 */
export const MELDING_STATUSES = ['notReported', 'received', 'inProgress', 'resolved'] as const;
export type MeldingStatus = (typeof MELDING_STATUSES)[number];

/** The melding status that goes with a follow-up status: not reported while new, then as far as the follow-up got. */
export function meldingStatusFor(status: FollowUpStatus): MeldingStatus {
  switch (status) {
    case 'new':
      return 'notReported';
    case 'reported':
      return 'received';
    case 'inProgress':
      return 'inProgress';
    case 'resolved':
    case 'wontFix':
      return 'resolved';
  }
}

/** The fields of one history entry about the subject named by `subjectField`. `from` equal to `to` is a note without a change of status. */
export function followUpChangeFieldSchemas<F extends string>(subjectField: F) {
  return {
    ...({ [subjectField]: IdSchema } as Record<F, typeof IdSchema>),
    from: FollowUpStatusSchema,
    to: FollowUpStatusSchema,
    note: text(2000, 0, { multiLine: true }),
    /** When, in Unix ms. */
    at: z.int().check(z.gte(0)),
    /** Who: the user id. */
    by: plainString(64, 1),
    buurtId: ConfigIdSchema,
    teamId: z.nullable(ConfigIdSchema),
    /** Present so a delete can be expressed — and refused: nobody may delete history. */
    deleted: z.boolean(),
  };
}

/** What the first write of an entry must carry. */
export function followUpChangeRequired<F extends string>(subjectField: F): readonly [F, 'from', 'to', 'at', 'by', 'buurtId'] {
  return [subjectField, 'from', 'to', 'at', 'by', 'buurtId'];
}

/** The entry as the UI reads it: defaults filled in. */
export function followUpChangeSchema<F extends string>(subjectField: F) {
  const fields = followUpChangeFieldSchemas(subjectField);
  return z.object({
    ...fields,
    note: z._default(fields.note, ''),
    teamId: z._default(fields.teamId, null),
    deleted: z._default(fields.deleted, false),
  });
}
