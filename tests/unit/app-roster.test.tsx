// @vitest-environment happy-dom
// Dexie's liveQuery (useLive) needs a global indexedDB when dexie loads.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { principalOf } from '../../src/app/abilities.ts';
import { PatrolHome } from '../../src/app/patrol/PatrolHome.tsx';
import { NextSlotCard } from '../../src/app/roster/NextSlotCard.tsx';
import { PatrolOpenObservations } from '../../src/app/roster/PatrolOpenObservations.tsx';
import { PoliceScreen } from '../../src/app/roster/PoliceScreen.tsx';
import { RosterScreen } from '../../src/app/roster/RosterScreen.tsx';
import { RoundReport } from '../../src/app/roster/RoundReport.tsx';
import type { Me } from '../../src/domain/auth.ts';
import { formatHlc } from '../../src/domain/hlc.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import { rosterDate } from '../../src/domain/patrol-roster.ts';
import { signUpIdFor } from '../../src/domain/patrol.ts';
import type { RecordType, SyncRecord } from '../../src/domain/records.ts';
import { manualClock } from '../fixtures/factories.ts';
import { DEVICE_B, NOW, TENANT } from '../fixtures/fixed.ts';
import { CONFIG, cleanupApps, openApp } from '../fixtures/render-app.tsx';
import { publicSpaceValues, roundValues, safetyValues } from '../fixtures/server-patrol.ts';

const TEAM = 'buurtpreventie-oranjebuurt';
const ANNA = '0193a1b2-0000-7000-8000-0000000000a1';
const BART = '0193a1b2-0000-7000-8000-0000000000b2';
const DAY = 86_400_000;

afterEach(cleanupApps);

async function setUp(me: Partial<Me>) {
  const clock = manualClock();
  const app = await openApp({ clock: clock.now, me });
  const config = {
    ...CONFIG,
    teams: [{ id: TEAM, name: 'Buurtpreventie Oranjebuurt', kind: 'buurtpreventie' as const, buurtIds: ['oranjebuurt'], memberIds: [ANNA, BART] }],
  };
  app.context.config = config;
  app.context.principal = principalOf(app.context.me, config.teams);
  return { ...app, clock };
}

function remote(type: RecordType, id: string, values: Record<string, unknown>): SyncRecord {
  const t = formatHlc({ wall: NOW, counter: 0, node: DEVICE_B });
  return { id, type, tenantId: TENANT, fields: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { v, t }])), counters: {} };
}

