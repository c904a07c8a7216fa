/**
 * Unsaved form input survives a reload, a crash or iOS closing the tab: each
 * change is mirrored to localStorage (synchronous, so nothing typed is lost
 * between a keystroke and a kill) and cleared on save, cancel or delete.
 */
import * as z from 'zod/mini';
import { ActivitySchema } from '../../domain/activity.ts';
import { ActivityDraftSchema, type ActivityDraft, type ActivityFields } from './form-logic.ts';

const PREFIX = 'buurtlog:draft:';

/** For an edit, the record as it was when editing began, so the diff never reverts others' changes. */
const StoredDraftSchema = z.object({
  draft: ActivityDraftSchema,
  base: z.nullable(z.omit(ActivitySchema, { createdAt: true, createdBy: true, deleted: true })),
});

export type StoredDraft = { draft: ActivityDraft; base: ActivityFields | null };

export function loadDraft(storage: Storage | undefined, formId: string): StoredDraft | null {
  try {
    const raw = storage?.getItem(PREFIX + formId);
    if (!raw) return null;
    const parsed = z.safeParse(StoredDraftSchema, JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveDraft(storage: Storage | undefined, formId: string, value: StoredDraft): void {
  try {
    storage?.setItem(PREFIX + formId, JSON.stringify(value));
  } catch {
    // Storage full or blocked (private mode): the form still holds the input.
  }
}

export function clearDraft(storage: Storage | undefined, formId: string): void {
  try {
    storage?.removeItem(PREFIX + formId);
  } catch {
    // Nothing to do: a stale draft is offered once more and can be discarded.
  }
}
