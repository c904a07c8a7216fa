/**
 * Dutch words of signing in, invites, privacy, the account in Settings and
 * its devices (a message pack: pack.ts). en.ts carries the same keys.
 */
export const nl = {
  'signIn.title': 'Aanmelden',
  'signIn.lead': 'Meld je aan bij {tenant}.',
  'signIn.leadNoTenant': 'Meld je aan met je e-mailadres en wachtwoord.',
  'signIn.email': 'E-mailadres',
  'signIn.password': 'Wachtwoord',
  'signIn.deviceName': 'Naam van dit toestel',
  'signIn.deviceNameHint': 'Zo herken je dit toestel later in de lijst "Mijn toestellen".',
  'signIn.submit': 'Aanmelden',
  'signIn.busy': 'Bezig met aanmelden…',
  'signIn.done': 'Aangemeld als {name}',
  'signIn.volunteerHint': 'Vrijwilliger? Open de uitnodiging die je van je coördinator kreeg (een link of QR-code).',
  'signIn.needsNetwork': 'Aanmelden kan alleen met internet. Probeer het opnieuw als je verbinding hebt.',
  'signIn.again.title': 'Opnieuw aanmelden',
  'signIn.again.lead': 'Je sessie is verlopen. Meld je opnieuw aan; alles op dit toestel blijft bewaard en wordt daarna verstuurd.',
  'signIn.again.inviteHint': 'Aangemeld met een uitnodiging? Vraag je coördinator om een nieuwe uitnodiging en open die op dit toestel.',
  'signIn.again.unsent': '{count} wijzigingen op dit toestel wachten op verzending.',
  'signIn.signedOut': 'Je bent afgemeld. De Buurtlog-gegevens op dit toestel zijn gewist.',
  'signIn.privacyLink': 'Wat Buurtlog bewaart en waarom',

  'invite.title': 'Uitnodiging',
  'invite.lead': 'Je bent uitgenodigd voor team {team} van {tenant} als {name}.',
  'invite.expires': 'Deze uitnodiging is geldig tot {when} en werkt één keer.',
  'invite.button': 'Aanmelden op dit toestel',
  'invite.busy': 'Bezig met aanmelden…',
  'invite.loading': 'De uitnodiging wordt opgehaald…',
  'invite.needsNetwork': 'Een uitnodiging openen kan alleen met internet. Probeer het opnieuw als je verbinding hebt.',
  'invite.alreadySignedIn': 'Dit toestel is al aangemeld als {name}. Meld eerst af onder Instellingen om deze uitnodiging te gebruiken.',
  'invite.toSignIn': 'Aanmelden met e-mailadres',
  'invite.from': '{issuer} nodigt je uit voor team {team} van {tenant}.',
  'invite.as': 'Je meldt je aan als {name}. Geldig tot {when}, één keer.',
  'invite.implies': 'Met "Aanmelden op dit toestel" zeg je dat je dit hebt gelezen.',
  'invite.malformed': 'Deze uitnodigingslink klopt niet. Vraag je coördinator om hem opnieuw te sturen, of kopieer de hele link.',
  'privacy.summaryTitle': 'Wat Buurtlog bewaart',
  'privacy.summary':
    'Buurtlog telt mensen, nooit namen van bewoners. Van jou bewaart het je naam, je team en wat je vastlegt; alles staat eerst op je telefoon.',
  'privacy.readAll': 'Alles lezen over wat Buurtlog bewaart en waarom',

  'privacy.title': 'Wat Buurtlog bewaart en waarom',
  'privacy.intro':
    'Buurtlog helpt bij buurtwerk: activiteiten, wie er kwam en wat er in de buurt speelt. Hier lees je wat de app bewaart, waar, en wie het ziet.',
  'privacy.counts.title': 'Tellingen, nooit namen van bewoners',
  'privacy.counts.body':
    'Buurtlog telt hoeveel mensen er bij een activiteit waren, en soms alleen de vier cijfers van hun postcode (PC4). Namen, adressen of andere gegevens van bewoners komen er nooit in. Zet ze ook niet in de aantekeningen.',
  'privacy.you.title': 'Over jou',
  'privacy.you.body':
    'Van jou bewaart Buurtlog je naam, je e-mailadres als je met een wachtwoord aanmeldt, je rol en je buurten en teams. Bij elke wijziging staat wie hem deed en vanaf welk toestel.',
  'privacy.device.title': 'De sleutel van dit toestel',
  'privacy.device.body':
    'Bij het aanmelden krijgt dit toestel een geheime sleutel. Die staat alleen op dit toestel; de server bewaart er alleen een onherkenbare afdruk van. Raak je je telefoon kwijt, dan kan je coördinator hem afmelden: bij het volgende contact met de server wist Buurtlog dan alles op dat toestel.',
  'privacy.local.title': 'Eerst op je telefoon',
  'privacy.local.body':
    'Wat je vastlegt, staat eerst alleen op dit toestel, ook zonder internet. Zodra er verbinding is, gaat het naar de server van je programma. Bovenaan zie je steeds wat nog niet is verstuurd.',
  'privacy.coordinator.title': 'Wat je coördinator ziet',
  'privacy.coordinator.body':
    'De coördinator beheert het programma en ziet alle gegevens ervan, en een logboek van wie wat wanneer heeft gewijzigd en vanaf welk toestel. Vrijwilligers zien alleen wat bij hun eigen team hoort; rondes van buurtpreventie zien alleen het team, de politie van die buurten en de coördinatoren.',
  'privacy.export.title': 'Exporteren en wissen',
  'privacy.export.body':
    'Onder Instellingen kun je alles wat nog niet is verstuurd in een bestand bewaren. Met Afmelden wis je alle Buurtlog-gegevens van dit toestel; wat al is verstuurd, blijft op de server.',
  'privacy.retention.title': 'Hoe lang',
  'privacy.retention.body':
    'Je programma bepaalt hoe lang gegevens op de server blijven; gegevens van buurtpreventie worden na een vaste bewaartermijn verwijderd, op de server en op elk toestel: veiligheidswaarnemingen na {safety} maanden, rondes en het rooster na {rounds} maanden, waarnemingen in de openbare ruimte na {publicSpace} maanden. Een aanmelding loopt af na {days} dagen zonder contact met de server. Je gegevens op dit toestel blijven dan bewaard tot je opnieuw aanmeldt.',
  'privacy.questions.title': 'Vragen',
  'privacy.questions.body': 'Vragen over je gegevens? Stel ze aan je coördinator of aan de functionaris gegevensbescherming van je gemeente.',
  'privacy.registerTitle': 'Verwerkingsregister van {tenant}',
  'privacy.accessibilityTitle': 'Toegankelijkheidsverklaring',
  'privacy.acknowledge': 'Ik heb dit gelezen',

  'role.coordinator': 'Coördinator',
  'role.professional': 'Professional',
  'role.police': 'Politie',
  'role.volunteer': 'Vrijwilliger',

  'account.title': 'Aangemeld',
  'account.name': 'Naam',
  'account.role': 'Rol',
  'account.tenant': 'Programma',
  'account.email': 'E-mailadres',
  'account.sessionUntil': 'Aanmelding geldig tot',
  'account.signOut': 'Afmelden',
  'account.signOutHint': 'Afmelden wist alle Buurtlog-gegevens van dit toestel. Wat al is verstuurd, blijft op de server.',
  'account.signOutUnsent':
    'Let op: er zijn wijzigingen die nog niet zijn verstuurd ({count}). Die gaan verloren als je nu afmeldt. Synchroniseer eerst, of exporteer ze naar een bestand.',
  'account.signOutConfirm': 'Weet je zeker dat je je wilt afmelden? Alle Buurtlog-gegevens op dit toestel worden gewist.',
  'account.signOutYes': 'Ja, afmelden en wissen',
  'account.signOutNo': 'Niet afmelden',
  'account.signingOut': 'Bezig met afmelden…',
  'account.privacy': 'Wat Buurtlog bewaart en waarom',

  'devices.title': 'Mijn toestellen',
  'devices.hint': 'Telefoon kwijt? Meld hem hier af. Hij wist zijn Buurtlog-gegevens bij het volgende contact met de server.',
  'devices.thisDevice': 'Dit toestel',
  'devices.lastSeen': 'Laatst gezien {when}',
  'devices.neverSeen': 'Nog niet gezien',
  'devices.revoked': 'Afgemeld',
  'devices.revoke': 'Afmelden',
  'devices.revokeLabel': '{name} afmelden',
  'devices.revokeConfirm': '{name} afmelden? Dat toestel wist zijn Buurtlog-gegevens zodra het weer verbinding heeft.',
  'devices.revokeYes': 'Ja, afmelden',
  'devices.revokeNo': 'Annuleren',
  'devices.revokedDone': '{name} is afgemeld',
  'devices.none': 'Geen toestellen gevonden.',

  'online.needed': 'Hiervoor is een internetverbinding nodig. Probeer het opnieuw als je verbinding hebt.',
  'online.loading': 'Bezig met ophalen…',
  'online.retry': 'Opnieuw proberen',

  'deviceName.phone': 'Telefoon',
  'deviceName.tablet': 'Tablet',
  'deviceName.computer': 'Computer',
};

export type AccountKey = keyof typeof nl;
