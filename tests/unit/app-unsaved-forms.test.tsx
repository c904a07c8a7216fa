// @vitest-environment happy-dom
/**
 * The admin forms and the follow-up form hold the update reload back while
 * they hold unsaved input (useUnsavedWork), and let go once it is saved,
 * cancelled or the form is gone.
 */
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ProjectsSection } from '../../src/app/admin/ProjectsSection.tsx';
import { SimpleListSection } from '../../src/app/admin/SimpleListSection.tsx';
import { TeamsSection } from '../../src/app/admin/TeamsSection.tsx';
import { FindingDetail } from '../../src/app/schouw/FindingDetail.tsx';
import { activityInput, manualClock } from '../fixtures/factories.ts';
import { ANNA, cleanupApps, openApp } from '../fixtures/render-app.tsx';

afterEach(cleanupApps);

const START = new Date(2026, 4, 14, 10, 0).getTime();

const coordinator = () => openApp({ clock: manualClock(START, 1).now, me: { role: 'coordinator' }, online: false });

describe('an admin form and the update reload', () => {
  it('a new theme: held while a name is typed, let go once it is added', async () => {
    const { render, unsavedWork, store } = await coordinator();
    render(<SimpleListSection kind="theme" />);
    const form = within(screen.getByRole('region', { name: 'Nieuw thema' }));
    expect(unsavedWork.isAny()).toBe(false);
    fireEvent.input(form.getByLabelText('Naam'), { target: { value: 'Eenzaamheid' } });
    expect(unsavedWork.isAny()).toBe(true);
    fireEvent.click(form.getByRole('button', { name: 'Toevoegen' }));
    await waitFor(async () => expect((await store.ui.config.get()).themes.map((theme) => theme.label)).toContain('Eenzaamheid'));
    await waitFor(() => expect(unsavedWork.isAny()).toBe(false));
  });

  it('a project: held while its name is typed, let go on cancel', async () => {
    const { render, unsavedWork } = await coordinator();
    render(<ProjectsSection />);
    fireEvent.click(screen.getByRole('button', { name: 'Nieuw project' }));
    fireEvent.input(screen.getByLabelText('Naam van het project'), { target: { value: 'Buurtkamer' } });
    expect(unsavedWork.isAny()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByLabelText('Naam van het project')).toBeNull();
    expect(unsavedWork.isAny()).toBe(false);
  });

  it('a team: held while its name is typed, not before', async () => {
    const { render, unsavedWork } = await coordinator();
    render(<TeamsSection />);
    fireEvent.click(screen.getByRole('button', { name: 'Nieuw team' }));
    const form = within(screen.getByRole('region', { name: 'Nieuw team' }));
    expect(unsavedWork.isAny()).toBe(false);
    fireEvent.input(form.getByLabelText('Naam van het team'), { target: { value: 'Schouwgroep' } });
    expect(unsavedWork.isAny()).toBe(true);
  });
});

/** Lets the effects of the last render run (Preact runs them after the next frame), as they have by the time a person types. */
const effectsRun = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

describe('the follow-up form and the update reload', () => {
  async function openFinding() {
    const app = await openApp({ clock: manualClock(START, 1).now, me: { role: 'coordinator' }, online: false });
    const round = await app.store.ui.activities.create(activityInput({ type: 'schouw', title: 'Voorjaarsschouw' }));
    const id = await app.store.ui.schouw.createFinding({ schouwId: round, element: 'streetLighting', aspect: 'lightOut' }, ANNA);
    app.render(<FindingDetail id={id} />);
    return { ...app, id, form: within(await screen.findByRole('form', { name: 'Opvolging bijwerken' })) };
  }

  it('holds it while a status note is typed, and lets go once the status is saved', async () => {
    const { form, unsavedWork, store, id } = await openFinding();
    expect(unsavedWork.isAny()).toBe(false);
    fireEvent.click(form.getByRole('radio', { name: 'Gemeld' }));
    fireEvent.input(form.getByRole('textbox', { name: 'Toelichting bij de status' }), { target: { value: 'Gemeld in FIXI' } });
    expect(unsavedWork.isAny()).toBe(true);
    fireEvent.click(form.getByRole('button', { name: 'Opvolging opslaan' }));
    await waitFor(async () => expect(await store.ui.schouw.getFinding(id)).toMatchObject({ status: 'reported' }));
    await waitFor(() => expect(unsavedWork.isAny()).toBe(false));
  });

  it('holds it while a melding number is typed, and lets go once it is saved with the form', async () => {
    const { form, unsavedWork, store, id } = await openFinding();
    await effectsRun();
    // The melding number belongs to the "gemeld" step of the one status model.
    fireEvent.click(form.getByRole('radio', { name: 'Gemeld' }));
    const field = await screen.findByRole('textbox', { name: 'Meldnummer (FIXI of ander systeem)' });
    fireEvent.input(field, { target: { value: 'M-2026-0042' } });
    expect(unsavedWork.isAny()).toBe(true);
    fireEvent.click(form.getByRole('button', { name: 'Opvolging opslaan' }));
    await waitFor(async () =>
      expect(await store.ui.schouw.getFinding(id)).toMatchObject({ meldingNumber: 'M-2026-0042', status: 'reported', meldingStatus: 'received' }),
    );
    await waitFor(() => expect(unsavedWork.isAny()).toBe(false));
  });
});
