// Dexie's liveQuery (useLive) needs a global indexedDB when dexie loads.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppContext, type AppContextValue } from '../../src/app/context.ts';
import { nl } from '../../src/app/i18n/nl.ts';
import { createT } from '../../src/app/i18n/translate.ts';
import { OpenFindings } from '../../src/app/report/OpenFindings.tsx';
import { ReportScreen } from '../../src/app/report/ReportScreen.tsx';
import { FeedbackScreen } from '../../src/app/report/FeedbackScreen.tsx';
import type { Config, Store } from '../../src/store/store.ts';
import { activityInput, manualClock, openTestStore } from '../fixtures/factories.ts';
import { FakeDocument, FakeElement, byTag, byTestId, eventually, findAll, textOf } from '../fixtures/tiny-dom.ts';

// The map is another module's concern (and draws tiles): here it only has to receive the points.
vi.mock('../../src/app/place/MapView.tsx', () => ({
  MapView: (props: { points: ReadonlyArray<{ label: string }> }) => (
    <div data-testid="map" data-labels={props.points.map((p) => p.label).join(',')} />
  ),
}));

const DAY = 24 * 60 * 60 * 1000;
const START = new Date(2026, 4, 14, 10, 0).getTime();

const CONFIG: Config = {
  id: 'alblasserdam',
  name: 'Alblasserdam',
  buurten: [
    { id: 'oranjebuurt', name: 'Oranjebuurt' },
    { id: 'schildersbuurt', name: 'Schildersbuurt' },
  ],
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
  const clock = manualClock(START);
  const store = await openTestStore({ now: clock.now });
  stores.push(store);
  const print = vi.fn();
  // Offline: photos not on this phone say so instead of being fetched.
  const doc = new FakeDocument({ navigator: { onLine: false }, addEventListener() {}, removeEventListener() {}, print });
  vi.stubGlobal('document', doc);
  const announce = vi.fn();
  const context = {
    store,
    config: CONFIG,
    lang: 'nl',
    t: createT(nl),
    now: () => START + 30 * DAY,
    announce,
    navigate: () => {},
    platform: { document: doc },
  } as unknown as AppContextValue;
  const show = (screen: preact.VNode) => {
    const root = doc.createElement('main');
    doc.body.appendChild(root);
    mounted.push(root);
    render(<AppContext.Provider value={context}>{screen}</AppContext.Provider>, root as unknown as Element);
    return root;
  };
  return { store, clock, show, print, announce };
}

