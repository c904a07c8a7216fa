/**
 * The AVG rights of one person in a tenant (issue 14, item 6): inzage
 * (art. 15, an export of everything Buurtlog holds about them) and erasure
 * (art. 17). The messages of `/api/v1/users/:id/export|erasure|erase`,
 * `/api/v1/users/erased` and `/api/v1/privacy-texts`.
 *
 * Erasure keeps what belongs to the programme: records a person made stay,
 * counts and indicators do not change. What goes is what ties them to a
 * natural person: the account (name, e-mail, password), the devices (their
 * names), invites for them, sign-in counters keyed by their e-mail, and the
 * name a roster sign-up carries. Their user id, a random UUID, stays where
 * records and the append-only audit log name it; once the account is gone it
 * leads to nobody, and the app shows it as a stable pseudonym.
 */
import * as z from 'zod/mini';
import { text } from './fields.ts';
import type { Role } from './permissions.ts';

/** The word a pseudonym starts with, by the role the person had: "vrijwilliger 7". */
const PSEUDONYM_WORDS: Readonly<Record<Role, string>> = {
  coordinator: 'coördinator',
  professional: 'professional',
  police: 'politie',
  volunteer: 'vrijwilliger',
};

/**
 * The name an erased person has from then on: the role they had and their
 * number among the tenant's erased people. It replaces a name in data (a
 * roster sign-up, the audit log as shown), so it is Dutch like the tenant's
 * other data, not a translated UI word.
 *
 * @example
 * pseudonymFor('volunteer', 7) // 'vrijwilliger 7'
 */
export function pseudonymFor(role: Role, number: number): string {
  return `${PSEUDONYM_WORDS[role]} ${number}`;
}

/**
 * `text` with every mention of `name` (as a whole word, any case, any run of
 * spaces inside it) replaced by `pseudonym`: an erased person's name in a
 * note someone wrote. Unchanged when the name does not occur.
 *
 * @example
 * replaceName('Gebeld met anna de Vries.', 'Anna de Vries', 'vrijwilliger 7') // 'Gebeld met vrijwilliger 7.'
 * replaceName('Annabel kwam ook', 'Anna', 'vrijwilliger 7') // 'Annabel kwam ook'
 */
export function replaceName(text: string, name: string, pseudonym: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return text;
  const pattern = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'giu'), () => pseudonym);
}

/** `GET /api/v1/users/:id/erasure`: what erasing this person will do, for the confirmation. */
export const ErasurePreviewSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  /** The pseudonym they will get (the next number; taken for good when the erasure commits). */
  pseudonym: z.string(),
  devices: z.number(),
  auditEntries: z.number(),
  /** Records they made or changed: they stay, without their name. */
  records: z.number(),
  /** Roster sign-ups whose name becomes the pseudonym. */
  signUps: z.number(),
  /** Teams they leave. */
  teams: z.number(),
  /** Records whose text names them (a note, a history entry's note): the name becomes the pseudonym. */
  mentions: z.number(),
});
export type ErasurePreview = z.infer<typeof ErasurePreviewSchema>;

/** An erased person as the app shows them: their old user id and their pseudonym. */
export const ErasedPersonSchema = z.object({
  userId: z.string(),
  pseudonym: z.string(),
  erasedAt: z.number(),
});
export type ErasedPerson = z.infer<typeof ErasedPersonSchema>;

/** `POST /api/v1/users/:id/erase` answers what it did. */
export const ErasureResultSchema = z.object({
  userId: z.string(),
  pseudonym: z.string(),
  devicesRemoved: z.number(),
  recordsChanged: z.number(),
});
export type ErasureResult = z.infer<typeof ErasureResultSchema>;

/** The tenant's two public texts, edited by its coordinator and shown on every phone's privacy screen. */
export const PRIVACY_TEXT_KINDS = ['processingRegister', 'accessibilityStatement'] as const;
export type PrivacyTextKind = (typeof PRIVACY_TEXT_KINDS)[number];
export const PRIVACY_TEXT_MAX = 20_000;

