/**
 * Dutch words of the settings screen: language, sync, this device and its
 * storage; a pack (pack.ts) that loads with the screen. en.ts has exactly
 * these keys.
 */
export const nl = {
  'settings.title': 'Instellingen',
  'settings.language': 'Taal',
  'settings.theme': 'Weergave',
  'settings.theme.system': 'Systeem',
  'settings.theme.light': 'Licht',
  'settings.theme.dark': 'Donker',
  'settings.storage': 'Opslag op dit toestel',
  'settings.persisted.yes': 'Blijvende opslag is toegestaan: de browser wist je gegevens niet zomaar.',
  'settings.persisted.no': 'Blijvende opslag is niet toegestaan: de browser kan gegevens wissen als Buurtlog lang niet gebruikt wordt.',
  'settings.persisted.unknown': 'Deze browser zegt niet of de opslag blijvend is.',
  'settings.usage': '{used} gebruikt, {free} vrij',
  'settings.storageUnavailable': 'Niet beschikbaar in deze browser:',
  'settings.storageUnavailableMeaning': 'deze browser kan niet zeggen hoeveel ruimte Buurtlog heeft, en kan geen blijvende opslag geven.',
  'settings.storageUnavailableUrge':
    'Op een iPhone of iPad wist Safari de gegevens van een site die 7 dagen niet gebruikt is. Synchroniseer daarom als je klaar bent: wat op de server staat, gaat niet verloren.',
  'settings.usageUnknown': 'Hoeveel ruimte er is, is niet bekend.',
  'settings.requestPersistence': 'Vraag om blijvende opslag',
  'settings.persistenceDenied': 'De browser heeft geen blijvende opslag gegeven. Zet Buurtlog op je beginscherm en probeer het opnieuw.',
  'settings.installHint': 'Tip: zet Buurtlog op je beginscherm. Dan blijven je gegevens beter bewaard.',
  'settings.device': 'Dit toestel',
  'settings.deviceId': 'Toestel-id',
  'settings.tenant': 'Programma',
  'settings.sync': 'Synchronisatie',
  'settings.rejectedTitle': 'Geweigerde wijzigingen',
  'settings.rejectedNone': 'Geen geweigerde wijzigingen.',
  'settings.dismiss': 'Verbergen',
  'settings.dismissLabel': 'Geweigerde wijziging verbergen',
  'settings.exportHint': 'Bewaart alles wat nog niet verstuurd is in een bestand, bijvoorbeeld om door te sturen aan je coördinator.',
  'settings.megabytes': '{value} MB',
  'settings.photoCache': 'Foto’s van anderen',
  'settings.photoCache.usage': '{used} van de {budget} die ze mogen gebruiken',
  'settings.photoCache.own': 'Je eigen foto’s: {used}. Die blijven altijd op dit toestel.',
  'settings.photoCache.budget': 'Ruimte voor foto’s van anderen',
  'settings.photoCache.auto': 'Automatisch',
  'settings.photoCache.clear': 'Foto’s van anderen wissen',
  'settings.photoCache.clearQuestion':
    'Alle foto’s van anderen van dit toestel wissen? Je eigen foto’s blijven. Met verbinding worden ze weer opgehaald als je ze bekijkt.',
  'settings.photoCache.clearYes': 'Ja, wissen',
  'settings.photoCache.clearNo': 'Nee, bewaren',
  'settings.photoCache.cleared': '{count} foto’s van anderen gewist.',
  'settings.photoCache.hint':
    'Foto’s die je van anderen bekijkt, worden bewaard zodat je ze ook zonder verbinding ziet. Is de ruimte vol, dan gaan de foto’s die je het langst niet bekeken hebt het eerst weg. Automatisch is hoogstens 200 MB, en minder als dit toestel weinig ruimte heeft.',
};

export type SettingsKey = keyof typeof nl;
