/**
 * The adapter to PDOK Locatieserver v3.1 (the Dutch government's free
 * geocoder): the nearest address to a point, with its CBS buurt. Nothing
 * else in the app speaks to PDOK, and tests inject `fetch` with recorded
 * answers (tests/fixtures/pdok/), so no test reaches the internet.
 *
 * Every failure is a `LocatieserverError` with a reason — the caller tries
 * again later; a place is never lost because PDOK was unreachable.
 * API: https://api.pdok.nl/bzk/locatieserver/search/v3_1/ui/ — v3.1 refuses
 * query parameters that are not in its OpenAPI description, so only those
 * are sent.
 *
 * @example
 * const pdok = createLocatieserver({ fetch: window.fetch.bind(window) });
 * const found = await pdok.reverse({ lat: 51.8655, lon: 4.6608 });
 * found?.address // { street: 'Cortgene', number: '2', postcode: '2951EB', place: 'Alblasserdam' }
 */
import * as z from 'zod/mini';
import { CbsBuurtCodeSchema } from '../../domain/fields.ts';
import { AddressSchema, PostcodeSchema, type Address } from '../../domain/finding.ts';

export const LOCATIESERVER_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';

export type ReverseResult = {
  address: Address;
  /** BU + 8 digits, or null when PDOK gave none (or something else). */
  cbsBuurtCode: string | null;
  buurtName: string | null;
  /** How far the address lies from the point, in metres. */
  distanceM: number | null;
};

export type LocatieserverFailure = 'network' | 'timeout' | 'http-status' | 'bad-answer';

export class LocatieserverError extends Error {
  readonly reason: LocatieserverFailure;
  readonly status: number | null;
  constructor(reason: LocatieserverFailure, message: string, status: number | null = null) {
    super(message);
    this.name = 'LocatieserverError';
    this.reason = reason;
    this.status = status;
  }
}

export type Locatieserver = {
  /** The nearest address; null when PDOK knows none near the point. Rejects only with a LocatieserverError. */
  reverse(point: { lat: number; lon: number }, opts?: { signal?: AbortSignal }): Promise<ReverseResult | null>;
};

type FetchLike = (input: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<Pick<Response, 'ok' | 'status' | 'json'>>;

const FIELDS = [
  'weergavenaam',
  'straatnaam',
  'huisnummer',
  'huisletter',
  'huisnummertoevoeging',
  'postcode',
  'woonplaatsnaam',
  'buurtcode',
  'buurtnaam',
  'wijkcode',
  'gemeentecode',
  'afstand',
  'centroide_ll',
];

const optionalText = z.optional(z.nullable(z.string()));
const AddressDocSchema = z.object({
  straatnaam: z.string(),
  huisnummer: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  huisletter: optionalText,
  huisnummertoevoeging: optionalText,
  postcode: optionalText,
  woonplaatsnaam: optionalText,
  buurtcode: optionalText,
  buurtnaam: optionalText,
  afstand: z.optional(z.nullable(z.number())),
});
const ReverseAnswerSchema = z.object({
  response: z.object({ numFound: z.number(), docs: z.array(z.unknown()) }),
});

/** "12", "12a", "12-2", "12a-bis": number, letter and addition as the BAG writes them. */
function houseNumber(doc: z.infer<typeof AddressDocSchema>): string {
  if (doc.huisnummer === undefined || doc.huisnummer === null) return '';
  const addition = doc.huisnummertoevoeging ? `-${doc.huisnummertoevoeging}` : '';
  return `${doc.huisnummer}${doc.huisletter ?? ''}${addition}`;
}

function orNull(schema: z.ZodMiniType, value: string | null | undefined): string | null {
  return typeof value === 'string' && z.safeParse(schema, value).success ? value : null;
}

/** One PDOK document as the finding's address and buurt; null when it is not an address the domain accepts. */
export function reverseResultOf(doc: unknown): ReverseResult | null {
  const parsed = z.safeParse(AddressDocSchema, doc);
  if (!parsed.success) return null;
  const d = parsed.data;
  const address = z.safeParse(AddressSchema, {
    street: d.straatnaam,
    number: houseNumber(d),
    postcode: orNull(PostcodeSchema, d.postcode),
    place: d.woonplaatsnaam ?? '',
  });
  if (!address.success) return null;
  return {
    address: address.data,
    cbsBuurtCode: orNull(CbsBuurtCodeSchema, d.buurtcode),
    buurtName: d.buurtnaam || null,
    distanceM: d.afstand ?? null,
  };
}

export function createLocatieserver(opts: { fetch: FetchLike; baseUrl?: string; timeoutMs?: number }): Locatieserver {
  const { fetch, baseUrl = LOCATIESERVER_URL, timeoutMs = 8_000 } = opts;
  return {
    async reverse(point, { signal } = {}) {
      const params = new URLSearchParams({ lat: String(point.lat), lon: String(point.lon), type: 'adres', rows: '1', fl: FIELDS.join(' ') });
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), timeoutMs);
      const signals = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
      let body: unknown;
      try {
        const response = await fetch(`${baseUrl}/reverse?${params}`, { signal: signals, headers: { accept: 'application/json' } });
        if (!response.ok) throw new LocatieserverError('http-status', `PDOK answered ${response.status}`, response.status);
        body = await response.json().catch(() => {
          throw new LocatieserverError('bad-answer', 'PDOK answered something that is not JSON');
        });
      } catch (error) {
        if (error instanceof LocatieserverError) throw error;
        // The caller's own abort stays what it is (an AbortError): it asked for it.
        if (signal?.aborted) throw error;
        if (timeout.signal.aborted) throw new LocatieserverError('timeout', `PDOK did not answer within ${timeoutMs} ms`);
        throw new LocatieserverError('network', error instanceof Error ? error.message : 'network error');
      } finally {
        clearTimeout(timer);
      }
      const answer = z.safeParse(ReverseAnswerSchema, body);
      if (!answer.success) throw new LocatieserverError('bad-answer', 'PDOK answered in an unexpected shape');
      const [first] = answer.data.response.docs;
      if (first === undefined) return null;
      const result = reverseResultOf(first);
      if (!result) throw new LocatieserverError('bad-answer', 'PDOK answered an address the domain does not accept');
      return result;
    },
  };
}
