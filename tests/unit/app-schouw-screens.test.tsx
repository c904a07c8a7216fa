/**
 * The schouw screens rendered with the real store (fake-indexeddb) on the
 * tiny DOM of tests/fixtures: taps on the capture screen save one finding
 * and keep updating it; the round shows "foto nog niet verstuurd"; the
 * follow-up writes its history.
 */
// Dexie's liveQuery (useLive) needs a global indexedDB when dexie loads.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { principalOf } from '../../src/app/abilities.ts';
import { AppContext, type AppContextValue } from '../../src/app/context.ts';
import { nl } from '../../src/app/i18n/nl.ts';
import { createT } from '../../src/app/i18n/translate.ts';
import { FindingCapture } from '../../src/app/schouw/FindingCapture.tsx';
import { FindingDetail } from '../../src/app/schouw/FindingDetail.tsx';
import { RoundScreen } from '../../src/app/schouw/RoundScreen.tsx';
import type { Config, Store } from '../../src/store/store.ts';
import { activityInput, manualClock, openTestStore } from '../fixtures/factories.ts';
import { FakeDocument, FakeElement, byTestId, eventually, findAll, textOf } from '../fixtures/tiny-dom.ts';

// The place step is another module's (GPS, map, address search): here it only passes a place on.
vi.mock('../../src/app/place/PlaceField.tsx', () => ({
  PlaceField: (props: { onChange(next: unknown): void }) => (
    <button type="button" data-testid="place-stub" onClick={() => props.onChange({ location: { lat: 51.86, lon: 4.66, accuracyM: 6, source: 'gps' }, address: null })}>
      plek
    </button>
  ),
}));

const ANNA = 'user-anna';
const TEAM = 'schouwgroep-oranjebuurt';
const START = new Date(2026, 4, 14, 10, 0).getTime();
const CONFIG: Config = {
  id: 'alblasserdam',
  name: 'Alblasserdam',
  buurten: [{ id: 'oranjebuurt', name: 'Oranjebuurt' }],
  partners: [
    { id: 'gemeente', name: 'Gemeente Alblasserdam', kind: 'municipality' },
    { id: 'woonkracht10', name: 'Woonkracht10', kind: 'housingCorporation' },
  ],
  themes: [],
  activityTypes: [],
  projects: [],
  teams: [],
};

const mounted: FakeElement[] = [];
const stores: Store[] = [];

afterEach(() => {
  for (const root of mounted.splice(0)) render(null, root as unknown as Element);
  for (const store of stores.splice(0)) store.close();
  vi.unstubAllGlobals();
});

