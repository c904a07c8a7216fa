import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocatieserver } from '../../src/app/place/pdok.ts';
import { lookUpMissingPlaces } from '../../src/app/place/use-place-lookup.ts';
import type { Location } from '../../src/domain/fields.ts';
import { activityInput, openTestStore, type TestStore } from '../fixtures/factories.ts';
import { DEVICE_A } from '../fixtures/fixed.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/pdok');
const recorded = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));

const ALBLASSERDAM: Location = { lat: 51.86563, lon: 4.65919, accuracyM: 12, source: 'gps' };
const RIDDERKERK: Location = { lat: 51.87214, lon: 4.60309, source: 'map' };
const POLDER: Location = { lat: 51.85, lon: 4.7, accuracyM: 30, source: 'gps' };

/** PDOK as recorded: an answer per point, or a failure; counts what was asked. */
function fakePdok(answers: Record<string, 'network' | 503 | string>) {
  const asked: string[] = [];
  const fetch = async (url: string) => {
    const params = new URL(url).searchParams;
    const key = `${params.get('lat')},${params.get('lon')}`;
    asked.push(key);
    const answer = answers[key] ?? 'reverse-empty';
    if (answer === 'network') throw new TypeError('Failed to fetch');
    if (answer === 503) return { ok: false, status: 503, json: async () => ({}) };
    return { ok: true, status: 200, json: async () => recorded(answer) };
  };
  return { locatieserver: createLocatieserver({ fetch }), asked };
}
const key = (l: Location) => `${l.lat},${l.lon}`;

async function roundWith(
  store: TestStore,
  places: Array<{ location: Location | null; address?: { street: string; number: string; postcode: string | null; place: string } }>,
) {
  const schouwId = await store.ui.activities.create(activityInput({ title: 'Voorjaarsschouw Centrum' }));
  const ids: string[] = [];
  for (const place of places) {
    ids.push(
      await store.ui.schouw.createFinding(
        { schouwId, element: 'litterBin', aspect: 'binFull', location: place.location, address: place.address ?? null },
        DEVICE_A,
      ),
    );
  }
  return ids;
}

