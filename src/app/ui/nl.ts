/**
 * Dutch words of the shell and the shared UI pieces: the app's name and
 * start, navigation and the title of every route (the document title, set
 * before a screen's own code has loaded), the session and update banners,
 * sync badges. They ship in the first download (src/app/i18n/core.ts); en.ts
 * loads when English is chosen. The words every form shares load with the
 * forms (forms/nl.ts).
 */
export const nl = {
  'app.name': 'Buurtlog',
  'app.loading': 'Buurtlog wordt geladen…',
  'app.skipToContent': 'Naar de inhoud',
  'app.setupNeeded.retry': 'Opnieuw proberen',
  'app.startFailed': 'Buurtlog kon niet starten. Laad de pagina opnieuw; je gegevens blijven op dit toestel bewaard.',
  'app.screenFailed': 'Dit scherm kon niet worden geladen',
  'app.notFound.title': 'Pagina niet gevonden',
  'app.notFound.body': 'Deze pagina bestaat niet (meer).',
  'app.backToList': 'Naar de activiteiten',

  'nav.label': 'Hoofdmenu',
  'nav.activities': 'Activiteiten',
  'nav.settings': 'Instellingen',
  'nav.admin': 'Beheer',
  'nav.findings': 'Bevindingen',
  'nav.patrol': 'Ronde',
  'nav.roster': 'Rooster',
  'nav.police': 'Wijkagent',
  'nav.monitoring': 'Cijfers',

  'session.expired': 'Je sessie is verlopen — log opnieuw in',
  'session.signInAgain': 'Opnieuw aanmelden',

  'update.text': 'Nieuwe versie beschikbaar',
  'update.button': 'Vernieuwen',

  'badge.local': 'Alleen op dit toestel',
  'badge.sent': 'Verstuurd',
  'badge.rejected': 'Geweigerd',

  'time.justNow': 'zojuist',

  'route.new': 'Nieuwe activiteit',
  'route.edit': 'Activiteit bewerken',
  'route.attendance': 'Aanwezigheid',
  'route.settings': 'Instellingen',
  'language.changed': 'Taal gewijzigd naar Nederlands',
  'list.showMore': 'Meer tonen',
};

export type UiKey = keyof typeof nl;
