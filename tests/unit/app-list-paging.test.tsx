// @vitest-environment happy-dom
// Dexie's liveQuery (useLive) needs a global indexedDB when dexie loads.
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityList } from '../../src/app/activities/ActivityList.tsx';
import { localDate } from '../../src/app/format.ts';
import { OpenFindings } from '../../src/app/report/OpenFindings.tsx';
import { PAGE_SIZE } from '../../src/app/ui/ShowMore.tsx';
import { activityInput, manualClock } from '../fixtures/factories.ts';
import { cleanupApps, openApp } from '../fixtures/render-app.tsx';

const DAY = 24 * 60 * 60 * 1000;
const START = new Date(2026, 4, 14, 10, 0).getTime();
const MORE = PAGE_SIZE + 2;

afterEach(() => cleanupApps());

/** The links of a list's rows, in order. */
const rowLinks = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((li) => within(li).getAllByRole('link')[0] as HTMLElement);

describe('a long list, a page at a time', () => {
  it('shows the first activities with the count of all, and "Meer tonen" adds the next page below and moves focus to its first row', async () => {
    const { store, render } = await openApp({ now: () => START });
    for (let i = 0; i < MORE; i++) {
      await store.ui.activities.create(activityInput({ title: `Koffieochtend ${i + 1}`, date: localDate(START + i * DAY), start: '10:00' }));
    }
    render(<ActivityList route={{ name: 'list', buurt: null, when: 'upcoming' }} />);
    await screen.findByText(`${MORE} activiteiten`);
    const list = screen.getAllByRole('list').find((ul) => ul.classList.contains('activity-list')) as HTMLElement;
    expect(rowLinks(list).map((a) => within(a).getByText(/^Koffieochtend/).textContent)).toEqual(
      Array.from({ length: PAGE_SIZE }, (_, i) => `Koffieochtend ${i + 1}`),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Meer tonen' }));
    await waitFor(() => expect(rowLinks(list)).toHaveLength(MORE));
    await waitFor(() => expect(document.activeElement).toBe(rowLinks(list)[PAGE_SIZE]));
    expect(screen.queryByRole('button', { name: 'Meer tonen' })).toBeNull();
    expect(screen.getByText(`${MORE} activiteiten`)).toBeTruthy();
  });

  it('pages a buurt’s open findings the same way, the count saying how many there are in all', async () => {
    const clock = manualClock(START);
    const { store, render } = await openApp({ clock: clock.now, now: () => START + 30 * DAY, online: false });
    const round = await store.ui.activities.create(activityInput({ type: 'schouw', title: 'Voorjaarsschouw', date: localDate(START) }));
    for (let i = 0; i < MORE; i++) {
      clock.advance(60_000);
      await store.ui.schouw.createFinding({ schouwId: round, element: 'tree', aspect: 'damage' }, 'user-1');
    }
    render(<OpenFindings activityId={null} buurtId="oranjebuurt" />);
    await screen.findByText(`${MORE} bevindingen, de oudste eerst`);
    const list = screen.getAllByRole('list').find((ul) => ul.classList.contains('open-list')) as HTMLElement;
    expect(rowLinks(list)).toHaveLength(PAGE_SIZE);

    fireEvent.click(screen.getByRole('button', { name: 'Meer tonen' }));
    await waitFor(() => expect(rowLinks(list)).toHaveLength(MORE));
    await waitFor(() => expect(document.activeElement).toBe(rowLinks(list)[PAGE_SIZE]));
    expect(screen.queryByRole('button', { name: 'Meer tonen' })).toBeNull();
  });
});
