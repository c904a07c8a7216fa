/**
 * The activity form without the DOM: a draft of strings as the inputs hold
 * them, validation with the domain's own field schemas, and the diff that an
 * edit writes. Tested in tests/unit/app-activity-form.test.ts.
 */
import * as z from 'zod/mini';
import { ActivityFieldSchemas, type ActivityStatus } from '../../domain/activity.ts';
import { OrganisationRefSchema, type OrganisationRef } from '../../domain/fields.ts';
import type { ActivityInput } from '../../domain/activity.ts';
import type { FormsKey } from '../ui/forms/nl.ts';
import type { Params } from '../i18n/translate.ts';

/** The fields a person edits: the store's ActivityInput. */
export type ActivityFields = ActivityInput;

export const ActivityDraftSchema = z.object({
  title: z.string(),
  type: z.string(),
  themes: z.array(z.string()),
  buurtId: z.string(),
  /** '' for no team; drafts saved before teams existed have none. */
  teamId: z._default(z.string(), ''),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  place: z.string(),
  status: ActivityFieldSchemas.status,
  organisers: z.array(OrganisationRefSchema),
  participatingOrganisations: z.array(OrganisationRefSchema),
  notes: z.string(),
});
/** What the inputs hold; `end` is '' when left empty. */
export type ActivityDraft = z.infer<typeof ActivityDraftSchema>;
export type DraftField = keyof ActivityDraft;

export type FieldError = { readonly key: FormsKey; readonly params?: Params };
export type FieldErrors = Partial<Record<DraftField, FieldError>>;

/** Form order, so the first invalid field gets focus. */
export const DRAFT_FIELDS: readonly DraftField[] = [
  'title',
  'buurtId',
  'teamId',
  'type',
  'date',
  'start',
  'end',
  'place',
  'themes',
  'organisers',
  'participatingOrganisations',
  'status',
  'notes',
];

/** The fields under "Meer gegevens": optional, folded away below "Opslaan". */
export const MORE_FIELDS: readonly DraftField[] = ['end', 'place', 'themes', 'organisers', 'participatingOrganisations', 'status', 'notes'];

export function emptyDraft(opts: { today: string; buurtId?: string; teamId?: string }): ActivityDraft {
  return {
    title: '',
    type: '',
    themes: [],
    buurtId: opts.buurtId ?? '',
    teamId: opts.teamId ?? '',
    date: opts.today,
    start: '',
    end: '',
    place: '',
    status: 'planned',
    organisers: [],
    participatingOrganisations: [],
    notes: '',
  };
}

export function draftOf(activity: ActivityFields): ActivityDraft {
  return {
    title: activity.title,
    type: activity.type,
    themes: [...activity.themes],
    buurtId: activity.buurtId,
    teamId: activity.teamId ?? '',
    date: activity.date,
    start: activity.start,
    end: activity.end ?? '',
    place: activity.place,
    status: activity.status,
    organisers: [...activity.organisers],
    participatingOrganisations: [...activity.participatingOrganisations],
    notes: activity.notes,
  };
}

/**
 * The date a repeated activity gets: a week after the original, or — when
 * that is already past — the first day from today on the original's weekday
 * (a weekly koffie-inloop repeated late lands on its next session).
 *
 * @example
 * repeatDate('2026-11-30', '2026-12-03') // '2026-12-07' (the next Monday)
 */
export function repeatDate(original: string, today: string): string {
  const weekLater = addDays(original, 7);
  if (weekLater >= today) return weekLater;
  const behind = (dayNumber(today) - dayNumber(original)) % 7;
  return addDays(today, behind === 0 ? 0 : 7 - behind);
}

