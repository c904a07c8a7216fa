// @vitest-environment happy-dom
/**
 * The activity edit form offers only what the server would accept
 * (`mayMove`, `mayWriteField` in src/domain/permissions.ts): a volunteer
 * sees the buurt as text with the reason, and may pick only among their own
 * teams; a professional moves an activity only between their own buurten;
 * a coordinator anywhere.
 */
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityFormScreen } from '../../src/app/activities/ActivityFormScreen.tsx';
import type { Config } from '../../src/domain/config-records.ts';
import type { Role } from '../../src/domain/permissions.ts';
import { activityInput, manualClock } from '../fixtures/factories.ts';
import { ANNA, CONFIG, cleanupApps, openApp } from '../fixtures/render-app.tsx';

afterEach(cleanupApps);

const START = new Date(2026, 4, 14, 10, 0).getTime();
const ORANJE = 'buurtpreventie-oranjebuurt';
const SCHOUW = 'schouwgroep-schildersbuurt';
const BUURT_FIXED = 'Een activiteit naar een andere buurt verplaatsen kan alleen een coördinator, of een professional van beide buurten.';
const TEAM_FIXED = 'Je kunt een activiteit alleen onder een team zetten waar je lid van bent.';

function configWith(teamsOfAnna: readonly string[]): Config {
  const team = (id: string, name: string, kind: 'buurtpreventie' | 'schouw', buurtId: string) => ({
    id,
    name,
    kind,
    buurtIds: [buurtId],
    memberIds: teamsOfAnna.includes(id) ? [ANNA] : [],
  });
  return {
    ...CONFIG,
    buurten: [...CONFIG.buurten, { id: 'kinderdijk', name: 'Kinderdijk' }],
    teams: [
      team(ORANJE, 'Buurtpreventie Oranjebuurt', 'buurtpreventie', 'oranjebuurt'),
      team(SCHOUW, 'Schouwgroep Schildersbuurt', 'schouw', 'schildersbuurt'),
    ],
  };
}

/** Opens the edit form of an Oranjebuurt activity of team Oranje, as `role`. */
async function editAs(role: Role, options: { buurtIds?: string[]; teams?: string[] } = {}) {
  const app = await openApp({
    clock: manualClock(START, 1).now,
    me: { role, buurtIds: options.buurtIds ?? [] },
    config: configWith(options.teams ?? []),
    online: false,
  });
  const id = await app.store.ui.activities.create(activityInput({ title: 'Avondronde', buurtId: 'oranjebuurt', teamId: ORANJE }));
  app.render(<ActivityFormScreen id={id} />);
  await screen.findByRole('textbox', { name: 'Titel' });
  return { ...app, id };
}

const optionsOf = (name: string) =>
  within(screen.getByRole('combobox', { name }))
    .getAllByRole('option')
    .map((option) => option.textContent);

describe('the activity edit form and moving an activity', () => {
  it('shows a volunteer the buurt as text with the reason, and the team too when they are in one team only', async () => {
    await editAs('volunteer', { teams: [ORANJE] });
    expect(screen.queryByRole('combobox', { name: 'Buurt' })).toBeNull();
    const buurt = screen.getByRole('group', { name: 'Buurt' });
    expect(within(buurt).getByText('Oranjebuurt')).toBeTruthy();
    expect(buurt.getAttribute('aria-describedby')).toBe('activity-buurtId-hint');
    expect(within(buurt).getByText(BUURT_FIXED)).toBeTruthy();

    expect(screen.queryByRole('combobox', { name: 'Team' })).toBeNull();
    const team = screen.getByRole('group', { name: 'Team' });
    expect(within(team).getByText('Buurtpreventie Oranjebuurt')).toBeTruthy();
    expect(within(team).getByText(TEAM_FIXED)).toBeTruthy();
  });

  it('lets a volunteer in two teams choose between those two only (no "Geen team"), and saves the move', async () => {
    const { store, id } = await editAs('volunteer', { teams: [ORANJE, SCHOUW] });
    expect(screen.getByRole('group', { name: 'Buurt' })).toBeTruthy();
    expect(optionsOf('Team')).toEqual(['Buurtpreventie Oranjebuurt', 'Schouwgroep Schildersbuurt']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Team' }), { target: { value: SCHOUW } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(async () => expect(await store.ui.activities.get(id)).toMatchObject({ teamId: SCHOUW, buurtId: 'oranjebuurt' }));
  });

  it('offers a professional only the buurten they work in, and any team or none', async () => {
    await editAs('professional', { buurtIds: ['oranjebuurt', 'schildersbuurt'] });
    expect(optionsOf('Buurt')).toEqual(['Oranjebuurt', 'Schildersbuurt']);
    expect(optionsOf('Team')).toEqual(['Geen team', 'Buurtpreventie Oranjebuurt', 'Schouwgroep Schildersbuurt']);
  });

  it('shows the buurt as text to a professional of that one buurt', async () => {
    await editAs('professional', { buurtIds: ['oranjebuurt'] });
    expect(screen.queryByRole('combobox', { name: 'Buurt' })).toBeNull();
    expect(within(screen.getByRole('group', { name: 'Buurt' })).getByText(BUURT_FIXED)).toBeTruthy();
  });

  it('offers a coordinator every buurt', async () => {
    await editAs('coordinator');
    expect(optionsOf('Buurt')).toEqual(['Oranjebuurt', 'Schildersbuurt', 'Kinderdijk']);
    expect(screen.queryByText(BUURT_FIXED)).toBeNull();
  });
});
