/**
 * Dutch words of the place of a finding: GPS, the map, a typed address, and
 * the address looked up later (a message pack: pack.ts). en.ts carries
 * the same keys.
 */
export const nl = {
  'place.legend': 'Plek',
  'place.none': 'Nog geen plek gekozen.',
  'place.current': 'Gekozen plek',
  'place.coordinates': 'Coördinaten {coords}',
  'place.point': '{lat} NB, {lon} OL',
  'place.source.gps': 'GPS, ± {accuracy} m',
  'place.source.gpsUnknown': 'GPS',
  'place.source.map': 'op de kaart aangewezen',
  'place.source.address': 'bij het adres',
  'place.addressLater': 'Het adres wordt opgezocht zodra er internet is.',
  'place.clear': 'Plek wissen',
  'place.cleared': 'Plek gewist',
  'place.ways': 'Kies hoe je de plek vastlegt',
  'place.way.gps': 'Gebruik mijn locatie',
  'place.way.map': 'Aanwijzen op de kaart',
  'place.way.address': 'Adres typen',
  'place.way.mapOffline': 'Aanwijzen op de kaart kan alleen met internet.',

  'gps.searching': 'Locatie zoeken…',
  'gps.accuracy': 'Nauwkeurigheid ± {accuracy} m',
  'gps.waitingBetter': 'We wachten nog even op een nauwkeuriger plek.',
  'gps.use': 'Deze locatie gebruiken (± {accuracy} m)',
  'gps.useWaiting': 'Deze locatie gebruiken',
  'gps.stop': 'Stoppen',
  'gps.retry': 'Opnieuw proberen',
  'gps.used': 'Locatie vastgelegd, ± {accuracy} m',
  'gps.poor': 'Deze locatie is onnauwkeurig (± {accuracy} m). Gebruik hem toch, probeer het opnieuw, of wijs de plek aan op de kaart of typ het adres.',
  'gps.usePoor': 'Toch gebruiken (± {accuracy} m)',
  'gps.error.denied':
    'Buurtlog mag je locatie niet gebruiken. Sta locatie toe in de instellingen van je browser, of wijs de plek aan op de kaart of typ het adres.',
  'gps.error.unavailable': 'Je locatie is nu niet te bepalen. Probeer het buiten opnieuw, of wijs de plek aan op de kaart of typ het adres.',
  'gps.error.timeout': 'Het lukte niet om op tijd je locatie te vinden. Probeer het opnieuw, of wijs de plek aan op de kaart of typ het adres.',
  'gps.error.unsupported': 'Deze browser kan je locatie niet bepalen. Wijs de plek aan op de kaart of typ het adres.',

  'map.label': 'Kaart met {count} bevindingen',
  'map.labelOne': 'Kaart met 1 bevinding',
  'map.pickLabel':
    'Kaart om de plek aan te wijzen. Tik op de plek; sleep om de kaart te verschuiven. Met het toetsenbord: pijltjes verschuiven, plus en min zoomen, Enter kiest het midden.',
  'map.pickHint': 'Tik op de kaart waar de bevinding is. Sleep om te verschuiven.',
  'map.zoomIn': 'Inzoomen',
  'map.zoomOut': 'Uitzoomen',
  'map.pickCentre': 'Midden van de kaart kiezen',
  'map.picked': 'Gekozen plek',
  'map.pickedAnnounce': 'Plek aangewezen op de kaart',
  'map.done': 'Klaar',
  'map.noTiles': 'Kaartbeelden zijn niet beschikbaar zonder internet. De punten staan wel goed ten opzichte van elkaar.',
  'map.trackStart': 'Begin van de route',
  'map.trackEnd': 'Einde van de route',
  'map.attribution': 'Kaart: © Kadaster (PDOK BRT-Achtergrondkaart)',

  'address.street': 'Straat',
  'address.number': 'Huisnummer',
  'address.numberHint': 'Bijvoorbeeld 12a, of leeg voor ergens langs de straat.',
  'address.postcode': 'Postcode (niet verplicht)',
  'address.place': 'Plaats (niet verplicht)',
  'address.use': 'Adres gebruiken',
  'address.cancel': 'Annuleren',
  'address.used': 'Adres vastgelegd',
  'address.error.street': 'Vul de straat in.',
  'address.error.postcode': 'Vul een postcode in zoals 2951 EB, of laat het leeg.',
  'address.error.tooLong': 'Dit is te lang.',
};

export type PlaceKey = keyof typeof nl;
