import { describe, expect, it } from 'vitest';
import { isEditing, setEditing, subscribeEditing } from '../../src/app/editing.ts';

describe('the editing flag the update flow asks', () => {
  it('is set while any form holds unsaved input', () => {
    const seen: boolean[] = [];
    const stop = subscribeEditing((editing) => seen.push(editing));
    expect(isEditing()).toBe(false);
    setEditing('activity-new', true);
    setEditing('activity-123', true);
    expect(isEditing()).toBe(true);
    setEditing('activity-new', false);
    expect(isEditing()).toBe(true);
    setEditing('activity-123', false);
    expect(isEditing()).toBe(false);
    stop();
    setEditing('activity-new', true);
    setEditing('activity-new', false);
    expect(seen).toEqual([true, false]);
  });
});
