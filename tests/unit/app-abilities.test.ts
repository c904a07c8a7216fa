import { describe, expect, it } from 'vitest';
import { DRAFT_FIELDS } from '../../src/app/activities/form-logic.ts';
import {
  activityChoices,
  activityEditChoices,
  mayCount,
  mayCreateActivity,
  mayDeleteActivity,
  mayEditActivity,
  mayManageConfig,
  principalOf,
} from '../../src/app/abilities.ts';
import { mayWriteField, type Role } from '../../src/domain/permissions.ts';

const ORANJE = 'buurtpreventie-oranjebuurt';
const SCHOUW = 'schouwgroep-staatsliedenbuurt';
const SANNE = '0193a1b2-0000-7000-8000-00000000000a';

const config = {
  buurten: [{ id: 'oranjebuurt' }, { id: 'staatsliedenbuurt' }, { id: 'centrum' }],
  teams: [
    { id: ORANJE, memberIds: [SANNE] },
    { id: SCHOUW, memberIds: [] },
  ],
};

function person(role: Role, buurtIds: string[] = [], teamIds: string[] = []) {
  return principalOf({ userId: SANNE, tenantId: 'alblasserdam', role, buurtIds, teamIds }, role === 'volunteer' ? config.teams : []);
}
const activity = (buurtId: string, teamId: string | null) => ({ id: '0193a1b2-0000-7000-8000-0000000000aa', buurtId, teamId });

describe('what the UI offers, from the permission table', () => {
  it('gives a volunteer only their own teams, and makes the team required', () => {
    const volunteer = person('volunteer');
    const choices = activityChoices(volunteer, config);
    expect(choices.teams.map((t) => t.id)).toEqual([ORANJE]);
    expect(choices.isTeamRequired).toBe(true);
    expect(mayCreateActivity(volunteer, config)).toBe(true);
  });

  it('reads team membership from the team records on the phone, not from the sign-in', () => {
    const moved = principalOf({ userId: SANNE, tenantId: 'alblasserdam', role: 'volunteer', buurtIds: [], teamIds: [ORANJE] }, [
      { id: ORANJE, memberIds: [] },
      { id: SCHOUW, memberIds: [SANNE] },
    ]);
    expect(moved.teamIds).toEqual([SCHOUW]);
    expect(principalOf({ userId: SANNE, tenantId: 'alblasserdam', role: 'volunteer', buurtIds: [], teamIds: [ORANJE] }, []).teamIds).toEqual([ORANJE]);
  });

  it('hides "Nieuwe activiteit" from a volunteer without a team and from the police', () => {
    expect(mayCreateActivity(principalOf({ userId: 'x', tenantId: 'alblasserdam', role: 'volunteer', buurtIds: [], teamIds: [] }, config.teams), config)).toBe(
      false,
    );
    expect(mayCreateActivity(person('police'), config)).toBe(false);
  });

  it('lets a professional choose only their buurten, with a team optional', () => {
    const professional = person('professional', ['oranjebuurt']);
    const choices = activityChoices(professional, config);
    expect(choices.buurten.map((b) => b.id)).toEqual(['oranjebuurt']);
    expect(choices.isTeamRequired).toBe(false);
    expect(choices.teams.map((t) => t.id)).toEqual([ORANJE, SCHOUW]);
  });

  it('offers every buurt to a professional without buurten, and to a coordinator', () => {
    expect(activityChoices(person('professional'), config).buurten).toHaveLength(3);
    expect(activityChoices(person('coordinator'), config).buurten).toHaveLength(3);
  });

  it('shows edit, delete and counting only where the role may', () => {
    const inOranje = activity('oranjebuurt', ORANJE);
    const elsewhere = activity('centrum', null);
    const volunteer = person('volunteer');
    expect([mayEditActivity(volunteer, inOranje), mayDeleteActivity(volunteer, inOranje), mayCount(volunteer, inOranje)]).toEqual([true, false, true]);
    expect([mayEditActivity(volunteer, elsewhere), mayCount(volunteer, elsewhere)]).toEqual([false, false]);

    const police = person('police');
    expect([mayEditActivity(police, inOranje), mayDeleteActivity(police, inOranje), mayCount(police, inOranje)]).toEqual([false, false, false]);

    const professional = person('professional', ['oranjebuurt']);
    expect([mayEditActivity(professional, inOranje), mayDeleteActivity(professional, inOranje), mayCount(professional, inOranje)]).toEqual([true, true, true]);
    expect(mayEditActivity(professional, elsewhere)).toBe(false);

    const coordinator = person('coordinator');
    expect([mayEditActivity(coordinator, elsewhere), mayDeleteActivity(coordinator, elsewhere), mayCount(coordinator, elsewhere)]).toEqual([true, true, true]);
  });

  it('shows "Beheer" to coordinators only', () => {
    expect((['coordinator', 'professional', 'police', 'volunteer'] as const).map(mayManageConfig)).toEqual([true, false, false, false]);
  });

  it('offers on an edit only the moves the server accepts: a volunteer keeps the buurt, a professional stays in their buurten', () => {
    const from = { buurtId: 'oranjebuurt', teamId: ORANJE };
    const volunteer = activityEditChoices(person('volunteer'), from, from, config);
    expect([volunteer.isBuurtChangeable, volunteer.isTeamChangeable, volunteer.isNoTeamAllowed]).toEqual([false, false, false]);
    expect(volunteer.buurten.map((b) => b.id)).toEqual(['oranjebuurt']);

    const professional = activityEditChoices(person('professional', ['oranjebuurt', 'centrum']), from, from, config);
    expect(professional.buurten.map((b) => b.id)).toEqual(['oranjebuurt', 'centrum']);
    expect([professional.isBuurtChangeable, professional.isTeamChangeable, professional.isNoTeamAllowed]).toEqual([true, true, true]);

    expect(activityEditChoices(person('coordinator'), from, from, config).buurten).toHaveLength(3);
  });

  it('lets everyone who may edit an activity write every other field of the form (only buurt and team can be fixed)', () => {
    for (const role of ['coordinator', 'professional', 'volunteer'] as const) {
      expect(DRAFT_FIELDS.filter((field) => !mayWriteField(role, 'activity', field))).toEqual([]);
    }
  });
});
