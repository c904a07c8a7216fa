/**
 * Dutch words of the activity list, the start screen: the list, the statuses
 * and the default activity types (later screens show those too). Part of the
 * first download (src/app/i18n/core.ts); en.ts, with exactly these keys, loads
 * when English is chosen. The form's and the detail's words load with them
 * (form/nl.ts).
 */
export const nl = {
  'list.title': 'Activiteiten',
  'list.new': 'Nieuwe activiteit',
  'list.filterBuurt': 'Buurt',
  'list.allBuurten': 'Alle buurten',
  'list.when': 'Wanneer',
  'list.upcoming': 'Komend',
  'list.past': 'Voorbij',
  'list.emptyUpcoming': 'Er staan geen komende activiteiten gepland.',
  'list.emptyPast': 'Er zijn nog geen voorbije activiteiten.',
  'list.emptyHint': 'Tik op "Nieuwe activiteit" om er een vast te leggen. Dat werkt ook zonder verbinding.',
  'list.emptyFiltered': 'Geen activiteiten in deze buurt. Kies "Alle buurten" om alles te zien.',
  'list.turnedUp': '{count} opgekomen',
  'list.count.one': '1 activiteit',
  'list.count.other': '{count} activiteiten',

  'activity.unknownBuurt': 'Onbekende buurt',

  'status.planned': 'Gepland',
  'status.held': 'Uitgevoerd',
  'status.cancelled': 'Geannuleerd',
  'status.moved': 'Verplaatst',

  'activityType.meeting': 'Bijeenkomst',
  'activityType.drop-in': 'Inloop',
  'activityType.workshop': 'Workshop',
  'activityType.course': 'Cursus',
  'activityType.clean-up': 'Opruimactie',
  'activityType.tile-lifting': 'Tegelwippen',
  'activityType.schouw': 'Schouw',
  'activityType.street-party': 'Burendag',
  'activityType.information-meeting': 'Informatiebijeenkomst',
  'activityType.door-to-door': 'Huis-aan-huis',
  'activityType.partner-meeting': 'Partneroverleg',
  'activityType.other': 'Anders',
};

export type ActivitiesKey = keyof typeof nl;
