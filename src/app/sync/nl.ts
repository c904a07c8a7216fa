/**
 * Dutch words of the sync status in the header and settings, and of the
 * export of unsent changes. Part of the first download (src/app/i18n/core.ts);
 * en.ts, with exactly these keys, loads when English is chosen.
 */
export const nl = {
  'sync.region': 'Synchronisatiestatus',
  'sync.state.idle': 'Klaar',
  'sync.state.syncing': 'Bezig met synchroniseren…',
  'sync.state.offline': 'Geen verbinding',
  'sync.state.error': 'Synchroniseren mislukt',
  'sync.pending.none': 'Alles is verstuurd',
  'sync.pending.one': '1 wijziging alleen op dit toestel',
  'sync.pending.other': '{count} wijzigingen alleen op dit toestel',
  'sync.rejected.one': '1 wijziging geweigerd',
  'sync.rejected.other': '{count} wijzigingen geweigerd',
  'sync.lastSync': 'Laatst gesynchroniseerd {when}',
  'sync.neverSynced': 'Nog nooit gesynchroniseerd',
  'sync.now': 'Nu synchroniseren',
  'sync.export': 'Exporteer',
  'sync.exportLong': 'Exporteer niet-verstuurde gegevens',
  'sync.done': 'Synchronisatie klaar',
  'sync.failed': 'Synchroniseren mislukt: {reason}',

  'sync.exported': 'Bestand {file} is gedownload',
  'sync.exportFailed': 'Exporteren is niet gelukt.',
};

export type SyncKey = keyof typeof nl;
