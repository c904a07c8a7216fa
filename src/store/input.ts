/**
 * Checks on what the UI hands the store, with the domain's field schemas: a
 * change the server would refuse is refused here, before anything is written.
 */
import * as z from 'zod/mini';
import { ACTIVITY_REQUIRED, ActivityFieldSchemas, type ActivityInput } from '../domain/activity.ts';
import type { Issue } from '../domain/errors.ts';
import { toIssues } from '../domain/issues.ts';
import { stableStringify } from '../domain/merge.ts';
import type { StoredRecord } from './database.ts';
import { InvalidInputError } from './invalid-input.ts';

export const ACTIVITY_INPUT_KEYS = [
  'title',
  'type',
  'themes',
  'buurtId',
  'teamId',
  'projectId',
  'date',
  'start',
  'end',
  'place',
  'location',
  'status',
  'organisers',
  'participatingOrganisations',
  'notes',
] as const satisfies readonly (keyof ActivityInput)[];

/**
 * The input's activity fields, validated; keys that are not user-editable
 * activity fields (say `id` or `syncState` of a view) are ignored. With
 * `isNew`, the fields a new activity must carry are required.
 */
export function activityFields(input: Partial<ActivityInput>, isNew: boolean): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const key of ACTIVITY_INPUT_KEYS) {
    const value = (input as Record<string, unknown>)[key];
    if (value === undefined) {
      if (isNew && (ACTIVITY_REQUIRED as readonly string[]).includes(key)) issues.push({ path: key, message: 'required' });
      continue;
    }
    const parsed = z.safeParse(ActivityFieldSchemas[key], value);
    if (parsed.success) fields[key] = parsed.data;
    else issues.push(...toIssues(parsed.error, key));
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return fields;
}

export function check<T>(schema: z.ZodMiniType<T>, value: unknown, path: string): T {
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) throw new InvalidInputError(toIssues(parsed.error, path));
  return parsed.data;
}

/** Validate the named fields of `input` with a record type's field schemas (every refusal at once, as field issues); unknown keys are ignored. */
export function validFields<K extends string>(
  schemas: Readonly<Record<K, z.ZodMiniType>>,
  keys: readonly K[],
  input: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const key of keys) {
    const value = input[key];
    const schema = schemas[key];
    if (value === undefined || !schema) continue;
    const parsed = z.safeParse(schema, value);
    if (parsed.success) fields[key] = parsed.data;
    else issues.push(...toIssues(parsed.error, key));
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return fields;
}

/** Only the fields whose value differs get a new HLC: an untouched field must not overwrite a colleague's edit. */
export function changedOnly(current: StoredRecord, fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([name, value]) => stableStringify(current.fields[name]?.v) !== stableStringify(value)));
}