describe('the schouw report', () => {
  it('shows the score against the target level, the groups by element and aspect, and the action list', async () => {
    const { store, clock, show } = await setUp();
    const round = await store.createActivity(activityInput({ type: 'schouw', title: 'Voorjaarsschouw', date: '2026-05-14' }));
    await store.updateSchouw(round, { targetLevel: 'B' });
    await store.bumpSchouwCount(round, 'residents', 1);
    await store.bumpSchouwCount(round, 'residents', 1);
    await store.bumpSchouwCount(round, 'partner:gemeente', 1);
    const add = async (input: Omit<Parameters<Store['createFinding']>[0], 'schouwId'>) => {
      clock.advance(60_000);
      return store.createFinding({ schouwId: round, ...input }, 'user-1');
    };
    await add({ element: 'tree', aspect: 'damage', level: 'C', location: { lat: 51.86, lon: 4.66, source: 'gps' }, action: 'reportFixi', responsiblePartnerId: 'gemeente', meldingNumber: 'F-42' });
    await add({ element: 'pavement', aspect: 'loosePaving', level: 'A', note: 'Netjes', action: 'none' });
    await add({ element: 'tree', aspect: 'damage', level: 'B', photos: ['a'.repeat(64)] });
    await add({ element: 'tree', aspect: 'litterFine', level: null });
    await add({ element: 'grass', aspect: 'bare', level: 'D', location: { lat: 51.861, lon: 4.661, source: 'map' } });

    const root = show(<ReportScreen activityId={round} />);
    await eventually(() => expect(byTestId(root, 'report-score')).toHaveLength(1));

    expect(textOf(byTag(root, 'h1')[0] as FakeElement)).toBe('Schouwrapport: Voorjaarsschouw');
    expect(textOf(byTestId(root, 'report-score')[0] as FakeElement)).toBe('2 van 4 beoordeelde bevindingen (50 %) voldoen aan ambitieniveau B');
    expect(textOf(root)).toContain('3 in totaal (bewoners: 2, Gemeente Alblasserdam: 1)');

    // Element headings (h3) in the capture form's order, aspects (h4) under them.
    expect(byTag(root, 'h3').map(textOf)).toEqual(['Stoep en bestrating', 'Gras', 'Boom en boomspiegel']);
    expect(byTag(root, 'h4').map(textOf)).toEqual([
      'Losliggende tegels (1 bevinding)',
      'Kale plekken (1 bevinding)',
      'Zwerfafval, fijn (tot 10 cm) (1 bevinding)',
      'Beschadigd (2 bevindingen)',
    ]);
    const findings = byTestId(root, 'report-finding').map(textOf);
    expect(findings).toHaveLength(5);
    expect(findings[4]).toContain('Nr. 3 Boom en boomspiegel — Beschadigd');
    expect(findings[4]).toContain('B (basis) — voldoet aan het ambitieniveau');
    // Not on this phone and no connection: said in words, in the photo's place.
    await eventually(() => expect(textOf(byTestId(root, 'report-finding')[4] as FakeElement)).toContain('Foto niet beschikbaar op dit toestel'));
    expect(findAll(root, (el) => el.localName === 'img').every((img) => img.hasAttribute('alt'))).toBe(true);

    // Only the two placed findings are on the map, by their numbers.
    expect(byTestId(root, 'map')[0]?.getAttribute('data-labels')).toBe('1,5');
    expect(textOf(root)).toContain('3 bevindingen hebben geen plek en staan niet op de kaart.');

    // The action list: the FIXI melding only ("none" is no action).
    const table = findAll(root, (el) => el.localName === 'table' && textOf(el).startsWith('Bevindingen met een actie'))[0] as FakeElement;
    const rows = byTag(table, 'tr')
      .slice(1)
      .map((row) => findAll(row, (el) => el.localName === 'th' || el.localName === 'td').map(textOf));
    expect(rows).toEqual([
      ['1', 'Boom en boomspiegel — Beschadigd51,86000 NB, 4,66000 OL', 'Melden in FIXI', 'Gemeente Alblasserdam', 'F-42Nog niet gemeld', 'Nieuw'],
    ]);
    expect(byTag(table, 'th').every((th) => th.hasAttribute('scope'))).toBe(true);
  });

  it('prints and downloads from its buttons', async () => {
    const { store, show, print, announce } = await setUp();
    const round = await store.createActivity(activityInput({ type: 'schouw', date: '2026-05-14' }));
    await store.createFinding({ schouwId: round, element: 'drain', aspect: 'other' }, 'user-1');
    const created: Blob[] = [];
    vi.stubGlobal('URL', { createObjectURL: (blob: Blob) => (created.push(blob), 'blob:x'), revokeObjectURL: () => {} });
    const root = show(<ReportScreen activityId={round} />);
    await eventually(() => expect(byTestId(root, 'report-finding')).toHaveLength(1));
    const button = (label: string) => byTag(root, 'button').find((b) => textOf(b) === label) as FakeElement;

    button('Afdrukken of opslaan als PDF').click();
    expect(print).toHaveBeenCalledOnce();

    button('CSV downloaden').click();
    expect(announce).toHaveBeenLastCalledWith('Bestand schouw-2026-05-14-oranjebuurt.csv is gedownload');
    const csv = new Uint8Array(await (created[0] as Blob).arrayBuffer());
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    button('GeoJSON downloaden').click();
    expect(announce).toHaveBeenLastCalledWith('Bestand schouw-2026-05-14-oranjebuurt.geojson is gedownload');
    expect(created[1]?.type).toBe('application/geo+json');
    expect(JSON.parse(await (created[1] as Blob).text()).features[0].geometry).toBeNull();
  });

  it('says so when nothing was rated yet', async () => {
    const { store, show } = await setUp();
    const round = await store.createActivity(activityInput({ type: 'schouw' }));
    await store.createFinding({ schouwId: round, element: 'drain', aspect: 'other' }, 'user-1');
    const root = show(<ReportScreen activityId={round} />);
    await eventually(() => expect(textOf(root)).toContain('Nog geen beoordeelde bevindingen: er is geen score.'));
    await store.updateSchouw(round, { method: 'free' });
    await eventually(() => expect(textOf(root)).toContain('Deze schouw gebruikt vrije notities zonder niveau: er is geen score.'));
  });
});