describe('looking up the address of findings placed offline', () => {
  it('writes address and CBS buurt to findings with a point and no address', async () => {
    const store = await openTestStore();
    const [alblasserdam, ridderkerk] = await roundWith(store, [{ location: ALBLASSERDAM }, { location: RIDDERKERK }]);
    const pdok = fakePdok({ [key(ALBLASSERDAM)]: 'reverse-alblasserdam', [key(RIDDERKERK)]: 'reverse-ridderkerk' });

    const outcome = await lookUpMissingPlaces({ store: store.ui.schouw, locatieserver: pdok.locatieserver, skip: new Set() });

    expect(outcome).toEqual({ updated: 2, noAddress: 0, failed: 0, remaining: 0, isUnreachable: false });
    expect(await store.ui.schouw.getFinding(alblasserdam ?? '')).toMatchObject({
      location: ALBLASSERDAM,
      address: { street: 'Cortgene', number: '2', postcode: '2951EB', place: 'Alblasserdam' },
      cbsBuurtCode: 'BU04820003',
      syncState: 'local',
    });
    expect((await store.ui.schouw.getFinding(ridderkerk ?? ''))?.cbsBuurtCode).toBe('BU05970101');
    // A local write like any other: it goes to the server through the outbox.
    const changes = (await store.ui.outbox.exportUnsent()).changes.filter((c) => c.recordId === alblasserdam);
    expect(changes.at(-1)?.mutation.fields).toHaveProperty('cbsBuurtCode');
  });

  it('leaves typed addresses and findings without a point alone', async () => {
    const store = await openTestStore();
    await roundWith(store, [
      { location: null },
      { location: ALBLASSERDAM, address: { street: 'Dam', number: 'tegenover 3', postcode: null, place: 'Alblasserdam' } },
    ]);
    const pdok = fakePdok({});
    expect((await lookUpMissingPlaces({ store: store.ui.schouw, locatieserver: pdok.locatieserver, skip: new Set() })).updated).toBe(0);
    expect(pdok.asked).toEqual([]);
  });

  it('asks about a few at a time, one after the other', async () => {
    const store = await openTestStore();
    await roundWith(store, [{ location: ALBLASSERDAM }, { location: RIDDERKERK }, { location: ALBLASSERDAM }]);
    const pdok = fakePdok({ [key(ALBLASSERDAM)]: 'reverse-alblasserdam', [key(RIDDERKERK)]: 'reverse-ridderkerk' });
    const first = await lookUpMissingPlaces({ store: store.ui.schouw, locatieserver: pdok.locatieserver, skip: new Set(), limit: 2 });
    expect(first).toMatchObject({ updated: 2, remaining: 1 });
    const second = await lookUpMissingPlaces({ store: store.ui.schouw, locatieserver: pdok.locatieserver, skip: new Set(), limit: 2 });
    expect(second).toMatchObject({ updated: 1, remaining: 0 });
    expect(pdok.asked).toHaveLength(3);
  });

  it('does not ask again this session about a point PDOK has no address for, or answered with an error', async () => {
    const store = await openTestStore();
    await roundWith(store, [{ location: POLDER }, { location: RIDDERKERK }]);
    const pdok = fakePdok({ [key(POLDER)]: 'reverse-empty', [key(RIDDERKERK)]: 503 });
    const skip = new Set<string>();
    expect(await lookUpMissingPlaces({ store: store.ui.schouw, locatieserver: pdok.locatieserver, skip })).toEqual({
      updated: 0,
      noAddress: 1,
      failed: 1,
      remaining: 0,
      isUnreachable: false,
    });
    await lookUpMissingPlaces({ store: store.ui.schouw, locatieserver: pdok.locatieserver, skip });
    expect(pdok.asked).toHaveLength(2);
  });

  it('stops the run when PDOK cannot be reached, and tries again next time', async () => {
    const store = await openTestStore();
    await roundWith(store, [{ location: ALBLASSERDAM }, { location: RIDDERKERK }]);
    const answers: Record<string, 'network' | string> = { [key(ALBLASSERDAM)]: 'network', [key(RIDDERKERK)]: 'network' };
    const pdok = fakePdok(answers);
    const skip = new Set<string>();
    expect(await lookUpMissingPlaces({ store: store.ui.schouw, locatieserver: pdok.locatieserver, skip })).toEqual({
      updated: 0,
      noAddress: 0,
      failed: 0,
      remaining: 2,
      isUnreachable: true,
    });
    expect(pdok.asked).toHaveLength(1);
    answers[key(ALBLASSERDAM)] = 'reverse-alblasserdam';
    answers[key(RIDDERKERK)] = 'reverse-ridderkerk';
    expect((await lookUpMissingPlaces({ store: store.ui.schouw, locatieserver: pdok.locatieserver, skip })).updated).toBe(2);
  });

  it('never overwrites an address typed while PDOK was answering', async () => {
    const store = await openTestStore();
    const [id = ''] = await roundWith(store, [{ location: ALBLASSERDAM }]);
    const typed = { street: 'Cortgene', number: 'bij de ingang', postcode: null, place: 'Alblasserdam' };
    const slow = createLocatieserver({
      fetch: async () => {
        await store.ui.schouw.updateFinding(id, { address: typed });
        return { ok: true, status: 200, json: async () => recorded('reverse-alblasserdam') };
      },
    });
    expect((await lookUpMissingPlaces({ store: store.ui.schouw, locatieserver: slow, skip: new Set() })).updated).toBe(0);
    expect((await store.ui.schouw.getFinding(id))?.address).toEqual(typed);
  });

  it('skips findings the person may not change', async () => {
    const store = await openTestStore();
    await roundWith(store, [{ location: ALBLASSERDAM }]);
    const pdok = fakePdok({ [key(ALBLASSERDAM)]: 'reverse-alblasserdam' });
    expect((await lookUpMissingPlaces({ store: store.ui.schouw, locatieserver: pdok.locatieserver, skip: new Set(), mayUpdate: () => false })).updated).toBe(0);
    expect(pdok.asked).toEqual([]);
  });
});