const PrivacyTextBodySchema = text(PRIVACY_TEXT_MAX, 1, { multiLine: true });

export const PrivacyTextsSchema = z.object({
  processingRegister: z.string(),
  accessibilityStatement: z.string(),
  /** When the coordinator last saved them; null: still the default texts. */
  updatedAt: z.nullable(z.number()),
});
export type PrivacyTexts = z.infer<typeof PrivacyTextsSchema>;

export const UpdatePrivacyTextsRequestSchema = z.object({
  processingRegister: PrivacyTextBodySchema,
  accessibilityStatement: PrivacyTextBodySchema,
});
export type UpdatePrivacyTextsRequest = z.infer<typeof UpdatePrivacyTextsRequestSchema>;

/**
 * The texts a tenant starts with, until its coordinator saves its own: the
 * verwerkingsregister (what is stored, why, how long, who sees it) and the
 * toegankelijkheidsverklaring. Dutch: they are the tenant's own documents.
 */
export const DEFAULT_PRIVACY_TEXTS: Readonly<Record<PrivacyTextKind, string>> = {
  processingRegister: [
    'Verwerkingsregister Buurtlog',
    '',
    'Verwerkingsverantwoordelijke: de gemeente die dit programma uitvoert, samen met haar partners in het programma.',
    '',
    'Doel: het plannen, vastleggen en verantwoorden van buurtwerk — activiteiten en wie er kwam (in aantallen), schouwen en hun bevindingen, rondes van buurtpreventie — en het volgen van de afgesproken indicatoren.',
    '',
    'Grondslag: taak van algemeen belang (AVG art. 6 lid 1 sub e) voor het programma; voor vrijwilligers hun deelname aan het programma.',
    '',
    'Wat we bewaren over medewerkers en vrijwilligers: naam, rol, buurten en teams, e-mailadres en een onherkenbare afdruk van het wachtwoord (alleen bij aanmelden met wachtwoord), de namen van aangemelde toestellen, en een logboek van wie wat wanneer wijzigde. Over bewoners: alleen aantallen en de vier cijfers van de postcode (PC4), nooit namen of adressen.',
    '',
    'Wie het ziet: coördinatoren zien alles van het programma; professionals de gegevens van hun buurten; de politie alleen veiligheidswaarnemingen van haar buurten; vrijwilligers alleen wat bij hun eigen team hoort.',
    '',
    'Hoe lang: gegevens van buurtpreventie volgens de bewaartermijnen van het programma (standaard 3 maanden voor veiligheidswaarnemingen, 12 maanden voor rondes en waarnemingen in de openbare ruimte). Accounts zolang iemand meedoet; daarna wist de coördinator het account op verzoek.',
    '',
    'Je rechten: je kunt de coördinator vragen om inzage in je gegevens (je krijgt alles in één bestand) en om ze te wissen. Na wissen blijven de tellingen van het programma gelijk; je naam is overal vervangen door een schuilnaam. Vragen of klachten: de functionaris gegevensbescherming van de gemeente, of de Autoriteit Persoonsgegevens.',
  ].join('\n'),
  accessibilityStatement: [
    'Toegankelijkheidsverklaring Buurtlog',
    '',
    'De gemeente wil dat iedereen Buurtlog kan gebruiken. De app is gebouwd volgens de WCAG 2.1 op niveau AA: grote knoppen, goed contrast, bruikbaar met één hand, met een schermlezer en met het toetsenbord, en leesbaar in de zon.',
    '',
    'Status: deze app voldoet gedeeltelijk aan de eisen. Kaarten zijn niet volledig toegankelijk; elke plek kan ook als adres worden ingevoerd.',
    '',
    'Loop je tegen een probleem aan? Meld het bij de coördinator van het programma. Je krijgt binnen vijf werkdagen antwoord.',
  ].join('\n'),
};
