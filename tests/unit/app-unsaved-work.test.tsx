// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { createUnsavedWork, UnsavedWorkContext, type UnsavedWork } from '../../src/app/ui/unsaved-work.ts';
import { useUnsavedWork } from '../../src/app/ui/use-unsaved-work.ts';

afterEach(cleanup);

describe('the unsaved-work flag the update prompt asks', () => {
  it('is set while any form holds unsaved input', () => {
    const work = createUnsavedWork();
    const newActivity = {};
    const activity123 = {};
    const seen: boolean[] = [];
    const stop = work.subscribe((isAny) => seen.push(isAny));
    expect(work.isAny()).toBe(false);
    work.set(newActivity, true);
    work.set(activity123, true);
    expect(work.isAny()).toBe(true);
    work.set(newActivity, false);
    expect(work.isAny()).toBe(true);
    work.set(activity123, false);
    expect(work.isAny()).toBe(false);
    stop();
    work.set(newActivity, true);
    work.set(newActivity, false);
    expect(seen).toEqual([true, false]);
  });

  it('is one per app: two apps do not see each other’s forms', () => {
    const one = createUnsavedWork();
    const other = createUnsavedWork();
    one.set({}, true);
    expect(other.isAny()).toBe(false);
  });
});

/** A one-field form that saves without leaving, or leaves after saving. */
function NoteForm({ leaveOnSave }: { leaveOnSave: boolean }) {
  const [saved, setSaved] = useState('');
  const [text, setText] = useState('');
  const [isGone, setGone] = useState(false);
  const release = useUnsavedWork(text !== saved);
  if (isGone) return <p>Opgeslagen</p>;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (leaveOnSave) {
          release();
          setGone(true);
        } else setSaved(text);
      }}
    >
      <label for="note">Notitie</label>
      <input id="note" value={text} onInput={(event) => setText(event.currentTarget.value)} />
      <button type="submit">Opslaan</button>
    </form>
  );
}

function renderIn(work: UnsavedWork, ui: ComponentChild) {
  return render(<UnsavedWorkContext.Provider value={work}>{ui}</UnsavedWorkContext.Provider>);
}

describe('useUnsavedWork', () => {
  it('holds the update back while the form differs from what it saved, and lets go once saved', () => {
    const work = createUnsavedWork();
    renderIn(work, <NoteForm leaveOnSave={false} />);
    expect(work.isAny()).toBe(false);
    fireEvent.input(screen.getByLabelText('Notitie'), { target: { value: 'Lamp kapot' } });
    expect(work.isAny()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(work.isAny()).toBe(false);
  });

  it('lets go when the form goes away with input still typed', () => {
    const work = createUnsavedWork();
    const { unmount } = renderIn(work, <NoteForm leaveOnSave={false} />);
    fireEvent.input(screen.getByLabelText('Notitie'), { target: { value: 'Lamp kapot' } });
    expect(work.isAny()).toBe(true);
    unmount();
    expect(work.isAny()).toBe(false);
  });

  it('lets go at once on release, before the form is gone', () => {
    const work = createUnsavedWork();
    renderIn(work, <NoteForm leaveOnSave={true} />);
    fireEvent.input(screen.getByLabelText('Notitie'), { target: { value: 'Lamp kapot' } });
    expect(work.isAny()).toBe(true);
    fireEvent.submit(screen.getByRole('button', { name: 'Opslaan' }).closest('form')!);
    expect(work.isAny()).toBe(false);
    expect(screen.getByText('Opgeslagen')).toBeTruthy();
  });

  it('works without a registry outside the app (the start gate offers no update)', () => {
    render(<NoteForm leaveOnSave={false} />);
    fireEvent.input(screen.getByLabelText('Notitie'), { target: { value: 'Lamp kapot' } });
    expect(screen.getByLabelText('Notitie')).toHaveProperty('value', 'Lamp kapot');
  });
});
