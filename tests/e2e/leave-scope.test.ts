/**
 * Leaving scope (issue 13, item 5) in Chromium: a volunteer of the
 * Oranjebuurt team has two of the team's activities on her phone. On his
 * own phone the coordinator moves one to the Staatsliedenbuurt and its
 * schouw group; at her phone's next sync it disappears from her list, while
 * the other stays — and an activity the coordinator moves the other way, into
 * her team, arrives at the same sync. Dates are computed from today.
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/ids.ts';
import { BuurtlogPage, daysFromToday } from './buurtlog-page.ts';
import { coordinatorApi } from './coordinator-api.ts';
import { ANDROID_PHONE_UA, newDevice } from './harness.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

const OUR_TEAM = 'buurtpreventie-oranjebuurt';
const OTHER_TEAM = 'schouwgroep-staatsliedenbuurt';

function activity(title: string, buurtId: string, teamId: string) {
  return {
    type: 'activity',
    id: uuidv7(Date.now()),
    values: {
      title,
      type: 'meeting',
      buurtId,
      teamId,
      date: daysFromToday(2),
      start: '19:30',
      status: 'planned',
      createdAt: Date.now(),
      createdBy: 'coordinator',
    },
  };
}

describe('a record moved out of scope', () => {
  const env = useServerAndBrowser();

  it('disappears from the other phone at its next sync, while what stays in scope stays and what moved in arrives', async () => {
    const { server, browser } = env;
    const coordinatorApiClient = await coordinatorApi(server);
    const moving = activity('Koffieochtend Oranjebuurt', 'oranjebuurt', OUR_TEAM);
    const staying = activity('Buurtwandeling Oranjebuurt', 'oranjebuurt', OUR_TEAM);
    const arriving = activity('Overleg Staatsliedenbuurt', 'staatsliedenbuurt', OTHER_TEAM);
    await coordinatorApiClient.push([moving, staying, arriving]);

    // The volunteer's phone, by invite into the Oranjebuurt team: the team's two activities, not the other team's.
    const volunteer = await BuurtlogPage.openInvite(
      await newDevice(browser, { userAgent: ANDROID_PHONE_UA }),
      server.url,
      await coordinatorApiClient.invite(OUR_TEAM, 'Sanne'),
    );
    await volunteer.waitUntilOfflineReady();
    await volunteer.waitForActivityInList(moving.values.title);
    await volunteer.waitForActivityInList(staying.values.title);
    const inList = (title: string) => volunteer.page.getByRole('link', { name: new RegExp(title) });
    expect(await inList(arriving.values.title).count()).toBe(0);

    // The coordinator, on his phone, moves one to the Staatsliedenbuurt and its schouw group.
    const coordinator = await BuurtlogPage.open(await newDevice(browser), server.url);
    await coordinator.waitUntilSynced();
    await coordinator.page.goto(`${server.url}/#/activiteit/${moving.id}/bewerken`);
    await coordinator.expectSoon('the edit form', () =>
      coordinator.page.getByRole('heading', { level: 1, name: 'Activiteit bewerken' }).waitFor({ timeout: 30_000 }),
    );
    // Both are choices for a coordinator once the form knows who he is (until then they show as text).
    await coordinator.openMoreDetails();
    const [buurtSelect, teamSelect] = [coordinator.page.locator('select#activity-buurtId'), coordinator.page.locator('select#activity-teamId')];
    await coordinator.expectSoon('buurt and team to choose', async () => {
      await buurtSelect.waitFor({ timeout: 30_000 });
      await teamSelect.waitFor({ timeout: 30_000 });
    });
    await teamSelect.selectOption({ label: 'Schouwgroep Staatsliedenbuurt' });
    await buurtSelect.selectOption({ label: 'Staatsliedenbuurt' });
    await coordinator.expectSoon('the new buurt and team in the form', () =>
      coordinator.page.waitForFunction(
        ([id, name]: readonly string[]) =>
          document.querySelector<HTMLSelectElement>('select#activity-buurtId')?.value === 'staatsliedenbuurt' &&
          [id, name].includes(
            document.querySelector<HTMLSelectElement>('select#activity-teamId')?.value ?? document.querySelector('#activity-teamId')?.textContent?.trim() ?? '',
          ),
        [OTHER_TEAM, 'Schouwgroep Staatsliedenbuurt'] as const,
        { timeout: 10_000 },
      ),
    );
    await coordinator.page.getByRole('button', { name: 'Opslaan' }).click();
    await coordinator.page.getByRole('link', { name: 'Aanwezigheid tellen' }).waitFor();
    await coordinator.syncNow();
    await coordinator.waitUntilAllSent();
    // …and, through the API, moves the other team's meeting into the Oranjebuurt team.
    await coordinatorApiClient.push([{ type: 'activity', id: arriving.id, values: { buurtId: 'oranjebuurt', teamId: OUR_TEAM } }]);

    // Her phone's next sync: the moved activity is gone from her list, the other stays, the one moved in arrives.
    await volunteer.page.goto(`${server.url}/#/`);
    await volunteer.syncNow();
    await volunteer.waitForActivityInList(arriving.values.title);
    await volunteer.expectSoon('the moved activity gone from the list', () => inList(moving.values.title).waitFor({ state: 'detached', timeout: 30_000 }));
    expect(await inList(staying.values.title).count()).toBe(1);
    // Gone from the device, not just from the list: its own page no longer finds it.
    const stored = await volunteer.page.evaluate(
      (id) =>
        new Promise<boolean>((resolve, reject) => {
          const open = indexedDB.open('buurtlog-alblasserdam');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('records').objectStore('records').get(id);
            get.onsuccess = () => {
              open.result.close();
              resolve(get.result !== undefined);
            };
            get.onerror = () => reject(get.error);
          };
        }),
      moving.id,
    );
    expect(stored).toBe(false);
    await volunteer.page.context().close();
    await coordinator.page.context().close();
  });
});
