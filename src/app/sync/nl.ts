/**
 * Dutch words of the sync status in the header and settings, and of the
 * export of unsent changes. Part of the first download (src/app/i18n/core.ts);
 * en.ts, with exactly these keys, loads when English is chosen.
 */
export const nl = {
  'sync.region': 'Synchronisatiestatus',
  'sync.title': 'Synchronisatie',
  'sync.state.idle': 'Klaar',
  'sync.state.syncing': 'Bezig met synchroniseren…',
  'sync.state.offline': 'Geen verbinding',
  'sync.state.unreachable': 'Server niet bereikbaar',
  'sync.state.error': 'Synchroniseren mislukt',
  'sync.short.sent': 'Alles verstuurd',
  'sync.short.unsent': '{count} niet verstuurd',
  'sync.short.syncing': 'Bezig…',
  'sync.short.offline': 'Geen verbinding',
  'sync.short.unreachable': 'Server onbereikbaar',
  'sync.short.error': 'Niet gelukt',
  'sync.problem.offline': 'Je telefoon heeft geen internet. Je werk staat veilig op dit toestel en gaat mee zodra er weer verbinding is.',
  'sync.problem.unreachable': 'De server antwoordt niet. Je werk staat veilig op dit toestel; Buurtlog probeert het straks opnieuw.',
  'sync.problem.code': '(foutcode {code} — noem die als je om hulp vraagt)',
  'sync.details': 'Details van de synchronisatie',
  'sync.close': 'Sluiten',
  'sync.offlineTapped': 'Nu versturen lukt niet. Buurtlog doet het vanzelf zodra er verbinding is.',
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
  'sync.tryFailed': 'Versturen is niet gelukt.',

  'sync.exported': 'Bestand {file} is gedownload',
  'sync.exportFailed': 'Exporteren is niet gelukt.',
};

export type SyncKey = keyof typeof nl;
