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
  'nav.patrol': 'Patrol',
  'nav.roster': 'Roster',
  'nav.police': 'Wijkagent',
  'nav.monitoring': 'Figures',

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
  'list.showMore': 'Show more',
};