/** A new activity like `activity` on another date: same fields, status planned, no counts. */
export function repeatDraft(activity: ActivityFields, today: string): ActivityDraft {
  return { ...draftOf(activity), date: repeatDate(activity.date, today), status: 'planned' };
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar date (UTC arithmetic: no daylight saving). */
function dayNumber(date: string): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** The activity fields a draft stands for; fields the form does not show come from `base`. */
export function fieldsOf(draft: ActivityDraft, base?: ActivityFields): ActivityFields {
  return {
    title: draft.title.trim(),
    type: draft.type,
    themes: draft.themes,
    buurtId: draft.buurtId,
    teamId: draft.teamId === '' ? null : draft.teamId,
    projectId: base?.projectId ?? null,
    date: draft.date,
    start: draft.start,
    end: draft.end === '' ? null : draft.end,
    place: draft.place.trim(),
    location: base?.location ?? null,
    status: draft.status,
    organisers: draft.organisers,
    participatingOrganisations: draft.participatingOrganisations,
    notes: draft.notes.trim(),
  };
}

/**
 * Field-level errors, from the domain's field schemas (the same rules the
 * server applies), plus what only the form can see: "end before start", and
 * a team where the person may only file activities under a team
 * (abilities.ts `isTeamRequired`, from the permission table).
 */
export function validateDraft(draft: ActivityDraft, opts: { isTeamRequired?: boolean } = {}): FieldErrors {
  const fields = fieldsOf(draft);
  const errors: FieldErrors = {};
  if (opts.isTeamRequired && draft.teamId === '') errors.teamId = { key: 'error.choose' };
  for (const name of DRAFT_FIELDS) {
    if (errors[name]) continue;
    const schema = ActivityFieldSchemas[name];
    const result = z.safeParse(schema, fields[name]);
    if (!result.success) errors[name] = errorOf(name, fields[name], result.error.issues[0]);
  }
  if (!errors.start && !errors.end && fields.end !== null && fields.end < fields.start) {
    errors.end = { key: 'error.endBeforeStart' };
  }
  return errors;
}

type Issue = { code?: string; maximum?: unknown } | undefined;

function errorOf(name: DraftField, value: unknown, issue: Issue): FieldError {
  const empty = value === '' || (Array.isArray(value) && value.length === 0);
  if (name === 'buurtId' || name === 'type' || name === 'teamId') return { key: 'error.choose' };
  if (issue?.code === 'too_big') {
    const max = Number(issue.maximum);
    return Array.isArray(value) ? { key: 'error.tooMany', params: { max } } : { key: 'error.tooLong', params: { max } };
  }
  if (empty && (name === 'title' || name === 'date' || name === 'start')) return { key: 'error.required' };
  if (name === 'date') return { key: 'error.date' };
  if (name === 'start' || name === 'end') return { key: 'error.time' };
  return { key: 'error.invalid' };
}

/**
 * Only the fields that changed. Every field merges last-writer-wins on its
 * own, so writing an untouched field would overwrite someone else's edit of
 * it made meanwhile on another phone.
 */
export function changedFields(base: ActivityFields, next: ActivityFields): Partial<ActivityFields> {
  const changes: Record<string, unknown> = {};
  for (const name of Object.keys(next) as Array<keyof ActivityFields>) {
    if (JSON.stringify(base[name]) !== JSON.stringify(next[name])) changes[name] = next[name];
  }
  return changes as Partial<ActivityFields>;
}

export function isDraftDirty(initial: ActivityDraft, current: ActivityDraft): boolean {
  return JSON.stringify(initial) !== JSON.stringify(current);
}

export function sameOrganisation(a: OrganisationRef, b: OrganisationRef): boolean {
  if ('partnerId' in a) return 'partnerId' in b && a.partnerId === b.partnerId;
  return 'name' in b && a.name.trim().toLowerCase() === b.name.trim().toLowerCase();
}

/** Add a free organisation name unless it is empty or already listed. */
export function addOrganisationName(list: readonly OrganisationRef[], name: string): OrganisationRef[] {
  const ref = { name: name.trim() };
  if (ref.name === '' || list.some((item) => sameOrganisation(item, ref))) return [...list];
  return [...list, ref];
}

export function toggleOrganisation(list: readonly OrganisationRef[], ref: OrganisationRef, on: boolean): OrganisationRef[] {
  const rest = list.filter((item) => !sameOrganisation(item, ref));
  return on ? [...rest, ref] : rest;
}

export function toggleTheme(themes: readonly string[], id: string, on: boolean): string[] {
  const rest = themes.filter((theme) => theme !== id);
  return on ? [...rest, id] : rest;
}

export type { ActivityStatus };
