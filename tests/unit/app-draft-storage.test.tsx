import { describe, expect, it } from 'vitest';
import { clearDraft, loadDraft, saveDraft } from '../../src/app/activities/draft-storage.ts';
import { emptyDraft, fieldsOf } from '../../src/app/activities/form-logic.ts';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

const draft = { ...emptyDraft({ today: '2026-11-22', buurtId: 'oranjebuurt' }), title: 'Burendag', type: 'street-party', start: '14:00' };

describe('unsaved form input', () => {
  it('survives a reload', () => {
    const storage = memoryStorage();
    saveDraft(storage, 'activity-new', { draft, base: null });
    expect(loadDraft(storage, 'activity-new')).toEqual({ draft, base: null });
  });

  it('keeps the record an edit started from', () => {
    const storage = memoryStorage();
    const base = fieldsOf(draft);
    saveDraft(storage, 'activity-x', { draft: { ...draft, title: 'Burendag 2026' }, base });
    expect(loadDraft(storage, 'activity-x')?.base).toEqual(base);
  });

  it('is gone after clearing', () => {
    const storage = memoryStorage();
    saveDraft(storage, 'activity-new', { draft, base: null });
    clearDraft(storage, 'activity-new');
    expect(loadDraft(storage, 'activity-new')).toBeNull();
  });

  it('ignores garbage and a missing storage', () => {
    const storage = memoryStorage();
    storage.setItem('buurtlog:draft:activity-new', '{"draft":{"title":1}}');
    expect(loadDraft(storage, 'activity-new')).toBeNull();
    storage.setItem('buurtlog:draft:activity-new', 'not json');
    expect(loadDraft(storage, 'activity-new')).toBeNull();
    expect(loadDraft(undefined, 'activity-new')).toBeNull();
    expect(() => saveDraft(undefined, 'activity-new', { draft, base: null })).not.toThrow();
  });

  it('never throws when the storage is full', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(() => saveDraft(storage, 'activity-new', { draft, base: null })).not.toThrow();
  });
});
