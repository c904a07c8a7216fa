import { describe, expect, it } from 'vitest';
import {
  addOrganisationName,
  changedFields,
  draftOf,
  emptyDraft,
  fieldsOf,
  isDraftDirty,
  repeatDate,
  repeatDraft,
  toggleOrganisation,
  toggleTheme,
  validateDraft,
  type ActivityDraft,
} from '../../src/app/activities/form-logic.ts';

const valid = (): ActivityDraft => ({
  ...emptyDraft({ today: '2026-11-22', buurtId: 'oranjebuurt' }),
  title: 'Koffieochtend',
  type: 'drop-in',
  start: '10:00',
  end: '12:00',
});

describe('validating the activity form', () => {
  it('accepts a complete draft', () => {
    expect(validateDraft(valid())).toEqual({});
  });

  it('asks for the required fields, in Dutch keys per field', () => {
    const errors = validateDraft(emptyDraft({ today: '' }));
    expect(errors.title?.key).toBe('error.required');
    expect(errors.buurtId?.key).toBe('error.choose');
    expect(errors.type?.key).toBe('error.choose');
    expect(errors.date?.key).toBe('error.required');
    expect(errors.start?.key).toBe('error.required');
    expect(errors.end).toBeUndefined();
  });

  it('asks a volunteer for a team, and lets others leave it empty', () => {
    expect(validateDraft(valid(), { isTeamRequired: true }).teamId?.key).toBe('error.choose');
    expect(validateDraft({ ...valid(), teamId: 'buurtpreventie-oranjebuurt' }, { isTeamRequired: true })).toEqual({});
    expect(validateDraft(valid())).toEqual({});
  });

  it('writes no team as null and a chosen team by id', () => {
    expect(fieldsOf(valid()).teamId).toBeNull();
    expect(fieldsOf({ ...valid(), teamId: 'buurtpreventie-oranjebuurt' }).teamId).toBe('buurtpreventie-oranjebuurt');
    expect(draftOf({ ...fieldsOf(valid()), teamId: 'schouwgroep-staatsliedenbuurt' }).teamId).toBe('schouwgroep-staatsliedenbuurt');
  });

  it('refuses a title of only spaces', () => {
    expect(validateDraft({ ...valid(), title: '   ' }).title?.key).toBe('error.required');
  });

  it('says how long a text may be', () => {
    expect(validateDraft({ ...valid(), title: 'x'.repeat(201) }).title).toEqual({ key: 'error.tooLong', params: { max: 200 } });
  });

  it('checks date and time formats', () => {
    expect(validateDraft({ ...valid(), date: '22-11-2026' }).date?.key).toBe('error.date');
    expect(validateDraft({ ...valid(), start: '25:00' }).start?.key).toBe('error.time');
  });

  it('refuses an end before the start, but allows no end', () => {
    expect(validateDraft({ ...valid(), start: '19:00', end: '18:00' }).end?.key).toBe('error.endBeforeStart');
    expect(validateDraft({ ...valid(), end: '' })).toEqual({});
  });
});

describe('turning a draft into activity fields', () => {
  it('trims texts, turns an empty end into null and keeps what the form does not show', () => {
    const base = { ...fieldsOf(valid()), projectId: 'opruimactie-2026', location: { lat: 51.86, lon: 4.66, source: 'gps' as const } };
    const fields = fieldsOf({ ...valid(), title: '  Koffieochtend  ', end: '' }, base);
    expect(fields.title).toBe('Koffieochtend');
    expect(fields.end).toBeNull();
    expect(fields.projectId).toBe('opruimactie-2026');
    expect(fields.location).toEqual(base.location);
  });

  it('round-trips through draftOf', () => {
    const fields = fieldsOf(valid());
    expect(fieldsOf(draftOf(fields))).toEqual(fields);
  });
});

describe('saving an edit', () => {
  it('writes only the fields that changed, so a colleague’s edit of another field survives', () => {
    const base = fieldsOf(valid());
    const next = fieldsOf({ ...valid(), title: 'Koffie & praat', themes: ['eenzaamheid-armoede-schulden'] });
    expect(changedFields(base, next)).toEqual({ title: 'Koffie & praat', themes: ['eenzaamheid-armoede-schulden'] });
    expect(changedFields(base, base)).toEqual({});
  });

  it('knows when the form holds unsaved input', () => {
    expect(isDraftDirty(valid(), valid())).toBe(false);
    expect(isDraftDirty(valid(), { ...valid(), place: 'Buurthuis' })).toBe(true);
  });
});

describe('choosing organisations and themes', () => {
  it('adds a free name once, ignoring case and spaces, and never an empty one', () => {
    let list = addOrganisationName([], ' Basisschool De Tol ');
    list = addOrganisationName(list, 'basisschool de tol');
    list = addOrganisationName(list, '   ');
    expect(list).toEqual([{ name: 'Basisschool De Tol' }]);
  });

  it('toggles partners without duplicates', () => {
    let list = toggleOrganisation([], { partnerId: 'swa' }, true);
    list = toggleOrganisation(list, { partnerId: 'swa' }, true);
    expect(list).toEqual([{ partnerId: 'swa' }]);
    expect(toggleOrganisation(list, { partnerId: 'swa' }, false)).toEqual([]);
  });

  it('toggles themes', () => {
    expect(toggleTheme(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggleTheme(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});

describe('repeating an activity', () => {
  it('lands a week after the original while that is still to come', () => {
    expect(repeatDate('2026-11-30', '2026-12-03')).toBe('2026-12-07');
    expect(repeatDate('2026-11-30', '2026-12-07')).toBe('2026-12-07');
    expect(repeatDate('2026-12-28', '2026-12-29')).toBe('2027-01-04');
  });

  it('lands on the next such weekday from today when a week later is past', () => {
    // A Monday koffie-inloop from early November, repeated on Thursday 3 December.
    expect(repeatDate('2026-11-02', '2026-12-03')).toBe('2026-12-07');
    // Repeated on a Monday: today is that weekday, so today.
    expect(repeatDate('2026-11-02', '2026-12-07')).toBe('2026-12-07');
    // Across the switch to summer time (29 March 2026) the weekday holds.
    expect(repeatDate('2026-03-02', '2026-04-01')).toBe('2026-04-06');
  });

  it('copies every field but the date and the status', () => {
    const original = fieldsOf({ ...valid(), date: '2026-11-30', status: 'held', place: 'Buurthuis', themes: ['wonen'], notes: 'Koffie en thee' });
    const copy = repeatDraft({ ...original, projectId: 'p1' }, '2026-12-03');
    expect(copy).toEqual({ ...draftOf(original), date: '2026-12-07', status: 'planned' });
    expect(fieldsOf(copy, { ...original, projectId: 'p1' }).projectId).toBe('p1');
  });
});
