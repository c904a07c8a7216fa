/** English words of the activity list: exactly the keys of nl.ts (checked by the type). */
import type { Words } from '../i18n/translate.ts';
import type { nl } from './nl.ts';

export const en: Words<typeof nl> = {
  'list.title': 'Activities',
  'list.new': 'New activity',
  'list.filterBuurt': 'Buurt',
  'list.allBuurten': 'All buurten',
  'list.when': 'When',
  'list.upcoming': 'Upcoming',
  'list.past': 'Past',
  'list.emptyUpcoming': 'No upcoming activities are planned.',
  'list.emptyPast': 'There are no past activities yet.',
  'list.emptyHint': 'Tap "New activity" to record one. That works without a connection too.',
  'list.emptyFiltered': 'No activities in this buurt. Choose "All buurten" to see everything.',
  'list.turnedUp': '{count} turned up',
  'list.count.one': '1 activity',
  'list.count.other': '{count} activities',

  'activity.unknownBuurt': 'Unknown buurt',

  'status.planned': 'Planned',
  'status.held': 'Held',
  'status.cancelled': 'Cancelled',
  'status.moved': 'Moved',

  'activityType.meeting': 'Meeting',
  'activityType.drop-in': 'Drop-in',
  'activityType.workshop': 'Workshop',
  'activityType.course': 'Course',
  'activityType.clean-up': 'Clean-up',
  'activityType.tile-lifting': 'Tegelwippen (tile-lifting for green)',
  'activityType.schouw': 'Schouw',
  'activityType.street-party': 'Burendag (neighbours’ day)',
  'activityType.information-meeting': 'Information meeting',
  'activityType.door-to-door': 'Door-to-door',
  'activityType.partner-meeting': 'Partner meeting',
  'activityType.other': 'Other',
};
