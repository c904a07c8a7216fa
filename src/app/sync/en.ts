/** English words of the sync status and the export: exactly the keys of nl.ts (checked by the type). */
import type { Words } from '../i18n/translate.ts';
import type { nl } from './nl.ts';

export const en: Words<typeof nl> = {
  'sync.region': 'Synchronisation status',
  'sync.state.idle': 'Ready',
  'sync.state.syncing': 'Synchronising…',
  'sync.state.offline': 'No connection',
  'sync.state.unreachable': 'Server not reachable',
  'sync.state.error': 'Synchronisation failed',
  'sync.short.sent': 'All sent',
  'sync.short.unsent': '{count} not sent',
  'sync.short.syncing': 'Busy…',
  'sync.short.offline': 'No connection',
  'sync.short.unreachable': 'Server unreachable',
  'sync.short.error': 'Failed',
  'sync.problem.offline': 'Your phone has no internet. Your work is safe on this device and will be sent once there is a connection.',
  'sync.problem.unreachable': 'The server does not answer. Your work is safe on this device; Buurtlog will try again soon.',
  'sync.details': 'Synchronisation details',
  'sync.close': 'Close',
  'sync.offlineTapped': 'Sending now is not possible. Buurtlog does it by itself once there is a connection.',
  'sync.pending.none': 'Everything has been sent',
  'sync.pending.one': '1 change only on this device',
  'sync.pending.other': '{count} changes only on this device',
  'sync.rejected.one': '1 change rejected',
  'sync.rejected.other': '{count} changes rejected',
  'sync.lastSync': 'Last synchronised {when}',
  'sync.neverSynced': 'Never synchronised yet',
  'sync.now': 'Synchronise now',
  'sync.export': 'Export',
  'sync.exportLong': 'Export unsent data',
  'sync.done': 'Synchronisation complete',
  'sync.failed': 'Synchronisation failed: {reason}',
  'sync.tryFailed': 'Sending did not work.',

  'sync.exported': 'File {file} has been downloaded',
  'sync.exportFailed': 'Exporting did not work.',
};