async function setUp() {
  const clock = manualClock(START, 1);
  const store = await openTestStore({ now: clock.now });
  stores.push(store);
  const doc = new FakeDocument({ navigator: { onLine: false }, addEventListener() {}, removeEventListener() {}, print() {} });
  vi.stubGlobal('document', doc);
  const announce = vi.fn();
  const me = { userId: ANNA, tenantId: 'alblasserdam', role: 'volunteer' as const, buurtIds: [], teamIds: [TEAM] };
  const context = {
    store,
    config: CONFIG,
    me,
    principal: principalOf(me),
    lang: 'nl',
    t: createT(nl),
    now: clock.now,
    announce,
    navigate: () => {},
    api: () => Promise.reject(new Error('offline')),
    platform: { document: doc },
  } as unknown as AppContextValue;
  const show = (screen: preact.VNode) => {
    const root = doc.createElement('main');
    doc.body.appendChild(root);
    mounted.push(root);
    render(<AppContext.Provider value={context}>{screen}</AppContext.Provider>, root as unknown as Element);
    return root;
  };
  const round = await store.createActivity(activityInput({ type: 'schouw', title: 'Voorjaarsschouw', teamId: TEAM }));
  return { store, show, announce, round };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Like `eventually`, for a check that reads the store. */
async function until(check: () => Promise<void>, ms = 3_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - started > ms) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

const choice = (root: FakeElement, step: string, value: string) =>
  findAll(byTestId(root, step)[0] as FakeElement, (el) => el.localName === 'button' && el.getAttribute('data-value') === value)[0] as FakeElement;
const values = (root: FakeElement, step: string) => findAll(byTestId(root, step)[0] as FakeElement, (el) => el.localName === 'button').map((el) => el.getAttribute('data-value'));

describe('capturing a finding on the screen', () => {
  it('saves as soon as element and aspect are chosen, and later taps update the same finding', async () => {
    const { store, show, announce, round } = await setUp();
    const root = show(<FindingCapture activityId={round} findingId={null} />);
    await eventually(() => expect(byTestId(root, 'step-element')).toHaveLength(1));

    choice(root, 'step-element', 'litterBin').click();
    await eventually(() => expect(choice(root, 'step-element', 'litterBin').getAttribute('aria-pressed')).toBe('true'));
    expect(await store.listFindings({ schouwId: round })).toEqual([]);
    expect(textOf(byTestId(root, 'capture-status')[0] as FakeElement)).toContain('Nog niet bewaard');

    choice(root, 'step-aspect', 'binFull').click();
    await until(async () => expect(announce).toHaveBeenCalledWith('Bevinding opgeslagen op dit toestel'));
    const [created] = await store.listFindings({ schouwId: round });
    expect(created).toMatchObject({ element: 'litterBin', aspect: 'binFull', level: null, createdBy: ANNA });

    choice(root, 'step-level', 'C').click();
    byTestId(root, 'place-stub')[0]!.click();
    await until(async () => expect(await store.getFinding(created!.id)).toMatchObject({ level: 'C', location: { accuracyM: 6 } }));
    expect(await store.listFindings({ schouwId: round })).toHaveLength(1);
    expect(textOf(byTestId(root, 'capture-status')[0] as FakeElement)).toContain('Bevinding opgeslagen op dit toestel');
  });

  it('offers the levels of the round’s method, and none for free notes', async () => {
    const { store, show, round } = await setUp();
    await store.updateSchouw(round, { method: 'goodBadPlus' });
    const root = show(<FindingCapture activityId={round} findingId={null} />);
    await eventually(() => expect(values(root, 'step-level')).toEqual(['good', 'bad', 'plus']));

    await store.updateSchouw(round, { method: 'free' });
    await eventually(() => expect(byTestId(root, 'step-level')).toHaveLength(0));
    expect(byTestId(root, 'step-aspect')).toHaveLength(1);
  });
});

describe('the round', () => {
  it('marks a finding whose photo is still only on this phone', async () => {
    const { store, show, round } = await setUp();
    const hash = 'a'.repeat(64);
    await store.addPhoto({ blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 1])], { type: 'image/jpeg' }), sha256: hash, type: 'image/jpeg' });
    await store.createFinding({ schouwId: round, element: 'tree', aspect: 'damage', photos: [hash] }, ANNA);
    await store.createFinding({ schouwId: round, element: 'grass', aspect: 'opportunity' }, ANNA);
    const root = show(<RoundScreen activityId={round} />);
    await eventually(() => expect(byTestId(root, 'finding-card')).toHaveLength(2));
    const cards = byTestId(root, 'finding-card');
    expect(textOf(cards[0] as FakeElement)).toContain('foto nog niet verstuurd');
    expect(textOf(cards[1] as FakeElement)).not.toContain('foto nog niet verstuurd');
    expect(textOf(cards[1] as FakeElement)).toContain('Kans');

    await store.markPhotoSent(hash);
    await eventually(() => expect(byTestId(root, 'photo-unsent')).toHaveLength(0));
  });
});

describe('following a finding up', () => {
  it('saves a new status with a note, and lists it in the history as yours', async () => {
    const { store, show, round } = await setUp();
    const id = await store.createFinding({ schouwId: round, element: 'streetLighting', aspect: 'lightOut' }, ANNA);
    const root = show(<FindingDetail id={id} />);
    await eventually(() => expect(byTestId(root, 'status-change')).toHaveLength(1));
    const form = byTestId(root, 'status-change')[0] as FakeElement;
    const reported = findAll(form, (el) => el.localName === 'input' && el.getAttribute('value') === 'reported')[0] as FakeElement;
    const textarea = () => findAll(form, (el) => el.localName === 'textarea')[0] as FakeElement;
    // A person's taps come one render apart.
    reported.dispatch('change');
    await tick();
    textarea().value = 'Gemeld in FIXI';
    textarea().dispatch('input');
    await tick();
    form.dispatch('submit');
    await tick();

    await until(async () => expect(await store.getFinding(id)).toMatchObject({ status: 'reported' }));
    const [entry] = await store.getFindingHistory(id);
    expect(entry).toMatchObject({ from: 'new', to: 'reported', note: 'Gemeld in FIXI', by: ANNA });
    await eventually(() => expect(byTestId(root, 'history')).toHaveLength(1));
    expect(textOf(byTestId(root, 'history')[0] as FakeElement)).toContain('Nieuw → Gemeld');
    expect(byTestId(root, 'history-who').map(textOf)).toEqual(['jij']);
  });
});
