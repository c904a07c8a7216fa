import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocatieserver, LocatieserverError, reverseResultOf } from '../../src/app/place/pdok.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/pdok');
const recorded = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));

/** A fetch that answers from a recording and remembers what was asked; never the network. */
function answering(respond: () => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>) {
  const asked: string[] = [];
  const fetch = async (url: string) => {
    asked.push(url);
    return respond();
  };
  return { fetch, asked };
}
const json =
  (body: unknown, status = 200) =>
  async () => ({ ok: status >= 200 && status < 300, status, json: async () => body });

async function failureOf(promise: Promise<unknown>): Promise<LocatieserverError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LocatieserverError);
  return error as LocatieserverError;
}

describe('the nearest address from PDOK Locatieserver', () => {
  it('asks the reverse endpoint for one address near the point, with the fields it needs', async () => {
    const { fetch, asked } = answering(json(recorded('reverse-alblasserdam')));
    await createLocatieserver({ fetch }).reverse({ lat: 51.86563, lon: 4.65919 });
    const url = new URL(asked[0] ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('https://api.pdok.nl/bzk/locatieserver/search/v3_1/reverse');
    expect(url.searchParams.get('lat')).toBe('51.86563');
    expect(url.searchParams.get('lon')).toBe('4.65919');
    expect(url.searchParams.get('type')).toBe('adres');
    expect(url.searchParams.get('rows')).toBe('1');
    expect(url.searchParams.get('fl')?.split(' ')).toEqual(
      expect.arrayContaining(['straatnaam', 'huisnummer', 'postcode', 'woonplaatsnaam', 'buurtcode', 'afstand']),
    );
    // v3.1 refuses parameters outside its OpenAPI description.
    expect([...url.searchParams.keys()].sort()).toEqual(['fl', 'lat', 'lon', 'rows', 'type']);
  });

  it('reads an address and CBS buurt in Alblasserdam', async () => {
    const { fetch } = answering(json(recorded('reverse-alblasserdam')));
    expect(await createLocatieserver({ fetch }).reverse({ lat: 51.86563, lon: 4.65919 })).toEqual({
      address: { street: 'Cortgene', number: '2', postcode: '2951EB', place: 'Alblasserdam' },
      cbsBuurtCode: 'BU04820003',
      buurtName: 'Centrum',
      distanceM: 12.4,
    });
  });

  it('writes house letter and addition as the BAG does (Ridderkerk)', async () => {
    const { fetch } = answering(json(recorded('reverse-ridderkerk')));
    const found = await createLocatieserver({ fetch }).reverse({ lat: 51.87214, lon: 4.60309 });
    expect(found?.address).toEqual({ street: 'Koningsplein', number: '1a-2', postcode: '2981EA', place: 'Ridderkerk' });
    expect(found?.cbsBuurtCode).toBe('BU05970101');
  });

  it('says null when there is no address near the point', async () => {
    const { fetch } = answering(json(recorded('reverse-empty')));
    expect(await createLocatieserver({ fetch }).reverse({ lat: 51.9, lon: 4.7 })).toBeNull();
  });

  it('uses another base address when told', async () => {
    const { fetch, asked } = answering(json(recorded('reverse-empty')));
    await createLocatieserver({ fetch, baseUrl: 'https://example.test/ls' }).reverse({ lat: 51.9, lon: 4.7 });
    expect(asked[0]).toMatch(/^https:\/\/example\.test\/ls\/reverse\?/);
  });

  it('drops a buurtcode or postcode that is not one, and keeps the address', () => {
    const doc = { straatnaam: 'Dam', huisnummer: 1, postcode: 'XYZ', woonplaatsnaam: 'Alblasserdam', buurtcode: 'WK048200', afstand: 3 };
    expect(reverseResultOf(doc)).toEqual({
      address: { street: 'Dam', number: '1', postcode: null, place: 'Alblasserdam' },
      cbsBuurtCode: null,
      buurtName: null,
      distanceM: 3,
    });
  });
});

describe('when PDOK cannot help', () => {
  it('fails with network when the request does not get through', async () => {
    const fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect((await failureOf(createLocatieserver({ fetch }).reverse({ lat: 51.9, lon: 4.7 }))).reason).toBe('network');
  });

  it('fails with http-status on an error answer', async () => {
    const { fetch } = answering(json({ message: 'Service Unavailable' }, 503));
    const error = await failureOf(createLocatieserver({ fetch }).reverse({ lat: 51.9, lon: 4.7 }));
    expect(error.reason).toBe('http-status');
    expect(error.status).toBe(503);
  });

  it('fails with bad-answer on something that is not JSON', async () => {
    const fetch = async () => ({ ok: true, status: 200, json: async () => JSON.parse('<html>Onderhoud</html>') as unknown });
    expect((await failureOf(createLocatieserver({ fetch }).reverse({ lat: 51.9, lon: 4.7 }))).reason).toBe('bad-answer');
  });

  it.each([
    ['an unexpected shape', { docs: [] }],
    ['docs that are no address', { response: { numFound: 1, docs: [{ weergavenaam: 'Alblasserdam', type: 'woonplaats' }] } }],
    ['a street name too long for the domain', { response: { numFound: 1, docs: [{ straatnaam: 'x'.repeat(121), huisnummer: 1 }] } }],
    ['null', null],
  ])('fails with bad-answer on %s', async (_name, body) => {
    const { fetch } = answering(json(body));
    expect((await failureOf(createLocatieserver({ fetch }).reverse({ lat: 51.9, lon: 4.7 }))).reason).toBe('bad-answer');
  });

  it('gives up with timeout when PDOK does not answer in time', async () => {
    const fetch = (_url: string, init?: { signal?: AbortSignal }) =>
      new Promise<never>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect((await failureOf(createLocatieserver({ fetch, timeoutMs: 10 }).reverse({ lat: 51.9, lon: 4.7 }))).reason).toBe('timeout');
  });

  it('stays silent about an abort the caller asked for', async () => {
    const fetch = (_url: string, init?: { signal?: AbortSignal }) =>
      new Promise<never>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const controller = new AbortController();
    const pending = createLocatieserver({ fetch }).reverse({ lat: 51.9, lon: 4.7 }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
