/** English words of counting attendance: exactly the keys of nl.ts (checked by the type). */
import type { Words } from '../i18n/translate.ts';
import type { nl } from './nl.ts';

export const en: Words<typeof nl> = {
  'attendance.title': 'Attendance',
  'attendance.turnedUp': 'Turned up',
  'attendance.registered': 'Registered',
  'attendance.counts': 'Counts',
  'attendance.increment': '{label}: add one',
  'attendance.decrement': '{label}: remove one',
  'attendance.announce': '{label}: {count}',
  'attendance.method': 'Counting method',
  'attendance.pc4Title': 'Postcodes (PC4)',
  'attendance.pc4Hint': 'Only the four digits, never names or addresses.',
  'attendance.pc4Input': 'Postcode (4 digits)',
  'attendance.pc4Add': 'Add postcode',
  'attendance.pc4None': 'No postcodes counted yet.',
  'attendance.pc4Label': 'Postcode {pc4}',
  'attendance.saveFailed': 'This tap was not saved. Please try again.',
  'attendance.back': 'Back to the activity',
  'attendance.readOnly': 'You can see these counts, but not change them.',

  'count.residents': 'Residents',
  'count.volunteers': 'Volunteers',
  'count.professionals': 'Professionals',
  'count.children': 'Children',
  'count.firstTimers': 'First-timers',
  'count.registered': 'Registered',

  'method.headcount': 'Headcount',
  'method.estimate': 'Estimate',
  'method.signInList': 'Sign-in list',
};
