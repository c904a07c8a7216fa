// @vitest-environment happy-dom
// Dexie's liveQuery (useLive) needs a global indexedDB when dexie loads.
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { OpenFindings } from '../../src/app/report/OpenFindings.tsx';
import { ReportScreen } from '../../src/app/report/ReportScreen.tsx';
import { FeedbackScreen } from '../../src/app/report/FeedbackScreen.tsx';
import { partnerCounterKey } from '../../src/domain/schouw.ts';
import type { FindingInput } from '../../src/store/schouw-store.ts';
import { activityInput, manualClock } from '../fixtures/factories.ts';
import { cleanupApps, openApp } from '../fixtures/render-app.tsx';

// The map is another module's concern (and draws tiles): here it only has to receive the points.
vi.mock('../../src/app/place/MapView.tsx', () => ({
  MapView: (props: { points: ReadonlyArray<{ label: string }> }) => <div data-testid="map" data-labels={props.points.map((p) => p.label).join(',')} />,
}));

const DAY = 24 * 60 * 60 * 1000;
const START = new Date(2026, 4, 14, 10, 0).getTime();

afterEach(() => {
  cleanupApps();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function setUp() {
  const clock = manualClock(START);
  // Offline: photos not on this phone say so instead of being fetched.
  const app = await openApp({ clock: clock.now, now: () => START + 30 * DAY, online: false });
  return { ...app, clock };
}

/** Text with runs of white space made single, as a reader hears it. */
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The report's findings: each a list item headed by its number, which links to the finding. */
const reportFindings = () => screen.getAllByRole('link', { name: /^Nr\. \d+$/ }).map((a) => a.closest('li') as HTMLElement);
/** The open findings: each a list item with a heading that links to the finding. */
const openRows = () => screen.queryAllByRole('listitem').filter((li) => within(li).queryByRole('heading', { level: 2 }) !== null);
const linkOf = (row: HTMLElement) =>
  within(within(row).getByRole('heading', { level: 2 }))
    .getByRole('link')
    .getAttribute('href');

describe('the schouw report', () => {
  it('shows the score against the target level, the groups by element and aspect, and the action list', async () => {
    const { store, clock, render } = await setUp();
    const round = await store.ui.activities.create(activityInput({ type: 'schouw', title: 'Voorjaarsschouw', date: '2026-05-14' }));
    await store.ui.schouw.updateRound(round, { targetLevel: 'B' });
    await store.ui.schouw.bump(round, 'residents', 1);
    await store.ui.schouw.bump(round, 'residents', 1);
    await store.ui.schouw.bump(round, partnerCounterKey('gemeente'), 1);
    const add = async (input: Omit<FindingInput, 'schouwId'>) => {
      clock.advance(60_000);
      return store.ui.schouw.createFinding({ schouwId: round, ...input }, 'user-1');
    };
    await add({
      element: 'tree',
      aspect: 'damage',
      level: 'C',
      location: { lat: 51.86, lon: 4.66, source: 'gps' },
      action: 'reportFixi',
      responsiblePartnerId: 'gemeente',
      meldingNumber: 'F-42',
    });
    await add({ element: 'pavement', aspect: 'loosePaving', level: 'A', note: 'Netjes', action: 'none' });
    await add({ element: 'tree', aspect: 'damage', level: 'B', photos: ['a'.repeat(64)] });
    await add({ element: 'tree', aspect: 'litterFine', level: null });
    await add({ element: 'grass', aspect: 'bare', level: 'D', location: { lat: 51.861, lon: 4.661, source: 'map' } });

    render(<ReportScreen activityId={round} />);
    const score = await screen.findByRole('region', { name: 'Score' });

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Schouwrapport: Voorjaarsschouw');
    expect(text(within(score).getByText(/beoordeelde bevindingen/))).toBe('2 van 4 beoordeelde bevindingen (50 %) voldoen aan ambitieniveau B');
    expect(text(screen.getByText('Deelnemers').nextElementSibling)).toBe('3 in totaal (bewoners: 2, Gemeente Alblasserdam: 1)');

    // Element headings (h3) in the capture form's order, aspects (h4) under them.
    expect(screen.getAllByRole('heading', { level: 3 }).map(text)).toEqual(['Stoep en bestrating', 'Gras', 'Boom en boomspiegel']);
    expect(screen.getAllByRole('heading', { level: 4 }).map(text)).toEqual([
      'Losliggende tegels (1 bevinding)',
      'Kale plekken (1 bevinding)',
      'Zwerfafval, fijn (tot 10 cm) (1 bevinding)',
      'Beschadigd (2 bevindingen)',
    ]);
    // Each element group is a region named by its heading.
    expect(
      within(screen.getByRole('region', { name: 'Boom en boomspiegel' }))
        .getAllByRole('link', { name: /^Nr\. / })
        .map(text),
    ).toEqual(['Nr. 4', 'Nr. 1', 'Nr. 3']);
    const findings = reportFindings().map(text);
    expect(findings).toHaveLength(5);
    expect(findings[4]).toContain('Nr. 3 Boom en boomspiegel — Beschadigd');
    expect(findings[4]).toContain('B (basis) — voldoet aan het ambitieniveau');
    // Not on this phone and no connection: said in words, in the photo's place.
    await waitFor(() => expect(text(reportFindings()[4])).toContain('Foto niet beschikbaar op dit toestel'));
    expect(within(reportFindings()[4]!).getByRole('list', { name: 'Foto’s' })).toBeTruthy();
    expect([...document.querySelectorAll('img')].every((img) => img.hasAttribute('alt'))).toBe(true);

    // Only the two placed findings are on the map, by their numbers.
    expect(
      within(screen.getByRole('region', { name: 'Overzichtskaart' }))
        .getByTestId('map')
        .getAttribute('data-labels'),
    ).toBe('1,5');
    expect(screen.getByText('3 bevindingen hebben geen plek en staan niet op de kaart.')).toBeTruthy();

    // The action list: the FIXI melding only ("none" is no action).
    const table = screen.getByRole('table', { name: /^Bevindingen met een actie/ });
    const [head, ...rows] = within(table).getAllByRole('row');
    expect(within(head!).getAllByRole('columnheader').map(text)).toHaveLength(6);
    expect(rows.map((row) => [...row.children].map(text))).toEqual([
      ['1', 'Boom en boomspiegel — Beschadigd51,86000 NB, 4,66000 OL', 'Melden in FIXI', 'Gemeente Alblasserdam', 'F-42Nog niet gemeld', 'Nieuw'],
    ]);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('1');
    expect([...table.querySelectorAll('th')].every((th) => th.hasAttribute('scope'))).toBe(true);
  });

  it('prints and downloads from its buttons', async () => {
    const { store, render, announce } = await setUp();
    const round = await store.ui.activities.create(activityInput({ type: 'schouw', date: '2026-05-14' }));
    await store.ui.schouw.createFinding({ schouwId: round, element: 'drain', aspect: 'other' }, 'user-1');
    // happy-dom has no window.print.
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const createObjectURL = vi.spyOn(URL, 'createObjectURL');
    const created = () => createObjectURL.mock.calls.map(([blob]) => blob as Blob);
    // What the browser is asked to save: the link's file name and address, at the moment it is clicked.
    const saved: Array<{ download: string; href: string }> = [];
    const listening = new AbortController();
    onTestFinished(() => listening.abort());
    document.addEventListener(
      'click',
      (event) => {
        if (event.target instanceof HTMLAnchorElement && event.target.download) saved.push({ download: event.target.download, href: event.target.href });
      },
      { signal: listening.signal },
    );
    render(<ReportScreen activityId={round} />);
    await waitFor(() => expect(reportFindings()).toHaveLength(1));
    const toolbar = within(screen.getByRole('group', { name: 'Rapport afdrukken en exporteren' }));

    fireEvent.click(toolbar.getByRole('button', { name: 'Afdrukken of opslaan als PDF' }));
    expect(print).toHaveBeenCalledOnce();

    fireEvent.click(toolbar.getByRole('button', { name: 'CSV downloaden' }));
    expect(announce).toHaveBeenLastCalledWith('Bestand schouw-2026-05-14-oranjebuurt.csv is gedownload');
    expect(saved[0]).toEqual({ download: 'schouw-2026-05-14-oranjebuurt.csv', href: createObjectURL.mock.results[0]?.value });
    const csv = new Uint8Array(await created()[0]!.arrayBuffer());
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    fireEvent.click(toolbar.getByRole('button', { name: 'GeoJSON downloaden' }));
    expect(announce).toHaveBeenLastCalledWith('Bestand schouw-2026-05-14-oranjebuurt.geojson is gedownload');
    expect(saved[1]?.download).toBe('schouw-2026-05-14-oranjebuurt.geojson');
    expect(created()[1]?.type).toBe('application/geo+json');
    expect(JSON.parse(await created()[1]!.text()).features[0].geometry).toBeNull();
    // The temporary links are gone again, and the report is still there.
    expect(document.querySelector('a[download]')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/^Schouwrapport/);
  });

  it('says so when nothing was rated yet', async () => {
    const { store, render } = await setUp();
    const round = await store.ui.activities.create(activityInput({ type: 'schouw' }));
    await store.ui.schouw.createFinding({ schouwId: round, element: 'drain', aspect: 'other' }, 'user-1');
    render(<ReportScreen activityId={round} />);
    expect(await screen.findByText('Nog geen beoordeelde bevindingen: er is geen score.')).toBeTruthy();
    await store.ui.schouw.updateRound(round, { method: 'free' });
    expect(await screen.findByText('Deze schouw gebruikt vrije notities zonder niveau: er is geen score.')).toBeTruthy();
  });
});

describe('the terugkoppeling for residents', () => {
  it('groups the findings by what came of them, with the reason when it will not be taken up', async () => {
    const { store, render } = await setUp();
    const round = await store.ui.activities.create(activityInput({ type: 'schouw', title: 'Voorjaarsschouw' }));
    const fixed = await store.ui.schouw.createFinding(
      { schouwId: round, element: 'litterBin', aspect: 'binFull', responsiblePartnerId: 'gemeente', action: 'reportFixi' },
      'user-1',
    );
    const dropped = await store.ui.schouw.createFinding({ schouwId: round, element: 'hedge', aspect: 'overgrown' }, 'user-1');
    await store.ui.schouw.createFinding({ schouwId: round, element: 'drain', aspect: 'other' }, 'user-1');
    await store.ui.schouw.setFindingStatus(fixed, { to: 'resolved', note: 'Afvalbak is geleegd en vaker ingepland.', by: 'user-2' });
    await store.ui.schouw.setFindingStatus(dropped, { to: 'wontFix', note: 'De haag staat op particulier terrein.', by: 'user-2' });

    render(<FeedbackScreen activityId={round} />);
    await screen.findByRole('region', { name: /^Opgelost \(/ });
    // Each group is a region named by its heading, with its count.
    const group = (name: string) => text(screen.getByRole('region', { name: new RegExp(`^${name} \\(`) }));
    expect(screen.getAllByRole('region').map((region) => text(region.querySelector('h2')))).toEqual([
      'Opgelost (1 bevinding)',
      'Mee bezig (0 bevindingen)',
      'Nog open (1 bevinding)',
      'Wordt niet opgepakt (1 bevinding)',
    ]);
    expect(group('Opgelost')).toContain('Afvalbak — Afvalbak vol');
    expect(group('Opgelost')).toContain('Opgelost · Melden in FIXI');
    expect(group('Opgelost')).toContain('Gemeente Alblasserdam');
    expect(group('Opgelost')).toContain('Afvalbak is geleegd en vaker ingepland.');
    expect(group('Wordt niet opgepakt')).toContain('RedenDe haag staat op particulier terrein.');
    expect(group('Nog open')).toContain('Kolk en put — Iets anders');
    expect(group('Mee bezig')).toContain('Geen bevindingen.');
    expect(text(document.body)).not.toContain('user-2');
  });
});

describe('the open findings', () => {
  async function twoRounds() {
    const setup = await setUp();
    const { store, clock } = setup;
    const spring = await store.ui.activities.create(activityInput({ type: 'schouw', title: 'Voorjaarsschouw', date: '2026-05-14' }));
    const autumn = await store.ui.activities.create(activityInput({ type: 'schouw', title: 'Najaarsschouw', date: '2026-05-28' }));
    const elsewhere = await store.ui.activities.create(activityInput({ type: 'schouw', buurtId: 'schildersbuurt' }));
    const old = await store.ui.schouw.createFinding({ schouwId: spring, element: 'tree', aspect: 'damage', responsiblePartnerId: 'gemeente' }, 'user-1');
    const done = await store.ui.schouw.createFinding({ schouwId: spring, element: 'grass', aspect: 'bare' }, 'user-1');
    clock.advance(14 * DAY);
    const recent = await store.ui.schouw.createFinding(
      { schouwId: autumn, element: 'litterBin', aspect: 'binFull', responsiblePartnerId: 'woonkracht10' },
      'user-1',
    );
    await store.ui.schouw.createFinding({ schouwId: elsewhere, element: 'drain', aspect: 'other' }, 'user-1');
    await store.ui.schouw.setFindingStatus(done, { to: 'resolved', by: 'user-2' });
    await store.ui.schouw.setFindingStatus(recent, { to: 'reported', by: 'user-2' });
    return { ...setup, spring, autumn, old, recent };
  }

  it('lists a buurt’s open findings over all its rounds, oldest first, with their age', async () => {
    const { render, old, recent } = await twoRounds();
    render(<OpenFindings activityId={null} buurtId="oranjebuurt" />);
    await waitFor(() => expect(openRows()).toHaveLength(2));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Open bevindingen in Oranjebuurt');
    expect(screen.getByRole('status').textContent).toBe('2 bevindingen, de oudste eerst');
    const rows = openRows();
    expect(linkOf(rows[0]!)).toBe(`#/bevinding/${old}`);
    expect(text(rows[0])).toContain('4 weken open · Nieuw');
    expect(text(rows[0])).toContain('Voorjaarsschouw');
    expect(linkOf(rows[1]!)).toBe(`#/bevinding/${recent}`);
    expect(text(rows[1])).toContain('2 weken open · Gemeld');
    const counts = within(screen.getByRole('region', { name: 'Aantal per status' }));
    expect(counts.getAllByRole('term').map((dt) => [text(dt), text(dt.nextElementSibling)])).toEqual([
      ['Nieuw', '1'],
      ['Gemeld', '1'],
      ['In behandeling', '0'],
      ['Opgelost', '1'],
      ['Wordt niet opgepakt', '0'],
    ]);
  });

  it('filters by responsible partner and by status', async () => {
    const { render, old } = await twoRounds();
    render(<OpenFindings activityId={null} buurtId="oranjebuurt" />);
    await waitFor(() => expect(openRows()).toHaveLength(2));
    const filters = within(screen.getByRole('group', { name: 'Filteren' }));
    const partner = filters.getByRole('combobox', { name: 'Verantwoordelijke partner' });
    expect(within(partner).getAllByRole('option').map(text)).toEqual(
      expect.arrayContaining(['Alle partners', 'Nog niemand toegewezen', 'Gemeente Alblasserdam', 'Woonkracht10']),
    );

    fireEvent.change(partner, { target: { value: within(partner).getByRole('option', { name: 'Gemeente Alblasserdam' }).getAttribute('value') } });
    await waitFor(() => expect(openRows()).toHaveLength(1));
    expect(linkOf(openRows()[0]!)).toBe(`#/bevinding/${old}`);
    expect(screen.getByRole('status').textContent).toBe('1 bevinding, de oudste eerst');

    const status = filters.getByRole('combobox', { name: 'Status' });
    fireEvent.change(status, { target: { value: within(status).getByRole('option', { name: 'Gemeld' }).getAttribute('value') } });
    expect(await screen.findByText('Geen open bevindingen met deze filters.')).toBeTruthy();
    expect(openRows()).toHaveLength(0);
  });

  it('lists one round’s open findings only', async () => {
    const { render, autumn, recent } = await twoRounds();
    render(<OpenFindings activityId={autumn} buurtId={null} />);
    await waitFor(() => expect(openRows()).toHaveLength(1));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Open bevindingen: Najaarsschouw');
    expect(linkOf(openRows()[0]!)).toBe(`#/bevinding/${recent}`);
  });

  it('lets the wijkbeheerder choose a buurt, with the open findings on this device per buurt', async () => {
    const { render } = await twoRounds();
    render(<OpenFindings activityId={null} buurtId={null} />);
    await screen.findByText('2 open bevindingen');
    const links = screen.getAllByRole('link').filter((a) => (a.getAttribute('href') ?? '').startsWith('#/bevindingen/'));
    expect(links.map((a) => [a.getAttribute('href'), text(a)])).toEqual([
      ['#/bevindingen/oranjebuurt', 'Oranjebuurt2 open bevindingen'],
      ['#/bevindingen/schildersbuurt', 'Schildersbuurt1 open bevinding'],
    ]);
    expect(screen.getByRole('link', { name: /^Oranjebuurt/ }).getAttribute('href')).toBe('#/bevindingen/oranjebuurt');
  });
});
