/** English words of the shell and the shared UI pieces: exactly the keys of nl.ts (checked by the type). */
import type { Words } from '../i18n/translate.ts';
import type { nl } from './nl.ts';

export const en: Words<typeof nl> = {
  'app.name': 'Buurtlog',
  'app.loading': 'Loading Buurtlog…',
  'app.skipToContent': 'Skip to content',
  'app.setupNeeded.retry': 'Try again',
  'app.startFailed': 'Buurtlog could not start. Reload the page; your data stays on this device.',
  'app.screenFailed': 'This screen could not be loaded',
  'app.notFound.title': 'Page not found',
  'app.notFound.body': 'This page does not exist (any more).',
  'app.backToList': 'Go to activities',

  'nav.label': 'Main menu',
  'nav.activities': 'Activities',
  'nav.settings': 'Settings',
  'nav.admin': 'Admin',
  'nav.findings': 'Findings',

  'session.expired': 'Your session has expired — sign in again',
  'session.signInAgain': 'Sign in again',

  'update.text': 'New version available',
  'update.button': 'Reload',

  'badge.local': 'Only on this device',
  'badge.sent': 'Sent',
  'badge.rejected': 'Rejected',

  'time.justNow': 'just now',

  'route.new': 'New activity',
  'route.edit': 'Edit activity',
  'route.attendance': 'Attendance',
  'route.settings': 'Settings',
  'language.changed': 'Language changed to English',

  'form.choose': 'Choose…',
  'form.errorSummary': 'Please check the marked fields.',

  'error.required': 'Please fill in this field.',
  'error.choose': 'Please make a choice.',
  'error.tooLong': 'Use at most {max} characters.',
  'error.tooMany': 'Choose at most {max}.',
  'error.date': 'Enter a valid date.',
  'error.time': 'Enter a time as hh:mm, for example 19:30.',
  'error.endBeforeStart': 'The end time is before the start time.',
  'error.invalid': 'This value is not valid.',
  'error.pc4': 'Enter four digits, for example 2951.',
};
