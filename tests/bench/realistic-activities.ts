/**
 * Activities as a year of real use leaves them, for the first-pull bench: every
 * field the activity form writes, ids with their random bits, each record
 * stamped at its own time (some fields edited later), titles, places, notes
 * and organisations that vary. Deterministic (a seeded generator), and the
 * dates come from `today`, never a literal.
 *
 * Why not the test factories: they give every record the same values, the
 * same stamp and sequential ids, which a compressor squeezes to a few bytes a
 * record — a figure no municipality would ever see on its wire.
 */
import { formatHlc } from '../../src/domain/hlc.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import { SCHEMA_VERSION } from '../../src/domain/protocol.ts';
import { DEFAULT_THEMES } from '../../src/domain/tenant-config.ts';

const TYPES = ['meeting', 'drop-in', 'workshop', 'course', 'clean-up', 'tile-lifting', 'street-party', 'information-meeting', 'door-to-door', 'other'];
const WHAT = [
  'Koffieochtend',
  'Inloopspreekuur',
  'Buurtlunch',
  'Tegelwippen',
  'Opschoondag',
  'Burendag',
  'Informatieavond',
  'Taalcafé',
  'Repaircafé',
  'Wandeling',
  'Spelletjesmiddag',
  'Huiswerkbegeleiding',
  'Bewonersoverleg',
  'Kerstmarkt',
  'Energiecafé',
];
const WHERE = ['Het Anker', 'De Boog', 'buurthuis Ons Huis', 'de bibliotheek', 'het Wilhelminaplein', 'Dorpskerk', 'sporthal De Donck', 'speeltuin De Vlinder'];
const STREETS = ['Kerkstraat', 'Dam', 'Polderstraat', 'Wilhelminastraat', 'Julianaplein', 'Lekdijk', 'Marktplein', 'Emmastraat', 'Blokweerse Wetering'];
const PARTNERS = ['Wijkteam', 'Woonkracht10', 'Stichting Welzijn', 'Bibliotheek AanZet', 'GGD', 'Politie', 'Vluchtelingenwerk', 'Sportservice'];
const NOTES = [
  'Goed bezocht, volgende keer meer stoelen.',
  'Koffie en thee door vrijwilligers; twee nieuwe bewoners aangesloten.',
  'Weinig opkomst door het weer.',
  'Wethouder kwam langs. Afspraken gemaakt over de speeltuin.',
  'Flyers huis-aan-huis verspreid in de week ervoor.',
  '',
];

/** Pushed mutations creating `count` activities in the tenant's buurten, stamped by `device`; `today` in Unix ms. */
export function realisticActivities(
  count: number,
  options: { tenantId: string; buurtIds: readonly string[]; today: number; device: string; createdBy: string; seed?: number },
): unknown[] {
  const random = mulberry32(options.seed ?? 0x5eed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const fill = (bytes: Uint8Array) => bytes.map(() => Math.floor(random() * 256));
  const day = 86_400_000;
  return Array.from({ length: count }, (_, i) => {
    // Years of history, nearly all in the past, one in a hundred in the coming weeks.
    const offsetDays = i % 100 === 0 ? (i / 100) % 60 : -1 - Math.floor(random() * 1_800);
    const when = options.today + offsetDays * day;
    const createdAt = Math.min(options.today, when - Math.floor(random() * 30) * day) - Math.floor(random() * day);
    const stamp = (later: number) => ({
      t: formatHlc({ wall: Math.min(options.today - 60_000, createdAt + later), counter: Math.floor(random() * 3), node: options.device }),
    });
    const created = stamp(0);
    const edited = random() < 0.3 ? stamp(Math.floor(random() * 20 * day)) : created;
    const hour = 9 + Math.floor(random() * 11);
    const minutes = pick(['00', '15', '30', '45']);
    const buurtId = pick(options.buurtIds);
    const what = pick(WHAT);
    const values: Record<string, [unknown, { t: string }]> = {
      title: [`${what} ${pick(WHERE)}`, edited],
      type: [pick(TYPES), created],
      themes: [DEFAULT_THEMES.filter(() => random() < 0.25).map((theme) => theme.id), edited],
      buurtId: [buurtId, created],
      teamId: [null, created],
      projectId: [null, created],
      date: [new Date(when).toISOString().slice(0, 10), edited],
      start: [`${String(hour).padStart(2, '0')}:${minutes}`, edited],
      end: [random() < 0.7 ? `${String(hour + 1 + Math.floor(random() * 3)).padStart(2, '0')}:${minutes}` : null, edited],
      place: [`${pick(STREETS)} ${1 + Math.floor(random() * 180)}`, created],
      location:
        random() < 0.5
          ? [
              { lat: 51.85 + random() * 0.04, lon: 4.63 + random() * 0.06, accuracyM: Math.round(3 + random() * 30), source: pick(['gps', 'map', 'address']) },
              created,
            ]
          : [null, created],
      status: [offsetDays < 0 ? (random() < 0.9 ? 'held' : 'cancelled') : 'planned', edited],
      organisers: [[{ name: pick(PARTNERS) }], created],
      participatingOrganisations: [PARTNERS.filter(() => random() < 0.2).map((name) => ({ name })), edited],
      notes: [offsetDays < 0 ? pick(NOTES) : '', edited],
      createdAt: [createdAt, created],
      createdBy: [options.createdBy, created],
    };
    return {
      mutationId: uuidv7(createdAt, fill),
      schemaVersion: SCHEMA_VERSION,
      recordType: 'activity',
      recordId: uuidv7(createdAt, fill),
      tenantId: options.tenantId,
      fields: Object.fromEntries(Object.entries(values).map(([name, [v, { t }]]) => [name, { v, t }])),
      counters: {},
    };
  });
}

/** A small, seeded pseudo-random generator (same numbers every run). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