describe('the terugkoppeling for residents', () => {
  it('groups the findings by what came of them, with the reason when it will not be taken up', async () => {
    const { store, show } = await setUp();
    const round = await store.createActivity(activityInput({ type: 'schouw', title: 'Voorjaarsschouw' }));
    const fixed = await store.createFinding({ schouwId: round, element: 'litterBin', aspect: 'binFull', responsiblePartnerId: 'gemeente', action: 'reportFixi' }, 'user-1');
    const dropped = await store.createFinding({ schouwId: round, element: 'hedge', aspect: 'overgrown' }, 'user-1');
    await store.createFinding({ schouwId: round, element: 'drain', aspect: 'other' }, 'user-1');
    await store.setFindingStatus(fixed, { to: 'resolved', note: 'Afvalbak is geleegd en vaker ingepland.', by: 'user-2' });
    await store.setFindingStatus(dropped, { to: 'wontFix', note: 'De haag staat op particulier terrein.', by: 'user-2' });

    const root = show(<FeedbackScreen activityId={round} />);
    await eventually(() => expect(byTestId(root, 'feedback-resolved')).toHaveLength(1));
    const group = (name: string) => textOf(byTestId(root, `feedback-${name}`)[0] as FakeElement);
    expect(group('resolved')).toContain('Afvalbak — Afvalbak vol');
    expect(group('resolved')).toContain('Opgelost · Melden in FIXI');
    expect(group('resolved')).toContain('Gemeente Alblasserdam');
    expect(group('resolved')).toContain('Afvalbak is geleegd en vaker ingepland.');
    expect(group('wontFix')).toContain('RedenDe haag staat op particulier terrein.');
    expect(group('open')).toContain('Kolk en put — Iets anders');
    expect(group('busy')).toContain('Geen bevindingen.');
    expect(textOf(root)).not.toContain('user-2');
  });
});

