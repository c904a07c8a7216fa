/**
 * Dutch words for every machine reason of src/domain/errors.ts, read only
 * through `reasonText` (../reasons.ts). Part of the first download (../core.ts);
 * en.ts, with exactly these keys, loads when English is chosen.
 */
export const nl = {
  'reason.invalid-payload': 'De gegevens kloppen niet en zijn niet geaccepteerd.',
  'reason.malformed-json': 'De server kon het bericht niet lezen.',
  'reason.unsupported-media-type': 'De server kon het bericht niet lezen.',
  'reason.body-too-large': 'Het bericht was te groot voor de server.',
  'reason.unknown-record-type': 'De server kent dit soort gegevens niet. Werk Buurtlog bij.',
  'reason.unknown-field': 'De server kent een van de velden niet. Werk Buurtlog bij.',
  'reason.missing-fields': 'Er ontbreken verplichte gegevens.',
  'reason.type-mismatch': 'Deze wijziging past niet bij de gegevens op de server.',
  'reason.tenant-mismatch': 'Deze gegevens horen bij een ander programma.',
  'reason.foreign-counter': 'Een telling van een ander toestel kan hier niet worden gewijzigd.',
  'reason.clock-ahead': 'De klok van dit toestel loopt voor. Zet datum en tijd goed.',
  'reason.schema-unsupported': 'Deze versie van Buurtlog is nieuwer dan de server.',
  'reason.client-outdated': 'Deze versie van Buurtlog is te oud. Werk de app bij.',
  'reason.unknown-tenant': 'De server kent dit programma niet.',
  'reason.unauthenticated': 'Log opnieuw in. Je gegevens blijven op dit toestel bewaard.',
  'reason.session-expired': 'Je sessie is verlopen. Log opnieuw in; je gegevens blijven op dit toestel bewaard en worden daarna verstuurd.',
  'reason.device-revoked': 'Dit toestel is afgemeld door een coördinator. De gegevens op dit toestel zijn gewist.',
  'reason.invalid-credentials': 'Dit e-mailadres en wachtwoord horen niet bij elkaar.',
  'reason.password-common':
    'Dit wachtwoord is te makkelijk te raden: het staat op een lijst van veelgebruikte of gelekte wachtwoorden, of is een patroon zoals aaaaaaaaaa of 1234567890. Kies een ander, bijvoorbeeld een paar losse woorden.',
  'reason.rate-limited': 'Te veel pogingen. Wacht een paar minuten en probeer het opnieuw.',
  'reason.quota-exceeded': 'Dit toestel heeft even te veel verstuurd. Er gaat niets verloren: alles blijft op de telefoon en wordt straks vanzelf verstuurd.',
  'reason.invite-invalid': 'Deze uitnodiging is verlopen of al gebruikt. Vraag je coördinator om een nieuwe.',
  'reason.forbidden': 'Dit mag je niet met jouw rol of team.',
  'reason.unknown-parent': 'De ronde, het dienstblok of de waarneming bij deze wijziging is (nog) niet op de server.',
  'reason.purged': 'Dit is na de bewaartermijn verwijderd en kan niet meer worden gewijzigd.',
  'reason.unknown-activity': 'De activiteit bij deze telling is (nog) niet op de server.',
  'reason.unknown-finding': 'De bevinding bij deze wijziging is (nog) niet op de server.',
  'reason.not-found': 'Niet gevonden op de server.',
  'reason.internal': 'Er ging iets mis op de server. Het wordt later opnieuw geprobeerd.',
  'reason.network': 'Geen verbinding. Je gegevens staan veilig op dit toestel.',
  'reason.server-unavailable': 'De server is even niet bereikbaar. Het wordt later opnieuw geprobeerd.',
};

export type ReasonKey = keyof typeof nl;
