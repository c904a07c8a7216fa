// @vitest-environment happy-dom
/**
 * The schouw screens rendered with the real store (fake-indexeddb) in
 * happy-dom: taps on the capture screen save one finding and keep updating
 * it; the round shows "foto nog niet verstuurd"; the follow-up writes its
 * history.
 */
// Dexie's liveQuery (useLive) needs a global indexedDB when dexie loads.
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FindingCapture } from '../../src/app/schouw/FindingCapture.tsx';
import { FindingDetail } from '../../src/app/schouw/FindingDetail.tsx';
import { RoundScreen } from '../../src/app/schouw/RoundScreen.tsx';
import { activityInput, manualClock } from '../fixtures/factories.ts';
import { ANNA, cleanupApps, openApp } from '../fixtures/render-app.tsx';

// The place step is another module's (GPS, map, address search): here it only passes a place on.
vi.mock('../../src/app/place/PlaceField.tsx', () => ({
  PlaceField: (props: { onChange(next: unknown): void }) => (
    <button type="button" onClick={() => props.onChange({ location: { lat: 51.86, lon: 4.66, accuracyM: 6, source: 'gps' }, address: null })}>
      plek
    </button>
  ),
}));

const TEAM = 'schouwgroep-oranjebuurt';
const START = new Date(2026, 4, 14, 10, 0).getTime();

afterEach(cleanupApps);

async function setUp() {
  const app = await openApp({ clock: manualClock(START, 1).now, me: { teamIds: [TEAM] }, online: false });
  const round = await app.store.ui.activities.create(activityInput({ type: 'schouw', title: 'Voorjaarsschouw', teamId: TEAM }));
  return { ...app, round };
}

/** One step of the capture form: a group of big buttons under its question. */
const step = (question: string) => within(screen.getByRole('group', { name: question }));
const choice = (question: string, name: string) => step(question).getByRole('button', { name });
const choices = (question: string) =>
  step(question)
    .getAllByRole('button')
    .map((b) => b.textContent);
const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('capturing a finding on the screen', () => {
  it('saves as soon as element and aspect are chosen, and later taps update the same finding', async () => {
    const { store, render, announce, round } = await setUp();
    render(<FindingCapture activityId={round} findingId={null} />);
    await screen.findByRole('group', { name: 'Waar gaat het over?' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Nieuwe bevinding');

    fireEvent.click(choice('Waar gaat het over?', 'Afvalbak'));
    await waitFor(() => expect(choice('Waar gaat het over?', 'Afvalbak').getAttribute('aria-pressed')).toBe('true'));
    expect(step('Waar gaat het over?').getAllByRole('button', { pressed: true })).toHaveLength(1);
    expect(await store.ui.schouw.listFindings({ schouwId: round })).toEqual([]);
    expect(screen.getByText(/Nog niet bewaard/).localName).toBe('p');

    fireEvent.click(choice('Wat is er aan de hand?', 'Afvalbak vol'));
    await waitFor(() => expect(announce).toHaveBeenCalledWith('Bevinding opgeslagen op dit toestel'));
    const [created] = await store.ui.schouw.listFindings({ schouwId: round });
    expect(created).toMatchObject({ element: 'litterBin', aspect: 'binFull', level: null, createdBy: ANNA });

    fireEvent.click(choice('Niveau', 'C (laag, achterstand)'));
    fireEvent.click(screen.getByRole('button', { name: 'plek' }));
    await waitFor(async () => expect(await store.ui.schouw.getFinding(created!.id)).toMatchObject({ level: 'C', location: { accuracyM: 6 } }));
    expect(await store.ui.schouw.listFindings({ schouwId: round })).toHaveLength(1);
    expect(choice('Niveau', 'C (laag, achterstand)').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText(/Bevinding opgeslagen op dit toestel/).localName).toBe('p');
    expect(screen.getByRole('button', { name: 'Nog een bevinding' })).toBeTruthy();
  });

  it('offers the levels of the round’s method, and none for free notes', async () => {
    const { store, render, round } = await setUp();
    await store.ui.schouw.updateRound(round, { method: 'goodBadPlus' });
    render(<FindingCapture activityId={round} findingId={null} />);
    await waitFor(() => expect(choices('Niveau')).toEqual(['Goed', 'Slecht', 'Plus (beter dan verwacht)']));

    await store.ui.schouw.updateRound(round, { method: 'free' });
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Niveau' })).toBeNull());
    expect(screen.getByRole('group', { name: 'Wat is er aan de hand?' })).toBeTruthy();
  });
});

describe('the round', () => {
  it('marks a finding whose photo is still only on this phone', async () => {
    const { store, render, round } = await setUp();
    const hash = 'a'.repeat(64);
    await store.ui.photos.add({ blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 1])], { type: 'image/jpeg' }), sha256: hash, type: 'image/jpeg' });
    await store.ui.schouw.createFinding({ schouwId: round, element: 'tree', aspect: 'damage', photos: [hash] }, ANNA);
    await store.ui.schouw.createFinding({ schouwId: round, element: 'grass', aspect: 'opportunity' }, ANNA);
    render(<RoundScreen activityId={round} />);
    const findings = await screen.findByRole('region', { name: 'Bevindingen: 2' });
    const cards = within(findings).getAllByRole('link');
    expect(cards).toHaveLength(2);
    expect(text(cards[0]!)).toContain('foto nog niet verstuurd');
    expect(within(cards[0]!).getByRole('img', { name: 'Foto 1 van bevinding: Boom en boomspiegel, Beschadigd' })).toBeTruthy();
    expect(text(cards[1]!)).not.toContain('foto nog niet verstuurd');
    expect(text(cards[1]!)).toContain('Kans');

    await store.sync.markPhotoSent(hash);
    await waitFor(() => expect(screen.queryByText('foto nog niet verstuurd')).toBeNull());
  });
});

describe('following a finding up', () => {
  it('saves a new status with a note, and lists it in the history as yours', async () => {
    const { store, render, announce, round } = await setUp();
    const id = await store.ui.schouw.createFinding({ schouwId: round, element: 'streetLighting', aspect: 'lightOut' }, ANNA);
    render(<FindingDetail id={id} />);
    const form = within(await screen.findByRole('form', { name: 'Opvolging bijwerken' }));
    fireEvent.click(form.getByRole('radio', { name: 'Gemeld' }));
    expect(form.getByRole('radio', { name: 'Gemeld' })).toHaveProperty('checked', true);
    fireEvent.input(form.getByRole('textbox', { name: 'Toelichting bij de status' }), { target: { value: 'Gemeld in FIXI' } });
    fireEvent.click(form.getByRole('button', { name: 'Opvolging opslaan' }));

    await waitFor(async () => expect(await store.ui.schouw.getFinding(id)).toMatchObject({ status: 'reported' }));
    const [entry] = await store.ui.schouw.getFindingHistory(id);
    expect(entry).toMatchObject({ from: 'new', to: 'reported', note: 'Gemeld in FIXI', by: ANNA });
    expect(announce).toHaveBeenCalledWith('Status opgeslagen: Gemeld');
    const history = await screen.findByRole('list', { name: 'Geschiedenis' });
    const entries = within(history).getAllByRole('listitem');
    expect(entries).toHaveLength(1);
    expect(text(entries[0]!)).toContain('Nieuw → Gemeld');
    expect(text(entries[0]!)).toContain('Gemeld in FIXI');
    expect(entries.map((li) => within(li).getByText(/^(jij|een collega)$/).textContent)).toEqual(['jij']);
  });
});