describe('the open findings', () => {
  async function twoRounds() {
    const setup = await setUp();
    const { store, clock } = setup;
    const spring = await store.createActivity(activityInput({ type: 'schouw', title: 'Voorjaarsschouw', date: '2026-05-14' }));
    const autumn = await store.createActivity(activityInput({ type: 'schouw', title: 'Najaarsschouw', date: '2026-05-28' }));
    const elsewhere = await store.createActivity(activityInput({ type: 'schouw', buurtId: 'schildersbuurt' }));
    const old = await store.createFinding({ schouwId: spring, element: 'tree', aspect: 'damage', responsiblePartnerId: 'gemeente' }, 'user-1');
    const done = await store.createFinding({ schouwId: spring, element: 'grass', aspect: 'bare' }, 'user-1');
    clock.advance(14 * DAY);
    const recent = await store.createFinding({ schouwId: autumn, element: 'litterBin', aspect: 'binFull', responsiblePartnerId: 'woonkracht10' }, 'user-1');
    await store.createFinding({ schouwId: elsewhere, element: 'drain', aspect: 'other' }, 'user-1');
    await store.setFindingStatus(done, { to: 'resolved', by: 'user-2' });
    await store.setFindingStatus(recent, { to: 'reported', by: 'user-2' });
    return { ...setup, spring, autumn, old, recent };
  }

  it('lists a buurt’s open findings over all its rounds, oldest first, with their age', async () => {
    const { show, old, recent } = await twoRounds();
    const root = show(<OpenFindings activityId={null} buurtId="oranjebuurt" />);
    await eventually(() => expect(byTestId(root, 'open-finding')).toHaveLength(2));
    expect(textOf(byTag(root, 'h1')[0] as FakeElement)).toBe('Open bevindingen in Oranjebuurt');
    const rows = byTestId(root, 'open-finding');
    expect(byTag(rows[0] as FakeElement, 'a')[0]?.getAttribute('href')).toBe(`#/bevinding/${old}`);
    expect(textOf(rows[0] as FakeElement)).toContain('4 weken open · Nieuw');
    expect(textOf(rows[0] as FakeElement)).toContain('Voorjaarsschouw');
    expect(byTag(rows[1] as FakeElement, 'a')[0]?.getAttribute('href')).toBe(`#/bevinding/${recent}`);
    expect(textOf(rows[1] as FakeElement)).toContain('2 weken open · Gemeld');
    expect(textOf(byTestId(root, 'status-counts')[0] as FakeElement)).toBe('Nieuw1Gemeld1In behandeling0Opgelost1Wordt niet opgepakt0');
  });

  it('filters by responsible partner and by status', async () => {
    const { show, old } = await twoRounds();
    const root = show(<OpenFindings activityId={null} buurtId="oranjebuurt" />);
    await eventually(() => expect(byTestId(root, 'open-finding')).toHaveLength(2));
    const select = (id: string) => findAll(root, (el) => el.getAttribute('id') === id)[0] as FakeElement;

    select('open-partner').value = 'partner:gemeente';
    select('open-partner').dispatch('change');
    await eventually(() => expect(byTestId(root, 'open-finding')).toHaveLength(1));
    expect(byTag(byTestId(root, 'open-finding')[0] as FakeElement, 'a')[0]?.getAttribute('href')).toBe(`#/bevinding/${old}`);

    select('open-status').value = 'reported';
    select('open-status').dispatch('change');
    await eventually(() => expect(textOf(root)).toContain('Geen open bevindingen met deze filters.'));
  });

  it('lists one round’s open findings only', async () => {
    const { show, autumn, recent } = await twoRounds();
    const root = show(<OpenFindings activityId={autumn} buurtId={null} />);
    await eventually(() => expect(byTestId(root, 'open-finding')).toHaveLength(1));
    expect(textOf(byTag(root, 'h1')[0] as FakeElement)).toBe('Open bevindingen: Najaarsschouw');
    expect(byTag(byTestId(root, 'open-finding')[0] as FakeElement, 'a')[0]?.getAttribute('href')).toBe(`#/bevinding/${recent}`);
  });

  it('lets the wijkbeheerder choose a buurt, with the open findings on this device per buurt', async () => {
    const { show } = await twoRounds();
    const root = show(<OpenFindings activityId={null} buurtId={null} />);
    await eventually(() => expect(textOf(root)).toContain('2 open bevindingen'));
    const links = findAll(root, (el) => el.localName === 'a' && (el.getAttribute('href') ?? '').startsWith('#/bevindingen/'));
    expect(links.map((a) => [a.getAttribute('href'), textOf(a)])).toEqual([
      ['#/bevindingen/oranjebuurt', 'Oranjebuurt2 open bevindingen'],
      ['#/bevindingen/schildersbuurt', 'Schildersbuurt1 open bevinding'],
    ]);
  });
});
