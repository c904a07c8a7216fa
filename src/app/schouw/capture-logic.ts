/**
 * The rules of capturing a finding, apart from the screen: which levels a
 * round's method offers, when a draft is complete, and the saver that writes
 * it "the moment it is complete" — one createFinding, then only the fields
 * that changed through updateFinding. Pure but for the store it is given;
 * tested with the real store on fake-indexeddb (tests/unit/app-schouw-capture.test.ts).
 */
import type { Address, FindingAspect, FindingElement } from '../../domain/finding.ts';
import type { Location } from '../../domain/fields.ts';
import { MAX_PHOTOS_PER_RECORD } from '../../domain/photos.ts';
import { CROW_LEVELS, GOOD_BAD_PLUS, type FindingLevel, type SchouwMethod } from '../../domain/schouw.ts';
import type { FindingChanges, FindingView, SchouwStore } from '../../store/schouw-store.ts';

/** What the capture screen holds: everything a person fills in for one finding. */
export type CaptureDraft = {
  readonly photos: readonly string[];
  readonly element: FindingElement | null;
  readonly aspect: FindingAspect | null;
  readonly level: FindingLevel | null;
  readonly location: Location | null;
  readonly address: Address | null;
  readonly note: string;
};

export const EMPTY_DRAFT: CaptureDraft = { photos: [], element: null, aspect: null, level: null, location: null, address: null, note: '' };

/** The level buttons a round's method offers, best first; none for free notes. */
export function levelsFor(method: SchouwMethod): readonly FindingLevel[] {
  switch (method) {
    case 'crow':
      return CROW_LEVELS;
    case 'goodBadPlus':
      return GOOD_BAD_PLUS;
    case 'free':
      return [];
  }
}

/** Complete enough to save: what it is about and what is wrong with it (FINDING_REQUIRED). */
export function isComplete(draft: CaptureDraft): draft is CaptureDraft & { element: FindingElement; aspect: FindingAspect } {
  return draft.element !== null && draft.aspect !== null;
}

/** Whether the draft holds anything a person typed, tapped or photographed. */
export function hasInput(draft: CaptureDraft): boolean {
  return (
    draft.photos.length > 0 ||
    draft.element !== null ||
    draft.aspect !== null ||
    draft.level !== null ||
    draft.location !== null ||
    draft.address !== null ||
    draft.note.trim() !== ''
  );
}

export function draftOf(finding: FindingView): CaptureDraft {
  const { photos, element, aspect, level, location, address, note } = finding;
  return { photos, element, aspect, level, location, address, note };
}

/** Add a photo's hash once, never past the limit. */
export function withPhoto(draft: CaptureDraft, sha256: string): CaptureDraft {
  if (draft.photos.includes(sha256) || draft.photos.length >= MAX_PHOTOS_PER_RECORD) return draft;
  return { ...draft, photos: [...draft.photos, sha256] };
}

export function withoutPhoto(draft: CaptureDraft, sha256: string): CaptureDraft {
  return { ...draft, photos: draft.photos.filter((hash) => hash !== sha256) };
}

/** A level that the (changed) method no longer offers is dropped rather than saved under the wrong scale. */
export function levelFor(method: SchouwMethod, level: FindingLevel | null): FindingLevel | null {
  return level !== null && levelsFor(method).includes(level) ? level : null;
}

const FIELDS = ['photos', 'element', 'aspect', 'level', 'location', 'address', 'note'] as const satisfies readonly (keyof CaptureDraft)[];

/** The fields of `next` that differ from `saved`: only those get a new clock, so a colleague's edit of another field survives. */
export function changesOf(saved: CaptureDraft, next: CaptureDraft): FindingChanges {
  const changes: Record<string, unknown> = {};
  for (const field of FIELDS) {
    if (JSON.stringify(saved[field]) !== JSON.stringify(next[field])) changes[field] = next[field];
  }
  return changes as FindingChanges;
}

export type SaveResult =
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'created'; readonly id: string }
  | { readonly kind: 'updated'; readonly id: string; readonly changes: FindingChanges }
  | { readonly kind: 'unchanged'; readonly id: string };

export type FindingSaver = {
  /** The finding's id once it was created (or from the start, when editing). */
  readonly id: string | null;
  /** What was last written (null before the first save). */
  readonly saved: CaptureDraft | null;
  /**
   * Write the draft: nothing while it is incomplete, createFinding the first
   * time it is complete, updateFinding with the changed fields after that.
   * Saves run one after another, so two quick taps never create two findings.
   */
  save(draft: CaptureDraft): Promise<SaveResult>;
  /** Someone else (or the address lookup) changed the stored finding: take it as saved. */
  adopt(stored: CaptureDraft): void;
};

export function createFindingSaver(
  store: Pick<SchouwStore, 'createFinding' | 'updateFinding'>,
  opts: { schouwId: string; createdBy: string; existing?: { id: string; draft: CaptureDraft } },
): FindingSaver {
  let id = opts.existing?.id ?? null;
  let saved: CaptureDraft | null = opts.existing?.draft ?? null;
  let tail: Promise<unknown> = Promise.resolve();

  const run = async (draft: CaptureDraft): Promise<SaveResult> => {
    if (!isComplete(draft)) return { kind: 'incomplete' };
    if (id === null || saved === null) {
      const { photos, element, aspect, level, location, address } = draft;
      id = await store.createFinding(
        { schouwId: opts.schouwId, element, aspect, photos: [...photos], level, location, address, note: draft.note },
        opts.createdBy,
      );
      saved = draft;
      return { kind: 'created', id };
    }
    const changes = changesOf(saved, draft);
    if (Object.keys(changes).length === 0) return { kind: 'unchanged', id };
    await store.updateFinding(id, changes);
    saved = draft;
    return { kind: 'updated', id, changes };
  };

  return {
    get id() {
      return id;
    },
    get saved() {
      return saved;
    },
    save(draft) {
      const job = tail.then(() => run(draft));
      tail = job.catch(() => undefined);
      return job;
    },
    adopt(stored) {
      saved = stored;
    },
  };
}

/**
 * The address was looked up once online (use-place-lookup.ts) while the
 * screen is open: show it, unless the person has an unsaved address of their
 * own. Only the address: the other fields are this screen's own writes, and a
 * live answer from before the latest write must not undo a tap on screen.
 * Returns the new "last saved" and the draft to show.
 */
export function mergeStored(saved: CaptureDraft, draft: CaptureDraft, stored: CaptureDraft): { saved: CaptureDraft; draft: CaptureDraft } {
  if (JSON.stringify(saved.address) === JSON.stringify(stored.address)) return { saved, draft };
  const isOwnChange = JSON.stringify(draft.address) !== JSON.stringify(saved.address);
  return { saved: { ...saved, address: stored.address }, draft: isOwnChange ? draft : { ...draft, address: stored.address } };
}