describe('the roster screen', () => {
  it('shows a slot with its walkers, flags it with fewer than two, and signs the person up and off', async () => {
    const app = await setUp({ userId: ANNA, role: 'volunteer', teamIds: [TEAM] });
    const slotId = await app.store.ui.roster.createSlot(
      { teamId: TEAM, date: rosterDate(NOW + 2 * DAY), start: '20:00', durationMinutes: 90, meetingPoint: 'Bij de kerk', buurtIds: ['oranjebuurt'] },
      BART,
    );
    await app.store.ui.roster.signUp(slotId, BART);
    app.render(<RosterScreen />);

    const card = await screen.findByTestId('slot');
    expect(within(card).getByText('Verzamelen: Bij de kerk')).toBeTruthy();
    expect(within(card).getByText(/20:00–21:30 \(90 min\)/)).toBeTruthy();
    expect(within(card).getByTestId('slot-flag').textContent).toContain('Te weinig lopers: 1 van de 2');
    expect((await screen.findByTestId('flag-summary')).textContent).toContain('1 dienst met te weinig lopers');

    fireEvent.click(within(card).getByRole('button', { name: 'Inschrijven' }));
    await waitFor(() => expect(within(screen.getByTestId('slot')).queryByTestId('slot-flag')).toBeNull());
    // Bart's sign-up was written without his name: he is "Teamlid 2" (his place in the team); Anna is "jij".
    expect(within(screen.getByTestId('slot')).getByText('Lopers (2): jij, Teamlid 2')).toBeTruthy();
    // Anna's own sign-up carries her name for the team's phones.
    expect((await app.store.ui.roster.memberNames()).get(ANNA)).toBe('Anna');
    expect(app.announce).toHaveBeenCalledWith(expect.stringContaining('Je bent ingeschreven'));

    fireEvent.click(within(screen.getByTestId('slot')).getByRole('button', { name: 'Afmelden' }));
    await waitFor(() => expect(within(screen.getByTestId('slot')).getByTestId('slot-flag')).toBeTruthy());
    expect((await app.store.ui.roster.getSlot(slotId))?.walkers).toEqual([BART]);
  });

  it('names teammates by the names their sign-ups carry, on the roster and in the round’s start form', async () => {
    const app = await setUp({ userId: ANNA, role: 'volunteer', teamIds: [TEAM], displayName: 'Anna' });
    const slotId = await app.store.ui.roster.createSlot(
      { teamId: TEAM, date: rosterDate(NOW + 2 * DAY), start: '20:00', durationMinutes: 90, buurtIds: ['oranjebuurt'] },
      BART,
    );
    // Bart signed up on his own phone, which knew his name.
    await app.store.sync.applyPullPage(
      [remote('patrolSignUp', signUpIdFor(slotId, BART), { slotId, userId: BART, teamId: TEAM, signedUp: true, name: 'Bart de Vries' })],
      '5',
    );
    app.render(<RosterScreen />);
    const card = await screen.findByTestId('slot');
    await waitFor(() => expect(within(card).getByText('Lopers (1): Bart de Vries')).toBeTruthy());
    cleanup();

    app.render(<PatrolHome />);
    expect(await screen.findByRole('checkbox', { name: 'Bart de Vries' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Anna (jij)' })).toBeTruthy();
    expect(screen.queryByText(/Teamlid/)).toBeNull();
  });

  it('names the walkers in the printable round report', async () => {
    const app = await setUp({ userId: ANNA, role: 'volunteer', teamIds: [TEAM], displayName: 'Anna' });
    const slotId = await app.store.ui.roster.createSlot(
      { teamId: TEAM, date: rosterDate(NOW + 2 * DAY), start: '20:00', durationMinutes: 90, buurtIds: ['oranjebuurt'] },
      BART,
    );
    await app.store.sync.applyPullPage(
      [remote('patrolSignUp', signUpIdFor(slotId, BART), { slotId, userId: BART, teamId: TEAM, signedUp: true, name: 'Bart de Vries' })],
      '5',
    );
    const roundId = await app.store.ui.patrol.startRound(
      { teamId: TEAM, buurtIds: ['oranjebuurt'], walkers: [ANNA, BART], mode: 'onFoot', checkedInWithPolice: false },
      ANNA,
    );
    app.render(<RoundReport id={roundId} />);
    expect(await screen.findByText('Lopers: 2 (jij, Bart de Vries)')).toBeTruthy();
  });

  it('says so when the person is in no buurtpreventie team', async () => {
    const app = await setUp({ userId: ANNA, role: 'volunteer', teamIds: [] });
    app.context.principal = principalOf(app.context.me, []);
    app.render(<RosterScreen />);
    expect(await screen.findByText(/nog niet in een buurtpreventieteam/)).toBeTruthy();
  });
});

describe('the next slot on the home screen', () => {
  it('shows the person’s next slot and nothing without one', async () => {
    const app = await setUp({ userId: ANNA, role: 'volunteer', teamIds: [TEAM] });
    app.render(<NextSlotCard />);
    const slotId = await app.store.ui.roster.createSlot(
      { teamId: TEAM, date: rosterDate(NOW + DAY), start: '21:30', durationMinutes: 90, meetingPoint: 'Molen', buurtIds: [] },
      BART,
    );
    expect(screen.queryByTestId('next-slot')).toBeNull();
    await app.store.ui.roster.signUp(slotId, ANNA);
    const card = await screen.findByTestId('next-slot');
    expect(card.textContent).toContain('21:30–23:00');
    expect(card.textContent).toContain('Verzamelen: Molen');
    expect(card.textContent).toContain('Nog geen tweede loper');
  });
});

describe('starting a round from a slot', () => {
  const MINUTE = 60_000;
  /** A slot's date and start in Dutch time, `minutes` from the clock's now (whole minutes). */
  const slotAt = (minutes: number) => {
    const at = NOW + minutes * MINUTE;
    const start = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
    return { date: rosterDate(at), start };
  };

  it('offers "Ronde starten" on a slot about to begin, fills the form in from it and then points to the running round', async () => {
    const app = await setUp({ userId: ANNA, role: 'volunteer', teamIds: [TEAM], displayName: 'Anna' });
    const soon = await app.store.ui.roster.createSlot(
      { teamId: TEAM, ...slotAt(20), durationMinutes: 90, meetingPoint: 'Bij de molen', buurtIds: ['schildersbuurt'] },
      BART,
    );
    const later = await app.store.ui.roster.createSlot({ teamId: TEAM, ...slotAt(2 * 24 * 60), durationMinutes: 90, buurtIds: ['oranjebuurt'] }, BART);
    for (const id of [soon, later]) await app.store.ui.roster.signUp(id, BART);
    await app.store.ui.roster.signUp(soon, ANNA);

    app.render(<RosterScreen />);
    await waitFor(() => expect(screen.getAllByTestId('slot')).toHaveLength(2));
    const [soonCard, laterCard] = screen.getAllByTestId('slot') as [HTMLElement, HTMLElement];
    expect(within(soonCard).getByRole('link', { name: 'Ronde starten' }).getAttribute('href')).toBe(`#/ronde/dienst/${soon}`);
    expect(within(laterCard).queryByRole('link', { name: 'Ronde starten' })).toBeNull();
    cleanup();

    // The next-slot card says the same, in the place of its one button.
    app.render(<NextSlotCard />);
    const next = await screen.findByTestId('next-slot');
    await waitFor(() => expect(within(next).getByRole('link', { name: 'Ronde starten' }).getAttribute('href')).toBe(`#/ronde/dienst/${soon}`));
    expect(within(next).queryByRole('link', { name: 'Naar het rooster' })).toBeNull();
    cleanup();

    // The form: the slot's team, area and walkers filled in; starting goes straight to the running round.
    app.render(<PatrolHome slotId={soon} />);
    const from = await screen.findByTestId('start-slot');
    expect(from.textContent).toContain(`${slotAt(20).start}–`);
    expect(from.textContent).toContain('Gebied: Schildersbuurt');
    expect(from.textContent).toContain('Verzamelen: Bij de molen');
    const walkers = screen.getByRole('group', { name: 'Wie lopen er mee?' });
    expect(
      within(walkers)
        .getAllByRole('checkbox')
        .map((box) => (box as HTMLInputElement).checked),
    ).toEqual([true, true]);
    fireEvent.click(screen.getByRole('button', { name: 'Start de ronde' }));
    await waitFor(() => expect(app.navigate).toHaveBeenCalledWith({ name: 'patrol', path: expect.stringMatching(/^\/ronde\/[0-9a-f-]+$/) }));
    const [round] = await app.store.ui.patrol.listRounds({ all: true });
    expect(round).toMatchObject({ slotId: soon, teamId: TEAM, buurtIds: ['schildersbuurt'], walkers: [ANNA, BART], closedBy: null });
    cleanup();

    // The slot now points to its round: no second start.
    app.render(<RosterScreen />);
    await waitFor(() => expect(within(screen.getAllByTestId('slot')[0] as HTMLElement).getByRole('link', { name: 'Ronde loopt' })).toBeTruthy());
    expect(
      within(screen.getAllByTestId('slot')[0] as HTMLElement)
        .getByRole('link', { name: 'Ronde loopt' })
        .getAttribute('href'),
    ).toBe(`#/ronde/${round?.id}`);
    expect(screen.queryByRole('link', { name: 'Ronde starten' })).toBeNull();
  });

  it('shows a teammate’s round started from the slot instead of a second start form', async () => {
    const app = await setUp({ userId: ANNA, role: 'volunteer', teamIds: [TEAM] });
    const slot = await app.store.ui.roster.createSlot({ teamId: TEAM, ...slotAt(-10), durationMinutes: 90, buurtIds: ['oranjebuurt'] }, BART);
    const roundId = uuidv7(NOW - 5 * MINUTE);
    // Bart started it on his phone, alone.
    await app.store.sync.applyPullPage([remote('patrolRound', roundId, roundValues(TEAM, ['oranjebuurt'], [BART], { slotId: slot, createdBy: BART }))], '4');
    app.render(<PatrolHome slotId={slot} />);
    expect((await screen.findByRole('status')).textContent).toBe('Van deze dienst loopt al een ronde.');
    expect(screen.getByRole('link', { name: 'Naar de ronde' }).getAttribute('href')).toBe(`#/ronde/${roundId}`);
    expect(screen.queryByRole('button', { name: 'Start de ronde' })).toBeNull();
  });

  it('says so for a slot not on this phone', async () => {
    const app = await setUp({ userId: ANNA, role: 'volunteer', teamIds: [TEAM] });
    app.render(<PatrolHome slotId={uuidv7(NOW)} />);
    expect((await screen.findByRole('status')).textContent).toContain('staat niet (meer) op dit toestel');
    expect(screen.getByRole('link', { name: 'Ronde zonder dienst starten' }).getAttribute('href')).toBe('#/ronde');
  });
});

describe('the wijkagent’s screen', () => {
  it('lists the safety observations of the officer’s buurten this week, filters them and saves a reaction', async () => {
    const officer = uuidv7(NOW);
    const app = await setUp({ userId: officer, role: 'police', buurtIds: ['oranjebuurt'] });
    const roundId = uuidv7(NOW - 2 * 3_600_000);
    const mine = uuidv7(NOW - 3_600_000);
    const elsewhere = uuidv7(NOW - 3_500_000);
    await app.store.sync.applyPullPage(
      [
        remote('patrolRound', roundId, roundValues(TEAM, ['oranjebuurt', 'schildersbuurt'], [ANNA, BART])),
        remote('safetyObservation', mine, safetyValues(roundId, TEAM, 'oranjebuurt', { type: 'keyInDoor' })),
        remote('safetyObservation', elsewhere, safetyValues(roundId, TEAM, 'schildersbuurt')),
      ],
      '3',
    );
    app.render(<PoliceScreen />);
    const item = await screen.findByTestId('observation');
    expect(screen.getAllByTestId('observation')).toHaveLength(1);
    expect(within(item).getByRole('heading', { name: 'Sleutel in de deur' })).toBeTruthy();
    expect(within(item).getByTestId('reaction').textContent).toContain('Nog geen reactie');

    fireEvent.change(screen.getByLabelText('Soort'), { target: { value: 'openWindowOrDoor' } });
    await waitFor(() => expect(screen.queryByTestId('observation')).toBeNull());
    fireEvent.change(screen.getByLabelText('Soort'), { target: { value: '' } });

    const field = await screen.findByLabelText('Reactie voor het team');
    fireEvent.input(field, { target: { value: 'Bewoner gebeld' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gezien' }));
    await waitFor(() => expect(screen.getByTestId('reaction').textContent).toContain('Gezien door de wijkagent: Bewoner gebeld'));
    const [saved] = await app.store.ui.roster.listSafetyObservations({ buurtIds: ['oranjebuurt'] });
    expect(saved?.reaction).toMatchObject({ text: 'Bewoner gebeld', state: 'seen', by: officer });
  });
});

describe('public-space observations beside the open findings', () => {
  it('lists the open ones of a buurt and follows one up with a status and its history', async () => {
    const professional = uuidv7(NOW);
    const app = await setUp({ userId: professional, role: 'professional', buurtIds: ['oranjebuurt'] });
    const roundId = uuidv7(NOW - 2 * 3_600_000);
    const observationId = uuidv7(NOW - 3_600_000);
    await app.store.sync.applyPullPage(
      [
        remote('patrolRound', roundId, roundValues(TEAM, ['oranjebuurt'], [ANNA, BART])),
        remote('publicSpaceObservation', observationId, publicSpaceValues(roundId, TEAM, 'oranjebuurt')),
      ],
      '3',
    );
    app.render(<PatrolOpenObservations buurtId="oranjebuurt" />);
    const item = await screen.findByTestId('observation');
    expect(within(item).getByRole('heading', { name: 'Kapotte lantaarnpaal' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Opvolging'), { target: { value: 'reported' } });
    fireEvent.input(screen.getByLabelText('Notitie (optioneel)'), { target: { value: 'Gemeld in FIXI' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opvolging opslaan' }));
    await waitFor(() => expect(screen.getByText(/Nieuw → Gemeld — Gemeld in FIXI/)).toBeTruthy());
    app.clock.advance(60_000);
    fireEvent.change(screen.getByLabelText('Opvolging'), { target: { value: 'resolved' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opvolging opslaan' }));
    // Resolved is no longer open: it leaves the list.
    await waitFor(() => expect(screen.queryByTestId('observation')).toBeNull());
    expect((await app.store.ui.roster.getObservationHistory(observationId)).map((h) => h.to)).toEqual(['reported', 'resolved']);
  });
});
