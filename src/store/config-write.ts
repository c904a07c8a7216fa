/**
 * A coordinator's edit of the configuration (buurten, partners, themes,
 * activity types, projects, teams): checked with the domain's field schemas,
 * then written like every other local change — record and outbox entry in one
 * transaction — and synced to every device as a record.
 */
import * as z from 'zod/mini';
import { CONFIG_FIELD_SCHEMAS, CONFIG_REQUIRED, type ConfigRecordType } from '../domain/config-records.ts';
import type { Issue } from '../domain/errors.ts';
import { uuidv7 } from '../domain/ids.ts';
import { toIssues } from '../domain/issues.ts';
import { stableStringify } from '../domain/merge.ts';
import { InvalidInputError } from './invalid-input.ts';
import { writeLocal, type StoreContext } from './local-write.ts';

/** What a new item starts with unless the caller says otherwise: shown, not deleted, first. */
const NEW_ITEM = { hidden: false, deleted: false, order: 0 } as const;

export async function saveConfigItem(ctx: StoreContext, type: ConfigRecordType, id: string | null, values: Readonly<Record<string, unknown>>): Promise<string> {
  const fields = configFields(type, values, id === null);
  const recordId = id ?? uuidv7(ctx.now());
  await writeLocal(ctx, { id: recordId, type }, (current) => {
    if (id === null) return current ? null : { fields: { ...NEW_ITEM, ...fields } };
    if (current?.type !== type) throw new InvalidInputError([{ path: 'id', message: `no ${type} ${id}` }]);
    // Only changed fields get a new HLC: an untouched one must not overwrite
    // another coordinator's edit of it.
    const changed = Object.entries(fields).filter(([name, value]) => stableStringify(current.fields[name]?.v) !== stableStringify(value));
    return { fields: Object.fromEntries(changed) };
  });
  return recordId;
}

/** The values, each checked with its field schema; a new item must carry its required fields. */
export function configFields(type: ConfigRecordType, values: Readonly<Record<string, unknown>>, isNew: boolean): Record<string, unknown> {
  const schemas: Readonly<Record<string, z.ZodMiniType>> = CONFIG_FIELD_SCHEMAS[type];
  const fields: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const [name, value] of Object.entries(values)) {
    const schema = Object.hasOwn(schemas, name) ? schemas[name] : undefined;
    if (!schema) {
      issues.push({ path: name, message: `a ${type} has no field "${name}"` });
      continue;
    }
    const parsed = z.safeParse(schema, value);
    if (parsed.success) fields[name] = parsed.data;
    else issues.push(...toIssues(parsed.error, name));
  }
  if (isNew)
    for (const name of CONFIG_REQUIRED[type]) if (!(name in fields) && !issues.some((i) => i.path === name)) issues.push({ path: name, message: 'required' });
  if (issues.length > 0) throw new InvalidInputError(issues);
  return fields;
}
