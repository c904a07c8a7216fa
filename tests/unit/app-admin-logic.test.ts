import { describe, expect, it } from 'vitest';
import { fieldErrors, issuesOfError, nameField, nextOrder, periodText, simpleItems, simpleValues } from '../../src/app/admin/admin-logic.ts';
import { configFromRecords } from '../../src/domain/config-records.ts';
import { InvalidInputError } from '../../src/store/invalid-input.ts';

const field = (v: unknown) => ({ v });
const config = configFromRecords({ id: 'alblasserdam', name: 'Alblasserdam' }, [
  { id: 'oranjebuurt', type: 'buurt', fields: { name: field('Oranjebuurt'), order: field(1), hidden: field(false), cbsCode: field('BU04820101') } },
  { id: 'souburgh', type: 'buurt', fields: { name: field('Souburgh'), order: field(2), hidden: field(true) } },
  { id: 'swa', type: 'partner', fields: { name: field('SWA'), kind: field('welfare'), order: field(0) } },
  { id: 'drop-in', type: 'activityType', fields: { label: field(null), order: field(0) } },
  { id: 'eigen-soort', type: 'activityType', fields: { label: field('Buurtbarbecue'), order: field(1) } },
]);

describe('the admin lists', () => {
  it('shows buurten, partners and activity types as names, hidden ones marked', () => {
    expect(simpleItems('buurt', config, () => '')).toEqual([
      { id: 'oranjebuurt', name: 'Oranjebuurt', hidden: false, cbsCode: 'BU04820101' },
      { id: 'souburgh', name: 'Souburgh', hidden: true },
    ]);
    expect(simpleItems('partner', config, () => '')).toEqual([{ id: 'swa', name: 'SWA', hidden: false, kind: 'welfare' }]);
    expect(simpleItems('activityType', config, (id) => `default ${id}`)).toEqual([
      { id: 'drop-in', name: 'default drop-in', hidden: false, isDefaultName: true },
      { id: 'eigen-soort', name: 'Buurtbarbecue', hidden: false, isDefaultName: false },
    ]);
  });

  it('writes a rename to the field that holds the name, with the kind’s own fields', () => {
    expect(nameField('theme')).toBe('label');
    expect(simpleValues('buurt', { name: ' Oranjewijk ', cbsCode: 'bu04820101' })).toEqual({ name: 'Oranjewijk', cbsCode: 'BU04820101' });
    expect(simpleValues('buurt', { name: 'Oranjewijk', cbsCode: '' })).toEqual({ name: 'Oranjewijk', cbsCode: null });
    expect(simpleValues('partner', { name: 'GGD', partnerKind: 'health' })).toEqual({ name: 'GGD', kind: 'health' });
    expect(simpleValues('activityType', { name: 'Koffie-inloop' })).toEqual({ label: 'Koffie-inloop' });
    expect(nextOrder([1, 2, 3])).toBe(3);
  });

  it('turns the store’s refusal into words per field', () => {
    const error = new InvalidInputError([
      { path: 'name', message: 'required' },
      { path: 'cbsCode', message: 'must be a CBS buurtcode like BU04820101' },
      { path: 'label', message: 'must be at most 120 characters' },
    ]);
    expect(issuesOfError(error)).toHaveLength(3);
    expect(issuesOfError(new Error('other'))).toBeNull();
    expect(fieldErrors(error.issues)).toEqual({
      name: { key: 'error.required' },
      cbsCode: { key: 'error.invalid' },
      label: { key: 'error.tooLong', params: { max: 120 } },
    });
  });

  it('writes a project’s period, open at either end', () => {
    const words = { open: 'open', period: (start: string, end: string) => `${start} tot ${end}` };
    expect(periodText('2026-03-01', null, (d) => d, words)).toBe('2026-03-01 tot open');
    expect(periodText(null, null, (d) => d, words)).toBeNull();
  });
});
