/**
 * The admin screens without the DOM: names to show, what an edit writes,
 * and the checks a form makes before it writes (the domain's field schemas
 * decide; this only turns their answer into words). Tested in
 * tests/unit/app-admin-logic.test.ts.
 */
import type { Issue } from '../../domain/errors.ts';
import type { Config } from '../../domain/config-records.ts';
import type { FormsKey } from '../ui/forms/nl.ts';
import type { AdminKey } from './nl.ts';

export type SimpleKind = 'buurt' | 'partner' | 'theme' | 'activityType';
export type SimpleItem = { id: string; name: string; hidden: boolean; kind?: string; cbsCode?: string; isDefaultName?: boolean };

/** Buurten, partners, themes and activity types as one kind of list: a name, hidden or not. */
export function simpleItems(kind: SimpleKind, config: Config, defaultLabel: (typeId: string) => string): SimpleItem[] {
  switch (kind) {
    case 'buurt':
      return config.buurten.map((b) => ({ id: b.id, name: b.name, hidden: b.hidden === true, ...(b.cbsCode ? { cbsCode: b.cbsCode } : {}) }));
    case 'partner':
      return config.partners.map((p) => ({ id: p.id, name: p.name, hidden: p.hidden === true, kind: p.kind }));
    case 'theme':
      return config.themes.map((th) => ({ id: th.id, name: th.label, hidden: th.hidden === true }));
    case 'activityType':
      return config.activityTypes.map((type) => ({
        id: type.id,
        name: type.label ?? defaultLabel(type.id),
        hidden: type.hidden === true,
        isDefaultName: type.label === undefined,
      }));
  }
}

/** The field that holds an item's name: themes and activity types have a label (null = the default words). */
export function nameField(kind: SimpleKind): 'name' | 'label' {
  return kind === 'buurt' || kind === 'partner' ? 'name' : 'label';
}

/** What saving the edit form writes: the name, and the kind's own fields. */
export function simpleValues(kind: SimpleKind, input: { name: string; partnerKind?: string; cbsCode?: string }): Record<string, unknown> {
  const values: Record<string, unknown> = { [nameField(kind)]: input.name.trim() };
  if (kind === 'partner') values['kind'] = input.partnerKind ?? 'other';
  if (kind === 'buurt') values['cbsCode'] = input.cbsCode?.trim() ? input.cbsCode.trim().toUpperCase() : null;
  return values;
}

/** A new item goes last. */
export function nextOrder(items: readonly unknown[]): number {
  return Math.min(10_000, items.length);
}

export type FormError = { key: FormsKey | AdminKey; params?: Record<string, string | number> };

/** The store's refusal (InvalidInputError issues) as words per field. */
export function fieldErrors(issues: readonly Issue[]): Record<string, FormError> {
  const errors: Record<string, FormError> = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (errors[field]) continue;
    const max = /at most (\d+)/.exec(issue.message)?.[1];
    errors[field] =
      issue.message === 'required' || issue.message === 'must not be empty'
        ? { key: 'error.required' }
        : max
          ? { key: 'error.tooLong', params: { max: Number(max) } }
          : { key: 'error.invalid' };
  }
  return errors;
}

/** The issues of an error the store threw, if it was a refusal of the input. */
export function issuesOfError(error: unknown): Issue[] | null {
  if (error instanceof Error && error.name === 'InvalidInputError' && Array.isArray((error as { issues?: unknown }).issues)) {
    return (error as unknown as { issues: Issue[] }).issues;
  }
  return null;
}

/** "12 mrt 2025 tot open". */
export function periodText(
  start: string | null,
  end: string | null,
  format: (date: string) => string,
  words: { open: string; period: (start: string, end: string) => string },
): string | null {
  if (!start && !end) return null;
  return words.period(start ? format(start) : words.open, end ? format(end) : words.open);
}
